package frontend_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestLagerFindsPeopleAndReasonsReadDanish: a new consultant's first day.
// "lager" typed on the search page finds the warehouse people (a count
// above nought, a CV whose title says lager); a warehouse vacancy is read
// as the STAR/Jobnet title, and the reasons under the warehouse worker are
// Danish: years with "år" and a decimal comma, no "0.1"-style numbers, no
// English ESCO labels of the occupation's skills.
func TestLagerFindsPeopleAndReasonsReadDanish(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	tax := env.Sys.Taxonomy
	tax.ResolveOccupation("lager", 1) // build the lexicons before the first write
	tax.NormalizeSkill("truckkørsel")
	var worker struct{ ID string }
	for i, c := range []map[string]any{
		{"external_ref": "LAG-9", "name": "Lise Langtid", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Lagerarbejder"}, "skills": []string{"truckkørsel", "pluk og pak"},
			"summary":    "Pluk, pak og varemodtagelse på lager.",
			"experience": []map[string]any{{"title": "Lagerarbejder", "employer": "Als Logistik", "years": 13.5}}},
		{"external_ref": "KOK-9", "name": "Karen Kok", "postal_code": "6400", "target_group": "close_to_job",
			"desired_occupations": []string{"Kok"}, "summary": "Restaurant.",
			"experience": []map[string]any{{"title": "Kok", "years": 4}}},
	} {
		var out struct{ ID string }
		if res := k.Do("POST", "/api/v1/candidates", c, &out); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
		if i == 0 {
			worker = out
		}
	}
	waitIndexed(t, k, 2)
	body := systemtest.VacancyBody(demo.CVR(56))
	body["title"], body["description"] = "Lagermedarbejder", "Vi søger en lagermedarbejder til pluk, pak og varemodtagelse."
	body["skills_required"], body["skills_desired"] = []string{"truckkørsel"}, []string{}
	var vac struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &vac); res.StatusCode != 201 {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}

	ctx := browser.New(t)
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var found, hits, readAs, reasons string
	if err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/candidates", "konsulent@demo.local"),
		chromedp.WaitVisible(`#f-q`),
		chromedp.SendKeys(`#f-q`, "lager"),
		chromedp.Click(`form.search button[type=submit]`),
		chromedp.WaitVisible(`p.tried`), // only a query's page says what it tried
		chromedp.Text(`#res-h`, &found),
		chromedp.Text(`ol.hits`, &hits),
		chromedp.Navigate(env.URL+"/staff/vacancies/"+vac.ID),
		chromedp.WaitVisible(`#m-`+worker.ID+` ul.reasons`),
		chromedp.Text(`p.interpreted`, &readAs),
		chromedp.Text(`#m-`+worker.ID+` ul.reasons`, &reasons),
	); err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "lager-reasons")

	n, err := strconv.Atoi(strings.Fields(found + " x")[0])
	if err != nil || n < 1 || (n == 1) != (found == "1 kandidat") {
		t.Fatalf("lager found %q", found)
	}
	var titled bool
	for _, line := range strings.Split(hits, "\n") {
		if strings.Contains(line, "Lise Langtid") || !strings.Contains(strings.ToLower(line), "lager") {
			continue
		}
		titled = true
	}
	if !titled || strings.Contains(hits, "Karen Kok") {
		t.Fatalf("lager: no CV titled lager, or the cook:\n%s", hits)
	}

	occ, _, ok := tax.NormalizeOccupation("Lagermedarbejder")
	first := tax.DisplayTitle(occ, "da") + " (ESCO-begreb: " + tax.ConceptLabel(occ, "da") + ")"
	if !ok || !strings.HasPrefix(readAs, "Titlen læst som: "+first) ||
		first != "Lager- og logistikmedarbejder (ESCO-begreb: lagerarbejder)" || strings.Contains(readAs, "lædervare") {
		t.Fatalf("the title read as %q", readAs)
	}
	if !strings.Contains(reasons, "13,5 år") {
		t.Fatalf("no 13,5 år in the reasons:\n%s", reasons)
	}
	if m := regexp.MustCompile(`\d\.\d`).FindString(reasons); m != "" {
		t.Fatalf("an English-format number %q in the Danish reasons:\n%s", m, reasons)
	}
	english := []string{"stock shelves", "years", "experience"}
	if o, ok := tax.Occupation(occ); ok {
		for _, i := range o.Essential {
			english = append(english, tax.SkillAt(i).LabelEN)
		}
	}
	low := strings.ToLower(reasons)
	for _, en := range english {
		if strings.Contains(low, strings.ToLower(en)) {
			t.Fatalf("English %q in the Danish reasons:\n%s", en, reasons)
		}
	}
}
