package api_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestEducationLevels: "akademiker" found nobody, though a consultant
// looking for one means a CV with a master's degree (a kandidat) or a
// PhD: the index held only whether a CV's education was vocational or
// more. Now the words of an education level or group are read as the
// CV's education (beside the words), the search filters on it
// (education=academic), the facets count it, and the page says how the
// word was read.
func TestEducationLevels(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	edu := func(level, field string) map[string]any {
		return map[string]any{"education": []map[string]string{{"level": "upper_secondary", "field": "Studentereksamen (STX)"}, {"level": level, "field": field}}}
	}
	createCVs(t, k,
		cv("HR-CAND", "Personalekonsulent", edu("master", "Cand.merc. (erhvervsøkonomi)")),
		cv("IT-PHD", "Softwareudvikler", edu("phd", "Ph.d. i datalogi")),
		cv("PAED-PBA", "Pædagog", edu("bachelor", "Pædagoguddannelsen (professionsbachelor)")),
		cv("IT-DATA", "Softwareudvikler", edu("short_cycle", "Datamatikeruddannelsen")),
		cv("LAGER-EUD", "Lagermedarbejder", edu("vocational", "Lager- og terminaluddannelsen")),
		cv("LAGER-0", "Lagermedarbejder", nil),
	)
	waitSearch(t, k, "", 6)
	sorted := func(refs []string) []string { s := slices.Clone(refs); slices.Sort(s); return s }
	for q, want := range map[string][]string{
		"akademiker":                         {"HR-CAND", "IT-PHD"},
		"akademikere":                        {"HR-CAND", "IT-PHD"},
		"lang videregående uddannelse":       {"HR-CAND", "IT-PHD"},
		"akademiker softwareudvikler":        {"IT-PHD"},
		"højtuddannede":                      {"HR-CAND", "IT-DATA", "IT-PHD", "PAED-PBA"},
		"videregaaende uddannelse":           {"HR-CAND", "IT-DATA", "IT-PHD", "PAED-PBA"},
		"bachelor":                           {"PAED-PBA"},
		"ph.d.":                              {"IT-PHD"},
		"softwareudvikler kort videregående": {"IT-DATA"},
	} {
		if r := search(t, k, "q="+url.QueryEscape(q)); !slices.Equal(sorted(r.refs()), want) {
			t.Errorf("%s: %v (read as %+v), want %v", q, r.refs(), r.Tried, want)
		}
	}

	// The filter: a level or a group, any of several.
	for query, want := range map[string][]string{
		"education=academic":                      {"HR-CAND", "IT-PHD"},
		"education=master":                        {"HR-CAND"},
		"education=vocational,bachelor":           {"LAGER-EUD", "PAED-PBA"},
		"q=lagermedarbejder&education=vocational": {"LAGER-EUD"},
	} {
		if r := search(t, k, query); !slices.Equal(sorted(r.refs()), want) {
			t.Errorf("%s: %v, want %v", query, r.refs(), want)
		}
	}
	res := k.Do("GET", "/api/v1/candidates/search?education=akademiker", nil, nil)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"education"`) {
		t.Errorf("education=akademiker: %d %s, want 422 on education", res.StatusCode, res.Body)
	}

	// The facets count the levels and the groups.
	var facets struct {
		Facets map[string][]struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	k.Do("GET", "/api/v1/candidates/search?facets=true", nil, &facets)
	counts := map[string]int{}
	for _, f := range facets.Facets["education"] {
		counts[f.Value] = f.Count
	}
	if counts["academic"] != 2 || counts["higher"] != 4 || counts["upper_secondary"] != 5 || counts["vocational"] != 1 {
		t.Errorf("education facet %v, want academic 2, higher 4, upper_secondary 5, vocational 1", counts)
	}

	// The page says how the word was read, and offers the filter.
	// Each hit says its highest education, and the word read only as
	// the education is not among the words searched for.
	page := unmarked(string(k.Do("GET", "/staff/candidates?q=akademiker", nil, nil).Body))
	if !strings.Contains(page, "«akademiker» også læst som uddannelse: Akademiker (kandidat eller ph.d.)") ||
		!strings.Contains(page, "Uddannelse: Cand.merc. (erhvervsøkonomi)") || !strings.Contains(page, "Uddannelse: Ph.d. i datalogi") ||
		strings.Contains(page, "Søgte efter ordene") {
		t.Errorf("the page does not say how «akademiker» was read, or each hit's education: %.3000s", page)
	}
	page = string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("ufaglært lagermedarbejder"), nil, nil).Body)
	if !strings.Contains(page, "Ingen uddannelse på CV&#39;et") || strings.Contains(page, "Lager- og terminaluddannelsen") {
		t.Errorf("the hits of «ufaglært lagermedarbejder» do not say their education: %.3000s", page)
	}
	page = string(k.Do("GET", "/staff/candidates?q=softwareudvikler", nil, nil).Body)
	if strings.Contains(page, "Uddannelse: ") {
		t.Errorf("a search that asks no education shows the hits' education")
	}
	page = string(k.Do("GET", "/staff/candidates?education=academic", nil, nil).Body)
	if !strings.Contains(page, `<option value="academic" selected>Akademiker (kandidat eller ph.d.)</option>`) || !strings.Contains(page, "2 kandidater") {
		t.Errorf("the page's education filter is not kept, or did not find the two: %.3000s", page)
	}
}

// TestVacancyAsksAnEducation: the entry form and the API take the least
// education a job asks ("Uddannelse, mindst"); it was a field of the
// vacancy nothing set or read. Each match says whether the CV names it or
// more, weighing nothing and leaving no one out; the vacancy's pages show
// it; a level the form does not offer is a field error.
func TestVacancyAsksAnEducation(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	mk := func(ref, level, field string) string {
		var extra map[string]any
		if level != "" {
			extra = map[string]any{"education": []map[string]string{{"level": level, "field": field}}}
		}
		return localCV(t, k, ref, "Personalekonsulent", 5, extra)
	}
	phd, master, vocational, none := mk("HR-PHD", "phd", "Ph.d. i sociologi"), mk("HR-CAND", "master", "Cand.merc."), mk("HR-EUD", "vocational", "Kontoruddannelsen"), mk("HR-0", "", "")
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 21, map[string]any{"title": "Personalekonsulent", "postal_code": "6400", "education_level": "master",
		"skills_required": []string{}, "skills_desired": []string{}, "description": "Vi søger en personalekonsulent til rekruttering og onboarding."})
	var p matchPage
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &p); res.StatusCode != http.StatusOK {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	said := map[string]string{}
	for _, it := range p.Items {
		for _, r := range it.Reasons {
			if strings.HasPrefix(r.Code, "education") {
				said[it.CandidateID] = r.Kind + ": " + r.DA
			}
		}
	}
	for id, want := range map[string]string{
		master:     "match: Uddannelse som opslaget beder om: Kandidatuddannelse",
		phd:        "match: Uddannelse: Ph.d. – opslaget beder om mindst Kandidatuddannelse",
		vocational: "gap: Opslaget beder om mindst Kandidatuddannelse – CV'et nævner Erhvervsuddannelse",
		none:       "gap: Opslaget beder om mindst Kandidatuddannelse – CV'et nævner ingen uddannelse",
	} {
		if said[id] != want {
			t.Errorf("%s: %q, want %q", id, said[id], want)
		}
	}
	if len(p.Items) != 4 {
		t.Errorf("%d matches, want all four: the education leaves no one out", len(p.Items))
	}
	page := string(k.Do("GET", "/staff/vacancies/"+vid, nil, nil).Body)
	if !strings.Contains(page, "Uddannelse, mindst: Kandidatuddannelse") {
		t.Errorf("the vacancy page does not say the education asked")
	}
	body := systemtest.VacancyBody(demo.CVR(22))
	body["education_level"] = "akademiker"
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"education_level"`) {
		t.Errorf("education_level akademiker: %d %s, want 422 on education_level", res.StatusCode, res.Body)
	}
	// The entry form offers it, and keeps what was chosen.
	form := string(env.Client().Do("GET", "/", nil, nil).Body)
	if !strings.Contains(form, `name="education_level"`) || !strings.Contains(form, `<option value="master">Kandidatuddannelse</option>`) {
		t.Errorf("the entry form has no education to ask")
	}
}
