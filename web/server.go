// Package web is the HTTP kernel the JSON API (package api) and the pages
// (package frontend) share as siblings: the echo server and its middleware,
// sessions and the current user, roles, the page's language, problem+json
// errors, health, readiness and metrics, and the request parameters both
// read. echo is imported by these three packages only.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"jobmatch"
)

// Sessions opens sessions and finds the user of a session token (the
// staff use case).
type Sessions interface {
	Authenticate(ctx context.Context, token string) (*jobmatch.User, *jobmatch.Session, error)
	Login(ctx context.Context, email, password string) (token string, u *jobmatch.User, err error)
}

// Config holds the server's dependencies and limits.
type Config struct {
	Sessions Sessions
	// Ping checks the database for /readyz.
	Ping   func(ctx context.Context) error
	Logger *slog.Logger
	// BodyLimit caps request bodies (default "1M"); imports have their own.
	BodyLimit string
	// PublicRate is the sustained requests/s one client may make to the
	// public entry point, with PublicBurst on top (defaults 5 and 30).
	PublicRate  float64
	PublicBurst int
	// IntakePerAddress and IntakePerCVR are the anonymous submissions (the
	// form and the JSON API) one client address and one CVR number may
	// file an hour (defaults 20 and 10; negative: no limit). Kept per
	// process (ClaimIntake).
	IntakePerAddress int
	IntakePerCVR     int
	// FileRepeats files the same texts for the same CVR number again as
	// new requests (tests that post one body many times); the service
	// answers them with the first receipt (ClaimIntake).
	FileRepeats bool
	// Now is the clock of the intake's budgets (tests); time.Now when nil.
	Now func() time.Time
	// RequestTimeout bounds every request (default 30 s).
	RequestTimeout time.Duration
	// DevMode is kept for callers; cookies are Secure exactly when the
	// connection is https (IsSecure), whatever the mode.
	DevMode bool
	// TrustedProxies are the proxies (CIDRs) whose X-Forwarded-For and
	// X-Forwarded-Proto are believed; without any, the peer address is
	// the client and the connection is https only by TLS or PublicURL.
	TrustedProxies []netip.Prefix
	// PublicURL is the service's address (--public-url): links in
	// receipts, and https there means Secure cookies and HSTS.
	PublicURL string
	// LoginFailures wrong passwords per account, then one more every
	// LoginFailEvery (defaults 10 and 30 s).
	LoginFailures  int
	LoginFailEvery time.Duration
	// Validate checks a decoded body as the services do; with it, a body
	// with an unknown key or a wrong type is answered with the other
	// fields' errors too (DecodeJSON).
	Validate func(any) error
	// Unreachable reports whether an error says the database does not
	// answer (store.Unreachable): every path answers it with 503, "try
	// again" and Retry-After, as a session that cannot be read.
	Unreachable func(error) bool
	// Replies keeps the first answer to an API POST under its
	// Idempotency-Key (idempotent); without it the key is not honoured
	// outside the intake's paths.
	Replies Replies
}

// validateFunc is echo's Validator of a function.
type validateFunc func(any) error

func (f validateFunc) Validate(i any) error { return f(i) }

// ReadyCheck is one readiness condition; it returns an error when not ready
// and may add details to the /readyz body.
type ReadyCheck func(ctx context.Context, details map[string]any) error

// Server is the HTTP server of jobmatch.
type Server struct {
	e       *echo.Echo
	sess    Sessions
	log     *slog.Logger
	cfg     Config
	Metrics *prometheus.Registry
	httpDur *prometheus.HistogramVec

	mu     sync.Mutex
	checks map[string]ReadyCheck
	logins *loginThrottle
	// intake holds the anonymous submissions' budgets (ClaimIntake).
	intake *intakeLimits
	// addrLogins counts wrong passwords per client address.
	addrLogins *loginThrottle
	// crossOrigin refuses unsafe requests a browser says come from
	// another origin (Sec-Fetch-Site, else Origin against Host, or the
	// public URL's origin behind a proxy that rewrites Host).
	crossOrigin *http.CrossOriginProtection

	routesOnce sync.Once
	routes     map[string]bool
	// ownLimit: routes ("POST /api/v1/candidates/import") that set their
	// own body limit, which the server-wide one leaves to them. Filled
	// while routes are added, before the server serves.
	ownLimit map[string]bool
	// HTMLError renders errors for non-API paths (set by the frontend).
	HTMLError func(err error, c echo.Context)
}

// New builds the server with its middleware and the foundation routes.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.BodyLimit == "" {
		cfg.BodyLimit = "1M"
	}
	if cfg.PublicRate == 0 {
		cfg.PublicRate = 5
	}
	if cfg.PublicBurst == 0 {
		cfg.PublicBurst = 30
	}
	if cfg.IntakePerAddress == 0 {
		cfg.IntakePerAddress = 20
	}
	if cfg.IntakePerCVR == 0 {
		cfg.IntakePerCVR = 10
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	if cfg.LoginFailures == 0 {
		cfg.LoginFailures = 10
	}
	if cfg.LoginFailEvery == 0 {
		cfg.LoginFailEvery = 30 * time.Second
	}
	cfg.PublicURL = strings.TrimSuffix(cfg.PublicURL, "/")
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = ipExtractor(cfg.TrustedProxies)
	if cfg.Validate != nil {
		e.Validator = validateFunc(cfg.Validate)
	}
	s := &Server{e: e, sess: cfg.Sessions, log: cfg.Logger, cfg: cfg, Metrics: prometheus.NewRegistry(), checks: map[string]ReadyCheck{}, ownLimit: map[string]bool{},
		logins: newLoginThrottle(cfg.LoginFailures, cfg.LoginFailEvery), addrLogins: newLoginThrottle(10*cfg.LoginFailures, cfg.LoginFailEvery/10),
		crossOrigin: http.NewCrossOriginProtection(), intake: newIntakeLimits(cfg.IntakePerAddress, cfg.IntakePerCVR, !cfg.FileRepeats, cfg.Now)}
	if u, err := url.Parse(cfg.PublicURL); err == nil && u.Scheme != "" && u.Host != "" {
		if err := s.crossOrigin.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			cfg.Logger.Warn("public URL is no origin", "url", cfg.PublicURL, "err", err)
		}
	}
	s.Metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.httpDur = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "jobmatch_http_request_duration_seconds", Help: "HTTP request latency by route and status.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
	}, []string{"method", "route", "status"})
	s.Metrics.MustRegister(s.httpDur)

	e.HTTPErrorHandler = func(err error, c echo.Context) {
		ErrorHandler(s.log, s.HTMLError)(unavailable(s.cfg.Unreachable, c, err), c)
	}
	e.Pre(s.headAsGet)
	e.Use(middleware.RequestID())
	e.Use(s.classify)
	e.Use(s.harden)
	e.Use(s.recoverer)
	e.Use(s.observe)
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: cfg.BodyLimit,
		Skipper: func(c echo.Context) bool { return s.ownLimit[c.Request().Method+" "+c.Path()] }}))
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection: "0", ContentTypeNosniff: "nosniff", XFrameOptions: "DENY",
		ReferrerPolicy:        "same-origin",
		ContentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
	}))
	e.Use(s.methodNotAllowed) // after the headers: a 405 page is a page
	e.Use(s.timeout)
	e.Use(s.authenticate)
	e.Use(s.idempotent)

	e.GET("/healthz", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]string{"status": "ok"}) })
	e.GET("/readyz", s.readyz)
	if cfg.Ping != nil {
		s.AddReadyCheck("database", func(ctx context.Context, _ map[string]any) error { return cfg.Ping(ctx) })
	}
	return s
}

// MetricsHandler serves the Prometheus metrics. It is not on the public
// listener: serve exposes it on --metrics-addr (loopback by default).
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.Metrics, promhttp.HandlerOpts{})
}

// Echo returns the underlying echo instance, for the frontend's routes.
func (s *Server) Echo() *echo.Echo { return s.e }

// Logger returns the server's logger.
func (s *Server) Logger() *slog.Logger { return s.log }

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.e.ServeHTTP(w, r) }

// Group returns the /api/v1 group for packages that add endpoints.
func (s *Server) Group() *echo.Group { return s.e.Group("/api/v1") }

// OwnBodyLimit adds an API route whose handler chain sets its own body
// limit (an import's file is larger than any form): the server-wide limit
// passes it over.
func (s *Server) OwnBodyLimit(method, path string, h echo.HandlerFunc, limit string, m ...echo.MiddlewareFunc) {
	s.ownLimit[method+" /api/v1"+path] = true
	s.Group().Add(method, path, h, append(m, middleware.BodyLimit(limit))...)
}

// AddReadyCheck registers a readiness condition for /readyz.
func (s *Server) AddReadyCheck(name string, f ReadyCheck) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checks[name] = f
}

// readyBudget is how long /readyz takes at most: a load balancer's probe
// that waits longer than its own timeout learns nothing, and with the
// database down a probe waited 5 s for its ping.
const readyBudget = time.Second

// readyz answers in JSON within readyBudget, whatever the database does.
// It reads the caller's session itself, and only once the database has
// answered its ping: with the database down, a staff token's session
// lookup waited out the driver's server selection and ended in an HTML
// error page; now such a caller is answered as an anonymous one.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), readyBudget)
	defer cancel()
	s.mu.Lock()
	checks := make(map[string]ReadyCheck, len(s.checks))
	for k, v := range s.checks {
		checks[k] = v
	}
	s.mu.Unlock()
	body := map[string]any{}
	status := http.StatusOK
	for name, f := range checks {
		details := map[string]any{}
		if err := f(ctx, details); err != nil {
			status = http.StatusServiceUnavailable
			details["ok"] = false
			details["error"] = err.Error()
		} else {
			details["ok"] = true
		}
		body[name] = details
	}
	body["ready"] = status == http.StatusOK
	waiting := []string{}
	for name, d := range body {
		if m, ok := d.(map[string]any); ok && m["ok"] == false {
			waiting = append(waiting, name)
		}
	}
	sort.Strings(waiting)
	body["waiting_for"] = waiting
	// Anonymous callers (load balancers, probes) learn ready or not and,
	// from the machine itself, the names of what it waits for; never what
	// failed. Staff see the details.
	if !s.readyzStaff(ctx, c, body) {
		if !loopbackPeer(c.Request()) {
			return c.JSON(status, map[string]any{"ready": status == http.StatusOK})
		}
		return c.JSON(status, map[string]any{"ready": status == http.StatusOK, "waiting_for": waiting})
	}
	return c.JSON(status, body)
}

// readyzStaff reports whether /readyz's caller is signed in, reading the
// session only when the database answered the readiness ping.
func (s *Server) readyzStaff(ctx context.Context, c echo.Context, body map[string]any) bool {
	token := s.sessionToken(c)
	if token == "" {
		return false
	}
	if db, ok := body["database"].(map[string]any); ok && db["ok"] != true {
		return false
	}
	u, _, err := s.sess.Authenticate(ctx, token)
	return err == nil && u != nil
}

// loopbackPeer reports whether the TCP peer is this machine (the peer
// address itself, never a forwarded header).
func loopbackPeer(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) recoverer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panic", "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "panic", r)
				err = echo.NewHTTPError(http.StatusInternalServerError)
			}
		}()
		return next(c)
	}
}

// observe logs each request and records its latency.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		d := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		s.httpDur.WithLabelValues(c.Request().Method, route, strconv.Itoa(status)).Observe(d.Seconds())
		lvl := slog.LevelDebug
		// A probe's "not ready yet" is the probe's answer, not a failure:
		// a fresh replica's start logged 141 warnings of it.
		if status >= 500 && route != "/readyz" {
			lvl = slog.LevelWarn
		}
		s.log.Log(c.Request().Context(), lvl, "http", "method", c.Request().Method, "path", c.Request().URL.Path,
			"status", status, "dur_ms", d.Milliseconds(), "request_id", c.Response().Header().Get(echo.HeaderXRequestID))
		return nil
	}
}

func (s *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if strings.HasSuffix(c.Request().URL.Path, "/import") {
			return next(c) // imports stream for as long as the file takes
		}
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.RequestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// PublicRateLimit limits the unauthenticated entry point per client address.
// Signed-in staff are not limited.
func (s *Server) PublicRateLimit() echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(s.cfg.PublicRate), Burst: s.cfg.PublicBurst, ExpiresIn: 10 * time.Minute,
	})
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return CurrentUser(c) != nil },
		Store:   store,
		IdentifierExtractor: func(c echo.Context) (string, error) {
			return c.RealIP(), nil
		},
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", "1")
			return echo.NewHTTPError(http.StatusTooManyRequests)
		},
		ErrorHandler: func(c echo.Context, err error) error { return echo.NewHTTPError(http.StatusForbidden) },
	})
}

// SessionCookie is the name of the staff session cookie.
const SessionCookie = "jm_session"

// authenticate reads a bearer token or the session cookie and puts the user
// on the context; requests without one go on anonymously.
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Path() == "/readyz" {
			return next(c) // it reads the session itself, if it can (readyz)
		}
		if token := s.sessionToken(c); token != "" {
			u, sess, err := s.sess.Authenticate(c.Request().Context(), token)
			switch {
			case err == nil:
				c.Set("user", u)
				c.Set("session", sess)
				c.Set("token", token)
			case errors.Is(err, jobmatch.ErrUnauthorized):
				// No such session: anonymous.
			case errors.Is(c.Request().Context().Err(), context.Canceled):
				return err // the client went away
			default:
				// The session could not be read (the database is
				// unreachable): a signed-in person is not logged out,
				// and the operator reads why.
				s.log.Error("session not read", "err", err)
				c.Response().Header().Set("Retry-After", "10")
				return ErrUnavailable
			}
		}
		return next(c)
	}
}

// sessionToken is the request's bearer token or session cookie, or "".
func (s *Server) sessionToken(c echo.Context) string {
	if h := c.Request().Header.Get(echo.HeaderAuthorization); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	if ck, err := c.Cookie(SessionCookie); err == nil {
		// A browser sends the cookie with whatever a page of another
		// origin makes it send (a sibling subdomain is the same site
		// to SameSite=Lax): a write that carries only the cookie
		// counts as signed in only from our own pages. Fetch metadata
		// or Origin tells; a client that sends neither (curl) is no
		// browser. From elsewhere the write is anonymous: the public
		// form posted from the municipality's site still works for a
		// signed-in colleague, a staff write is refused (401).
		if s.crossOrigin.Check(c.Request()) == nil {
			return ck.Value
		}
	}
	return ""
}

// CurrentUser returns the signed-in staff user, or nil.
func CurrentUser(c echo.Context) *jobmatch.User {
	u, _ := c.Get("user").(*jobmatch.User)
	return u
}

// CurrentSession returns the signed-in user's session, or nil.
func CurrentSession(c echo.Context) *jobmatch.Session {
	s, _ := c.Get("session").(*jobmatch.Session)
	return s
}

// RequireRole lets only signed-in users with one of the roles through.
func RequireRole(roles ...jobmatch.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := CurrentUser(c)
			if u == nil {
				return jobmatch.ErrUnauthorized
			}
			for _, r := range roles {
				if u.Role == r {
					return next(c)
				}
			}
			return jobmatch.ErrForbidden
		}
	}
}

// Staff is every staff role.
var Staff = []jobmatch.Role{jobmatch.RoleHotline, jobmatch.RoleConsultant, jobmatch.RoleAdmin, jobmatch.RoleManagement}

// Operational is every staff role that works with companies and requests:
// not management, which reads figures only (no request texts, no contact
// names, e-mails or phones).
var Operational = []jobmatch.Role{jobmatch.RoleHotline, jobmatch.RoleConsultant, jobmatch.RoleAdmin}
