package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestUnknownConsentLinkSaysWhatToDo: a consent link the service does not
// know (mistyped, cut short in the SMS, a link too short to be one)
// showed "Siden findes ikke" with an error id, in Danish only. The citizen
// gets a page saying the link is not valid, why it may be (mistyped, or
// replaced by a newer link) and what to do (their contact person at the
// jobcentre), in the page's language and then the other, without an error
// id; answering on it is the same page.
func TestUnknownConsentLinkSaysWhatToDo(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	check := func(what string, res *systemtest.Response, first, second string) {
		t.Helper()
		page := html.UnescapeString(string(res.Body))
		main := page[strings.Index(page, `<main`):]
		for _, want := range []string{"Linket virker ikke", "nyere link", "kontaktperson i jobcentret",
			"The link does not work", "newer link", "contact person at the jobcentre"} {
			if !strings.Contains(main, want) {
				t.Errorf("%s: no %q:\n%s", what, want, main)
			}
		}
		if res.StatusCode != http.StatusNotFound || strings.Contains(page, "Fejl-id") || strings.Contains(page, "Error id") || strings.Contains(page, "Siden findes ikke") {
			t.Errorf("%s: %d, an error page:\n%s", what, res.StatusCode, main)
		}
		if i, j := strings.Index(main, `lang="`+first+`"`), strings.Index(main, `lang="`+second+`"`); i < 0 || j < i {
			t.Errorf("%s: not %s first, then %s:\n%s", what, first, second, main)
		}
		if res.Header.Get("X-Robots-Tag") != "noindex" || res.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: a private link's page is kept or leaks it: %v", what, res.Header)
		}
	}
	for _, token := range []string{strings.Repeat("b", 32), "abc123"} {
		check("GET /consent/"+token, anon.Do("GET", "/consent/"+token, nil, nil, "Accept", "text/html", "Accept-Language", "da"), "da", "en")
	}
	check("in English", anon.Do("GET", "/consent/"+strings.Repeat("c", 32)+"?lang=en", nil, nil, "Accept", "text/html"), "en", "da")
	form := url.Values{"answer": {"yes"}}
	check("an answer on it", env.Client().Do("POST", "/consent/"+strings.Repeat("d", 32), []byte(form.Encode()), nil,
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"), "da", "en")
	// A program asking is answered as the API answers: a problem.
	if res := anon.Do("GET", "/consent/"+strings.Repeat("e", 32), nil, nil, "Accept", "application/json"); res.StatusCode != http.StatusNotFound ||
		!strings.Contains(res.Header.Get("Content-Type"), "problem+json") {
		t.Errorf("JSON: %d %s %s", res.StatusCode, res.Header.Get("Content-Type"), res.Body)
	}
}
