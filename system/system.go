// Package system assembles jobmatch from its parts — store, services, search
// index, API and pages — for the serve command and for tests, so both run the
// same wiring.
package system

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/cvs"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/app/matching"
	"jobmatch/app/screening"
	"jobmatch/app/staff"
	"jobmatch/app/surveys"
	"jobmatch/calendar"
	"jobmatch/frontend"
	"jobmatch/index"
	"jobmatch/matcher"
	"jobmatch/store"
	"jobmatch/taxonomy"
	"jobmatch/web"
)

// Config configures a System.
type Config struct {
	DataDir    string
	MongoDBURI string
	// PostgreSQLURL: the PostgreSQL database behind a FerretDB at
	// MongoDBURI, for the store's _id indexes (store.Config).
	PostgreSQLURL string
	Database      string
	SQLiteSync    string
	Logger        *slog.Logger
	// Command: a one-off command (kpi rebuild, purge, reindex, import,
	// user), not a replica that serves (store.Config).
	Command bool
	// Now fixes the clock (tests); time.Now when nil.
	Now func() time.Time
	// PublicRate/PublicBurst limit the public entry point per client.
	PublicRate  float64
	PublicBurst int
	// IntakePerAddress/IntakePerCVR: anonymous submissions an hour per
	// client address and per CVR number (web.Config).
	IntakePerAddress, IntakePerCVR int
	// FileRepeats: see web.Config (tests).
	FileRepeats bool
	DevMode     bool
	// RetentionDays: CVs inactive longer are erased by a scheduled job
	// every PurgeEvery (default a day); 0 turns the job off.
	RetentionDays int
	PurgeEvery    time.Duration
	// RetentionTeam is the address told of every retention request
	// (default fastholdelse@jobcenter.local).
	RetentionTeam string
	// PublicURL is the service's address as employers and citizens see it
	// (links in e-mails); default http://localhost:8080.
	PublicURL string
	// SMTPAddr (host:port) and SMTPFrom deliver outgoing mail; without an
	// address mail stays in the outbox.
	SMTPAddr, SMTPFrom string
	// LinkGraceDays: an employer's private link works this long after the
	// vacancy is filled or closed (default 30).
	LinkGraceDays int
	// ShortlistRetentionDays: the pre-screening of a closed vacancy is
	// erased this long after it closed, in the daily job (default 180).
	ShortlistRetentionDays int
	// MatchRunRetentionDays: match runs are erased this long after they
	// ran (default and minimum 183, six months).
	MatchRunRetentionDays int
	// DailyEvery is the daily job's interval (default a day); tests call
	// System.Daily directly.
	DailyEvery time.Duration
	// TrustedProxies (CIDRs) may set X-Forwarded-For/-Proto; nobody else.
	TrustedProxies []netip.Prefix
}

// System is a running jobmatch without its listener.
type System struct {
	Store    *store.Store
	API      *web.Server // the web kernel, with the API's and the pages' routes
	Places   *taxonomy.Places
	Taxonomy *taxonomy.Taxonomy
	Index    *index.Index
	Syncer   *index.Syncer
	Pool     *matcher.Pool

	// The use cases, built in dependency order (Open).
	Env           *app.Env
	Audit         *app.Audit
	Staff         *staff.Service
	Surveys       *surveys.Service
	Companies     *companies.Service
	CompanySearch *companies.Search
	Intake        *intake.Service
	CVs           *cvs.Service
	Matching      *matching.Service
	Screening     *screening.Service
	Followup      *followup.Service

	log *slog.Logger
	cfg Config
	wg  sync.WaitGroup

	starters  []func(ctx context.Context)
	poolReady atomic.Bool
	// poolLoaded: the full load finished (poolReady follows once its
	// snapshot is written, features.go).
	poolLoaded atomic.Bool
	// taxWarm: the taxonomy's lexicons are built; rebuilding: a fresh index
	// is being filled from the store (readiness.go).
	taxWarm      atomic.Bool
	rebuilding   atomic.Bool
	featuresPath string
	featuresFrom atomic.Value // "snapshot" | "store"
	savedApplied atomic.Int64
}

// The store is what the index reads and rebuilds from (the store does not
// import the index: the change type lives in the domain package).
var _ index.AllSource = (*store.Store)(nil)

// Open opens the store and builds the services and HTTP handlers.
func Open(ctx context.Context, cfg Config) (*System, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.RetentionTeam == "" {
		cfg.RetentionTeam = "fastholdelse@jobcenter.local"
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return nil, err
	}
	places := tax.Places
	// The index first: its lock is the data directory's, held by one
	// process at a time. A second serve, or a maintenance command on the
	// directory of one that runs, is refused before it starts the embedded
	// database on the live SQLite files (it used to start it, and only
	// then hear "in use by another process").
	ix, fresh, err := index.OpenWith(filepath.Join(cfg.DataDir, "index"), places, tax)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, store.Config{MongoDBURI: cfg.MongoDBURI, PostgreSQLURL: cfg.PostgreSQLURL, DataDir: cfg.DataDir, Database: cfg.Database, Logger: cfg.Logger, SQLiteSync: cfg.SQLiteSync, Command: cfg.Command})
	if err != nil {
		_ = ix.Close()
		return nil, err
	}
	labels := ConceptLabels(tax)
	syncer := index.NewSyncer(ix, st, cfg.Logger, labels)
	// The matcher reads CV features from memory; the syncer keeps them in
	// step with the index, and Start fills the pool from the store.
	pool := matcher.NewPool()
	// Until Start, nothing matches: a tool that only imports (jobmatch
	// import, demo) keeps no features, which at 150,000 CVs would be a
	// third of a gigabyte held for nothing; Start's load fills the pool.
	poolOn := new(atomic.Bool)
	syncer.OnApply = func(up []*jobmatch.Candidate, del []string, seq int64) {
		if !poolOn.Load() {
			return
		}
		for _, c := range up {
			pool.PutNamed(matcher.FromCandidate(c, tax, places), c.Name)
		}
		for _, id := range del {
			pool.Delete(id, seq)
		}
	}
	mt := &matcher.Matcher{Tax: tax, Geo: places, Index: ix, Pool: pool, Now: cfg.Now,
		Load: func(ctx context.Context, id string) (*matcher.Features, error) {
			c, err := st.Candidate(ctx, id)
			if err != nil {
				return nil, err
			}
			f := matcher.FromCandidate(c, tax, places)
			pool.PutNamed(f, c.Name)
			return f, nil
		}}

	// The use cases, each given what it uses, in dependency order: the
	// company search and the reverse match are built before the use cases
	// that tell them of their writes.
	env := app.New(app.Config{Store: st, Validator: app.NewValidator(places), Logger: cfg.Logger, Now: cfg.Now,
		PublicURL: cfg.PublicURL, SMTP: app.SMTP{Addr: cfg.SMTPAddr, From: cfg.SMTPFrom}})
	audit := app.NewAudit(env)
	staffUC := staff.New(env)
	surveysUC := surveys.New(env)
	search := companies.NewSearch(st, staffUC)
	companiesUC := companies.New(env, staffUC, surveysUC, search)
	cands := cvs.New(env, tax, ix, syncer, audit)
	matchingUC := matching.New(env, mt, audit, places)
	intakeUC := intake.New(env, intake.Config{Companies: companiesUC, Staff: staffUC, Surveys: surveysUC, Watcher: matchingUC,
		Deadline: responseDeadline, RetentionTeam: cfg.RetentionTeam, Occupations: tax})
	var linkGrace time.Duration
	if cfg.LinkGraceDays > 0 {
		linkGrace = time.Duration(cfg.LinkGraceDays) * 24 * time.Hour
	}
	shortlists := screening.New(env, screening.Config{Vacancies: intakeUC, Staff: staffUC, Audit: audit, Places: places,
		Matches: matchingUC, LinkGrace: linkGrace})
	cands.OnErase(shortlists.ForgetCandidate)
	cands.OnConsentWithdrawn(shortlists.WithdrawConsents)
	matchingUC.SetHired(shortlists.Hires)
	followupUC := followup.New(env, followup.Config{Staff: staffUC, Requests: intakeUC, Companies: companiesUC, Screening: shortlists})
	views, err := followViews(ctx, st, search, matchingUC)
	if err != nil {
		_ = ix.Close()
		_ = st.Close(context.Background())
		return nil, err
	}

	srv := web.New(web.Config{Sessions: staffUC, Ping: st.Ping, Logger: cfg.Logger, PublicRate: cfg.PublicRate, PublicBurst: cfg.PublicBurst, DevMode: cfg.DevMode,
		IntakePerAddress: cfg.IntakePerAddress, IntakePerCVR: cfg.IntakePerCVR, FileRepeats: cfg.FileRepeats, Now: cfg.Now,
		TrustedProxies: cfg.TrustedProxies, PublicURL: cfg.PublicURL, Validate: env.Validator().Validate, Unreachable: store.Unreachable, Replies: st})
	// The API and the pages are siblings on the web kernel; each group of
	// routes is added here, explicitly.
	uc := api.UseCases{Env: env, Staff: staffUC, Companies: companiesUC, Intake: intakeUC, Surveys: surveysUC, Followup: followupUC}
	api.RegisterFoundation(srv, uc)
	api.RegisterCandidates(srv, cands, audit)
	api.RegisterMatching(srv, matchingUC)
	api.RegisterCompanySearch(srv, search)
	api.RegisterCompanyService(srv, uc)
	api.RegisterFollowUp(srv, uc)
	api.RegisterShortlists(srv, shortlists, intakeUC)
	registerIndexMetrics(srv, ix, syncer, pool)
	if err := frontend.Register(srv, frontend.Config{Env: env, Staff: staffUC, Companies: companiesUC, Intake: intakeUC, Surveys: surveysUC, Followup: followupUC,
		Places: places, CVs: cands, Matching: matchingUC, CompanySearch: search, Screening: shortlists,
		Retention: frontend.Retention{CVDays: cfg.RetentionDays, ShortlistDays: cfg.ShortlistRetentionDays, MatchRunDays: cfg.MatchRunRetentionDays, LinkGraceDays: cfg.LinkGraceDays}}); err != nil {
		_ = ix.Close()
		_ = st.Close(context.Background())
		return nil, fmt.Errorf("system: frontend: %w", err)
	}
	sys := &System{Store: st, API: srv, Places: places, Taxonomy: tax, Index: ix, Syncer: syncer, Pool: pool,
		Env: env, Audit: audit, Staff: staffUC, Surveys: surveysUC, Companies: companiesUC, CompanySearch: search, Intake: intakeUC,
		CVs: cands, Matching: matchingUC, Screening: shortlists, Followup: followupUC,
		log: cfg.Logger, cfg: cfg, featuresPath: filepath.Join(cfg.DataDir, "index", FeaturesSnapshotFile)}
	sys.addReadyChecks()
	sys.starters = append(sys.starters, func(ctx context.Context) {
		// Everything built on first use is built now, before /readyz says
		// ready (readiness.go), next to the other start-up work.
		sys.wg.Add(1)
		go func() {
			defer sys.wg.Done()
			start := time.Now()
			tax.Warm()
			sys.taxWarm.Store(true)
			cfg.Logger.Info("taxonomy lexicons built", "took", time.Since(start).Round(time.Millisecond))
		}()
		// The shortlist entries of a store written before each citizen's
		// set of them existed (store.BackfillCandidateShortlists): once.
		sys.wg.Add(1)
		go func() {
			defer sys.wg.Done()
			n, err := st.BackfillCandidateShortlists(ctx, env.Now())
			switch {
			case err != nil && ctx.Err() == nil:
				cfg.Logger.Error("shortlists by candidate", "err", err)
			case n > 0:
				cfg.Logger.Info("shortlists by candidate", "entries", n)
			}
		}()
		if fresh {
			// A first start or a new mapping version: fill an index from the
			// store in the background; search answers meanwhile (from the
			// previous version's index, when there is one).
			sys.rebuilding.Store(true)
			sys.wg.Add(1)
			go func() {
				defer sys.wg.Done()
				defer sys.rebuilding.Store(false)
				// A deadline of its own: the scan is one long cursor, and the
				// driver's 30 s per operation would end it on a busy machine.
				scan, cancel := context.WithTimeout(ctx, 2*time.Hour)
				defer cancel()
				n, err := ix.Rebuild(scan, st, labels)
				if err != nil {
					if ctx.Err() != nil || errors.Is(err, index.ErrClosed) {
						return
					}
					cfg.Logger.Error("index rebuild", "err", err)
					return
				}
				cfg.Logger.Info("index rebuilt", "candidates", n)
				syncer.Notify()
			}()
		}
		poolOn.Store(true)
		sys.wg.Add(1)
		go func() {
			defer sys.wg.Done()
			sys.startPool(ctx)
		}()
		sys.wg.Add(1)
		go func() { defer sys.wg.Done(); sys.saveFeaturesLoop(ctx) }()
		if err := search.Load(ctx); err != nil && ctx.Err() == nil {
			cfg.Logger.Error("load company search", "err", err)
		}
		if err := syncer.CatchUp(ctx); err != nil {
			cfg.Logger.Error("index catch-up", "err", err)
		}
		if !fresh {
			// What a bulk import left in many segments is merged into one
			// in the background (a rebuild merges its own before the swap):
			// searches read every segment.
			sys.wg.Add(1)
			go func() {
				defer sys.wg.Done()
				start := time.Now()
				n, merged, err := ix.MergeIfMany(ctx)
				switch {
				case err != nil && ctx.Err() == nil && !errors.Is(err, index.ErrClosed):
					cfg.Logger.Warn("index merge", "err", err)
				case merged && err == nil:
					cfg.Logger.Info("index merged", "segments_before", n, "segments", ix.Segments(), "took", time.Since(start).Round(time.Millisecond))
				}
			}()
		}
		sys.wg.Add(1)
		go func() { defer sys.wg.Done(); syncer.Run(ctx) }()
		sys.wg.Add(1)
		go func() { defer sys.wg.Done(); sys.dailyLoop(ctx) }()
		if cfg.RetentionDays > 0 {
			sys.wg.Add(1)
			go func() { defer sys.wg.Done(); sys.purgeLoop(ctx, cfg.RetentionDays, cfg.PurgeEvery) }()
		}
	})
	sys.starters = append(sys.starters, func(ctx context.Context) {
		sys.wg.Add(1)
		go func() { defer sys.wg.Done(); views.Run(ctx) }()
	})
	return sys, nil
}

// RecountAfterCrash makes the follow-up figures agree with the events
// after this process's previous run was killed: a request, contact or
// vacancy stored just before the kill may have missed its counters (12
// kill -9 rounds left the year's requests 8 short on the dashboard, with no
// word anywhere). Call it before the process counts anything. Alone on its
// database, it recomputes every counter from the events and writes them.
// With replicas, the others keep counting while it runs, so it recounts
// only the events its own replica slot counted (each names its slot,
// store/kpi.go) into its own shards, which no other process writes: a
// replica killed during writes comes back with its figures whole, with no
// need to stop the others. On a database whose older events name no slot
// (kpi attribution not yet marked by a `jobmatch kpi rebuild`), or for a
// replica that does not get its slot back from its data directory, the
// differences are only logged. It returns how many counters differed.
func (s *System) RecountAfterCrash(ctx context.Context) (int, error) {
	shared, err := s.Store.EverReplicated(ctx)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	var res *followup.KPIRebuild
	slot, mine, err := s.Store.RecordedSlot(ctx)
	if err != nil {
		return 0, err
	}
	attributed := false
	if shared && mine {
		if attributed, err = s.Store.KPIAttributed(ctx); err != nil {
			return 0, err
		}
	}
	switch {
	case !shared:
		res, err = s.Followup.RebuildKPI(ctx, true)
	case attributed:
		res, err = s.Followup.RecountSlot(ctx, slot)
	default:
		res, err = s.Followup.RebuildKPI(ctx, false)
	}
	if err != nil {
		return 0, err
	}
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case len(res.Diffs) == 0 && attributed:
		s.log.Info("this replica's figures checked after an unclean stop: they agree with the events it counted", "slot", slot, "took", took)
	case len(res.Diffs) == 0:
		s.log.Info("figures checked after an unclean stop: they agree with the events", "took", took)
	case res.Written && attributed:
		s.log.Warn("this replica's figures recounted from the events it counted after an unclean stop", "slot", slot, "counters_corrected", len(res.Diffs), "took", took)
	case res.Written:
		s.log.Warn("figures recounted from the events after an unclean stop", "counters_corrected", len(res.Diffs), "took", took)
	default:
		s.log.Warn("figures differ from the events after an unclean stop; other replicas write them and older events do not say which replica counted them: run `jobmatch kpi rebuild` with the replicas stopped", "counters", len(res.Diffs))
	}
	return len(res.Diffs), nil
}

// Handler is the HTTP handler of the whole service.
func (s *System) Handler() http.Handler { return s.API }

// Close waits for background work (its context must be cancelled first),
// then closes the index and the store.
func (s *System) Close(ctx context.Context) error {
	s.wg.Wait()
	s.saveFeaturesOnClose(ctx)
	if err := s.Index.Close(); err != nil {
		s.log.Warn("close index", "err", err)
	}
	return s.Store.Close(ctx)
}

// ConceptLabels gives the indexer the Danish and English labels of a
// concept, so a CV that says "SOSU" is found by "social- og
// sundhedsassistent"; none for a STAR title that names the concept only
// closely: a handicaphjælper (close to the social- og sundhedshjælper) is
// not found by "SSH" as one, only by the concept, below those who are.
func ConceptLabels(tax *taxonomy.Taxonomy) index.Labels {
	return func(uri, title string) []string {
		if tax.NamesLoosely(uri, title) {
			return nil
		}
		da, en := tax.ConceptLabel(uri, "da"), tax.ConceptLabel(uri, "en")
		if da == en {
			return []string{da}
		}
		return []string{da, en}
	}
}

// responseDeadline is the default response deadline per topic, in working
// days (Danish public holidays and the administration's closed days skipped).
func responseDeadline(topic jobmatch.Topic, received time.Time) time.Time {
	days := map[jobmatch.Topic]int{
		jobmatch.TopicVacancy: 2, jobmatch.TopicRetention: 1, jobmatch.TopicSubsidy: 3,
		jobmatch.TopicLayoff: 1, jobmatch.TopicOther: 5,
	}[topic]
	if days == 0 {
		days = 5
	}
	return calendar.AddWorkingDays(received, days)
}

// Start begins background work (index sync, scheduled jobs).
func (s *System) Start(ctx context.Context) {
	for _, f := range s.starters {
		f(ctx)
	}
}

// Taxonomy returns the shipped taxonomy (for commands that need no store).
func Taxonomy() (*taxonomy.Taxonomy, error) { return taxonomy.Default() }

// Reindex rebuilds the search index from the store and swaps it in.
func (s *System) Reindex(ctx context.Context) (int, error) {
	n, err := s.Index.Rebuild(ctx, s.Store, ConceptLabels(s.Taxonomy))
	if err != nil {
		return 0, err
	}
	return n, s.Syncer.CatchUp(ctx)
}

// loadPool fills the matcher's in-memory features from the store: one scan
// at start (the syncer keeps them in step afterwards; a newer version it
// applied meanwhile wins, by sequence number).
func (s *System) loadPool(ctx context.Context) {
	start := time.Now()
	var n atomic.Int64
	ch := make(chan *jobmatch.Candidate, 256)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range ch {
				s.Pool.PutNamed(matcher.FromCandidate(c, s.Taxonomy, s.Places), c.Name)
				n.Add(1)
			}
		}()
	}
	err := s.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		select {
		case ch <- c:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(ch)
	wg.Wait()
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("load match features", "err", err)
		}
		return
	}
	s.poolLoaded.Store(true)
	s.log.Info("match features loaded", "candidates", n.Load(), "took", time.Since(start).Round(time.Millisecond))
}

// PoolReady reports whether the matcher's features are loaded.
func (s *System) PoolReady() bool { return s.poolReady.Load() }

// purgeLoop erases CVs inactive longer than the retention period: a minute
// after start (or every, if shorter), then every interval.
func (s *System) purgeLoop(ctx context.Context, days int, every time.Duration) {
	if every <= 0 {
		every = 24 * time.Hour
	}
	t := time.NewTimer(min(time.Minute, every))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cutoff := s.Env.Now().AddDate(0, 0, -days)
		n, err := s.CVs.Purge(ctx, cutoff)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log.Error("scheduled purge", "err", err)
		case n > 0:
			s.log.Info("scheduled purge", "erased", n, "retention_days", days)
		}
		t.Reset(every)
	}
}

// Clocked are the use cases of the entry point with a clock of their own:
// the demo's back-dated year of events goes through them. They share the
// store and the rules; this process's views follow their writes through
// the change log, as they follow another replica's.
type Clocked struct {
	Env       *app.Env
	Staff     *staff.Service
	Surveys   *surveys.Service
	Companies *companies.Service
	Intake    *intake.Service
	Screening *screening.Service
}

// WithClock returns the entry point's use cases with the clock now.
func (s *System) WithClock(now func() time.Time) *Clocked {
	env := s.Env.WithClock(now)
	c := &Clocked{Env: env, Staff: staff.New(env), Surveys: surveys.New(env)}
	c.Companies = companies.New(env, c.Staff, c.Surveys, nil)
	c.Intake = intake.New(env, intake.Config{Companies: c.Companies, Staff: c.Staff, Surveys: c.Surveys,
		Deadline: responseDeadline, RetentionTeam: s.cfg.RetentionTeam, Occupations: s.Taxonomy})
	c.Screening = screening.New(env, screening.Config{Vacancies: c.Intake, Staff: c.Staff, Audit: app.NewAudit(env), Places: s.Places})
	return c
}
