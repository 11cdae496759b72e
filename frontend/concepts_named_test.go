package frontend_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestBothLanguagesNameTheConcepts: the Danish pages name every
// occupation concept the English ones do. The vacancy "Svejser til
// 2-holdsskift" read "Svejser" alone in Danish, "welder · Svejser (ESCO
// concept: laser beam welder)" in English; the search for
// "lagermedarbejder" named «Lager- og logistikmedarbejder» in Danish,
// "warehouse worker" and "leather goods warehouse operator" in English.
func TestBothLanguagesNameTheConcepts(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	tax := env.Sys.Taxonomy
	tax.ResolveOccupation("lager", 1)
	if res := k.Do("POST", "/api/v1/candidates", map[string]any{"external_ref": "CN-1", "name": "Svend Svejser", "postal_code": "6400",
		"target_group": "close_to_job", "desired_occupations": []string{"Svejser", "Lagermedarbejder"},
		"experience": []map[string]any{{"title": "Svejser", "years": 4}, {"title": "Lagerarbejder", "years": 2}}}, nil); res.StatusCode != 201 {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	waitIndexed(t, k, 1)
	body := systemtest.VacancyBody(demo.CVR(55))
	body["title"], body["description"], body["skills_required"] = "Svejser til 2-holdsskift", "Vi søger en svejser til 2-holdsskift.", []string{}
	var vac struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &vac); res.StatusCode != 201 {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	get := func(path, lang string) string {
		t.Helper()
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		res := k.Do("GET", path+sep+"lang="+lang, nil, nil, "Accept", "text/html", "Accept-Language", lang)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	line := func(page, re string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)` + re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s on the page", re)
		}
		return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")
	}
	// Each concept the English line names by its English label is named
	// on the Danish line, by its Danish label or title.
	same := func(what, da, en string, concepts []string) {
		t.Helper()
		for _, uri := range concepts {
			labelEN, labelDA := tax.ConceptLabel(uri, "en"), tax.ConceptLabel(uri, "da")
			if strings.Contains(en, labelEN) && !strings.Contains(strings.ToLower(da), strings.ToLower(labelDA)) {
				t.Errorf("%s: English names %q, Danish not %q:\n%s\n%s", what, labelEN, labelDA, da, en)
			}
		}
	}
	var occ struct {
		Occupations []struct{ URI string }
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+vac.ID+"/matches", nil, &occ); res.StatusCode != 200 {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	var uris []string
	for _, o := range occ.Occupations {
		uris = append(uris, o.URI)
	}
	if len(uris) < 2 {
		t.Fatalf("the test needs a title read as two concepts: %v", uris)
	}
	readAs := `<p class="interpreted">(.*?)</p>`
	da, en := line(get("/staff/vacancies/"+vac.ID, "da"), readAs), line(get("/staff/vacancies/"+vac.ID, "en"), readAs)
	if !strings.Contains(da, "Svejser (ESCO-begreb: ") {
		t.Errorf("the vacancy's Danish line: %s", da)
	}
	if !strings.Contains(en, "Title read as") {
		t.Fatalf("not English: %s", en)
	}
	same("vacancy", da, en, uris)

	readAs = `<p class="muted interpreted">(.*?)</p>`
	var searched []string
	for _, term := range []string{"Lagerarbejder", "Lagerarbejder på en lædervarefabrik"} {
		u, _, _ := tax.NormalizeOccupation(term)
		searched = append(searched, u)
	}
	q := "/staff/candidates?q=lagermedarbejder"
	da, en = line(get(q, "da"), readAs), line(get(q, "en"), readAs)
	if !strings.Contains(en, tax.ConceptLabel(searched[1], "en")) {
		t.Fatalf("the test needs the English search line to name %q: %s", tax.ConceptLabel(searched[1], "en"), en)
	}
	same("search", da, en, searched)
}
