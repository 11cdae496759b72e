package frontend_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// danishOutside is the JavaScript that finds each of the given Danish
// words in the page's parts named by a selector and returns those whose nearest lang is not
// "da" ("Tømrer@en"): a screen reader reads them with the page's English.
const danishOutside = `((roots, words) => {
	const out = [];
	const seen = new Set();
	for (const root of document.querySelectorAll(roots)) {
		const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const w of words) {
				// A company's name is a name ("Als Tømrer ApS").
				if (!n.textContent.toLowerCase().includes(w.toLowerCase()) || n.parentElement.closest('a[href^="/staff/companies/"]')) continue;
				seen.add(w);
				const l = n.parentElement.closest("[lang]").getAttribute("lang");
				if (l !== "da") out.push(w + "@" + l);
			}
		}
	}
	for (const w of words) if (!seen.has(w)) out.push(w + ": not on the page");
	return out.join(" | ");
})`

// TestDanishTextIsMarkedDanishOnEnglishPages: on the English pages a
// consultant reads, what citizens, employers and the taxonomy wrote is
// Danish and says so (lang="da", WCAG 3.1.2): the CV's summary, wanted
// occupations, job titles, field of education and skills; a hit's
// occupations and job titles in the search; the vacancy's title, text,
// skills and occupation, and a step's note on its shortlist. A screen
// reader read "Tømrer" and "Plukker ordrer på et lager" with English
// sounds.
func TestDanishTextIsMarkedDanishOnEnglishPages(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.ResolveOccupation("lager", 1) // build the lexicons before the first write
	var cand struct{ ID string }
	cv := map[string]any{"external_ref": "DA-1", "name": "Lone Lager", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Tømrer"}, "summary": "Plukker ordrer på et lager.",
		"skills": []string{"tagarbejde"}, "driving_licences": []string{"B"},
		"education":  []map[string]any{{"level": "vocational", "field": "Tømreruddannelsen"}},
		"experience": []map[string]any{{"title": "Truckfører", "employer": "Als Logistik", "years": 3}}}
	if res := k.Do("POST", "/api/v1/candidates", cv, &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(7)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	waitIndexed(t, k, 1)
	v, err := env.Sys.Intake.Vacancy(t.Context(), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	kv := env.Login(v.ConsultantID)
	var e struct {
		ID      string
		Version int64
	}
	if res := kv.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": cand.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	if res := kv.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "contacted", "version": e.Version, "note": "Ringer tilbage fredag"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("contacted: %d %s", res.StatusCode, res.Body)
	}

	ctx := browser.New(t)
	if err := chromedp.Run(ctx, loginAt(env.URL+"/staff", v.ConsultantID), chromedp.WaitVisible(`.jm-staffnav`)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, roots, shot string
		words             []string
	}{
		// The English words around them (the hit's "Experience:", the
		// match reasons) are the page's own.
		{"/staff/candidates/" + cand.ID, "main", "cv", []string{"Plukker ordrer på et lager.", "Tømrer", "Truckfører", "Tømreruddannelsen", "tagarbejde"}},
		{"/staff/candidates?q=tømrer", "ol.hits", "search", []string{"Tømrer", "Truckfører"}},
		{"/staff/vacancies/" + rec.ID, "main > h1, .vacancy-text, .shortlist-table", "vacancy", []string{"Tømrer", "Vi søger en dygtig tømrer til renovering på Als.", "tagarbejde", "kørekort B", "Ringer tilbage fredag"}},
	} {
		var lang, outside string
		if err := chromedp.Run(ctx, chromedp.Navigate(env.URL+c.path+sep(c.path)+"lang=en"), chromedp.WaitVisible(`main h1`),
			chromedp.AttributeValue(`html`, "lang", &lang, nil),
			chromedp.Evaluate(danishOutside+`(`+jsList([]string{c.roots})+`[0], `+jsList(c.words)+`)`, &outside)); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		browser.Screenshot(t, ctx, "danish-lang-"+c.shot)
		if lang != "en" || outside != "" {
			t.Errorf("%s (page lang %q): Danish words not marked lang=da: %s", c.path, lang, outside)
		}
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

func jsList(words []string) string {
	var b strings.Builder
	b.WriteString("[")
	for i, w := range words {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("`" + w + "`")
	}
	b.WriteString("]")
	return b.String()
}
