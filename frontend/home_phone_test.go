package frontend_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// fitsThePhone is the JavaScript that says what of the page is wider than
// the screen: the page, a table's scrolling box, a cell or a button past
// its edge.
const fitsThePhone = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	if (document.documentElement.scrollWidth > w) out.push("page " + document.documentElement.scrollWidth + " px");
	document.querySelectorAll("main .table-scroll").forEach(b => { if (b.scrollWidth > b.clientWidth + 1) out.push((b.querySelector("table")?.className || "table") + " scrolls to " + b.scrollWidth + " px"); });
	document.querySelectorAll("main td, main td button, main td input").forEach(c => {
		const r = c.getBoundingClientRect();
		if (r.width > 0 && r.right > w + 1) out.push((c.closest("table")?.className || "") + ": " + c.tagName + " ends at " + Math.round(r.right));
	});
	return [...new Set(out)].join(" | ");
})()`

// TestHotlineAndOverviewTablesFitAPhone: at 390 px the hotline's calls
// of today (8 columns, 746 px, "Annullér" and its reasons off the screen)
// and the consultant's latest vacancies and requests on the overview were
// wider than the phone. Each is a card a row now, each cell saying its
// column, and nothing is wider than the screen.
func TestHotlineAndOverviewTablesFitAPhone(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(7)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	hot := env.Login("hotline@demo.local")
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": demo.CVR(7), "name": "Als Tømrer ApS", "postal_code": "6400",
		"contact": map[string]any{"name": "Ole Olsen", "phone": "12345678"}}, "topic": "retention", "channel": "phone",
		"text": "Medarbejder sygemeldt med rygproblemer, ønsker samtale om delvis raskmelding og hjælpemidler"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(email, path, want string) {
		t.Helper()
		b := browser.NewTimeout(t, 3*time.Minute)
		if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(390, 844, 3, true), loginAt(env.URL+path, email), chromedp.WaitVisible(`.jm-staffnav`)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"da", "en"} {
			var wide, label string
			if err := chromedp.Run(b, chromedp.Navigate(env.URL+path+"?lang="+lang), chromedp.WaitVisible(want),
				chromedp.Evaluate(fitsThePhone, &wide),
				chromedp.Evaluate(`getComputedStyle(document.querySelector("`+want+` tbody td:last-child"), "::before").content`, &label)); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			browser.Screenshot(t, b, "phone-home-"+lang)
			if wide != "" {
				t.Errorf("%s (%s) at 390 px: %s", path, lang, wide)
			}
			if label == "none" || label == "" {
				t.Errorf("%s (%s): a card's cell does not say its column (%s)", path, lang, want)
			}
		}
	}
	check("hotline@demo.local", "/staff/hotline", "table.today")
	check(v.ConsultantID, "/staff", "table.requests")
}
