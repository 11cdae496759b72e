// Package intake owns the one entry point: vacancies and every other
// request from a company, by web form, API or the hotline, filed with the
// company's one contact person, answered by a receipt with a status link;
// the response deadlines, resolving a request, closing a vacancy, its
// publication on the job page, and the lists of requests and vacancies.
package intake

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/surveys"
	"jobmatch/store"
	"jobmatch/taxonomy"
)

// Companies is what the entry point needs of the companies.
type Companies interface {
	Company(ctx context.Context, cvr string) (*jobmatch.Company, error)
	EnsureCompany(ctx context.Context, in companies.CompanyInput) (*jobmatch.Company, bool, error)
	ContactPersonOf(ctx context.Context, c *jobmatch.Company) (jobmatch.ContactPerson, error)
	StandIn(ctx context.Context, c *jobmatch.Company) (*jobmatch.User, error)
}

// Staff is what the entry point needs of the staff: who handles a
// consultant's requests while they are away.
type Staff interface {
	User(ctx context.Context, id string) (*jobmatch.User, error)
}

// Surveys is told of the events that may send the employer a survey.
type Surveys interface {
	AfterEvent(ctx context.Context, t surveys.Trigger)
}

// VacancyWatcher is told of each vacancy stored or changed in this
// process (the reverse match's open vacancies).
type VacancyWatcher interface {
	VacancyChanged(v *jobmatch.Vacancy)
}

// Config holds the entry point's parts and rules.
type Config struct {
	Companies Companies
	Staff     Staff
	Surveys   Surveys
	// Watcher, when not nil (an untyped nil, not a nil pointer), is told of each vacancy written here, so this
	// process's follower need not read it back.
	Watcher VacancyWatcher
	// Deadline computes a request's response deadline from its topic and
	// receipt time (working days, Danish holidays); none when nil.
	Deadline func(topic jobmatch.Topic, received time.Time) time.Time
	// RetentionTeam is the address told of every retention request.
	RetentionTeam string
	// Occupations reads the occupation a consultant sets a vacancy to
	// (SetVacancyOccupation); nil refuses it.
	Occupations Occupations
}

// Occupations is the taxonomy's reading of an occupation: a concept by its
// URI, or the concept a title names.
type Occupations interface {
	Occupation(uri string) (*taxonomy.Occupation, bool)
	NormalizeOccupation(title string) (uri string, score float64, ok bool)
}

// Service is the entry point's use case. It is safe for concurrent use.
type Service struct {
	env *app.Env
	st  *store.Store
	val *app.Validator
	log *slog.Logger

	companies     Companies
	staff         Staff
	surveys       Surveys
	watcher       VacancyWatcher
	deadline      func(topic jobmatch.Topic, received time.Time) time.Time
	retentionTeam string
	occupations   Occupations
	// closed are told of each vacancy closed here (OnClose).
	closed []func(ctx context.Context, by *jobmatch.User, v *jobmatch.Vacancy)
	// receipts bounds the receipts mailed to one address a day.
	receipts receiptQuota

	deadlineMu   sync.Mutex
	deadlineDays map[string]int
	deadlineAt   time.Time
}

// New returns the entry point's use case.
func New(env *app.Env, cfg Config) *Service {
	if cfg.Companies == nil || cfg.Staff == nil || cfg.Surveys == nil {
		panic("intake: New needs Companies, Staff and Surveys")
	}
	return &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger(),
		companies: cfg.Companies, staff: cfg.Staff, surveys: cfg.Surveys, watcher: cfg.Watcher,
		deadline: cfg.Deadline, retentionTeam: cfg.RetentionTeam, occupations: cfg.Occupations}
}

func (s *Service) now() time.Time { return s.env.Now() }

// notifyVacancy logs a vacancy's change for every replica's derived views
// (store.Follower) and tells this process's at once.
func (s *Service) notifyVacancy(ctx context.Context, v *jobmatch.Vacancy) {
	logChanges := s.st.LogChanges
	if s.watcher != nil {
		// Told here, so this process's follower need not read it back.
		logChanges = s.st.LogAppliedChanges
		s.watcher.VacancyChanged(v)
	}
	if err := logChanges(ctx, store.KindVacancy, v.ID); err != nil {
		s.log.Error("log vacancy change", "vacancy", v.ID, "err", err)
	}
}
