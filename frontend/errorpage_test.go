package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestErrorPagesSayWhatToDo: an error page says what happened in words
// and where to go from it, for the reader it is: a mistyped private link
// tells the employer whom to ask and offers a new request; management on
// a consultant's page is sent to the dashboard, not to the employers'
// public form ("Fejl 403 / Du har ikke adgang." and "Til forsiden" → /).
func TestErrorPagesSayWhatToDo(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	res := anon.Do("GET", "/status/"+strings.Repeat("a", 32), nil, nil, "Accept", "text/html", "Accept-Language", "da")
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusNotFound || !strings.Contains(page, "<h1>Siden findes ikke</h1>") || !strings.Contains(page, "Linket virker ikke") ||
		!strings.Contains(page, `<a href="/">Send en ny henvendelse til jobcentret</a>`) || !strings.Contains(page, "<title>Siden findes ikke") {
		t.Fatalf("a mistyped status link: %d\n%s", res.StatusCode, page)
	}
	leder := env.Login("leder@demo.local")
	res = leder.Do("GET", "/staff/candidates", nil, nil, "Accept", "text/html", "Accept-Language", "da")
	page = html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusForbidden || !strings.Contains(page, "<h1>Du har ikke adgang til siden</h1>") || !strings.Contains(page, `<a href="/dashboard">Til din forside</a>`) {
		t.Fatalf("management on the CV search: %d\n%s", res.StatusCode, page)
	}
	res = leder.Do("GET", "/dashboard/nowhere?lang=en", nil, nil, "Accept", "text/html", "Accept-Language", "en")
	page = html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusNotFound || !strings.Contains(page, "<h1>Page not found</h1>") || !strings.Contains(page, `<a href="/dashboard">To your start page</a>`) {
		t.Fatalf("a page that does not exist: %d\n%s", res.StatusCode, page)
	}
}
