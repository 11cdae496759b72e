package frontend_test

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestCandidateSearchPageInBrowser: a consultant types "lager" and sees the
// warehouse workers and what the search looked for; filters narrow by
// language level and eligibility; a word that finds nobody offers words
// that do, and one click on one finds people; a bad filter is a message by
// the field, with the form kept. Then a warehouse vacancy's matches read in
// Danish with Danish numbers ("13,5 år", never "0.122").
func TestCandidateSearchPageInBrowser(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.ResolveOccupation("lager", 1) // build the lexicons before the first write
	env.Sys.Taxonomy.NormalizeSkill("truck")
	for _, c := range []map[string]any{
		{"external_ref": "LAG-1", "name": "Lone Lager", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Lagerarbejder"}, "summary": "Plukker ordrer på et lager.",
			"skills": []string{"rehabilitering", "pluk og pak"}, "driving_licences": []string{"B"},
			"experience": []map[string]any{{"title": "Truckfører", "years": 1.5}, {"title": "Lagerarbejder", "employer": "Als Logistik", "years": 3}, {"title": "lagerarbejder", "employer": "Dansk Lager", "years": 1}},
			"languages":  []map[string]string{{"code": "da", "level": "C2"}}, "eligibility": []string{"loentilskud"}},
		{"external_ref": "LAG-2", "name": "Lars Lagermand", "postal_code": "6300", "target_group": "close_to_job",
			"desired_occupations": []string{"Lagermedarbejder"}, "summary": "Varemodtagelse.",
			"skills":    []string{"Rehabilitering"},
			"languages": []map[string]string{{"code": "da", "level": "A2"}}},
		{"external_ref": "KOK-1", "name": "Karen Kok", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Kok"}, "summary": "Restaurant."},
	} {
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	waitIndexed(t, k, 3)

	ctx := browser.New(t)
	var found, hits, tried, facets, filtered, foundOne, empty, after, errText, q, byRef, byRefNote, scheme, schemeNote, skipped string
	steps := []chromedp.Action{
		loginAt(env.URL+"/staff/candidates", "konsulent@demo.local"),
		chromedp.WaitVisible(`#f-q`),
		chromedp.SendKeys(`#f-q`, "lager"),
		chromedp.Click(`form.cv-search button[type=submit]`),
		// What was tried shows only for a query: the new page, not the
		// list of everyone before it.
		chromedp.WaitVisible(`p.tried`),
		chromedp.Text(`#res-h`, &found),
		chromedp.Text(`ol.hits`, &hits),
		chromedp.Text(`p.tried`, &tried),
		chromedp.Text(`aside.facets`, &facets),
		// From the keyboard: the skip link past the form and the facets
		// puts the focus on the results.
		chromedp.Focus(`main a.jm-skip[href="#res-h"]`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Evaluate(`document.activeElement.id`, &skipped),
		// Language at least B1 and wage subsidy, as the form sends them
		// (language and level apart): only Lone.
		chromedp.Navigate(env.URL + "/staff/candidates?q=lager&language=da&language_level=B1&eligibility=loentilskud"),
		chromedp.WaitReady(`input[name=eligibility][value=loentilskud]:checked`),
		chromedp.WaitReady(`#f-language-level option[value=B1][selected]`),
		chromedp.Text(`ol.hits`, &filtered),
		chromedp.Text(`#res-h`, &foundOne),
		// A case reference, typed in lower case: that CV alone.
		chromedp.Navigate(env.URL + "/staff/candidates?q=lag-2"),
		chromedp.WaitVisible(`p.interpreted`),
		chromedp.Text(`ol.hits`, &byRef),
		chromedp.Text(`p.interpreted`, &byRefNote),
		// A scheme typed among the words: the CVs eligible for it, said
		// on the page (no CV's text holds "løntilskud").
		chromedp.Navigate(env.URL + "/staff/candidates?q=l%C3%B8ntilskud"),
		chromedp.WaitVisible(`p.interpreted.field`),
		chromedp.Text(`ol.hits`, &scheme),
		chromedp.Text(`p.interpreted.field`, &schemeNote),
		// Nobody: suggestions that find people.
		chromedp.Navigate(env.URL + "/staff/candidates?q=lagerqq"),
		chromedp.WaitVisible(`.notice.empty`),
		chromedp.Text(`.notice.empty`, &empty),
		chromedp.Click(`ul.suggestions a`),
		chromedp.WaitVisible(`ol.hits li`),
		chromedp.Text(`ol.hits`, &after),
		// A bad filter: the message is by the field, the words are kept.
		chromedp.Navigate(env.URL + "/staff/candidates?q=lager&sort=distance"),
		chromedp.WaitVisible(`#e-near`),
		chromedp.Text(`#e-near`, &errText),
		chromedp.Value(`#f-q`, &q),
	}
	runSteps(t, ctx, steps)
	browser.Screenshot(t, ctx, "candidate-search")
	if !strings.Contains(hits, "Lone Lager") || !strings.Contains(hits, "Lars Lagermand") || strings.Contains(hits, "Karen Kok") {
		t.Fatalf("lager: %q", hits)
	}
	// Each hit says its longest jobs, when it can start and its licences.
	if !strings.Contains(hits, "Erfaring: Lagerarbejder 4 år, Truckfører 1,5 år · Ledig nu · Kørekort B") {
		t.Fatalf("lager: the hits do not say experience, start and licences: %q", hits)
	}
	if !strings.Contains(hits, "6400 Sønderborg") {
		t.Fatalf("lager: the hits do not name the postal district: %q", hits)
	}
	if found != "2 kandidater" {
		t.Fatalf("lager: the count reads %q", found)
	}
	if skipped != "res-h" {
		t.Errorf("the skip link to the results left the focus on %q", skipped)
	}
	if !strings.Contains(tried, "lagerarbejder") || !strings.Contains(tried, "lagermedarbejder") {
		t.Fatalf("what was tried: %q", tried)
	}
	// The facets name skills as the CVs do (the taxonomy's skill labels
	// are English) and occupations by the titles people use.
	tax := env.Sys.Taxonomy
	rehab, _, ok := tax.NormalizeSkill("rehabilitering")
	if en := tax.ConceptLabel(rehab, "en"); !ok || en == "" || strings.EqualFold(en, "rehabilitering") {
		t.Fatalf("rehabilitering read as %q (%q): the test needs a skill the taxonomy names otherwise", rehab, en)
	} else if !strings.Contains(strings.ToLower(facets), "rehabilitering") || strings.Contains(strings.ToLower(facets), strings.ToLower(en)) {
		t.Fatalf("the facets show the skill as %q, not as the CVs write it:\n%s", en, facets)
	}
	// Languages in words, with their level.
	if !strings.Contains(facets, "Dansk C2") || strings.Contains(facets, "da:C2") {
		t.Fatalf("the language facet does not read in words:\n%s", facets)
	}
	occ, _, _ := tax.NormalizeOccupation("Lagermedarbejder")
	if title := tax.DisplayTitle(occ, "da"); !strings.Contains(facets, title) {
		t.Fatalf("the facets do not name %s as %q:\n%s", occ, title, facets)
	}
	if !strings.Contains(filtered, "Lone Lager") || strings.Contains(filtered, "Lars Lagermand") {
		t.Fatalf("da:B1 + løntilskud: %q", filtered)
	}
	if foundOne != "1 kandidat" {
		t.Fatalf("one hit: the count reads %q", foundOne)
	}
	if !strings.Contains(byRef, "Lars Lagermand") || strings.Contains(byRef, "Lone Lager") || byRefNote != "Fundet på sagsnummeret." {
		t.Fatalf("case reference lag-2: hits %q, note %q", byRef, byRefNote)
	}
	if !strings.Contains(scheme, "Lone Lager") || strings.Contains(scheme, "Lars Lagermand") || schemeNote != "«løntilskud» også læst som ordning, borgeren kan komme i: Løntilskud" {
		t.Fatalf("løntilskud: hits %q, note %q", scheme, schemeNote)
	}
	if !strings.Contains(empty, "Ingen kandidater") || !strings.Contains(empty, "lager") {
		t.Fatalf("nobody found: %q", empty)
	}
	if after == "" {
		t.Fatal("the suggestion found nobody")
	}
	if errText == "" || q != "lager" {
		t.Fatalf("bad sort: message %q, q %q", errText, q)
	}

	// A warehouse vacancy is read as the title people use, with the ESCO
	// concept beside it, and its matches read in Danish, with Danish
	// numbers: 13,5 years of experience, no points as "0.122", no English
	// labels of the occupation's skills.
	if res := k.Do("POST", "/api/v1/candidates", map[string]any{"external_ref": "LAG-3", "name": "Lise Langtid", "postal_code": "6400",
		"target_group": "close_to_job", "desired_occupations": []string{"Lagermedarbejder"}, "summary": "Pluk, pak og varemodtagelse på lager.",
		"experience": []map[string]any{{"title": "Lagerarbejder", "employer": "Als Logistik", "years": 13.5}}}, nil); res.StatusCode != 201 {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	waitIndexed(t, k, 4)
	body := systemtest.VacancyBody(demo.CVR(55))
	body["title"], body["description"], body["skills_required"] = "Lagermedarbejder", "Vi søger en lagermedarbejder til pluk, pak og varemodtagelse.", []string{}
	var vac struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &vac); res.StatusCode != 201 {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var card, readAs string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/vacancies/"+vac.ID),
		chromedp.WaitVisible(`ol.matches li.match`),
		chromedp.Text(`p.interpreted`, &readAs),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('ol.matches li.match')).map(li => li.innerText).find(t => t.includes('Lise Langtid')) || ''`, &card),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(card, "13,5 år") {
		t.Fatalf("the warehouse worker's card does not say 13,5 år:\n%s", card)
	}
	if m := regexp.MustCompile(`\b\d+\.\d+ (år|km|%)|\b0\.\d{2,}`).FindString(card); m != "" {
		t.Fatalf("an English-format number %q on a Danish card:\n%s", m, card)
	}
	occ, _, ok = tax.NormalizeOccupation("Lagermedarbejder")
	first := tax.DisplayTitle(occ, "da") + " (ESCO-begreb: " + tax.ConceptLabel(occ, "da") + ")"
	if !ok || !strings.HasPrefix(readAs, "Titlen læst som: "+first) ||
		first != "Lager- og logistikmedarbejder (ESCO-begreb: lagerarbejder)" || strings.Contains(readAs, "lædervare") ||
		strings.Contains(readAs, "), ") { // titles hold commas ("Operatør, fødevarer"): " · " between them
		t.Fatalf("the title read as %q", readAs)
	}
	english := []string{"years", "experience", "stock", "warehouse"}
	if o, ok := tax.Occupation(occ); ok {
		for _, i := range o.Essential {
			english = append(english, tax.SkillAt(i).LabelEN)
		}
	}
	for _, en := range english {
		if strings.Contains(strings.ToLower(card), strings.ToLower(en)) {
			t.Fatalf("English %q on a Danish card:\n%s", en, card)
		}
	}
}

func waitIndexed(t *testing.T, k *systemtest.Client, want int) {
	t.Helper()
	for i := 0; i < 200; i++ {
		var r struct{ Total int }
		k.Do("GET", "/api/v1/candidates/search", nil, &r)
		if r.Total == want {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the index never held %d CVs", want)
}

// TestFacetTitlesTellConceptsApart: two ESCO concepts with the same STAR
// title are two facet values that read differently, each with its concept.
func TestFacetTitlesTellConceptsApart(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.ResolveOccupation("lager", 1)
	tax := env.Sys.Taxonomy
	a, _, okA := tax.NormalizeOccupation("Lagerarbejder")
	b, _, okB := tax.NormalizeOccupation("Lagerarbejder på en lædervarefabrik")
	if !okA || !okB || a == b || tax.DisplayTitle(a, "da") != tax.DisplayTitle(b, "da") {
		t.Fatalf("the test needs two concepts with one STAR title: %s %q, %s %q", a, tax.DisplayTitle(a, "da"), b, tax.DisplayTitle(b, "da"))
	}
	for i, occ := range []string{"Lagerarbejder", "Lagerarbejder på en lædervarefabrik"} {
		c := map[string]any{"external_ref": fmt.Sprintf("FT-%d", i), "name": fmt.Sprintf("Borger %d", i), "postal_code": "6400",
			"target_group": "close_to_job", "desired_occupations": []string{occ}}
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	waitIndexed(t, k, 2)
	ctx := browser.New(t)
	var facets string
	if err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/candidates?q=lager", "konsulent@demo.local"),
		chromedp.WaitVisible(`aside.facets`),
		chromedp.Text(`aside.facets`, &facets),
	); err != nil {
		t.Fatal(err)
	}
	title := tax.DisplayTitle(a, "da")
	var lines []string
	for _, l := range strings.Split(facets, "\n") {
		if strings.HasPrefix(l, title) {
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 || lines[0] == lines[1] || !strings.Contains(facets, tax.ConceptLabel(b, "da")) {
		t.Fatalf("the two concepts read %q in the facets:\n%s", lines, facets)
	}
}

// searchPages starts a service with cvs and returns a reader of its search
// page (Danish, as HTML) for a query and other parameters ("sort=relevance").
func searchPages(t *testing.T, cvs []map[string]any) func(q string, params ...string) string {
	t.Helper()
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.ResolveOccupation("lager", 1) // build the lexicons before the first write
	for _, c := range cvs {
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	waitIndexed(t, k, len(cvs))
	return func(q string, params ...string) string {
		t.Helper()
		path := "/staff/candidates?" + strings.Join(append([]string{"q=" + url.QueryEscape(q)}, params...), "&")
		res := k.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != 200 {
			t.Fatalf("%q: %d %s", q, res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
}

// readCVs are four citizens in and around Sønderborg: a refugee and a
// job-ready cleaner, a young and a job-ready social and health care
// helper; two with a licence (B, and C, which presupposes B), one with
// less than a year of work.
var readCVs = []map[string]any{
	{"external_ref": "RD-1", "name": "Rahel Flygtning", "postal_code": "6400", "target_group": "refugee_family_reunified",
		"desired_occupations": []string{"Rengøringsassistent"}, "summary": "Rengøring på kontor.",
		"experience": []map[string]any{{"title": "Rengøringsassistent", "years": 3}}},
	{"external_ref": "RD-2", "name": "Bente Bilist", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Rengøringsassistent"}, "summary": "Rengøring på hotel.", "driving_licences": []string{"B"},
		"experience": []map[string]any{{"title": "Rengøringsassistent", "years": 0.5}}},
	{"external_ref": "RD-3", "name": "Ulla Ung", "postal_code": "6200", "target_group": "young",
		"desired_occupations": []string{"Social- og sundhedshjælper"}, "summary": "Sosu-elev. Tager kørekort til foråret.",
		"experience": []map[string]any{{"title": "Social- og sundhedshjælper", "years": 2}}},
	{"external_ref": "RD-4", "name": "Carl Lastbil", "postal_code": "6200", "target_group": "close_to_job",
		"desired_occupations": []string{"Social- og sundhedshjælper"}, "summary": "Sosu med kørekort.", "driving_licences": []string{"C"},
		"experience": []map[string]any{{"title": "Social- og sundhedshjælper", "years": 4}}},
}

// hitNames are the names of a search page's hits, in order.
func hitNames(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`class="hit-name">([^<]+)</a>`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestSearchHowLongOutOfWork: "ledig over 1 år" asks how long a citizen
// has been out of work, which no CV records: the page says so, and the
// search is everyone (not "over 1 år" read as a year of experience, which
// left out the cleaner with half a year); "langtidsledig" likewise (it
// found nobody and advised fewer words to a one-word search).
func TestSearchHowLongOutOfWork(t *testing.T) {
	page := searchPages(t, readCVs)
	for _, q := range []string{"ledig over 1 år", "langtidsledig", "langtidsledige", "ledige i mere end et år", "over 12 måneders ledighed"} {
		p := page(q)
		if n := pageTotal(t, p); n != len(readCVs) {
			t.Errorf("%q: %d found, want everyone (%d): %q", q, n, len(readCVs), hitNames(p))
		}
		if !strings.Contains(p, "Hvor længe en borger har været ledig, står ikke i CV'et") || strings.Contains(p, "års erfaring") || strings.Contains(p, "Prøv færre ord") {
			t.Errorf("%q: the page does not say that the CVs do not record it:\n%s", q, p)
		}
	}
	// With a job: the cleaners, whatever their years.
	if p := page("rengøring ledig over 1 år"); pageTotal(t, p) != 2 {
		t.Errorf("rengøring ledig over 1 år: %q", hitNames(p))
	}
}

// TestSearchANegationAlone: "ikke flygtning" is everyone but the refugees
// (it found exactly the refugees), and "uden bil", which no filter can
// express (a CV says nothing of a car), is everyone with the page saying
// so, never those who hold the word.
func TestSearchANegationAlone(t *testing.T) {
	page := searchPages(t, readCVs)
	for _, q := range []string{"ikke flygtning", "uden flygtninge"} {
		p := page(q)
		if names := hitNames(p); len(names) != 3 || slices.Contains(names, "Rahel Flygtning") {
			t.Errorf("%q: %q, want everyone but the refugee", q, names)
		}
		if !strings.Contains(p, "læst som alle andre målgrupper end flygtning/familiesammenført") {
			t.Errorf("%q: the page does not say how it was read:\n%s", q, p)
		}
	}
	if names := hitNames(page("rengøring ikke flygtning")); !slices.Equal(names, []string{"Bente Bilist"}) {
		t.Errorf("rengøring ikke flygtning: %q", names)
	}
	p := page("uden bil")
	if n := pageTotal(t, p); n != len(readCVs) || !strings.Contains(p, "«uden bil»: søgningen kan ikke udelukke dem, der har det") {
		t.Errorf("uden bil: %d found, the page:\n%s", n, p)
	}
}

// TestSearchWithALicence: "med kørekort", "har kørekort" and "kørekort"
// alone ask for a car licence, as Danes say it (B, or C, which
// presupposes it); as a word "kørekort" only ordered the CVs, and the
// young helper who is taking hers was found.
func TestSearchWithALicence(t *testing.T) {
	page := searchPages(t, readCVs)
	for q, want := range map[string][]string{
		"sosu med kørekort":  {"Carl Lastbil"},
		"har kørekort":       {"Bente Bilist", "Carl Lastbil"},
		"kørekort":           {"Bente Bilist", "Carl Lastbil"},
		"rengøring kørekort": {"Bente Bilist"},
	} {
		p := page(q)
		names := hitNames(p)
		slices.Sort(names)
		if !slices.Equal(names, want) {
			t.Errorf("%q: %q, want %q", q, names, want)
		}
		if !strings.Contains(p, "læst som kørekort til bil") {
			t.Errorf("%q: the page does not say the licence was read:\n%s", q, p)
		}
	}
}

// TestSearchAnOccupationNoCVNames: "pedel", STAR's title of the vicevært,
// is in no CV's text and was searched as that occupation; the page said
// it was left out of the search and, on the next line, that the title was
// also searched. It says the one true thing.
func TestSearchAnOccupationNoCVNames(t *testing.T) {
	page := searchPages(t, []map[string]any{
		{"external_ref": "PD-1", "name": "Villy Vicevært", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Vicevært"}, "summary": "Vedligehold af boligforening."},
		{"external_ref": "PD-2", "name": "Karen Kok", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Kok"}, "summary": "Restaurant."},
	})
	p := page("pedel")
	if names := hitNames(p); !slices.Equal(names, []string{"Villy Vicevært"}) {
		t.Fatalf("pedel: %q", names)
	}
	if !strings.Contains(p, "«pedel» står ikke i noget CV, så der er søgt efter stillingsbetegnelsen «Pedel» i stedet.") ||
		strings.Contains(p, "indgik ikke i søgningen") || strings.Contains(p, "Søgte også efter") {
		t.Errorf("pedel: the page does not say one true thing:\n%s", p)
	}
}

// TestSearchRelatedByHowManyHoldThem: "elev", in no CV, offers the
// occupations whose names hold it (butikselev, buschaufførelev,
// frisørelev), the most held first and each with the name that holds the
// word; they came in the taxonomy's order, unexplained.
func TestSearchRelatedByHowManyHoldThem(t *testing.T) {
	var cvs []map[string]any
	for i, occ := range []string{"Frisør", "Buschauffør", "Buschauffør", "Butiksassistent", "Butiksassistent", "Butiksassistent"} {
		cvs = append(cvs, map[string]any{"external_ref": fmt.Sprintf("EL-%d", i), "name": fmt.Sprintf("Borger %d", i), "postal_code": "6400",
			"target_group": "close_to_job", "desired_occupations": []string{occ}})
	}
	p := searchPages(t, cvs)("elev")
	i := strings.Index(p, `<ul class="suggestions related">`)
	if i < 0 || pageTotal(t, p) != 0 {
		t.Fatalf("elev: no occupations offered:\n%s", p)
	}
	var offered []string
	for _, m := range regexp.MustCompile(`<li><a href="[^"]+">([^<]+)</a> <span class="badge">(\d+)</span>`).FindAllStringSubmatch(p[i:strings.Index(p[i:], "</ul>")+i], -1) {
		offered = append(offered, m[1]+" "+m[2])
	}
	want := []string{"Butiksassistent (butikselev) 3", "Buschauffør (buschaufførelev) 2", "Frisør (frisørelev) 1"}
	if !slices.Equal(offered, want) {
		t.Errorf("elev offers %q, want %q", offered, want)
	}
	if !strings.Contains(p, "(i parentes det navn, der rummer ordet)") {
		t.Errorf("elev: the page does not say why they are offered:\n%s", p)
	}
}
