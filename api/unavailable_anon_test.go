package api_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestDatabaseDownIsUnavailableForEveryone: while the database does not
// answer, an anonymous employer's vacancy, a status link, a login and the
// public form's pages are answered as a signed-in consultant is: 503 with
// Retry-After and "the service cannot reach its database", in JSON and as
// a page. Only the session read said so; the rest answered 500 "Der skete
// en fejl hos os".
func TestDatabaseDownIsUnavailableForEveryone(t *testing.T) {
	env := systemtest.Start(t)
	px, u := dbBehindProxy(t, env.Sys.Store.URI())
	q := u.Query()
	q.Set("serverSelectionTimeoutMS", "300") // fail at once, not in 2 s
	u.RawQuery = q.Encode()
	rep := env.ReplicaAt(u.String())
	for !rep.Sys.Ready() {
		time.Sleep(20 * time.Millisecond)
	}
	px.setCut(true)
	anon := rep.Client()
	for _, lang := range []string{"da", "en"} {
		want := map[string]string{"da": "Tjenesten kan ikke nå sin database", "en": "The service cannot reach its database"}[lang]
		for _, r := range []struct {
			method, path string
			body         any
		}{
			{"POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(31))},
			{"POST", "/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": "wrong-password"}},
		} {
			res := anon.Do(r.method, r.path, r.body, nil, "Accept-Language", lang)
			if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != "10" || !strings.Contains(res.Problem(t).Title, want) {
				t.Errorf("%s %s %s: %d Retry-After %q %s", lang, r.method, r.path, res.StatusCode, res.Header.Get("Retry-After"), res.Body)
			}
		}
		for _, r := range []struct {
			method, path string
			form         url.Values
		}{
			{"GET", "/status/x", nil},
			{"POST", "/login", url.Values{"email": {"konsulent@demo.local"}, "password": {"wrong-password"}}},
		} {
			status, header, body := outagePage(t, rep.URL, r.method, r.path, r.form, lang)
			if status != http.StatusServiceUnavailable || header.Get("Retry-After") != "10" || !strings.Contains(html.UnescapeString(body), want) {
				t.Errorf("%s page %s %s: %d Retry-After %q %s", lang, r.method, r.path, status, header.Get("Retry-After"), body)
			}
		}
	}
}

// outagePage asks a browser's way for a page in lang (a form posted with
// its CSRF token) and returns the answer.
func outagePage(t *testing.T, base, method, path string, form url.Values, lang string) (int, http.Header, string) {
	t.Helper()
	const csrf = "outage-test-csrf-token-0123456789"
	var body io.Reader
	if form != nil {
		form.Set("_csrf", csrf)
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: "jm_csrf", Value: csrf})
	req.AddCookie(&http.Cookie{Name: "jm_lang", Value: lang}) // a page is Danish unless the reader chose English
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(b)
}
