package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestYearsOfExperienceInTheWords: "kok 5 års erfaring" asks for cooks
// with five years as cooks. It found 11 CVs of 2,000 by any word, a
// packer first: "års" was read as the town Aars, and "5" and "erfaring"
// as words. The years are now the years a CV has in the occupation the
// words name (in all when they name none), as the min_years filter.
func TestYearsOfExperienceInTheWords(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	exp := func(lines ...any) map[string]any {
		var out []map[string]any
		for i := 0; i < len(lines); i += 2 {
			out = append(out, map[string]any{"title": lines[i], "years": lines[i+1]})
		}
		return map[string]any{"experience": out}
	}
	createCVs(t, k,
		cv("KOK-6", "Kok", exp("Kok", 6)),
		cv("KOK-2", "Kok", exp("Kok", 2, "Rengøringsassistent", 10)),
		cv("REN-10", "Rengøringsassistent", exp("Rengøringsassistent", 10.5)),
		cv("SSH-4", "Social- og sundhedshjælper", exp("Social- og sundhedshjælper", 4)),
		cv("BUTIK-4", "Butiksassistent", exp("Butiksassistent", 4)),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"kok 5 års erfaring":            {"KOK-6"},
		"kok med mindst 3 års erfaring": {"KOK-6"},
		"5 års erfaring som kok":        {"KOK-6"},
		"cook 5 years of experience":    {"KOK-6"},
		"kok tre års erfaring":          {"KOK-6"},
		"rengøring 10+ års erfaring":    {"KOK-2", "REN-10"},
		"rengøringsassistent 11 års":    {}, // 10.5 years are 10 whole years
		"kok 2 års erfaring":            {"KOK-2", "KOK-6"},
		"kok ٥ års erfaring":            {"KOK-6"},          // Arabic-Indic digits
		"kok 0 års erfaring":            {"KOK-2", "KOK-6"}, // asks nothing
		"-5 års erfaring som kok":       {"KOK-6"},
		// A name whose CVs are another occupation's: "hjemmehjælper"
		// (an alternative label of the social- og sundhedshjælper), and
		// "ekspedient" (STAR's title of tøjekspedient and the like,
		// whose group holds the butiksassistent).
		"hjemmehjælper 3 års erfaring": {"SSH-4"},
		"ekspedient 3 års erfaring":    {"BUTIK-4"},
	} {
		wantFound(t, k, q, want)
	}
	// Without an occupation named: the years in all.
	wantFound(t, k, "12 års erfaring", []string{"KOK-2"})
	// The page names the occupation as the words did.
	if page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("ekspedient 3 års erfaring"), nil, nil).Body); !strings.Contains(page, "mindst 3 års erfaring som ekspedient") {
		t.Errorf("the page does not name the ekspedient")
	}

	var r struct {
		searchResult
		Interpreted []struct {
			Term  string `json:"term"`
			Label string `json:"label"`
			Via   string `json:"via"`
		} `json:"interpreted"`
		WithoutYears *struct {
			Total int    `json:"total"`
			Q     string `json:"q"`
		} `json:"without_years"`
	}
	// A count out of range is years still, not the town Aars.
	k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("99999 års erfaring"), nil, &r)
	if len(r.Interpreted) != 1 || r.Interpreted[0].Via != "experience" || r.Interpreted[0].Label != "50" {
		t.Errorf("99999 års erfaring read as %+v, want 50 years (the most)", r.Interpreted)
	}
	r.Interpreted, r.WithoutYears = nil, nil
	k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("kok med 20 års erfaring"), nil, &r)
	read := false
	for _, in := range r.Interpreted {
		if in.Via == "place" {
			t.Errorf("read as a place: %+v", in)
		}
		read = read || in.Via == "experience" && in.Label == "20" && in.Term == "20 års erfaring"
	}
	if r.Total != 0 || !read || r.WithoutYears == nil || r.WithoutYears.Total != 2 || r.WithoutYears.Q != "kok med" {
		t.Errorf("kok med 20 års erfaring: %d found, read %+v, without years %+v; want 0, the years, 2 without them", r.Total, r.Interpreted, r.WithoutYears)
	}

	// Years with no word for experience and not in the genitive are words.
	var w struct {
		Interpreted []struct {
			Via string `json:"via"`
		} `json:"interpreted"`
	}
	k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("kok 20 år"), nil, &w)
	for _, in := range w.Interpreted {
		if in.Via == "experience" {
			t.Errorf("kok 20 år read as years of experience")
		}
	}

	// The filter, and the page.
	var f searchResult
	k.Do("GET", "/api/v1/candidates/search?q=kok&min_years=5", nil, &f)
	if got := f.refs(); len(got) != 1 || got[0] != "KOK-6" {
		t.Errorf("q=kok min_years=5: %v, want KOK-6", got)
	}
	for _, v := range []string{"abc", "-1", "51"} {
		res := k.Do("GET", "/api/v1/candidates/search?min_years="+v, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"min_years"`) {
			t.Errorf("min_years=%s: %d %s, want 422 on min_years", v, res.StatusCode, res.Body)
		}
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok 5 års erfaring"), nil, nil).Body)
	if !strings.Contains(page, "«5 års erfaring» læst som mindst 5 års erfaring som kok") {
		t.Errorf("the page does not say how the years were read")
	}
	page = string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok 30 års erfaring"), nil, nil).Body)
	if !strings.Contains(page, "Uden kravet om års erfaring") || !strings.Contains(page, "q=kok&amp;") && !strings.Contains(page, "q=kok\"") {
		t.Errorf("the page offers no search without the years")
	}
}

// TestWithoutExperience: "uden erfaring" asks for those who have none yet
// (less than a whole year in all), as no_experience=true. As a negation
// with nothing beside it the words themselves were searched, and "uden"
// found the demo's anlægsgartnere by their "udenomsarealer".
func TestWithoutExperience(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK-NY", "Kok", nil),
		cv("KOK-HALV", "Kok", map[string]any{"experience": []map[string]any{{"title": "Kok", "years": 0.5}}}),
		cv("KOK-6", "Kok", map[string]any{"experience": []map[string]any{{"title": "Kok", "years": 6}}}),
		cv("GARTNER", "Anlægsgartner", map[string]any{"summary": "Pleje af udenomsarealer.",
			"experience": []map[string]any{{"title": "Anlægsgartner", "years": 4}}}),
		cv("LAGER-NY", "Lagermedarbejder", nil),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"kok uden erfaring":                {"KOK-HALV", "KOK-NY"},
		"uden erfaring":                    {"KOK-HALV", "KOK-NY", "LAGER-NY"},
		"lager ingen erhvervserfaring":     {"LAGER-NY"},
		"cook without work experience":     {"KOK-HALV", "KOK-NY"},
		"kok, uden erfaring, i sønderborg": {"KOK-HALV", "KOK-NY"},
	} {
		wantFound(t, k, q, want)
	}
	var f searchResult
	k.Do("GET", "/api/v1/candidates/search?q=kok&no_experience=true", nil, &f)
	if got := f.refs(); len(got) != 2 || slices.Contains(got, "KOK-6") {
		t.Errorf("q=kok no_experience=true: %v, want the two without experience", got)
	}
	for _, v := range []string{"no_experience=ja", "no_experience=true&min_years=2"} {
		res := k.Do("GET", "/api/v1/candidates/search?"+v, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"no_experience"`) {
			t.Errorf("%s: %d %s, want 422 on no_experience", v, res.StatusCode, res.Body)
		}
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok uden erfaring"), nil, nil).Body)
	if !strings.Contains(page, "«uden erfaring» læst som under et års erhvervserfaring i alt") {
		t.Errorf("the page does not say how «uden erfaring» was read")
	}
}
