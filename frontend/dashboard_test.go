package frontend_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestSurveyAnsweredOnceInTheBrowserMovesTheDashboard: a consultant fills a
// vacancy, the employer answers the survey link on the page (once: the
// second visit is told the link is used), and management sees the answer in
// the dashboard's satisfaction figures and charts.
func TestSurveyAnsweredOnceInTheBrowserMovesTheDashboard(t *testing.T) {
	env := systemtest.Start(t)
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(61)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	v, err := env.Service().Vacancy(context.Background(), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res := env.Login(v.ConsultantID).Do("PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "filled"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("fill: %d %s", res.StatusCode, res.Body)
	}
	var box struct {
		Items []struct{ Kind, Body string }
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/outbox", nil, &box)
	var link string
	for _, m := range box.Items {
		if m.Kind == "survey_employer" {
			link = regexp.MustCompile(`/survey/[A-Za-z0-9_-]+`).FindString(m.Body)
		}
	}
	if link == "" {
		t.Fatalf("no survey in the outbox: %+v", box.Items)
	}

	ctx := browser.New(t)
	var done, gone string
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+link),
		chromedp.WaitVisible(`form.survey`),
		chromedp.Click(`input[name=labour][value="5"]`),
		chromedp.Click(`input[name=service][value="2"]`),
		chromedp.SendKeys(`#comment`, "Gode kandidater"),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "survey")
	err = chromedp.Run(ctx,
		chromedp.Click(`form.survey button[type=submit]`),
		chromedp.WaitVisible(`.survey-done`),
		chromedp.Text(`.survey-done`, &done),
		chromedp.Navigate(env.URL+link),
		chromedp.WaitVisible(`.survey-gone`),
		chromedp.Text(`.survey-gone`, &gone),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(done, "gemt") || !strings.Contains(gone, "allerede brugt") {
		t.Fatalf("thanks %q, second visit %q", done, gone)
	}

	var labourN, labourShare, serviceShare, warn string
	var charts int
	err = chromedp.Run(ctx,
		loginAt(env.URL+"/dashboard", "leder@demo.local"),
		chromedp.WaitVisible(`#sat-labour`),
		chromedp.Text(`#sat-labour .n`, &labourN),
		chromedp.Text(`#sat-labour .share`, &labourShare),
		chromedp.Text(`#sat-service .share`, &serviceShare),
		chromedp.Text(`#sat-labour .low-n`, &warn),
		chromedp.Evaluate(`document.querySelectorAll('.chart svg[role=img] title').length`, &charts),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "dashboard")
	if !strings.HasPrefix(labourN, "1") || labourShare != "100,0 %" || serviceShare != "0,0 %" || !strings.Contains(warn, "30") {
		t.Fatalf("labour n %q share %q, service %q, warning %q", labourN, labourShare, serviceShare, warn)
	}
	if charts < 4 {
		t.Fatalf("%d charts with a text alternative, want at least 4", charts)
	}
}
