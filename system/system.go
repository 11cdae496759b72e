// Package system assembles jobmatch from its parts — store, services, search
// index, API and pages — for the serve command and for tests, so both run the
// same wiring.
package system

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/frontend"
	"jobmatch/store"
	"jobmatch/taxonomy"
)

// Config configures a System.
type Config struct {
	DataDir    string
	MongoDBURI string
	Database   string
	SQLiteSync string
	Logger     *slog.Logger
	// Now fixes the clock (tests); time.Now when nil.
	Now func() time.Time
	// PublicRate/PublicBurst limit the public entry point per client.
	PublicRate  float64
	PublicBurst int
	DevMode     bool
}

// System is a running jobmatch without its listener.
type System struct {
	Store   *store.Store
	Service *app.Service
	API     *api.Server
	Places  *taxonomy.Places
	log     *slog.Logger

	starters []func(ctx context.Context)
}

// Open opens the store and builds the services and HTTP handlers.
func Open(ctx context.Context, cfg Config) (*System, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	st, err := store.Open(ctx, store.Config{MongoDBURI: cfg.MongoDBURI, DataDir: cfg.DataDir, Database: cfg.Database, Logger: cfg.Logger, SQLiteSync: cfg.SQLiteSync})
	if err != nil {
		return nil, err
	}
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		_ = st.Close(context.Background())
		return nil, err
	}
	svc := app.New(app.Config{
		Store: st, Validator: app.NewValidator(places), Logger: cfg.Logger, Now: cfg.Now,
		Deadline: responseDeadline,
	})
	srv := api.New(api.Config{Service: svc, Logger: cfg.Logger, PublicRate: cfg.PublicRate, PublicBurst: cfg.PublicBurst, DevMode: cfg.DevMode})
	if err := frontend.Register(srv, frontend.Config{Places: places}); err != nil {
		_ = st.Close(context.Background())
		return nil, fmt.Errorf("system: frontend: %w", err)
	}
	return &System{Store: st, Service: svc, API: srv, Places: places, log: cfg.Logger}, nil
}

// Handler is the HTTP handler of the whole service.
func (s *System) Handler() http.Handler { return s.API }

// Close stops background work and closes the store.
func (s *System) Close(ctx context.Context) error {
	return s.Store.Close(ctx)
}

// responseDeadline is the default response deadline per topic, in working days.
func responseDeadline(topic jobmatch.Topic, received time.Time) time.Time {
	days := map[jobmatch.Topic]int{
		jobmatch.TopicVacancy: 2, jobmatch.TopicRetention: 1, jobmatch.TopicSubsidy: 3,
		jobmatch.TopicLayoff: 1, jobmatch.TopicOther: 5,
	}[topic]
	if days == 0 {
		days = 5
	}
	return addWorkingDays(received, days)
}

// addWorkingDays is replaced by the calendar package as it lands.
func addWorkingDays(t time.Time, n int) time.Time {
	d := t.In(jobmatch.Copenhagen)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, jobmatch.Copenhagen)
}

// Start begins background work (index sync, scheduled jobs).
func (s *System) Start(ctx context.Context) {
	for _, f := range s.starters {
		f(ctx)
	}
}
