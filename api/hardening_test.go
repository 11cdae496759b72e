package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// rawDo sends one request with full control over headers (and Host).
func rawDo(t *testing.T, method, u string, body any, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, u, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res, data
}

// 100 wrong passwords in a burst, each claiming another address in
// X-Forwarded-For: without trusted proxies the header is ignored and the
// peer's limit answers 429.
func TestLoginRateLimitKeysOnThePeer(t *testing.T) {
	// A slow refill (one request per 10 s), so a busy machine that takes
	// long over each login cannot refill the bucket as fast as it empties.
	env := systemtest.Start(t, systemtest.Options{PublicRate: 0.1, PublicBurst: 30})
	limited := 0
	for i := range 100 {
		res, _ := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": fmt.Sprintf("nobody%d@demo.local", i), "password": "wrong"},
			map[string]string{"X-Forwarded-For": fmt.Sprintf("203.0.113.%d", i), "Accept-Language": "en"})
		if res.StatusCode == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Fatal("100 wrong passwords from one peer never met a 429")
	}
}

// Behind a trusted proxy every client has its own address, so the peer
// limit does not stop a distributed guesser; the per-account throttle does,
// with a message saying what happened, and another account is unaffected.
func TestLoginThrottledPerAccount(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}})
	var last *http.Response
	var lastBody []byte
	for i := range 100 {
		res, body := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": "wrong"},
			map[string]string{"X-Forwarded-For": fmt.Sprintf("198.51.100.%d", i), "Accept-Language": "en"})
		last, lastBody = res, body
		if res.StatusCode == http.StatusTooManyRequests {
			break
		}
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d %s", i, res.StatusCode, body)
		}
	}
	if last.StatusCode != http.StatusTooManyRequests {
		t.Fatal("100 wrong passwords for one account never met a 429")
	}
	if !strings.Contains(string(lastBody), "Too many wrong passwords for this account") || last.Header.Get("Retry-After") == "" {
		t.Fatalf("throttled login: %s (Retry-After %q)", lastBody, last.Header.Get("Retry-After"))
	}
	// The guessers' addresses are refused even the right password, unchecked.
	res, _ := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": demo.Password},
		map[string]string{"X-Forwarded-For": "198.51.100.3"})
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("right password from a guesser's address on a throttled account: %d", res.StatusCode)
	}
	// The owner is not locked out: the right password from an address that
	// gave no wrong one logs in (TestLoginThrottleLocksNoOneOut).
	if res, body := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": demo.Password}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("right password from a fresh address on a throttled account: %d %s", res.StatusCode, body)
	}
	// The login page says so in Danish.
	c := env.Client()
	res2 := postForm(t, env, c, "/login", url.Values{"email": {"konsulent@demo.local"}, "password": {"wrong"}})
	if res2.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(res2.Body), "For mange forkerte adgangskoder") {
		t.Fatalf("login page when throttled: %d %.300s", res2.StatusCode, res2.Body)
	}
	// Other accounts log in as usual.
	env.Login("admin@demo.local")
}

// Wrong passwords from an anonymous client cannot lock a staff member out
// (10 wrong for fatima, then one every 30 s, kept the account shut for
// good): the right password from another address logs in while the
// guesser's address stays refused, and that address's right password too;
// a wrong password from a fresh address on the throttled account is 429
// and makes that address refused as well.
func TestLoginThrottleLocksNoOneOut(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{PublicRate: 1000, PublicBurst: 1000,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}})
	login := func(addr, password string) int {
		res, _ := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "fatima@demo.local", "password": password},
			map[string]string{"X-Forwarded-For": addr, "Accept-Language": "en"})
		return res.StatusCode
	}
	limited := false
	for range 30 {
		if login("203.0.113.66", "wrong") == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Fatal("30 wrong passwords for one account from one address never met a 429")
	}
	if got := login("203.0.113.66", demo.Password); got != http.StatusTooManyRequests {
		t.Fatalf("right password from the guesser's address: %d", got)
	}
	if got := login("192.0.2.10", demo.Password); got != http.StatusOK {
		t.Fatalf("right password from the owner's address while the guesser is refused: %d", got)
	}
	if got := login("192.0.2.11", "wrong"); got != http.StatusTooManyRequests {
		t.Fatalf("wrong password from a fresh address on the throttled account: %d", got)
	}
	if got := login("192.0.2.11", demo.Password); got != http.StatusTooManyRequests {
		t.Fatalf("right password from an address that has just guessed wrong: %d", got)
	}
	if got := login("192.0.2.10", demo.Password); got != http.StatusOK {
		t.Fatalf("the owner again: %d", got)
	}
}

// One guesser trying a password on many accounts meets no account's
// throttle: the address's (ten times an account's) stops it, says so, and
// holds while it lasts; another address logs in as usual.
func TestLoginThrottledPerAddress(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{PublicRate: 1000, PublicBurst: 1000,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}})
	guesser := map[string]string{"X-Forwarded-For": "198.51.100.7", "Accept-Language": "en"}
	var last *http.Response
	var lastBody []byte
	for i := range 300 {
		res, body := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": fmt.Sprintf("user%d@demo.local", i), "password": "wrong"}, guesser)
		last, lastBody = res, body
		if res.StatusCode != http.StatusUnauthorized {
			break
		}
	}
	if last.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(lastBody), "from this address") || last.Header.Get("Retry-After") == "" {
		t.Fatalf("300 wrong passwords for 300 accounts from one address: %d %s", last.StatusCode, lastBody)
	}
	if res, _ := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": demo.Password}, guesser); res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("a right password from the throttled address: %d", res.StatusCode)
	}
	res, body := rawDo(t, "POST", env.URL+"/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": demo.Password},
		map[string]string{"X-Forwarded-For": "198.51.100.8"})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("another address: %d %s", res.StatusCode, body)
	}
}

// postForm posts a page form with a valid CSRF token (from a GET of /login).
func postForm(t *testing.T, env *systemtest.Env, c *systemtest.Client, path string, v url.Values) *systemtest.Response {
	t.Helper()
	c.Do("GET", "/login", nil, nil)
	u, _ := url.Parse(env.URL)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "jm_csrf" {
			v.Set("_csrf", ck.Value)
		}
	}
	req, _ := http.NewRequest("POST", env.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return &systemtest.Response{Response: res, Body: body}
}

func TestLoginNextOnlyLocalPaths(t *testing.T) {
	env := systemtest.Start(t)
	for next, want := range map[string]string{
		"/staff/hotline?q=als": "/staff/hotline?q=als",
		"/\t/evil.example/x":   "/staff",
		"/\n/evil.example/x":   "/staff",
		"//evil.example":       "/staff",
		"/\\evil.example":      "/staff",
		"/%2F/evil.example":    "/staff",
		"https://evil.example": "/staff",
		"javascript:alert(1)":  "/staff",
		"/ /evil.example":      "/staff",
		"/\u00a0/evil.example": "/staff",
		"":                     "/staff",
	} {
		c := env.Client()
		res := postForm(t, env, c, "/login", url.Values{"email": {"admin@demo.local"}, "password": {demo.Password}, "next": {next}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("next %q: %d Location %q, want %q", next, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

// Receipts link to the public URL, whatever Host the request names.
func TestReceiptLinksUsePublicURL(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{PublicURL: "https://jobmatch.kommune.example"})
	res, body := rawDo(t, "POST", env.URL+"/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(31)), map[string]string{"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	_ = json.Unmarshal(body, &rec)
	if res.StatusCode != http.StatusCreated || !strings.HasPrefix(rec.StatusURL, "https://jobmatch.kommune.example/status/") ||
		res.Header.Get("Location") != rec.StatusURL {
		t.Fatalf("receipt: %d status_url %q Location %q", res.StatusCode, rec.StatusURL, res.Header.Get("Location"))
	}
	// The status page shows the same public link.
	path := strings.TrimPrefix(rec.StatusURL, "https://jobmatch.kommune.example")
	res, body = rawDo(t, "GET", env.URL+path, nil, map[string]string{"Host": "evil.example", "Accept": "text/html"})
	if res.StatusCode != http.StatusOK || strings.Contains(string(body), "evil.example") {
		t.Fatalf("status page: %d, mentions the Host header: %v", res.StatusCode, strings.Contains(string(body), "evil.example"))
	}
}

func TestSecureCookiesAndHSTS(t *testing.T) {
	login := map[string]string{"email": "admin@demo.local", "password": demo.Password}
	secure := func(res *http.Response) (cookie, hsts bool) {
		for _, ck := range res.Cookies() {
			if ck.Name == "jm_session" {
				cookie = ck.Secure
			}
		}
		return cookie, res.Header.Get("Strict-Transport-Security") != ""
	}
	// Plain http, no proxy: nothing claims https, a forged header changes nothing.
	plain := systemtest.Start(t)
	res, _ := rawDo(t, "POST", plain.URL+"/api/v1/auth/login", login, map[string]string{"X-Forwarded-Proto": "https"})
	if c, h := secure(res); res.StatusCode != 200 || c || h {
		t.Fatalf("plain http with an untrusted X-Forwarded-Proto: status %d Secure %v HSTS %v", res.StatusCode, c, h)
	}
	// A trusted proxy terminating TLS.
	proxied := systemtest.Start(t, systemtest.Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}})
	res, _ = rawDo(t, "POST", proxied.URL+"/api/v1/auth/login", login, map[string]string{"X-Forwarded-Proto": "https"})
	if c, h := secure(res); res.StatusCode != 200 || !c || !h {
		t.Fatalf("behind a trusted TLS proxy: status %d Secure %v HSTS %v", res.StatusCode, c, h)
	}
	// An https public URL: every cookie is Secure, pages too.
	public := systemtest.Start(t, systemtest.Options{PublicURL: "https://jobmatch.kommune.example"})
	res, _ = rawDo(t, "POST", public.URL+"/api/v1/auth/login", login, nil)
	if c, h := secure(res); res.StatusCode != 200 || !c || !h {
		t.Fatalf("https public URL: status %d Secure %v HSTS %v", res.StatusCode, c, h)
	}
	res, _ = rawDo(t, "GET", public.URL+"/login?lang=en", nil, nil)
	if len(res.Cookies()) == 0 {
		t.Fatal("the login page set no cookie")
	}
	for _, ck := range res.Cookies() {
		if !ck.Secure {
			t.Errorf("cookie %s without Secure", ck.Name)
		}
	}
}

func TestNoStoreOnPersonalData(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	var rec receipt
	anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(32)), &rec)
	admin := env.Login("admin@demo.local")
	path := strings.TrimPrefix(rec.StatusURL, env.URL)
	for _, tc := range []struct {
		c    *systemtest.Client
		path string
	}{
		{admin, "/api/v1/requests"}, {admin, "/api/v1/vacancies/" + rec.ID}, {admin, "/api/v1/auth/me"},
		{anon, path}, {anon, "/"}, {anon, "/login"}, {anon, "/api/v1/requests"},
	} {
		res := tc.c.Do("GET", tc.path, nil, nil)
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: %d Cache-Control %q", tc.path, res.StatusCode, cc)
		}
	}
	if res := anon.Do("GET", "/static/app.css", nil, nil); res.StatusCode != 200 || res.Header.Get("Cache-Control") == "no-store" {
		t.Errorf("static files should stay cacheable: %d", res.StatusCode)
	}
	// Files, not listings of their folders.
	for _, path := range []string{"/static/", "/static/dkfds/", "/static/dkfds", "/static/dkfds/img/", "/static/../static/"} {
		if res := anon.Do("GET", path, nil, nil); res.StatusCode != http.StatusNotFound || strings.Contains(string(res.Body), "app.css") {
			t.Errorf("GET %s: %d %.300s", path, res.StatusCode, res.Body)
		}
	}
}

func TestWrongMethodIs405WithAllow(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	for _, tc := range []struct{ method, path, allow string }{
		{"PUT", "/api/v1/vacancies", "GET, HEAD, POST"},
		{"DELETE", "/api/v1/requests", "GET, HEAD, POST"},
		{"POST", "/api/v1/auth/me", "GET, HEAD"},
		{"PATCH", "/api/v1/settings/deadlines", "GET, HEAD, PUT"},
		{"DELETE", "/staff/hotline", "GET, HEAD, POST"},
		{"PUT", "/login", "GET, HEAD, POST"},
		{"POST", "/healthz", "GET, HEAD"},
	} {
		res := admin.Do(tc.method, tc.path, nil, nil)
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow %q, want 405 %q", tc.method, tc.path, res.StatusCode, res.Header.Get("Allow"), tc.allow)
		}
	}
	// HEAD is GET without the body (an uptime monitor's HEAD / was 405),
	// and a 405 page has the pages' security headers.
	anon := env.Client()
	for _, path := range []string{"/", "/login", "/healthz", "/static/app.css"} {
		res := anon.Do("HEAD", path, nil, nil)
		if res.StatusCode != http.StatusOK || len(res.Body) != 0 {
			t.Errorf("HEAD %s: %d, %d bytes", path, res.StatusCode, len(res.Body))
		}
	}
	if res := anon.Do("HEAD", "/api/v1/auth/login", nil, nil); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("HEAD of a POST-only path: %d", res.StatusCode)
	}
	if res := anon.Do("PUT", "/", nil, nil, "Accept", "text/html"); res.StatusCode != http.StatusMethodNotAllowed ||
		res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("PUT /: %d %v", res.StatusCode, res.Header)
	}
	if res := admin.Do("GET", "/api/v1/no-such-thing", nil, nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: %d", res.StatusCode)
	}
	if res := admin.Do("GET", "/api/v1/vacancies/nonexistent", nil, nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown vacancy: %d", res.StatusCode)
	}
}

func TestSettingsPutNeedsTheWholeBody(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	admin.Lang = "en"
	var before map[string]any
	admin.Do("GET", "/api/v1/settings/surveys", nil, &before)
	res := admin.Do("PUT", "/api/v1/settings/surveys", map[string]any{"valid_days": 10}, nil)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("partial survey rules: %d %s", res.StatusCode, res.Body)
	}
	p := res.Problem(t)
	for _, f := range []string{"employer_every_days", "citizen_every_days", "triggers"} {
		if code, msg := p.Field(f); code != "required" || msg == "" {
			t.Errorf("survey rules: field %s: %q %q", f, code, msg)
		}
	}
	var after map[string]any
	admin.Do("GET", "/api/v1/settings/surveys", nil, &after)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("a refused PUT changed the rules: %v → %v", before, after)
	}
	res = admin.Do("PUT", "/api/v1/settings/deadlines", map[string]any{"days": map[string]int{"other": 4}}, nil)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("partial deadlines: %d %s", res.StatusCode, res.Body)
	}
	if code, _ := res.Problem(t).Field("days.vacancy"); code != "required" {
		t.Fatalf("partial deadlines: %s", res.Body)
	}
	res = admin.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 100}, nil)
	if code, _ := res.Problem(t).Field("citizen_satisfaction_share"); res.StatusCode != 422 || code != "required" {
		t.Fatalf("partial targets: %d %s", res.StatusCode, res.Body)
	}
}

// The same Idempotency-Key from another client is its own submission: it
// never returns the first client's receipt (with its private link).
func TestIdempotencyKeyIsScopedToTheCaller(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}})
	body := systemtest.VacancyBody(demo.CVR(33))
	post := func(addr string) (int, string) {
		res, b := rawDo(t, "POST", env.URL+"/api/v1/vacancies", body, map[string]string{"Idempotency-Key": "shared-key", "X-Forwarded-For": addr})
		var rec receipt
		_ = json.Unmarshal(b, &rec)
		return res.StatusCode, rec.StatusURL
	}
	s1, u1 := post("192.0.2.1")
	s2, u2 := post("192.0.2.1")
	s3, u3 := post("192.0.2.99")
	if s1 != 201 || s2 != 201 || s3 != 201 || u1 != u2 || u3 == u1 {
		t.Fatalf("same client %d %d (%v), other client %d got the first receipt: %v", s1, s2, u1 == u2, s3, u3 == u1)
	}
	// A signed-in user's keys are theirs.
	k := env.Login("konsulent@demo.local")
	var a receipt
	k.Do("POST", "/api/v1/vacancies", body, &a, "Idempotency-Key", "shared-key")
	if a.StatusURL == "" || a.StatusURL == u1 {
		t.Fatalf("staff with another client's key: %q", a.StatusURL)
	}
}

// Management reads figures only: no request texts, contact names, e-mails
// or phones through the API or the pages.
func TestManagementSeesFiguresOnly(t *testing.T) {
	env := systemtest.Start(t)
	var rec receipt
	env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(34)), &rec)
	m := env.Login("leder@demo.local")
	for _, p := range []string{"/api/v1/requests", "/api/v1/vacancies", "/api/v1/vacancies/" + rec.ID, "/api/v1/companies",
		"/api/v1/companies/" + demo.CVR(34), "/api/v1/companies/" + demo.CVR(34) + "/timeline", "/api/v1/companies/search?q=als",
		"/api/v1/worklist", "/api/v1/consultants", "/staff/companies/" + demo.CVR(34), "/staff/hotline", "/staff/vacancies/" + rec.ID} {
		res := m.Do("GET", p, nil, nil)
		if res.StatusCode != http.StatusForbidden || strings.Contains(string(res.Body), "ole@als-toemrer.dk") || strings.Contains(string(res.Body), "Ole Olsen") {
			t.Errorf("management GET %s: %d", p, res.StatusCode)
		}
	}
	if res := m.Do("GET", "/staff", nil, nil); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/dashboard" {
		t.Errorf("management /staff: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	for _, p := range []string{"/dashboard", "/api/v1/kpi?year=2026", "/api/v1/kpi/report?year=2026"} {
		res := m.Do("GET", p, nil, nil)
		if res.StatusCode != http.StatusOK || strings.Contains(string(res.Body), "ole@als-toemrer.dk") || strings.Contains(string(res.Body), "12345678") {
			t.Errorf("management GET %s: %d", p, res.StatusCode)
		}
	}
}

// TestCookieWritesFromOtherOrigins: a write that carries only the session
// cookie is not signed in when the browser says it comes from another origin
// (Sec-Fetch-Site, or an Origin that is not ours): SameSite=Lax still sends
// the cookie from a sibling subdomain. The same write from our own pages,
// with a bearer token, or from a client that is no browser goes through,
// and reads are never refused.
func TestCookieWritesFromOtherOrigins(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	k.Token = "" // the cookie alone
	body := func(ref string) map[string]any { return cv(ref, "Lagermedarbejder", nil) }
	for name, h := range map[string][]string{
		"fetch metadata: cross-site": {"Sec-Fetch-Site", "cross-site"},
		"fetch metadata: same-site":  {"Sec-Fetch-Site", "same-site"},
		"another origin":             {"Origin", "https://intra.kommune.example"},
	} {
		res := k.Do("POST", "/api/v1/candidates", body("X-"+strings.ReplaceAll(name, " ", "")), nil, h...)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: %d %s, want 401 (the cookie not honoured)", name, res.StatusCode, res.Body)
		}
	}
	// The public form posted from another of the municipality's sites by
	// a signed-in colleague is an anonymous post, as anyone's.
	if res := k.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(2)), nil, "Sec-Fetch-Site", "same-site", "Idempotency-Key", "x-site-1"); res.StatusCode != http.StatusCreated {
		t.Errorf("the public form from a sibling site: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("GET", "/api/v1/candidates/search?q=lager", nil, nil, "Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusOK {
		t.Errorf("a cross-site read (a link): %d", res.StatusCode)
	}
	for i, h := range [][]string{
		{"Sec-Fetch-Site", "same-origin"},
		{"Origin", env.URL},
		nil, // curl
	} {
		if res := k.Do("POST", "/api/v1/candidates", body(fmt.Sprintf("OWN-%d", i)), nil, h...); res.StatusCode != http.StatusCreated {
			t.Errorf("own origin %v: %d %s", h, res.StatusCode, res.Body)
		}
	}
	bearer := env.Login("konsulent@demo.local")
	if res := bearer.Do("POST", "/api/v1/candidates", body("BEARER-1"), nil, "Sec-Fetch-Site", "cross-site"); res.StatusCode != http.StatusCreated {
		t.Errorf("a bearer token from another origin: %d %s", res.StatusCode, res.Body)
	}
}

// TestContactsBounded: every anonymous post under a CVR may add its sender
// to the company's contacts, but only up to companies.MaxContacts: a
// stranger posting in a loop cannot grow the company without end. Every
// request is still stored with its sender.
func TestContactsBounded(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	cvr := demo.CVR(3)
	n := companies.MaxContacts + 5
	for i := range n {
		body := systemtest.VacancyBody(cvr)
		body["company"].(map[string]any)["contact"] = map[string]any{"name": "Afsender", "email": fmt.Sprintf("afsender%d@example.dk", i)}
		if res := anon.Do("POST", "/api/v1/vacancies", body, nil, "Idempotency-Key", fmt.Sprintf("k-%d", i)); res.StatusCode != http.StatusCreated {
			t.Fatalf("post %d: %d %s", i, res.StatusCode, res.Body)
		}
	}
	admin := env.Login("admin@demo.local")
	var c struct {
		Contacts []struct{ Email string } `json:"contacts"`
	}
	if res := admin.Do("GET", "/api/v1/companies/"+cvr, nil, &c); res.StatusCode != http.StatusOK {
		t.Fatalf("company: %d %s", res.StatusCode, res.Body)
	}
	if len(c.Contacts) != companies.MaxContacts {
		t.Fatalf("%d posts left %d contacts, want %d", n, len(c.Contacts), companies.MaxContacts)
	}
	var list struct{ Total int }
	admin.Do("GET", "/api/v1/vacancies?limit=1", nil, &list)
	if list.Total < n {
		t.Fatalf("%d vacancies listed after %d posts", list.Total, n)
	}
}

// cutProxy forwards TCP connections to target until cut.
type cutProxy struct {
	ln     net.Listener
	mu     sync.Mutex
	cut    bool
	conns  []net.Conn
	target string
}

// dbBehindProxy puts a cutProxy in front of the database at uri and
// returns the URI to reach the database through it: the embedded
// database's socket (mongodb://%2F…%2Fmongodb.sock/) or an external
// database's host and port.
func dbBehindProxy(t *testing.T, uri string) (*cutProxy, *url.URL) {
	t.Helper()
	if rest, ok := strings.CutPrefix(uri, "mongodb://%2F"); ok {
		host, tail, _ := strings.Cut(rest, "/")
		sock, err := url.PathUnescape("%2F" + host)
		if err != nil {
			t.Fatal(err)
		}
		px := newCutProxyTo(t, "unix", sock)
		u, err := url.Parse("mongodb://" + px.ln.Addr().String() + "/" + tail)
		if err != nil {
			t.Fatal(err)
		}
		return px, u
	}
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatal(err)
	}
	px := newCutProxy(t, u.Host)
	u.Host = px.ln.Addr().String()
	return px, u
}

func newCutProxy(t *testing.T, target string) *cutProxy { return newCutProxyTo(t, "tcp", target) }

func newCutProxyTo(t *testing.T, network, target string) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.cut {
				p.mu.Unlock()
				c.Close()
				continue
			}
			d, err := net.Dial(network, target)
			if err != nil {
				p.mu.Unlock()
				c.Close()
				continue
			}
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(d, c); d.Close() }()
			go func() { _, _ = io.Copy(c, d); c.Close() }()
		}
	}()
	return p
}

// setCut cuts every connection (and refuses new ones) or lets them through.
func (p *cutProxy) setCut(cut bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = cut
	if cut {
		for _, c := range p.conns {
			c.Close()
		}
		p.conns = nil
	}
}

// TestDatabaseDownIsUnavailableNotLoggedOut: while the database does not
// answer, a signed-in consultant gets 503 "try again" (API and pages), not
// 401 "log in first" or the login page; the service is theirs again when
// the database is back.
func TestDatabaseDownIsUnavailableNotLoggedOut(t *testing.T) {
	env := systemtest.Start(t)
	px, u := dbBehindProxy(t, env.Sys.Store.URI())
	q := u.Query()
	q.Set("serverSelectionTimeoutMS", "300") // fail at once, not in 30 s
	u.RawQuery = q.Encode()
	rep := env.ReplicaAt(u.String())
	for !rep.Sys.Ready() {
		time.Sleep(20 * time.Millisecond)
	}
	k := rep.Login("konsulent@demo.local")
	if res := k.Do("GET", "/api/v1/auth/me", nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("before: %d", res.StatusCode)
	}
	px.setCut(true)
	res := k.Do("GET", "/api/v1/auth/me", nil, nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" || !strings.Contains(res.Problem(t).Title, "database") {
		t.Fatalf("database down, API: %d %s", res.StatusCode, res.Body)
	}
	res = k.Do("GET", "/staff", nil, nil, "Accept", "text/html")
	if res.StatusCode != http.StatusServiceUnavailable || strings.Contains(res.Header.Get("Location"), "/login") {
		t.Fatalf("database down, a page: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	px.setCut(false)
	var back *systemtest.Response
	for i := 0; i < 100; i++ {
		if back = k.Do("GET", "/api/v1/auth/me", nil, nil); back.StatusCode == http.StatusOK {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if back.StatusCode != http.StatusOK {
		t.Fatalf("database back: %d %s", back.StatusCode, back.Body)
	}
}
