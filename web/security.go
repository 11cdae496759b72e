package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
)

// Hardening shared by the API and the pages: who the client is (the peer,
// or what a trusted proxy says), whether the connection is https (Secure
// cookies, HSTS), no caching of personal data, 405 with Allow for a wrong
// method, and login throttling per account.

// ParseTrustedProxies reads a comma-separated list of CIDRs or addresses
// (the --trusted-proxies flag): the proxies whose X-Forwarded-For and
// X-Forwarded-Proto headers are believed.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			a, err := netip.ParseAddr(part)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: %w", part, err)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", part, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// ipExtractor believes X-Forwarded-For only from the trusted proxies (and
// never by default from loopback or private networks, as echo would).
func ipExtractor(trusted []netip.Prefix) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range trusted {
		_, n, err := net.ParseCIDR(p.String())
		if err == nil {
			opts = append(opts, echo.TrustIPRange(n))
		}
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// peerTrusted reports whether the direct peer is a trusted proxy.
func (s *Server) peerTrusted(r *http.Request) bool {
	if len(s.cfg.TrustedProxies) == 0 {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// isSecure: the connection is TLS, the public URL is https, or a trusted
// proxy says the client came over https.
func (s *Server) isSecure(r *http.Request) bool {
	if r.TLS != nil || strings.HasPrefix(s.cfg.PublicURL, "https://") {
		return true
	}
	return s.peerTrusted(r) && strings.EqualFold(r.Header.Get(echo.HeaderXForwardedProto), "https")
}

const (
	ctxSecure    = "jm_secure"
	ctxPublicURL = "jm_public_url"
)

// harden sets the headers every response needs: no caching (every page and
// answer may carry personal data; static files override it), HSTS and
// Secure on every cookie when the connection is https.
func (s *Server) harden(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		secure := s.isSecure(c.Request())
		c.Set(ctxSecure, secure)
		c.Set(ctxPublicURL, s.cfg.PublicURL)
		h := c.Response().Header()
		h.Set("Cache-Control", "no-store")
		if secure {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			c.Response().Before(func() { secureCookies(h) })
		}
		return next(c)
	}
}

// secureCookies adds Secure to every cookie about to be set.
func secureCookies(h http.Header) {
	cs := h.Values("Set-Cookie")
	for i, v := range cs {
		if !strings.Contains(strings.ToLower(v), "; secure") {
			cs[i] = v + "; Secure"
		}
	}
}

// IsSecure reports whether the request came over https (directly, by the
// public URL, or through a trusted proxy).
func IsSecure(c echo.Context) bool {
	b, _ := c.Get(ctxSecure).(bool)
	return b
}

// PublicURL makes an absolute link on the service's public address
// (--public-url), never from the request's Host header.
func PublicURL(c echo.Context, path string) string {
	base, _ := c.Get(ctxPublicURL).(string)
	if base == "" {
		base = "http://localhost:8080"
	}
	return strings.TrimSuffix(base, "/") + path
}

// ClientID names the caller for scoping: the signed-in user, else the
// client's address (the peer, or what a trusted proxy says).
func ClientID(c echo.Context) string {
	if u := CurrentUser(c); u != nil {
		return "user:" + u.ID
	}
	return "addr:" + c.RealIP()
}

// IdempotencyKey reads the Idempotency-Key header and scopes it to the
// caller: another client replaying the key starts its own record.
func IdempotencyKey(c echo.Context) (string, error) {
	k := c.Request().Header.Get("Idempotency-Key")
	if k == "" {
		return "", nil
	}
	if len(k) > 200 {
		return "", jobmatch.Invalid("Idempotency-Key", "max", "200")
	}
	if jobmatch.ContainsCPR(k) { // it is stored, as part of a record's _id
		return "", jobmatch.Invalid("Idempotency-Key", "cpr", "")
	}
	sum := sha256.Sum256([]byte(ClientID(c)))
	return hex.EncodeToString(sum[:12]) + ":" + k, nil
}

// headAsGet answers HEAD as GET without the body where a path has GET
// only (an uptime monitor's HEAD / was 405). echo routes by the request it
// was given, so the method is changed in place, and the body is dropped
// here since net/http then no longer knows it was HEAD.
func (s *Server) headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method == http.MethodHead && !s.hasRoute(http.MethodHead, r) && s.hasRoute(http.MethodGet, r) {
			c.Set(HeadRequest, true)
			r.Method = http.MethodGet
			c.Response().Writer = headWriter{c.Response().Writer}
		}
		return next(c)
	}
}

// HeadRequest is set on a HEAD request answered as GET: a handler that
// records a reading (the employer viewing profiles) records none.
const HeadRequest = "head_request"

// headWriter sends a response's status and headers, not its body.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(p []byte) (int, error) { return len(p), nil }

func (w headWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// methodNotAllowed answers 405 with Allow, before any middleware, when the
// path has routes but none for the request's method (echo would answer 404
// inside groups, or a group's CSRF check would answer 403 first).
func (s *Server) methodNotAllowed(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if s.hasRoute(r.Method, r) {
			return next(c)
		}
		allow := s.allowedMethods(r)
		if len(allow) == 0 {
			return next(c) // no such path: the router's 404
		}
		c.Response().Header().Set(echo.HeaderAllow, strings.Join(allow, ", "))
		return echo.NewHTTPError(http.StatusMethodNotAllowed)
	}
}

var routeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// routeSet is every real route as "METHOD path", built once all routes are
// registered (at the first request).
func (s *Server) routeSet() map[string]bool {
	s.routesOnce.Do(func() {
		s.routes = map[string]bool{}
		for _, rt := range s.e.Routes() {
			if rt.Method != echo.RouteNotFound {
				s.routes[rt.Method+" "+rt.Path] = true
			}
		}
	})
	return s.routes
}

func (s *Server) hasRoute(method string, r *http.Request) bool {
	ctx := s.e.NewContext(r, nil)
	s.e.Router().Find(method, echo.GetPath(r), ctx)
	return s.routeSet()[method+" "+ctx.Path()]
}

// allowedMethods lists the methods with a real route for the request's path.
func (s *Server) allowedMethods(r *http.Request) []string {
	var out []string
	for _, m := range routeMethods {
		if s.hasRoute(m, r) || m == http.MethodHead && s.hasRoute(http.MethodGet, r) {
			out = append(out, m)
		}
	}
	return out
}

// ErrLoginThrottled answers a login for an account with too many recent
// wrong passwords (429 with its own message).
var ErrLoginThrottled = &echo.HTTPError{Code: http.StatusTooManyRequests, Message: "login_throttled"}

// ErrUnavailable answers a request the service cannot serve now because a
// part it needs (the database) does not answer: 503, try again.
var ErrUnavailable = &echo.HTTPError{Code: http.StatusServiceUnavailable, Message: "unavailable"}

// ErrBadCredentials answers an API login with an unknown e-mail address or
// a wrong password: 401, saying so, not "log in first" (the same words for
// both, as the login page's).
var ErrBadCredentials = &echo.HTTPError{Code: http.StatusUnauthorized, Message: "bad_credentials"}

// ErrLoginThrottledAddress answers a login from an address with too many
// recent wrong passwords, whichever accounts they were for (one guesser
// trying a password on many accounts).
var ErrLoginThrottledAddress = &echo.HTTPError{Code: http.StatusTooManyRequests, Message: "login_throttled_address"}

// loginThrottle counts wrong passwords per account (or per address): a
// bucket of Burst attempts that refills one every Every. An attempt takes
// one up front (so parallel guesses cannot slip past) and a right password
// gives it back. The account throttle also remembers which addresses gave
// the account a wrong password (failed), so that an empty bucket stops the
// guessers and not the account's owner (see Login).
type loginThrottle struct {
	mu     sync.Mutex
	every  time.Duration
	burst  float64
	m      map[string]*bucket
	failed map[string]time.Time // account + " " + address: its last wrong password
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLoginThrottle(burst int, every time.Duration) *loginThrottle {
	return &loginThrottle{every: every, burst: float64(burst), m: map[string]*bucket{}, failed: map[string]time.Time{}}
}

// take reports whether the account may try a password now.
func (t *loginThrottle) take(account string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	b, ok := t.m[account]
	if !ok {
		if len(t.m) > 50000 { // forget the accounts that are full again
			for k, v := range t.m {
				if v.tokens+now.Sub(v.last).Seconds()/t.every.Seconds() >= t.burst {
					delete(t.m, k)
				}
			}
		}
		b = &bucket{tokens: t.burst, last: now}
		t.m[account] = b
	}
	b.tokens = min(t.burst, b.tokens+now.Sub(b.last).Seconds()/t.every.Seconds())
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// refund gives back the attempt of a right password.
func (t *loginThrottle) refund(account string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if b, ok := t.m[account]; ok {
		b.tokens = min(t.burst, b.tokens+1)
	}
}

// suspectFor is how long an address that gave an account a wrong password
// stays refused by that account's empty bucket: 30 refills (15 minutes by
// default).
func (t *loginThrottle) suspectFor() time.Duration { return 30 * t.every }

// fail records a wrong password for the account from the address.
func (t *loginThrottle) fail(account, addr string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.failed) > 50000 { // forget the addresses no longer suspect
		for k, at := range t.failed {
			if now.Sub(at) >= t.suspectFor() {
				delete(t.failed, k)
			}
		}
	}
	t.failed[account+" "+addr] = now
}

// suspect reports whether the address gave the account a wrong password
// in the last suspectFor.
func (t *loginThrottle) suspect(account, addr string, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	at, ok := t.failed[account+" "+addr]
	return ok && now.Sub(at) < t.suspectFor()
}

// Login checks a staff login, throttled per account and per address.
//
// An account has a bucket of LoginFailures (10) wrong passwords refilling
// one every LoginFailEvery (30 s), whatever the addresses; an address has
// ten times as many (100) refilling ten times as fast (one every 3 s),
// whatever the accounts, and past that it is refused without a check
// (ErrLoginThrottledAddress). The address is the client's as the trusted
// proxies say it, so users behind one proxy are not throttled together.
//
// An account's empty bucket must not lock its owner out (anyone could keep
// a colleague's account shut with one wrong guess every 30 s), so it
// refuses only the addresses that gave that account a wrong password in
// the last 15 minutes (suspectFor), without checking. Any other address
// still has its password checked: a right one logs in, a wrong one is 429
// (ErrLoginThrottled) and makes that address suspect too. A guesser thus
// has 10 guesses, then 2 a minute, then one guess per address per 15
// minutes (96 a day), and each address at most 100 then 20 a minute over
// all accounts: a million guesses at one account take some 10,000
// addresses for a day (passwords have at least 8 characters).
func (s *Server) Login(c echo.Context, email, password string) (string, *jobmatch.User, error) {
	account := jobmatch.NormalizeEmail(email)
	addr := c.RealIP()
	now := time.Now()
	throttled := func() error {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(s.logins.every.Seconds())+1))
		return ErrLoginThrottled
	}
	open := s.logins.take(account, now)
	if !open && s.logins.suspect(account, addr, now) {
		return "", nil, throttled()
	}
	if !s.addrLogins.take(addr, now) {
		if open {
			s.logins.refund(account)
		}
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(s.addrLogins.every.Seconds())+1))
		return "", nil, ErrLoginThrottledAddress
	}
	token, u, err := s.sess.Login(c.Request().Context(), email, password)
	if errors.Is(err, jobmatch.ErrUnauthorized) {
		s.logins.fail(account, addr, now)
		if !open {
			return "", nil, throttled()
		}
		return token, u, err
	}
	if open {
		s.logins.refund(account)
	}
	s.addrLogins.refund(addr)
	return token, u, err
}

// DecodeWhole decodes a body that replaces a whole settings document: every
// field named in required must be present (a missing one is a 422 with a
// field error, never a silent reset to zero), then strict decoding as
// DecodeJSON.
func DecodeWhole(c echo.Context, v any, required ...string) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return JSONError(err)
	}
	c.Request().Body = io.NopCloser(bytes.NewReader(body))
	if err := DecodeJSON(c, v); err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return jobmatch.Invalid("", "json", "")
	}
	verr := &jobmatch.ValidationError{}
	for _, f := range required {
		if raw, ok := fields[f]; !ok || string(raw) == "null" {
			verr.Add(f, "required", "")
		}
	}
	return verr.Err()
}
