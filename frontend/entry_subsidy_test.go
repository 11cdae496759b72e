package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestSubsidyQuestionNamesItsScheme: a question about a subsidy sent on
// the form without the scheme it is about is not sent: the choice says
// so at its field and in the error summary, in Danish and in English,
// with the text kept; with a scheme, or "Andet / ved ikke", it is filed,
// and a question on another topic needs none.
func TestSubsidyQuestionNamesItsScheme(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	v := func(topic, scheme string) url.Values {
		return url.Values{"topic": {topic}, "subsidy": {scheme}, "text": {"Kan vi få en medarbejder i løntilskud?"}, "company.cvr": {demo.CVR(742)},
			"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.email": {"ole@example.dk"}}
	}
	res := entryForm(t, anon, v("subsidy", ""))
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="e-subsidy">Vælg den støtteordning, du spørger om. Er du i tvivl, så vælg »Andet / ved ikke«.`) ||
		!strings.Contains(page, `<a href="#f-subsidy">Hvilken støtteordning? Vælg den støtteordning`) || !strings.Contains(page, "Kan vi få en medarbejder i løntilskud?") {
		t.Fatalf("a subsidy question without its scheme: %d %s", res.StatusCode, page)
	}
	en := v("subsidy", "")
	en.Set("company.contact.name", "")
	english := env.Client()
	english.Do("GET", "/?lang=en", nil, nil, "Accept", "text/html") // the page's own language link
	res = entryForm(t, english, en)
	if page := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Choose the subsidy scheme you are asking about.") || !strings.Contains(page, `id="e-company.contact.name"`) {
		t.Errorf("in English, with the name's error too: %s", page)
	}
	for _, tc := range []struct{ topic, scheme string }{{"subsidy", "loentilskud"}, {"subsidy", "other"}, {"retention", ""}} {
		if res := entryForm(t, anon, v(tc.topic, tc.scheme)); res.StatusCode != http.StatusSeeOther {
			t.Errorf("%s %q: %d %s", tc.topic, tc.scheme, res.StatusCode, res.Body)
		}
	}
}
