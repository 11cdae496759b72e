package api_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestLanguageLevelInTheWords: "flydende engelsk" asks for English at C1
// or above, "arabisk som modersmål" for Arabic at C2 or native, as the
// language filter, and so does a CEFR level beside a language ("engelsk
// C1", "dansk på B1-niveau"). As words, "flydende" was a word no CV held beside the
// language, so the search fell back to any CV with either: 1,572 of the
// demo's 2,000.
func TestLanguageLevelInTheWords(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	lang := func(code, level string) map[string]any {
		return map[string]any{"languages": []map[string]string{{"code": "da", "level": "C2"}, {"code": code, "level": level}}}
	}
	createCVs(t, k,
		cv("REC-C1", "Receptionist", lang("en", "C1")),
		cv("REC-B1", "Receptionist", lang("en", "B1")),
		cv("KOK-AR", "Kok", lang("ar", "native")),
		cv("KOK-AR-B2", "Kok", lang("ar", "B2")),
	)
	waitSearch(t, k, "", 4)
	for q, want := range map[string][]string{
		"flydende engelsk":               {"REC-C1"},
		"receptionist, engelsk flydende": {"REC-C1"},
		"fluent english":                 {"REC-C1"},
		"kok arabisk som modersmål":      {"KOK-AR"},
		// A CEFR level as typed: "engelsk c1" read C1 as a driving
		// licence and found nobody; "dansk b1" found every CV with Danish.
		"engelsk c1":              {"REC-C1"},
		"receptionist engelsk B1": {"REC-B1", "REC-C1"},
		"arabisk på b2-niveau":    {"KOK-AR", "KOK-AR-B2"},
		"kok B2 arabisk":          {"KOK-AR", "KOK-AR-B2"},
		"engelsk niveau c1":       {"REC-C1"},
		// Each level with the language before it, and both read: "dansk
		// B1 engelsk C1" read English at B1 and C1 as a licence.
		"dansk b1 engelsk c1": {"REC-C1"},
		"dansk c2 arabisk b2": {"KOK-AR", "KOK-AR-B2"},
	} {
		var r struct {
			searchResult
			AnyWord     bool                                `json:"any_word"`
			Interpreted []struct{ Term, Label, Via string } `json:"interpreted"`
		}
		k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape(q), nil, &r)
		got := r.refs()
		slices.Sort(got)
		if !slices.Equal(got, want) || r.AnyWord {
			t.Errorf("%s: %v (any word %v), want %v", q, got, r.AnyWord, want)
		}
		if !slices.ContainsFunc(r.Interpreted, func(i struct{ Term, Label, Via string }) bool { return i.Via == "language" }) {
			t.Errorf("%s read as %+v, want a language", q, r.Interpreted)
		}
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("flydende engelsk"), nil, nil).Body)
	if !strings.Contains(page, "«flydende engelsk» læst som sprog: Engelsk, mindst C1") {
		t.Errorf("the page does not say how «flydende engelsk» was read")
	}
	page = string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok arabisk som modersmål"), nil, nil).Body)
	if !strings.Contains(page, "«arabisk som modersmål» læst som sprog: Arabisk som modersmål") {
		t.Errorf("the page does not say how «arabisk som modersmål» was read")
	}
}
