package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"jobmatch/demo"
	"jobmatch/system"
	"jobmatch/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	addr := fs.String("addr", env("JOBMATCH_ADDR", ":8080"), "listen address (JOBMATCH_ADDR)")
	demoData := fs.Bool("demo", env("JOBMATCH_DEMO", "") == "true", "load demo data once: staff users with password 'demo', companies, CVs (JOBMATCH_DEMO=true)")
	demoCVs := fs.Int("demo-candidates", 2000, "synthetic CVs in the demo data")
	retentionDef, retentionErr := retentionFromEnv()
	retention := fs.Int("retention-days", retentionDef, "erase CVs inactive longer than this many days, daily; 0 = never; a negative number is refused (JOBMATCH_RETENTION_DAYS)")
	publicURL := fs.String("public-url", env("JOBMATCH_PUBLIC_URL", ""), "the service's address in links sent by e-mail; default http://localhost:<port> (JOBMATCH_PUBLIC_URL)")
	smtpAddr := fs.String("smtp-addr", env("JOBMATCH_SMTP_ADDR", ""), "SMTP server host:port for outgoing mail; empty keeps mail in the outbox only (JOBMATCH_SMTP_ADDR)")
	smtpFrom := fs.String("smtp-from", env("JOBMATCH_SMTP_FROM", "jobcenter@localhost"), "sender address of outgoing mail (JOBMATCH_SMTP_FROM)")
	linkGrace := fs.Int("link-grace-days", envInt("JOBMATCH_LINK_GRACE_DAYS", 30), "an employer's private link works this many days after the vacancy closes (JOBMATCH_LINK_GRACE_DAYS)")
	slRetention := fs.Int("shortlist-retention-days", envInt("JOBMATCH_SHORTLIST_RETENTION_DAYS", 180), "erase the shortlists, consents, interviews and employers' answers of a vacancy this many days after it closed, keeping anonymous counts; daily (JOBMATCH_SHORTLIST_RETENTION_DAYS)")
	runRetention := fs.Int("match-run-retention-days", envInt("JOBMATCH_MATCH_RUN_RETENTION_DAYS", 183), "erase match runs older than this many days (at least 183, six months), daily (JOBMATCH_MATCH_RUN_RETENTION_DAYS)")
	trusted := fs.String("trusted-proxies", env("JOBMATCH_TRUSTED_PROXIES", ""), "comma-separated CIDRs of reverse proxies whose X-Forwarded-For/-Proto are believed; empty trusts none (JOBMATCH_TRUSTED_PROXIES)")
	intakeAddr := fs.Int("intake-per-address", envInt("JOBMATCH_INTAKE_PER_ADDRESS", 20), "anonymous vacancies and requests (form and API) one client address may send an hour, per process; 0 or negative: no limit (JOBMATCH_INTAKE_PER_ADDRESS)")
	intakeCVR := fs.Int("intake-per-cvr", envInt("JOBMATCH_INTAKE_PER_CVR", 10), "anonymous vacancies and requests one CVR number may be sent an hour, per process; 0 or negative: no limit (JOBMATCH_INTAKE_PER_CVR)")
	metricsAddr := fs.String("metrics-addr", env("JOBMATCH_METRICS_ADDR", "127.0.0.1:9464"), "listen address of /metrics, apart from the public listener; empty turns it off (JOBMATCH_METRICS_ADDR)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "retention-days" })
	if retentionErr != nil && !explicit {
		// " 365" or "abc" kept CVs for the default 730 days, silently.
		return fmt.Errorf("serve: %w", retentionErr)
	}
	// A negative rule is refused; a short one is the operator's (a test
	// system's) choice.
	if err := checkRetentionDays("--retention-days (JOBMATCH_RETENTION_DAYS)", *retention, true, true); err != nil {
		return err
	}
	proxies, err := web.ParseTrustedProxies(*trusted)
	if err != nil {
		return err
	}
	log := common.logger(stderr)
	tuneGC()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Listen first: while the store opens, the index is checked or
	// rebuilt and the demo data goes in, probes and people get an answer
	// ("starting", 503 with Retry-After), not a refused connection (a
	// fresh replica on a large database was deaf for 76 s).
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	front := &startingHandler{}
	srv := &http.Server{Handler: front, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// Requests in flight end before the store closes: the shutdown is
	// called at the end of serving, before the deferred Close; deferred
	// here too for a start that fails.
	shutdown := sync.OnceFunc(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			log.Error("shutdown", "err", err)
		}
	})
	defer shutdown()
	log.Info("jobmatch starting", "addr", ln.Addr().String())
	front.at("opening the store and the index")

	cfg := common.system(log)
	cfg.RetentionDays = *retention
	cfg.ShortlistRetentionDays, cfg.MatchRunRetentionDays = *slRetention, *runRetention
	cfg.TrustedProxies = proxies
	// 0 is no limit, as the help says (the web server would take it for
	// its defaults).
	cfg.IntakePerAddress, cfg.IntakePerCVR = nonZero(*intakeAddr), nonZero(*intakeCVR)
	cfg.PublicURL = *publicURL
	cfg.SMTPAddr, cfg.SMTPFrom, cfg.LinkGraceDays = *smtpAddr, *smtpFrom, *linkGrace
	if cfg.PublicURL == "" {
		cfg.PublicURL = "http://localhost:" + port(ln.Addr())
	}
	sys, err := system.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := sys.Close(cctx); err != nil {
			log.Error("close", "err", err)
		}
	}()
	// A run of this data directory that did not end cleanly (kill -9, a
	// power cut) may have left figures short: they are recounted before
	// the service serves (RecountAfterCrash).
	running := filepath.Join(cfg.DataDir, "serve.running")
	_, err = os.Stat(running)
	unclean := err == nil
	if err := os.WriteFile(running, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		log.Warn("marking the run", "err", err)
	}
	defer os.Remove(running) // a clean stop
	if unclean {
		front.at("recounting the follow-up figures after an unclean stop")
		// Before anything writes a counter: the demo data, the daily
		// jobs Start runs, the requests served after it.
		if _, err := sys.RecountAfterCrash(ctx); err != nil {
			log.Error("recount after an unclean stop", "err", err)
		}
	}
	if *demoData {
		// One process of all on the database loads it; the others wait
		// for it (demostart.go).
		if err := loadDemo(ctx, sys, log, front, demo.Options{Candidates: *demoCVs}); err != nil {
			return err
		}
	}
	front.at("starting the background work")
	sys.Start(ctx)
	if *demoData {
		// The year of follow-up events goes in the background: the
		// service answers at once, the dashboard fills within two minutes.
		yearDone := make(chan struct{})
		go func() {
			defer close(yearDone)
			n, err := demo.LoadYear(ctx, sys)
			switch {
			case err != nil && ctx.Err() == nil:
				log.Error("demo year of events", "err", err)
			case n > 0:
				log.Info("demo year of events written", "events", n)
			}
		}()
		defer func() { <-yearDone }() // before the store closes
	}

	front.serve(sys.Handler())
	if *metricsAddr != "" {
		// A second process on the same host (another replica, a test)
		// may hold the port: the service runs on without metrics then.
		if mln, err := net.Listen("tcp", *metricsAddr); err != nil {
			log.Error("metrics listener: serving without /metrics", "addr", *metricsAddr, "err", err)
		} else {
			msrv := &http.Server{Handler: metricsMux(sys.API.MetricsHandler()), ReadHeaderTimeout: 10 * time.Second}
			go func() { _ = msrv.Serve(mln) }()
			defer msrv.Close()
			log.Info("metrics listening", "addr", mln.Addr().String())
		}
	}
	log.Info("jobmatch listening", "addr", ln.Addr().String(), "url", "http://localhost:"+port(ln.Addr()), "demo", *demoData)
	if *demoData {
		fmt.Fprintf(stdout, "jobmatch is running on http://localhost:%s — demo logins (password: %s):\n", port(ln.Addr()), demo.Password)
		for _, u := range demo.Users {
			fmt.Fprintf(stdout, "  %-22s %s (%s)\n", u.Email, u.Name, u.Role)
		}
	}
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
		log.Info("shutting down")
		shutdown()
	}
	return nil
}

// startingHandler answers while the service starts: /healthz says the
// process lives, /readyz that it is starting, anything else 503 with
// Retry-After and a word in Danish and English; then the service's own
// handler, once serve is called.
type startingHandler struct {
	h     atomic.Pointer[http.Handler]
	phase atomic.Value // string: what the start is doing, for /readyz
}

func (s *startingHandler) serve(h http.Handler) { s.h.Store(&h) }

// at says what the start does now ("opening the store and the index").
func (s *startingHandler) at(phase string) { s.phase.Store(phase) }

func (s *startingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := s.h.Load(); h != nil {
		(*h).ServeHTTP(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch {
	case r.URL.Path == "/healthz":
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"starting"}`)
		return
	case r.URL.Path == "/readyz":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		phase, _ := s.phase.Load().(string)
		b, _ := json.Marshal(map[string]any{"ready": false, "waiting_for": []string{"start"}, "start": phase})
		_, _ = w.Write(b)
		return
	}
	w.Header().Set("Retry-After", "5")
	if strings.Contains(r.Header.Get("Accept"), "json") || strings.HasPrefix(r.URL.Path, "/api/") {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"jobmatch is starting; try again in a few seconds"}`)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = io.WriteString(w, startingPage)
}

// startingPage is what a browser shows while the service starts.
const startingPage = `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5"><title>Jobmatch starter</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>Jobmatch starter</h1><p>Tjenesten er ved at starte. Siden prøver igen om et øjeblik.</p><p lang="en">The service is starting. This page tries again in a moment.</p></body></html>`

// metricsMux serves /metrics on the metrics listener.
func metricsMux(h http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	return mux
}

func port(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return fmt.Sprint(t.Port)
	}
	return "8080"
}

// tuneGC trades memory for CPU: the embedded database allocates heavily per
// write, and on two cores the default GOGC=100 spends a fifth of the time in
// the collector (docs/benchmarks.md: 270 → 330 vacancies/s at GOGC=400). The
// soft memory limit every command runs under (main, internal/memlimit:
// JOBMATCH_MEMORY_LIMIT, 768 MiB) keeps that heap bounded. GOGC in the
// environment wins.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// nonZero is n, with 0 as -1: a limit of 0 is no limit here, where the
// web server's 0 is its default.
func nonZero(n int) int {
	if n == 0 {
		return -1
	}
	return n
}
