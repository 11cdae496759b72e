// Package app is what every use case shares: the environment they run in
// (the store, the clock, the logger, the input validator, the outbox and
// once-only steps), paged lists, the audit log and the period counters each
// event adds.
//
// The use cases live in the packages below it, one room each, built by
// system in dependency order; each declares the small interfaces it needs
// of the others:
//
//	staff      users, sessions, absence
//	surveys    satisfaction surveys to employers and citizens
//	companies  companies, their one contact person, contacts logged, company search
//	intake     the one entry point: vacancies and requests, their status and closing
//	cvs        CVs, their import and the CV search
//	matching   ranked candidates for a vacancy and vacancies for a CV
//	screening  shortlists, consent, interviews, the employer's view, retention
//	followup   the management figures, targets, the report and the consultant's worklist
//
// Handlers decode and validate, call one method of a use case, and encode;
// the rules live in the use cases and in the root package.
package app

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"jobmatch/store"
)

// Config holds an Env's parts.
type Config struct {
	Store     *store.Store
	Validator *Validator
	Logger    *slog.Logger
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// PublicURL is where employers and citizens reach the service (for
	// links in e-mails), e.g. https://jobmatch.kommune.dk; no trailing slash.
	PublicURL string
	// SMTP delivers outgoing mail when its address is set.
	SMTP SMTP
}

// Env is the environment the use cases share. It is safe for concurrent use.
type Env struct {
	st        *store.Store
	val       *Validator
	log       *slog.Logger
	now       func() time.Time
	publicURL string
	smtp      SMTP
}

// New returns an Env.
func New(cfg Config) *Env {
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
	return &Env{st: cfg.Store, val: cfg.Validator, log: cfg.Logger, now: now,
		publicURL: strings.TrimSuffix(cfg.PublicURL, "/"), smtp: cfg.SMTP}
}

// WithClock returns an Env over the same store whose clock is now: for
// back-dated demo events and tests.
func (e *Env) WithClock(now func() time.Time) *Env {
	c := *e
	c.now = func() time.Time { return now().Truncate(time.Millisecond) }
	return &c
}

// URL makes an absolute link from a path, for e-mails.
func (e *Env) URL(path string) string {
	if e.publicURL == "" {
		return "http://localhost:8080" + path
	}
	return e.publicURL + path
}

// Store returns the store.
func (e *Env) Store() *store.Store { return e.st }

// Validator returns the input validator.
func (e *Env) Validator() *Validator { return e.val }

// Now returns the clock's time, in milliseconds.
func (e *Env) Now() time.Time { return e.now() }

// Logger returns the logger.
func (e *Env) Logger() *slog.Logger { return e.log }

// CountPeriods adds to the KPI counters of the year, half-year and month of
// t (Europe/Copenhagen).
func (e *Env) CountPeriods(ctx context.Context, t time.Time, inc map[string]int64) error {
	return e.st.CountEvents(ctx, t, inc)
}
