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
	// A citizen's dead consent or survey link: their jobcentre, not the
	// employers' form.
	for _, path := range []string{"/consent/", "/survey/"} {
		res = anon.Do("GET", path+strings.Repeat("b", 32), nil, nil, "Accept", "text/html", "Accept-Language", "da")
		page = html.UnescapeString(string(res.Body))
		if res.StatusCode != http.StatusNotFound || !strings.Contains(page, "Kontakt din kontaktperson i jobcentret") || strings.Contains(page, "Send en ny henvendelse") ||
			strings.Contains(page, `<a href="/">`) {
			t.Fatalf("a citizen's dead link %s: %d\n%s", path, res.StatusCode, page)
		}
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
	// The language link of a page at "//evil.example/…" stays on the
	// service.
	for _, path := range []string{"//evil.example/login", "/\\evil.example/login", "///evil.example/login"} {
		res = anon.Do("GET", path, nil, nil, "Accept", "text/html")
		page = string(res.Body)
		if res.StatusCode != http.StatusNotFound || strings.Contains(page, `href="//`) || strings.Contains(page, `href="/\`) ||
			!strings.Contains(page, `href="/evil.example/login?lang=en"`) {
			t.Fatalf("%s: the language link leads away: %d\n%s", path, res.StatusCode, page)
		}
	}
}

// TestPrivacyAndAccessibilityPages: every page's footer leads to how the
// service handles personal data (with the retention it runs with) and to
// its accessibility statement, which a Danish public-sector service must
// publish.
func TestPrivacyAndAccessibilityPages(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	front := string(anon.Do("GET", "/", nil, nil, "Accept", "text/html").Body)
	if !strings.Contains(front, `<a href="/about/privacy">`) || !strings.Contains(front, `<a href="/about/accessibility">Tilgængelighedserklæring</a>`) {
		t.Fatalf("the footer has no privacy or accessibility link:\n%s", front)
	}
	res := anon.Do("GET", "/about/privacy", nil, nil, "Accept", "text/html")
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusOK || !strings.Contains(page, "gemmer aldrig CPR-numre") || !strings.Contains(page, "hver læsning logges") ||
		!(strings.Contains(page, "slettes automatisk, når der ikke er sket noget med det i") || strings.Contains(page, "sletter ikke CV'er automatisk")) {
		t.Fatalf("privacy: %d\n%s", res.StatusCode, page)
	}
	res = anon.Do("GET", "/about/accessibility?lang=en", nil, nil, "Accept", "text/html")
	if page := string(res.Body); res.StatusCode != http.StatusOK || !strings.Contains(page, "WCAG 2.1 level AA") || !strings.Contains(page, "Known shortcomings") {
		t.Fatalf("accessibility statement: %d\n%s", res.StatusCode, page)
	}
}
