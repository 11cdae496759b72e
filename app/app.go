// Package app holds jobmatch's application services: the operations the web
// pages and the JSON API share (the one entry point, company assignment,
// staff sessions, lists). Handlers decode and validate, call one method here,
// and encode; the rules live here and in the root package.
package app

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Config holds a Service's dependencies.
type Config struct {
	Store     *store.Store
	Validator *Validator
	Logger    *slog.Logger
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Assignment is the rule that picks a new company's contact consultant.
	Assignment AssignmentRule
	// Deadline computes a request's response deadline from its topic and
	// receipt time (working days, Danish holidays); none when nil.
	Deadline func(topic jobmatch.Topic, received time.Time) time.Time
	// OnCompanies is told about companies created (for the company search
	// index); optional.
	OnCompanies func(cs []*jobmatch.Company)
	// OnVacancy is told about each new vacancy after it is stored (e.g. to
	// start matching); optional.
	OnVacancy func(v *jobmatch.Vacancy)
	// RetentionTeam is the address told of every retention request.
	RetentionTeam string
	// PublicURL is where employers and citizens reach the service (for
	// links in e-mails), e.g. https://jobmatch.kommune.dk; no trailing slash.
	PublicURL string
	// SMTP delivers outgoing mail when its address is set.
	SMTP SMTP
}

// Service is the application layer. It is safe for concurrent use.
type Service struct {
	st     *store.Store
	val    *Validator
	log    *slog.Logger
	now    func() time.Time
	assign AssignmentRule

	deadline    func(topic jobmatch.Topic, received time.Time) time.Time
	onVacancy   func(v *jobmatch.Vacancy)
	onCompanies func(cs []*jobmatch.Company)

	retentionTeam string
	publicURL     string
	smtp          SMTP

	deadlineMu   sync.Mutex
	deadlineDays map[string]int
	deadlineAt   time.Time

	users userCache
}

// New returns a Service.
func New(cfg Config) *Service {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Validator == nil {
		cfg.Validator = NewValidator(nil)
	}
	// The store keeps milliseconds: a time compared or bucketed now must be
	// the same time a rebuild reads back.
	clock := cfg.Now
	now := func() time.Time { return clock().Truncate(time.Millisecond) }
	return &Service{st: cfg.Store, val: cfg.Validator, log: cfg.Logger, now: now, assign: cfg.Assignment,
		deadline: cfg.Deadline, onVacancy: cfg.OnVacancy, onCompanies: cfg.OnCompanies, retentionTeam: cfg.RetentionTeam,
		publicURL: strings.TrimSuffix(cfg.PublicURL, "/"), smtp: cfg.SMTP}
}

// URL makes an absolute link from a path, for e-mails.
func (s *Service) URL(path string) string {
	if s.publicURL == "" {
		return "http://localhost:8080" + path
	}
	return s.publicURL + path
}

// Store returns the underlying store (for packages that add services of their own).
func (s *Service) Store() *store.Store { return s.st }

// Validator returns the input validator.
func (s *Service) Validator() *Validator { return s.val }

// Now returns the service clock's time.
func (s *Service) Now() time.Time { return s.now() }

// Logger returns the service logger.
func (s *Service) Logger() *slog.Logger { return s.log }

// notifyVacancy logs a vacancy's change for every replica's derived views
// (store.Follower) and tells this process's at once.
func (s *Service) notifyVacancy(ctx context.Context, v *jobmatch.Vacancy) {
	logChanges := s.st.LogChanges
	if s.onVacancy != nil {
		// Told here, so this process's follower need not read it back.
		logChanges = s.st.LogAppliedChanges
		s.onVacancy(v)
	}
	if err := logChanges(ctx, store.KindVacancy, v.ID); err != nil {
		s.log.Error("log vacancy change", "vacancy", v.ID, "err", err)
	}
}

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
	if s.onCompanies != nil {
		logChanges = s.st.LogAppliedChanges
		s.onCompanies(cs)
	}
	if err := logChanges(ctx, store.KindCompany, ids...); err != nil {
		s.log.Error("log company change", "err", err)
	}
}

// WithClock returns a service over the same store and rules whose clock is
// now: for back-dated demo events and tests. Hooks (matching, company
// search) are not told; the caller reloads what it needs.
func (s *Service) WithClock(now func() time.Time) *Service {
	return &Service{st: s.st, val: s.val, log: s.log, assign: s.assign, deadline: s.deadline,
		retentionTeam: s.retentionTeam, publicURL: s.publicURL, smtp: s.smtp,
		now: func() time.Time { return now().Truncate(time.Millisecond) }}
}
