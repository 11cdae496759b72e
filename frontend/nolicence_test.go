package frontend_test

import (
	"encoding/json"
	"html"
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestSearchWithoutALicence: "uden kørekort", alone and with other words,
// finds the CVs without a car licence (neither B nor C, which presupposes
// it), the page and the API saying how it was read. Alone it found
// everyone with a notice that the search could not leave them out, and
// "rengøring uden kørekort" found the cleaner with a licence too.
func TestSearchWithoutALicence(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.ResolveOccupation("lager", 1) // build the lexicons before the first write
	for _, c := range readCVs {
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	waitIndexed(t, k, len(readCVs))
	page := func(q, lang string) string {
		t.Helper()
		res := k.Do("GET", "/staff/candidates?q="+url.QueryEscape(q), nil, nil, "Accept", "text/html", "Accept-Language", lang)
		if res.StatusCode != 200 {
			t.Fatalf("%q: %d %s", q, res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	for q, want := range map[string][]string{
		"uden kørekort":                 {"Rahel Flygtning", "Ulla Ung"},
		"ingen kørekort":                {"Rahel Flygtning", "Ulla Ung"},
		"har ikke kørekort":             {"Rahel Flygtning", "Ulla Ung"},
		"Uden gyldigt kørekort til bil": {"Rahel Flygtning", "Ulla Ung"},
		"rengøring uden kørekort":       {"Rahel Flygtning"},
		"sosu, ingen kørekort":          {"Ulla Ung"},
		"sosu uden B-kørekort":          {"Ulla Ung"},
	} {
		p := page(q, "da")
		names := hitNames(p)
		slices.Sort(names)
		if !slices.Equal(names, want) {
			t.Errorf("%q: %q, want %q", q, names, want)
		}
		if !strings.Contains(p, "læst som uden kørekort til bil") || strings.Contains(p, "søgningen kan ikke udelukke") || strings.Contains(p, "Ikke søgt efter") {
			t.Errorf("%q: the page does not say how it was read:\n%s", q, p)
		}
	}
	k.Do("GET", "/?lang=en", nil, nil, "Accept", "text/html") // the page's own language link
	if p := page("cleaning without a driving licence", "en"); !strings.Contains(p, "read as no car driving licence") {
		t.Errorf("English: the page does not say how it was read:\n%s", p)
	}
	var r struct {
		Total       int
		Interpreted []struct{ Term, Label, Via string }
	}
	res := k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("rengøring uden kørekort"), nil, nil)
	if err := json.Unmarshal(res.Body, &r); err != nil {
		t.Fatalf("%d %s", res.StatusCode, res.Body)
	}
	if r.Total != 1 || !slices.ContainsFunc(r.Interpreted, func(i struct{ Term, Label, Via string }) bool {
		return i.Via == "no_licence" && i.Term == "uden kørekort" && i.Label == "B"
	}) {
		t.Errorf("API: %d found, interpreted %+v", r.Total, r.Interpreted)
	}
}
