// Package screening owns the pre-screening of a vacancy: the shortlist and
// its stages, the citizen's consent (on paper or through a private link),
// first interviews with their calendar invitations, presenting candidates
// to the employer through a private link and the employer's answers, the
// priority-group counters of each step, the citizen's data export and the
// erasure of old pre-screenings.
package screening

import (
	"context"
	"log/slog"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/intake"
	"jobmatch/i18n"
	"jobmatch/store"
	"jobmatch/taxonomy"
)

// Vacancies is what the pre-screening needs of the entry point.
type Vacancies interface {
	Vacancy(ctx context.Context, id string) (*jobmatch.Vacancy, error)
	CloseVacancy(ctx context.Context, by *jobmatch.User, id string, in intake.VacancyClose) (*jobmatch.Vacancy, error)
	SetVacancyStatus(ctx context.Context, v *jobmatch.Vacancy, to jobmatch.VacancyStatus) error
	ResolveLink(ctx context.Context, token string) (*store.Link, error)
	Publication(ctx context.Context, vacancyID string) (jobmatch.Publication, error)
	// ContactPersonOf names the company's fixed contact person.
	ContactPersonOf(ctx context.Context, cvr string) (jobmatch.ContactPerson, error)
}

// Staff names the consultant on an interview invitation.
type Staff interface {
	User(ctx context.Context, id string) (*jobmatch.User, error)
}

// Matches names the vacancy's skills a candidate meets as the consultant's
// match card counts them, so the employer's profile shows the same.
type Matches interface {
	MatchedSkillsIn(lang i18n.Lang, v *jobmatch.Vacancy, candidateID string) ([]string, bool)
}

// Config holds the pre-screening's parts.
type Config struct {
	Vacancies Vacancies
	Staff     Staff
	Audit     *app.Audit
	// Places names towns on the employer's profile.
	Places *taxonomy.Places
	// Matches, when not nil (an untyped nil, not a nil pointer), names the
	// skills met on the employer's profile.
	Matches Matches
	// LinkGrace is how long an employer's link keeps working after the
	// vacancy is filled or closed (default 30 days).
	LinkGrace time.Duration
}

// Service is the pre-screening use case. It is safe for concurrent use.
type Service struct {
	env *app.Env
	st  *store.Store
	val *app.Validator
	log *slog.Logger

	vacancies Vacancies
	staff     Staff
	audit     *app.Audit
	places    *taxonomy.Places
	matches   Matches
	linkGrace time.Duration
}

// New returns the pre-screening use case.
func New(env *app.Env, cfg Config) *Service {
	if cfg.Vacancies == nil || cfg.Staff == nil || cfg.Audit == nil {
		panic("screening: New needs Vacancies, Staff and Audit")
	}
	if cfg.LinkGrace <= 0 {
		cfg.LinkGrace = 30 * 24 * time.Hour
	}
	sl := &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger(),
		vacancies: cfg.Vacancies, staff: cfg.Staff, audit: cfg.Audit, places: cfg.Places, matches: cfg.Matches, linkGrace: cfg.LinkGrace}
	sl.watchCloses()
	return sl
}

func (sl *Service) now() time.Time { return sl.env.Now() }
