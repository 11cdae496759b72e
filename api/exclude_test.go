package api_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestSearchLeavesAWordOut: "kok -deltid", "kok ikke deltid" and "kok
// uden weekend" find the cooks whose CVs do not want part-time or will
// not work weekends, and the answer and the page say what was left out;
// the "-" was dropped with the word's punctuation, so "kok -deltid" found
// exactly those who want part-time, and "kok uden weekend" every cook.
func TestSearchLeavesAWordOut(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK-DEL", "Kok", map[string]any{"hours": []string{"part"}, "shifts": []string{"day"}}),
		cv("KOK-FULD", "Kok", map[string]any{"hours": []string{"full"}, "shifts": []string{"day", "weekend"}}),
		cv("KOK-INGEN", "Kok", nil),
		cv("LAGER-1", "Lagermedarbejder", map[string]any{"summary": "Har truckcertifikat B."}),
		cv("LAGER-2", "Lagermedarbejder", map[string]any{"summary": "Pluk og pak."}),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"kok -deltid":                       {"KOK-FULD", "KOK-INGEN"},
		"kok ikke deltid":                   {"KOK-FULD", "KOK-INGEN"},
		"kok uden weekend":                  {"KOK-DEL", "KOK-INGEN"},
		"kok NOT weekend":                   {"KOK-DEL", "KOK-INGEN"},
		"lagermedarbejder -truckcertifikat": {"LAGER-2"},
		"lager uden truckcertifikat":        {"LAGER-2"},
	} {
		var r struct {
			searchResult
			Interpreted []struct{ Term, Label, Via string } `json:"interpreted"`
		}
		k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape(q), nil, &r)
		if got := sorted(r.refs()); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
		if !slices.ContainsFunc(r.Interpreted, func(i struct{ Term, Label, Via string }) bool {
			return i.Via == "excluded" && strings.HasSuffix(q, i.Term)
		}) {
			t.Errorf("%s read as %+v, want the word left out said", q, r.Interpreted)
		}
	}
	page := k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok -deltid"), nil, nil)
	if body := string(page.Body); !strings.Contains(body, "uden «deltid»") || strings.Contains(body, "«kok» og «deltid»") {
		t.Errorf("the page does not say what was left out: %.3000s", body)
	}
}
