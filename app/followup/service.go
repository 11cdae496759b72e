// Package followup owns what management and the consultants follow: the
// period figures (company contacts against the yearly target, response
// times, satisfaction against 92 %, vacancies filled, priority groups and
// job orders), the targets, the half-yearly report, the rebuild of the
// counters from the events, and a consultant's worklist.
package followup

import (
	"context"
	"log/slog"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/screening"
	"jobmatch/store"
)

// Staff is what the figures need of the staff: the active consultants,
// and every user (an admin or a former consultant logs contacts too).
type Staff interface {
	Consultants(ctx context.Context) ([]*jobmatch.User, error)
	Users(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.User], error)
}

// Requests is what the worklist needs of the entry point.
type Requests interface {
	OpenRequests(ctx context.Context, consultantID string) ([]*jobmatch.Request, error)
	Vacancies(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.Vacancy], error)
}

// Companies is what the worklist needs of the companies.
type Companies interface {
	Companies(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.Company], error)
}

// Screening is what the worklist needs of the pre-screening.
type Screening interface {
	OverdueConsents(ctx context.Context, consultantID string) ([]screening.OverdueConsent, error)
	UpcomingInterviews(ctx context.Context, consultantID string) ([]*jobmatch.InterviewInvite, error)
	EmployerAnswers(ctx context.Context, consultantID string, limit int) ([]screening.Answered, error)
}

// Config holds the follow-up's parts.
type Config struct {
	Staff     Staff
	Requests  Requests
	Companies Companies
	Screening Screening
}

// Service is the follow-up use case. It is safe for concurrent use.
type Service struct {
	env *app.Env
	st  *store.Store
	val *app.Validator
	log *slog.Logger

	staff     Staff
	requests  Requests
	companies Companies
	screening Screening
	audit     *app.Audit
}

// New returns the follow-up use case.
func New(env *app.Env, cfg Config) *Service {
	if cfg.Staff == nil || cfg.Requests == nil || cfg.Companies == nil || cfg.Screening == nil {
		panic("followup: New needs Staff, Requests, Companies and Screening")
	}
	return &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger(),
		staff: cfg.Staff, requests: cfg.Requests, companies: cfg.Companies, screening: cfg.Screening, audit: app.NewAudit(env)}
}

func (s *Service) now() time.Time { return s.env.Now() }
