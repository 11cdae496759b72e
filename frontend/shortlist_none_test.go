package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestShortlistNoneTicked: "Sæt de valgte på kortlisten" with no box
// ticked said "Ret felterne: Kandidat: Skal udfyldes." above the shortlist,
// naming a field the page has not. It asks for a tick, at the matches
// list where the boxes are, in the page's language.
func TestShortlistNoneTicked(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(905), "Dorte Dam")
	for _, tc := range []struct{ lang, want string }{
		{"da", "Sæt flueben ud for mindst én kandidat i listen herunder."},
		{"en", "Tick at least one candidate in the list below."},
	} {
		page := func() string {
			res := cc.k.Do("GET", "/staff/vacancies/"+cc.vacancyID+"?lang="+tc.lang, nil, nil, "Accept", "text/html")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
			}
			return html.UnescapeString(string(res.Body))
		}
		m := regexp.MustCompile(`id="bulk-shortlist"[^>]*><input type="hidden" name="_csrf" value="([^"]+)"`).FindStringSubmatch(page())
		if m == nil {
			t.Fatal("no shortlist form on the matches list")
		}
		form := url.Values{"_csrf": {m[1]}}
		res := cc.k.Do("POST", "/staff/vacancies/"+cc.vacancyID+"/shortlist", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
		if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "#msg-matches") {
			t.Fatalf("%s: %d %q, want the matches list", tc.lang, res.StatusCode, res.Header.Get("Location"))
		}
		p := page()
		matches := p[strings.Index(p, `id="matches-h"`):]
		at := strings.Index(matches, `id="msg-matches"`)
		if at < 0 || !strings.Contains(matches[at:], tc.want) || strings.Contains(p, "Skal udfyldes") || strings.Contains(p, "Ret felterne") {
			t.Fatalf("%s: no %q at the matches list: %s", tc.lang, tc.want, matches)
		}
	}
}
