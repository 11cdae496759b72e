// Package companies owns the companies: creating one on its first request
// and assigning its one fixed contact consultant (the assignment rule, companies.go), moving
// companies between consultants, the import of a company register, the
// contacts consultants log and a company's timeline, and the hotline's
// company search, which follows the change log on every replica.
package companies

import (
	"context"
	"log/slog"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/surveys"
	"jobmatch/store"
)

// Staff is what the companies need of the staff.
type Staff interface {
	User(ctx context.Context, id string) (*jobmatch.User, error)
	Consultants(ctx context.Context) ([]*jobmatch.User, error)
}

// Surveys is told of the events that may send the employer a survey.
type Surveys interface {
	AfterEvent(ctx context.Context, t surveys.Trigger)
}

// Service is the companies use case. It is safe for concurrent use.
type Service struct {
	env     *app.Env
	st      *store.Store
	val     *app.Validator
	log     *slog.Logger
	staff   Staff
	surveys Surveys
	search  *Search
	audit   *app.Audit
}

// New returns the companies use case. search, when not nil, is this
// process's company search: it is told of the companies written here at
// once, so its own follower need not read them back.
func New(env *app.Env, staff Staff, surveys Surveys, search *Search) *Service {
	if staff == nil || surveys == nil {
		panic("companies: New needs Staff and Surveys")
	}
	return &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger(), staff: staff, surveys: surveys, search: search,
		audit: app.NewAudit(env)}
}

func (s *Service) now() time.Time { return s.env.Now() }

// companiesAdded logs companies created or changed for every replica's
// company search and tells this process's at once.
func (s *Service) companiesAdded(ctx context.Context, cs []*jobmatch.Company) {
	if len(cs) == 0 {
		return
	}
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.CVR
	}
	logChanges := s.st.LogChanges
	if s.search != nil {
		logChanges = s.st.LogAppliedChanges
		s.search.Put(cs)
	}
	if err := logChanges(ctx, store.KindCompany, ids...); err != nil {
		s.log.Error("log company change", "err", err)
	}
}
