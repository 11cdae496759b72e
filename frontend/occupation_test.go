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

// TestCorrectingTheOccupationInTheBrowser: on a vacancy titled "Chauffør",
// which names many occupations, the consultant opens "Ret stillingen",
// types "lastbil", is offered the taxonomy's names as they type, picks
// lastbilchauffør and sends it: the page says the vacancy is now matched
// as that occupation.
func TestCorrectingTheOccupationInTheBrowser(t *testing.T) {
	env := systemtest.Start(t)
	body := systemtest.VacancyBody(demo.CVR(9))
	body["title"], body["description"] = "Chauffør", "Vi søger en chauffør med kørekort C/CE til distribution."
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var offered, flash, readAs string
	steps := []chromedp.Action{
		loginAt(env.URL+"/staff/vacancies/"+rec.ID, "konsulent@demo.local"),
		chromedp.WaitVisible(`details.vacancy-occupation > summary`),
		chromedp.Click(`details.vacancy-occupation > summary`),
		chromedp.WaitVisible(`#vacancy-occupation`),
		chromedp.SendKeys(`#vacancy-occupation`, "lastbil"),
		chromedp.WaitReady(`#occupation-options option[value="lastbilchauffør"]`),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#occupation-options option")).map(o => o.value).join("|")`, &offered),
		chromedp.SetValue(`#vacancy-occupation`, "lastbilchauffør"),
		chromedp.Submit(`#vacancy-occupation`),
		chromedp.WaitVisible(`p.interpreted`),
		chromedp.Text(`main`, &flash),
		chromedp.Text(`p.interpreted`, &readAs),
	}
	runSteps(t, ctx, steps)
	if !strings.Contains(offered, "lastbilchauffør") {
		t.Errorf("offered %q while typing, want lastbilchauffør among them", offered)
	}
	if !strings.Contains(flash, "Stillingen matches nu som") || !strings.HasPrefix(readAs, "Matches som:") {
		t.Errorf("after sending: %q / %q", readAs, flash)
	}
	// A title nobody knows is refused as an error, not a green receipt.
	var refusal string
	runSteps(t, ctx, []chromedp.Action{
		chromedp.WaitVisible(`details.vacancy-occupation > summary`),
		chromedp.Click(`details.vacancy-occupation > summary`),
		chromedp.WaitVisible(`#vacancy-occupation`),
		chromedp.SetValue(`#vacancy-occupation`, "Qzxvwk"),
		chromedp.Submit(`#vacancy-occupation`),
		chromedp.WaitVisible(`.alert-error p.flash`),
		chromedp.Text(`.alert-error p.flash`, &refusal),
	})
	if !strings.Contains(refusal, "kendes ikke") {
		t.Errorf("an unknown title: %q", refusal)
	}
}
