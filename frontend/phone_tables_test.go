package frontend_test

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// phoneTables is the JavaScript that says, of a page on a phone, what is
// wider than the screen: the page itself, a table cell past the screen's
// edge outside a scrolling box, and a scrolling box a keyboard or a
// screen reader cannot find (no tabindex, role=region or name).
const phoneTables = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	if (document.documentElement.scrollWidth > w + 1) out.push("page " + document.documentElement.scrollWidth + " px");
	document.querySelectorAll("main table").forEach(t => {
		const name = t.className || t.querySelector("caption")?.textContent;
		const box = t.closest(".table-scroll");
		if (box && box.scrollWidth > box.clientWidth + 1) {
			if (box.tabIndex !== 0 || box.getAttribute("role") !== "region" || !box.getAttribute("aria-label")) out.push(name + ": scrolls unnamed");
			return;
		}
		t.querySelectorAll("td, th").forEach(c => {
			const r = c.getBoundingClientRect();
			if (r.width > 0 && r.right > w + 1) out.push(name + ": a cell ends at " + Math.round(r.right));
		});
	});
	return [...new Set(out)].join(" | ");
})()`

// TestShortlistAndDashboardReadOnAPhone: at 390 px (a phone) the
// vacancy's shortlist is a card for each person, each cell saying its
// column ("Næste trin" above the form), and nothing is wider than the
// screen; the dashboard's tables fit, or a wide one scrolls in its own
// named box (a keyboard reaches it, a screen reader says which). The
// shortlist's three columns with their forms were 700 px wide in a
// box the phone scrolled sideways.
func TestShortlistAndDashboardReadOnAPhone(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 6, 7, nil); err != nil {
		t.Fatal(err)
	}
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(7)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	kv := env.Login(v.ConsultantID)
	var list struct {
		Items []struct{ Candidate struct{ ID string } }
	}
	kv.Do("GET", "/api/v1/candidates/search?limit=6", nil, &list)
	if len(list.Items) < 4 {
		t.Fatalf("%d CVs", len(list.Items))
	}
	// The shortlist as a consultant's: one at each of the first stages,
	// "interesseret" with its interview fields, one presented.
	for i, to := range [][]string{{}, {"contacted"}, {"contacted", "interested"}, {"contacted", "interested", "interviewed"}} {
		var e struct {
			ID      string
			Version int64
		}
		if res := kv.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": list.Items[i].Candidate.ID}, &e); res.StatusCode != http.StatusCreated {
			t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
		}
		for _, s := range to {
			body := map[string]any{"to": s, "version": e.Version, "note": "Ringede og talte om arbejdstiderne"}
			if s == "interviewed" {
				body["interview"] = map[string]any{"date": time.Now().Format(time.DateOnly), "by": "Karen Konsulent", "assessment": "Mødte op til tiden og fortalte om sine erfaringer med tagarbejde."}
			}
			if res := kv.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", body, &e); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d %s", s, res.StatusCode, res.Body)
			}
		}
	}

	b := browser.NewTimeout(t, 4*time.Minute)
	if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(390, 844, 3, true), loginAt(env.URL+"/staff", v.ConsultantID), chromedp.WaitVisible(`.jm-staffnav`)); err != nil {
		t.Fatal(err)
	}
	check := func(path, shot string) {
		t.Helper()
		for _, lang := range []string{"da", "en"} {
			var wide string
			// Every fold open, as a reader opens them: the tables under
			// the dashboard's charts, a shortlist's forms.
			if err := chromedp.Run(b, chromedp.Navigate(env.URL+path+"?lang="+lang), chromedp.WaitVisible(`main h1`),
				chromedp.Evaluate(`document.querySelectorAll("main details").forEach(d => d.open = true); window.dispatchEvent(new Event("resize"))`, nil),
				chromedp.Evaluate(phoneTables, &wide)); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			browser.Screenshot(t, b, "phone-"+shot+"-"+lang)
			if wide != "" {
				t.Errorf("%s (%s) at 390 px: %s", path, lang, wide)
			}
		}
	}
	check("/staff/vacancies/"+rec.ID, "shortlist")
	// Each card's cells say their column; the columns' heads are for a
	// screen reader only.
	var labels []string
	var headShown bool
	if err := chromedp.Run(b, chromedp.Navigate(env.URL+"/staff/vacancies/"+rec.ID+"?lang=da"), chromedp.WaitVisible(`.shortlist-table`),
		chromedp.Evaluate(`[...document.querySelectorAll(".shortlist-table tbody tr:not(.row-flash) td")].map(td => getComputedStyle(td, "::before").content)`, &labels),
		chromedp.Evaluate(`document.querySelector(".shortlist-table thead").getBoundingClientRect().height > 2`, &headShown)); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("JOBMATCH_SCREENSHOTS"); dir != "" {
		var buf []byte
		if err := chromedp.Run(b, chromedp.Screenshot(`.shortlist-table`, &buf)); err == nil {
			_ = os.WriteFile(dir+"/phone-shortlist-table.png", buf, 0o644)
		}
	}
	if len(labels) != 12 || headShown {
		t.Errorf("the shortlist's cells on a phone: %q, heads shown %v", labels, headShown)
		labels = nil
	}
	for i, l := range labels {
		if want := []string{`"Kandidat"`, `"Trin"`, `"Næste trin"`}[i%3]; l != want {
			t.Errorf("cell %d says %s, want %s", i, l, want)
		}
	}

	// The dashboard as management, with the demo's year of figures.
	if _, err := demo.LoadYear(ctx, env.Sys); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Sys.Followup.RebuildKPI(ctx, false); err != nil {
		t.Fatal(err)
	}
	b = browser.NewTimeout(t, 4*time.Minute)
	if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(390, 844, 3, true), loginAt(env.URL+"/dashboard", "leder@demo.local"), chromedp.WaitVisible(`.kpi-cards`)); err != nil {
		t.Fatal(err)
	}
	check("/dashboard", "dashboard")
}
