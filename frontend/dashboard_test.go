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
	v, err := env.Sys.Intake.Vacancy(context.Background(), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The consultant marks it filled on the vacancy page.
	kctx := browser.New(t)
	var flash string
	err = chromedp.Run(kctx,
		loginAt(env.URL+"/staff/vacancies/"+rec.ID, v.ConsultantID),
		chromedp.WaitVisible(`details.vacancy-close summary`),
		chromedp.Click(`details.vacancy-close summary`),
		chromedp.Click(`.close-form input[value=filled]`),
		chromedp.Click(`.close-form input[name=filled_by_presented]`),
		chromedp.Click(`.close-form button[type=submit]`),
		chromedp.WaitVisible(`.flash`),
		chromedp.Text(`.flash`, &flash),
	)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ = env.Sys.Intake.Vacancy(context.Background(), rec.ID); v.Status != "filled" || !v.FilledByPresented || !strings.Contains(flash, "besat") {
		t.Fatalf("after the close form: status %s, presented %v, flash %q", v.Status, v.FilledByPresented, flash)
	}
	var box struct {
		Items []struct{ Kind, Body string }
	}
	env.Outbox(&box)
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
		chromedp.SendKeys(`textarea[name=comment]`, "Gode kandidater"),
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

	var labourN, labourShare, serviceShare, warn, note, labourGoal, serviceGoal string
	var charts int
	err = chromedp.Run(ctx,
		loginAt(env.URL+"/dashboard", "leder@demo.local"),
		chromedp.WaitVisible(`#sat-labour`),
		chromedp.Text(`h1 .provisional`, &note),
		chromedp.Text(`#sat-labour .goal`, &labourGoal),
		chromedp.Text(`#sat-service .goal`, &serviceGoal),
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
	if !strings.HasPrefix(labourN, "1") || labourShare != "100,0\u00a0%" || serviceShare != "0,0\u00a0%" || !strings.Contains(warn, "30") {
		t.Fatalf("labour n %q share %q, service %q, warning %q", labourN, labourShare, serviceShare, warn)
	}
	// The current half is running: said to be provisional up to today,
	// and each goal met or not "so far", in words.
	if !strings.HasPrefix(note, "(foreløbig, til og med ") || labourGoal != "nået indtil nu" || serviceGoal != "ikke nået indtil nu" {
		t.Fatalf("heading note %q, labour goal %q, service goal %q", note, labourGoal, serviceGoal)
	}
	if charts < 4 {
		t.Fatalf("%d charts with a text alternative, want at least 4", charts)
	}
}

// TestConsultantSendsACitizenSurvey: the button on a CV sends the one-time
// link once; a second click within the rules' days sends nothing. The CV
// shows its education.
func TestConsultantSendsACitizenSurvey(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	body := map[string]any{"external_ref": "CS-1", "name": "Borger CS", "email": "cs@example.dk", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Tømrer"}, "consent": map[string]any{"given": true, "channel": "meeting"},
		"education": []map[string]any{{"level": "vocational", "field": "Tømreruddannelsen"}, {"level": "primary"}}}
	if res := k.Do("POST", "/api/v1/candidates", body, &c); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var first, second, education string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/candidates/"+c.ID, "konsulent@demo.local"),
		// The CV shows its education, the levels named in Danish.
		chromedp.Text(`ul.cv-education`, &education),
		chromedp.WaitVisible(`form.survey-send button`),
		chromedp.Click(`form.survey-send button`),
		chromedp.WaitVisible(`.flash`),
		chromedp.Text(`.flash`, &first),
		// Take the first message away, so the wait below sees the next page.
		chromedp.Evaluate(`document.querySelector('.flash').remove()`, nil),
		chromedp.Click(`form.survey-send button`),
		chromedp.WaitVisible(`.flash`),
		chromedp.Text(`.flash`, &second),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(education, "Tømreruddannelsen · Erhvervsuddannelse") || !strings.Contains(education, "Grundskole") || strings.Contains(education, "vocational") {
		t.Fatalf("the CV's education reads %q", education)
	}
	if !strings.Contains(first, "sendt") || !strings.Contains(second, "for nylig") {
		t.Fatalf("first %q, second %q", first, second)
	}
	var box struct{ Items []struct{ Kind, To string } }
	env.Login("admin@demo.local").Do("GET", "/api/v1/outbox", nil, &box)
	n := 0
	for _, m := range box.Items {
		if m.Kind == "survey_citizen" && m.To == "cs@example.dk" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d citizen surveys in the outbox, want 1", n)
	}
}
