// Package systemtest starts the whole service for tests: the embedded
// FerretDB in a temporary directory, the real HTTP server on a loopback port,
// and the demo staff users.
package systemtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"os"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/demo"
	"jobmatch/store/storetest"
	"jobmatch/system"
)

// Env is a running service.
type Env struct {
	T      testing.TB
	Sys    *system.System
	Server *httptest.Server
	URL    string

	cfg system.Config
	// MetricsURL is the separate metrics listener (as --metrics-addr).
	MetricsURL string
}

// Options adjust the environment.
type Options struct {
	Now         func() time.Time
	PublicRate  float64
	PublicBurst int
	// IntakePerAddress/IntakePerCVR limit anonymous submissions an hour;
	// 0 here is no limit (tests post many), unlike serve's defaults.
	IntakePerAddress, IntakePerCVR int
	// SameTextsOnce answers the same texts for the same CVR number sent
	// again the same day with the first receipt, as the service does;
	// tests post one body many times, so by default each is filed.
	SameTextsOnce bool
	// NoUsers skips creating the demo staff users.
	NoUsers bool
	// RetentionDays and PurgeEvery turn on the scheduled purge.
	RetentionDays int
	PurgeEvery    time.Duration
	// DataDir reuses a data directory (kept after the test), e.g. one
	// filled by `jobmatch demo` for a benchmark; default a fresh temp dir.
	DataDir string
	// SMTPAddr delivers outgoing mail to an SMTP server (tests run one).
	SMTPAddr string
	// PublicURL overrides the public address (default the test server's URL).
	PublicURL string
	// TrustedProxies may set X-Forwarded-For/-Proto.
	TrustedProxies []netip.Prefix
}

// Start starts the service; it stops when the test ends.
func Start(t testing.TB, opts ...Options) *Env {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.PublicRate == 0 {
		o.PublicRate, o.PublicBurst = 10000, 10000
	}
	if o.IntakePerAddress == 0 {
		o.IntakePerAddress = -1
	}
	if o.IntakePerCVR == 0 {
		o.IntakePerCVR = -1
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if os.Getenv("JOBMATCH_TEST_LOG") != "" {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	dataDir := o.DataDir
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	// The listener comes first, so links use the server's own address.
	srv := httptest.NewUnstartedServer(nil)
	if o.PublicURL == "" {
		o.PublicURL = "http://" + srv.Listener.Addr().String()
	}
	cfg := system.Config{DataDir: dataDir, Logger: log, Now: o.Now, PublicRate: o.PublicRate, PublicBurst: o.PublicBurst, DevMode: true,
		IntakePerAddress: o.IntakePerAddress, IntakePerCVR: o.IntakePerCVR, FileRepeats: !o.SameTextsOnce,
		RetentionDays: o.RetentionDays, PurgeEvery: o.PurgeEvery, SMTPAddr: o.SMTPAddr, SMTPFrom: "jobcenter@test.local",
		PublicURL: o.PublicURL, TrustedProxies: o.TrustedProxies}
	if uri := storetest.ExternalURI(); uri != "" {
		cfg.MongoDBURI, cfg.Database = uri, "jobmatch_test_"+jobmatch.NewID()
		cfg.PostgreSQLURL = storetest.PostgreSQLURL()
	}
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, cfg)
	if err != nil {
		cancel()
		srv.Close()
		t.Fatalf("open system: %v", err)
	}
	if cfg.MongoDBURI != "" && o.DataDir == "" {
		// Registered first, so it runs after the system is closed.
		t.Cleanup(func() { dropDatabase(cfg) })
	}
	if !o.NoUsers {
		for _, u := range demo.Users {
			u.Password = demo.Password
			if _, err := sys.Staff.CreateDemoUser(ctx, u); err != nil && !(o.DataDir != "" && errors.Is(err, jobmatch.ErrInvalid)) {
				t.Fatalf("create user %s: %v", u.Email, err)
			}
		}
	}
	sys.Start(ctx)
	// Tests run against a ready service, as a load balancer would send
	// traffic (the taxonomy's lexicons are built once per test binary).
	for deadline := time.Now().Add(5 * time.Minute); !sys.Ready(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("the service did not become ready in 5 minutes")
		}
	}
	srv.Config.Handler = sys.Handler()
	srv.Start()
	metrics := httptest.NewServer(sys.API.MetricsHandler())
	t.Cleanup(func() {
		srv.Close()
		metrics.Close()
		cancel()
		_ = sys.Close(context.Background())
	})
	return &Env{T: t, Sys: sys, Server: srv, URL: srv.URL, MetricsURL: metrics.URL, cfg: cfg}
}

// Replica starts a second service on the same database as e, with its own
// data directory (search index), in-memory state and HTTP server: another
// replica, as a second `serve` process would be. On the embedded backend it
// connects to e's FerretDB over its loopback listener; with
// JOBMATCH_TEST_MONGODB_URI both talk to that server.
func (e *Env) Replica() *Env {
	t := e.T
	t.Helper()
	return e.ReplicaAt(e.Sys.Store.URI())
}

// ReplicaAt starts a replica as Replica does, connected to e's database at
// uri (e's server through a proxy, say).
func (e *Env) ReplicaAt(uri string) *Env {
	t := e.T
	t.Helper()
	cfg := e.cfg
	cfg.DataDir = t.TempDir()
	cfg.MongoDBURI = uri
	cfg.Database = e.Sys.Store.DB().Name()
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, cfg)
	if err != nil {
		cancel()
		t.Fatalf("open replica: %v", err)
	}
	sys.Start(ctx)
	srv := httptest.NewServer(sys.Handler())
	t.Cleanup(func() {
		srv.Close()
		cancel()
		_ = sys.Close(context.Background())
	})
	return &Env{T: t, Sys: sys, Server: srv, URL: srv.URL, cfg: cfg}
}

// dropDatabase removes a test's database from the external server.
func dropDatabase(cfg system.Config) {
	client, err := mongo.Connect(options.Client().ApplyURI(cfg.MongoDBURI).SetTimeout(30 * time.Second))
	if err != nil {
		return
	}
	_ = client.Database(cfg.Database).Drop(context.Background())
	_ = client.Disconnect(context.Background())
}

// Client is an HTTP client with a cookie jar and an optional bearer token.
type Client struct {
	env   *Env
	HTTP  *http.Client
	Token string
	Lang  string
}

// Client returns an anonymous client.
func (e *Env) Client() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{env: e, HTTP: &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Login returns a client signed in as the demo user with the given e-mail.
func (e *Env) Login(email string) *Client {
	e.T.Helper()
	c := e.Client()
	var out struct {
		Token string `json:"token"`
	}
	res := c.Do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": demo.Password}, &out)
	if res.StatusCode != http.StatusOK || out.Token == "" {
		e.T.Fatalf("login %s: status %d", email, res.StatusCode)
	}
	c.Token = out.Token
	return c
}

// Env is the environment the client talks to.
func (c *Client) Env() *Env { return c.env }

// Outbox decodes every outgoing message, newest first and as sent, into out
// as GET /api/v1/outbox answers ({"items": [...]}), read from the store:
// the API shows an admin only the first characters of the private links
// in them, and tests follow those links as the citizen or the employer
// would.
func (e *Env) Outbox(out any) {
	e.T.Helper()
	var all []*jobmatch.Mail
	q := app.ListQuery{Limit: app.MaxPageSize}
	for {
		p, err := e.Sys.Env.Mails(context.Background(), q)
		if err != nil {
			e.T.Fatalf("outbox: %v", err)
		}
		all = append(all, p.Items...)
		if p.NextCursor == "" || len(p.Items) == 0 {
			break
		}
		q.Cursor = p.NextCursor
	}
	b, err := json.Marshal(map[string]any{"items": all})
	if err == nil {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		e.T.Fatalf("outbox: %v", err)
	}
}

// Response is a finished response with its body read.
type Response struct {
	*http.Response
	Body []byte
}

// Do sends body as JSON (a []byte is sent as is) and decodes the answer into
// out when out is non-nil. Extra headers come in pairs.
func (c *Client) Do(method, path string, body any, out any, headers ...string) *Response {
	c.env.T.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			c.env.T.Fatal(err)
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, c.env.URL+path, r)
	if err != nil {
		c.env.T.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Lang != "" {
		req.Header.Set("Accept-Language", c.Lang)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		c.env.T.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		c.env.T.Fatal(err)
	}
	if out != nil && len(data) > 0 && res.StatusCode < 300 {
		if err := json.Unmarshal(data, out); err != nil {
			c.env.T.Fatalf("%s %s: decode %s: %v", method, path, data, err)
		}
	}
	return &Response{Response: res, Body: data}
}

// Problem decodes a problem+json body.
func (r *Response) Problem(t testing.TB) Problem {
	t.Helper()
	var p Problem
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q, want application/problem+json; body %s", ct, r.Body)
	}
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatalf("decode problem %s: %v", r.Body, err)
	}
	return p
}

// Problem is the decoded error body.
type Problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Code      string `json:"code"`
	RequestID string `json:"request_id"`
	Errors    []struct {
		Field   string `json:"field"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
}

// Field returns the error of a field, or "" when the field has none.
func (p Problem) Field(name string) (code, message string) {
	for _, e := range p.Errors {
		if e.Field == name {
			return e.Code, e.Message
		}
	}
	return "", ""
}

// VacancyBody returns a valid vacancy body for the company with the given CVR.
func VacancyBody(cvr string) map[string]any {
	return map[string]any{
		"company": map[string]any{"cvr": cvr, "name": "Als Tømrer ApS", "postal_code": "6400",
			"contact": map[string]any{"name": "Ole Olsen", "email": "ole@als-toemrer.dk", "phone": "12345678"}},
		"title": "Tømrer", "description": "Vi søger en dygtig tømrer til renovering på Als.",
		"skills_required": []string{"tagarbejde"}, "skills_desired": []string{"kørekort B"},
		"postal_code": "6400", "employment_type": "ordinary", "hours": "full", "positions": 1,
		"start_date": time.Now().AddDate(0, 2, 0).Format(time.DateOnly), "deadline": time.Now().AddDate(0, 1, 0).Format(time.DateOnly),
		"screening_requested": true,
	}
}
