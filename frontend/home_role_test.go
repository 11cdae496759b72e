package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"jobmatch/system/systemtest"
)

// TestEachRoleLandsOnItsOwnPage: signed in from the login page (no page
// asked for), the hotline lands on the hotline, where it logs the day's
// calls; it landed on the overview of every request, a click away.
// Management lands on the figures, a consultant on their overview.
func TestEachRoleLandsOnItsOwnPage(t *testing.T) {
	env := systemtest.Start(t)
	for email, want := range map[string]string{"hotline@demo.local": "/staff/hotline", "leder@demo.local": "/dashboard", "konsulent@demo.local": "/staff"} {
		c := env.Client()
		res := c.Do("GET", "/login", nil, nil, "Accept", "text/html")
		m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(string(res.Body))
		if m == nil {
			t.Fatalf("no _csrf on the login page: %s", res.Body)
		}
		form := url.Values{"_csrf": {html.UnescapeString(m[1])}, "email": {email}, "password": {"demo"}}
		res = c.Do("POST", "/login", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("%s signed in: %d to %q, want %q", email, res.StatusCode, res.Header.Get("Location"), want)
		}
		// Signed in, the login page sends them there too.
		if res := c.Do("GET", "/login", nil, nil, "Accept", "text/html"); res.Header.Get("Location") != want {
			t.Errorf("%s at /login: %d to %q, want %q", email, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}
