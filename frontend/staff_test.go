package frontend_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestConsultantSeesCompanyAndOpenRequest: an employer's request lands on the
// contact consultant's overview after login.
func TestConsultantSeesCompanyAndOpenRequest(t *testing.T) {
	env := systemtest.Start(t)
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(11))["company"], "topic": "retention", "channel": "web", "text": "Medarbejder sygemeldt i 3 uger"}
	if res := env.Client().Do("POST", "/api/v1/requests", body, nil); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var open, companies string
	err := chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff"),
		chromedp.WaitVisible(`#f-email`), // redirected to the login page
		chromedp.SendKeys(`#f-email`, "konsulent@demo.local"),
		chromedp.SendKeys(`#f-password`, "demo"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`table.open-requests`),
		chromedp.Text(`table.open-requests tbody`, &open),
		chromedp.Text(`table.companies tbody`, &companies),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "staff-home")
	if !strings.Contains(open, "Sygemeldt medarbejder") || !strings.Contains(open, "Als Tømrer ApS") {
		t.Fatalf("open requests table: %q", open)
	}
	if !strings.Contains(companies, demo.CVR(11)) {
		t.Fatalf("companies table: %q", companies)
	}
}
