package frontend_test

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

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

// dashboardOn starts the service on 7 December 2026 at 12.00 in
// Copenhagen (the second half running, the first over) and returns a GET
// of a page as management, in lang (path has a query already).
func dashboardOn(t *testing.T) (*systemtest.Env, func(path, lang string) string) {
	t.Helper()
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	lead := env.Login("leder@demo.local")
	return env, func(path, lang string) string {
		t.Helper()
		res := lead.Do("GET", path+"&lang="+lang, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %.300s", path, res.StatusCode, res.Body)
		}
		return string(res.Body)
	}
}

// TestOpenTodayOnlyInTheRunningPeriod: "Åbne i dag" is today's backlog,
// so it is shown under the running half-year's figures, not under those
// of a half-year over (2026's first, looked at in December) or one to come.
func TestOpenTodayOnlyInTheRunningPeriod(t *testing.T) {
	_, get := dashboardOn(t)
	if page := get("/dashboard?year=2026&half=H2", "da"); !strings.Contains(page, "Åbne i dag") {
		t.Errorf("the running half-year does not show today's backlog")
	}
	for _, q := range []string{"year=2026&half=H1", "year=2025&half=", "year=2027&half=H1"} {
		if page := get("/dashboard?"+q, "da"); strings.Contains(page, "Åbne i dag") || strings.Contains(page, `class="backlog`) {
			t.Errorf("%s: today's backlog under a period that does not hold today", q)
		}
		if page := get("/dashboard?"+q, "en"); strings.Contains(page, "Open today") {
			t.Errorf("%s: today's backlog under a period that does not hold today (English)", q)
		}
	}
}

// TestReportSaysWhoseAndWhenPrinted: the printed report names the
// jobcentre's service and the day and time it was made, in both languages.
func TestReportSaysWhoseAndWhenPrinted(t *testing.T) {
	_, get := dashboardOn(t)
	origin := regexp.MustCompile(`<p class="report-origin">([^<]*)</p>`)
	for lang, want := range map[string]string{
		"da": "Jobcentrets virksomhedsservice · Udskrevet 7. dec. 2026 kl. 12.00",
		"en": "Jobcentre business service · Printed 7 Dec 2026, 12:00",
	} {
		m := origin.FindStringSubmatch(get("/dashboard/report?year=2026&half=H1", lang))
		if m == nil || html.UnescapeString(m[1]) != want {
			t.Errorf("%s: the report's origin line %q, want %q", lang, m, want)
		}
	}
}

// TestTargetsSayWhatWasSetAndWhatIsADefault: GET /api/v1/targets says
// whether a year's goals were set (by whom, when) or are the defaults,
// and which; the dashboard marks a default goal "(standard)" in Danish,
// "(default)" in English, and names who set the others. A year nobody set
// has the default contact target, marked so (followup.KPIContacts.TargetDefault).
func TestTargetsSayWhatWasSetAndWhatIsADefault(t *testing.T) {
	env, get := dashboardOn(t)
	admin := env.Login("admin@demo.local")
	if res := admin.Do("PUT", "/api/v1/targets/2027", map[string]any{"contacts": 3000, "citizen_satisfaction_share": 0.9}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("set 2027: %d %s", res.StatusCode, res.Body)
	}
	type targets struct {
		Contacts int64
		Default  bool
		Source   string
		Defaults []string
		SetBy    string     `json:"set_by"`
		SetAt    *time.Time `json:"set_at"`
	}
	var none, set targets
	env.Login("leder@demo.local").Do("GET", "/api/v1/targets/2025", nil, &none)
	if none.Contacts != 2500 || !none.Default || none.Source != "default" || strings.Join(none.Defaults, ",") != "contacts,citizen_satisfaction_share,employer_satisfaction_share" || none.SetBy != "" || none.SetAt != nil {
		t.Errorf("2025, set by nobody: %+v", none)
	}
	env.Login("leder@demo.local").Do("GET", "/api/v1/targets/2027", nil, &set)
	if set.Contacts != 3000 || set.Default || set.Source != "set" || len(set.Defaults) != 0 || set.SetBy != "admin@demo.local" || set.SetAt == nil || !set.SetAt.Equal(time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)) {
		t.Errorf("2027, set by the admin: %+v", set)
	}
	line := func(page string) string {
		m := regexp.MustCompile(`<p class="hint targets-line" id="targets-line">([^<]*)</p>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no goals line on the dashboard")
		}
		return strings.ReplaceAll(html.UnescapeString(m[1]), "\u00a0", " ")
	}
	for _, tc := range []struct{ q, lang, want string }{
		{"year=2025&half=H2", "da", "Mål for 2025: 2.500 virksomhedskontakter (standard) · 92,0 % borgere tilfredse (standard) · 92,0 % virksomheder tilfredse (standard)"},
		{"year=2025&half=H2", "en", "Goals for 2025: 2,500 company contacts (default) · 92.0% of citizens satisfied (default) · 92.0% of employers satisfied (default)"},
		{"year=2027&half=H1", "da", "Mål for 2027: 3.000 virksomhedskontakter · 90,0 % borgere tilfredse · 92,0 % virksomheder tilfredse · sat af admin@demo.local 7. dec. 2026 kl. 12.00"},
		{"year=2027&half=H1", "en", "Goals for 2027: 3,000 company contacts · 90.0% of citizens satisfied · 92.0% of employers satisfied · set by admin@demo.local on 7 Dec 2026, 12:00"},
	} {
		if got := line(get("/dashboard?"+tc.q, tc.lang)); got != tc.want {
			t.Errorf("%s %s:\n got %q\nwant %q", tc.q, tc.lang, got, tc.want)
		}
	}
}

// TestNoContactTargetIsSaidOneWay: for a year nobody set goals for, the
// dashboard said "Mål for 2026: 2.500 virksomhedskontakter (standard)"
// and right below it, on the contacts card, "Intet mål sat for 2026";
// the consultant's home "(intet mål sat for 2026)"; then none of them had
// a target while GET /api/v1/targets gave 2500 "default". The goals line,
// the card and the home page now say the same: the default target,
// marked so; set, the target is on all three, unmarked.
func TestNoContactTargetIsSaidOneWay(t *testing.T) {
	env, get := dashboardOn(t)
	k := env.Login("konsulent@demo.local")
	home := func(lang string) string {
		t.Helper()
		res := k.Do("GET", "/staff?lang="+lang, nil, nil, "Accept", "text/html")
		m := regexp.MustCompile(`(?s)<p class="contacts-target" id="contacts-target">.*?</p>`).FindString(string(res.Body))
		if m == "" {
			t.Fatalf("%s: no contacts line on the consultant's home: %d", lang, res.StatusCode)
		}
		return text(m)
	}
	part := func(page, re string) string {
		t.Helper()
		m := regexp.MustCompile(re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s on the dashboard", re)
		}
		return text(m[1])
	}
	check := func(lang, goals, card, homeLine string, not ...string) {
		t.Helper()
		page := get("/dashboard?year=2026&half=", lang)
		g := part(page, `<p class="hint targets-line" id="targets-line">([^<]*)</p>`)
		c := part(page, `(?s)<div class="kpi-card" id="kpi-contacts">(.*?)</div>`)
		h := home(lang)
		if !strings.Contains(g, goals) || !strings.Contains(c, card) || !strings.Contains(h, homeLine) {
			t.Errorf("%s:\n goals line %q, want %q\n card %q, want %q\n home %q, want %q", lang, g, goals, c, card, h, homeLine)
		}
		for _, s := range not {
			for _, in := range []string{g, c, h} {
				if strings.Contains(in, s) {
					t.Errorf("%s: %q says %q", lang, in, s)
				}
			}
		}
	}
	check("da", "Mål for 2026: 2.500 virksomhedskontakter (standard) ·", "/ 2.500 (standard)", "(min andel af standardmålet 2.500)", "intet mål", "Intet mål")
	check("en", "Goals for 2026: 2,500 company contacts (default) ·", "/ 2,500 (default)", "(my share of the default target 2,500)", "no target", "No target")

	if res := env.Login("admin@demo.local").Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 3000, "citizen_satisfaction_share": 0.9}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("set 2026: %d %s", res.StatusCode, res.Body)
	}
	check("da", "Mål for 2026: 3.000 virksomhedskontakter ·", "/ 3.000", "(min andel af målet 3.000)", "intet mål", "standard")
}

// text is an HTML fragment's text, tags dropped and spaces made one.
func text(s string) string {
	s = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " "))
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// TestVacancyFiguresSayWhatTheyCount: the card said "42 / 130 modtaget",
// the filled against the posted, two sets (a vacancy ends in another
// period than it was posted in). The filled are counted against the
// vacancies that ended in the period, filled or closed, and every vacancy
// figure is named by what it counts, in the card, the report and the CSV,
// in Danish and English.
func TestVacancyFiguresSayWhatTheyCount(t *testing.T) {
	env, get := dashboardOn(t)
	if err := env.Sys.Env.CountPeriods(context.Background(), time.Date(2026, 10, 10, 10, 0, 0, 0, time.UTC),
		map[string]int64{"vacancies_posted": 130, "vacancies_filled": 42, "vacancies_closed": 76}); err != nil {
		t.Fatal(err)
	}
	card := regexp.MustCompile(`(?s)<div class="kpi-card" id="kpi-vacancies">(.*?)</div>`)
	for lang, want := range map[string][]string{
		"da": {"Besatte stillinger 42 af 118 afsluttet i perioden", "Lukket uden at blive besat: 76 · Modtaget i perioden: 130"},
		"en": {"Filled vacancies 42 of 118 ended in the period", "Closed without being filled: 76 · Posted in the period: 130"},
	} {
		m := card.FindStringSubmatch(get("/dashboard?year=2026&half=H2", lang))
		if m == nil {
			t.Fatalf("%s: no vacancy card", lang)
		}
		for _, w := range want {
			if !strings.Contains(text(m[1]), w) {
				t.Errorf("%s: the vacancy card says %q, want %q in it", lang, text(m[1]), w)
			}
		}
	}
	rows := map[string]map[string][2]string{
		"da": {"vacancies_posted": {"Stillinger modtaget i perioden", "130"}, "vacancies_ended": {"Stillinger afsluttet i perioden (besat eller lukket)", "118"},
			"vacancies_filled": {"Besatte stillinger", "42"}, "vacancies_closed": {"Stillinger lukket uden at blive besat", "76"},
			"vacancies_share_filled": {"Besatte af de afsluttede stillinger", "35,6 % (n=118)"}},
		"en": {"vacancies_posted": {"Vacancies posted in the period", "130"}, "vacancies_ended": {"Vacancies ended in the period (filled or closed)", "118"},
			"vacancies_filled": {"Filled vacancies", "42"}, "vacancies_closed": {"Vacancies closed without being filled", "76"},
			"vacancies_share_filled": {"Filled of the vacancies ended", "35.6% (n=118)"}},
	}
	for lang, want := range rows {
		report := get("/dashboard/report?year=2026&half=H2", lang)
		csv := get("/api/v1/kpi/export.csv?year=2026&half=H2", lang)
		for key, w := range want {
			m := regexp.MustCompile(`(?s)<tr id="row-` + key + `">.*?</tr>`).FindString(report)
			if got := text(regexp.MustCompile(`(?s)<div class="definition">.*?</div>`).ReplaceAllString(m, "")); !strings.HasPrefix(got, w[0]+" "+w[1]) {
				t.Errorf("%s report %s: %q, want it to begin %q", lang, key, got, w[0]+" "+w[1])
			}
			if !strings.Contains(csv, "2026-H2,"+key+","+w[0]+",") && !strings.Contains(csv, "2026-H2,"+key+`,"`+w[0]+`",`) {
				t.Errorf("%s CSV: no row %s named %q", lang, key, w[0])
			}
		}
	}
}

// TestReportComparesTheSamePointOfTheHalfBefore: the running half-year's
// report said its figures were compared "med hele 1. halvår 2026". It now
// compares up to the same point, labels the change so and says how
// (per month, the last one pro rata), in Danish and English.
func TestReportComparesTheSamePointOfTheHalfBefore(t *testing.T) {
	_, get := dashboardOn(t)
	for lang, want := range map[string][]string{
		"da": {"Ændring mod samme tidspunkt i forrige halvår", "1. halvår 2026 (til og med 7. jun. 2026)",
			"2. halvår 2026 er ikke slut: tallene er foreløbige, til og med 7. dec. 2026, og sammenlignes med 1. halvår 2026 til samme tidspunkt, til og med 7. jun. 2026.",
			"Tallene føres pr. måned, så sammenligningen tager januar–maj 2026 med hele og juni 2026 med 7 af månedens 30 dage: lige så stor en del, som der er gået af december (7 af 31 dage)."},
		"en": {"Change against the same point in the previous half-year", "first half of 2026 (up to 7 Jun 2026)",
			"The second half of 2026 is not over: the figures are provisional, up to 7 Dec 2026, and compared with the first half of 2026 up to the same point, 7 Jun 2026.",
			"The figures are kept per month, so the comparison takes January–May 2026 whole and June 2026 at 7 of its 30 days: the same share as has gone of December (7 of 31 days)."},
	} {
		page := text(get("/dashboard/report?year=2026&half=H2", lang))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the running half's report does not say %q", lang, w)
			}
		}
		if strings.Contains(page, "med hele 1. halvår") || strings.Contains(page, "the whole of") {
			t.Errorf("%s: the running half is still compared with the whole half before", lang)
		}
	}
	// The year: "i forrige år"; a half over keeps the plain "Ændring".
	if page := text(get("/dashboard/report?year=2026&half=", "da")); !strings.Contains(page, "Ændring mod samme tidspunkt i forrige år") {
		t.Errorf("the running year's report does not compare with the same point last year")
	}
	if page := text(get("/dashboard/report?year=2026&half=H1", "da")); strings.Contains(page, "samme tidspunkt") || !strings.Contains(page, "Ændring") {
		t.Errorf("a half over is compared with the same point, not the whole half before")
	}
}

// TestDashboardCountsEachMonth: the dashboard showed the contacts only as
// a running total per month. A table with a caption gives each month's
// own contacts and requests, "–" for a month to come.
func TestDashboardCountsEachMonth(t *testing.T) {
	env, get := dashboardOn(t)
	for m, inc := range map[time.Month]map[string]int64{
		time.October:  {"contacts": 12, "requests": 5},
		time.November: {"contacts": 1234, "requests": 7},
	} {
		if err := env.Sys.Env.CountPeriods(context.Background(), time.Date(2026, m, 10, 10, 0, 0, 0, time.UTC), inc); err != nil {
			t.Fatal(err)
		}
	}
	table := regexp.MustCompile(`(?s)<div id="per-month">(.*?)</table>`)
	for lang, want := range map[string][]string{
		"da": {"Kontakter og henvendelser pr. måned, 2. halvår 2026 Måned Virksomhedskontakter Henvendelser", "jul 0 0", "okt 12 5", "nov 1.234 7", "dec 0 0"},
		"en": {"Contacts and requests per month, second half of 2026 Month Company contacts Requests", "Oct 12 5", "Nov 1,234 7"},
	} {
		m := table.FindStringSubmatch(get("/dashboard?year=2026&half=H2", lang))
		if m == nil {
			t.Fatalf("%s: no table of the months", lang)
		}
		for _, w := range want {
			if !strings.Contains(text(m[1]), w) {
				t.Errorf("%s: the months' table %q has no %q", lang, text(m[1]), w)
			}
		}
		if !strings.Contains(m[1], `<caption>`) || !strings.Contains(m[1], `<th scope="row">`) {
			t.Errorf("%s: the months' table has no caption or row headers", lang)
		}
	}
	// A month to come has no count yet.
	if m := table.FindStringSubmatch(get("/dashboard?year=2027&half=H1", "da")); m == nil || !strings.Contains(text(m[1]), "jan – –") {
		t.Errorf("2027's months to come: %v", m)
	}
}

// TestYearListEndsWithThisYear: on 7 December 2026 the dashboard's year
// list offered 2027, a year with no figures and no goals. It ends with
// this year; next year is offered to the admin, who sets its goals in
// December, and to everyone once they are set.
func TestYearListEndsWithThisYear(t *testing.T) {
	env, get := dashboardOn(t)
	years := func(page string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)<select class="form-select" id="year" name="year">(.*?)</select>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no year list on the dashboard")
		}
		return strings.Join(regexp.MustCompile(`<option value="(\d+)"`).FindAllString(m[1], -1), " ")
	}
	want := func(ys ...string) string {
		var out []string
		for _, y := range ys {
			out = append(out, `<option value="`+y+`"`)
		}
		return strings.Join(out, " ")
	}
	if got := years(get("/dashboard?year=2026&half=H2", "da")); got != want("2026", "2025", "2024", "2023", "2022", "2021") {
		t.Errorf("management's years: %s", got)
	}
	admin := env.Login("admin@demo.local")
	page := string(admin.Do("GET", "/dashboard?year=2026&half=H2", nil, nil, "Accept", "text/html").Body)
	if got := years(page); got != want("2027", "2026", "2025", "2024", "2023", "2022", "2021") {
		t.Errorf("the admin's years: %s", got)
	}
	if res := admin.Do("PUT", "/api/v1/targets/2027", map[string]any{"contacts": 3000, "citizen_satisfaction_share": 0.9}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("set 2027: %d %s", res.StatusCode, res.Body)
	}
	if got := years(get("/dashboard?year=2026&half=H2", "da")); got != want("2027", "2026", "2025", "2024", "2023", "2022", "2021") {
		t.Errorf("management's years with 2027's goals set: %s", got)
	}
}
