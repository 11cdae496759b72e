package api_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch/app/followup"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestTheDefaultTargetOnTheDashboard: nobody set 2026's target. The card
// said "Intet mål sat for 2026 · 2.256 kontakter · prognose 2.416", the
// chart had no pace and the report and CSV no target row, while GET
// /api/v1/targets/2026 gave "contacts": 2500, "source": "default" and the
// default 92 % satisfaction goals were used and judged. The contacts'
// default is used the same way, marked "(standard)": on the card, the
// chart, the goals line, the report and the CSV; set, it is unmarked.
func TestTheDefaultTargetOnTheDashboard(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	get := func(path string) string {
		t.Helper()
		res := admin.Do("GET", path, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %.300s", path, res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	for _, q := range []string{"year=2026&half=H1", "year=2026&half=H2", "year=2026&half="} {
		page := get("/dashboard?" + q)
		for _, want := range []string{"Jævnt tempo mod standardmålet", "mod jobcentrets standardmål på", `<span class="target-default">(standard)</span>`, "2.500 virksomhedskontakter (standard)"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s with the default target lacks %q", q, want)
			}
		}
		if strings.Contains(page, "Intet mål sat") {
			t.Errorf("%s says no target is set beside the default", q)
		}
		if r := regexp.MustCompile(`(?s)<tr id="row-contacts_target">.*?</tr>`).FindString(get("/dashboard/report?" + q)); !strings.Contains(r, "Mål for virksomhedskontakter (standard)") {
			t.Errorf("the report of %s: target row %q", q, r)
		}
		if csv := string(admin.Do("GET", "/api/v1/kpi/export.csv?"+q, nil, nil).Body); !strings.Contains(csv, "contacts_target,Target for company contacts (default)") && !strings.Contains(csv, "contacts_target,Mål for virksomhedskontakter (standard)") {
			t.Errorf("the CSV of %s has no row for the default target", q)
		}
	}
	if res := admin.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 2500, "citizen_satisfaction_share": 0.92}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("targets: %d %s", res.StatusCode, res.Body)
	}
	if page := get("/dashboard?year=2026&half=H1"); !strings.Contains(page, "Jævnt tempo mod målet") || !strings.Contains(page, "mod et mål på 1.250") || strings.Contains(page, "standardmålet") {
		t.Error("with 2026's target set the chart does not pace toward it as set")
	}
	if r := regexp.MustCompile(`(?s)<tr id="row-contacts_target">.*?</tr>`).FindString(get("/dashboard/report?year=2026&half=H1")); r == "" || strings.Contains(r, "(standard)") {
		t.Errorf("with 2026's target set the report's row: %q", r)
	}
}

// TestContactsPerConsultantByName: contacts an admin logged showed as
// "admin@demo_local" under "Kontakter pr. konsulent" (and as the API's
// name), the counter's key; a user who is gone is former staff.
func TestContactsPerConsultantByName(t *testing.T) {
	// July: a contact dated in the first half-year is still logged.
	now := time.Date(2026, 7, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	cvr := demo.CVR(87)
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "visit", "date": "2026-03-10"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("contact: %d %s", res.StatusCode, res.Body)
	}
	// Contacts of someone whose user is gone (erased).
	if err := env.Sys.Env.CountPeriods(context.Background(), time.Date(2026, 3, 11, 10, 0, 0, 0, time.UTC), map[string]int64{"contacts_consultant_gone@demo_local": 1}); err != nil {
		t.Fatal(err)
	}
	var f followup.KPIFigures
	if res := admin.Do("GET", "/api/v1/kpi?year=2026&half=H1", nil, &f); res.StatusCode != http.StatusOK {
		t.Fatalf("kpi: %d %s", res.StatusCode, res.Body)
	}
	names := map[string]bool{}
	for _, c := range f.Contacts.ByConsultant {
		names[c.Name] = true
		if strings.Contains(c.ID+c.Name, "_local") {
			t.Errorf("a counter's key as a consultant: %+v", c)
		}
	}
	if !names["Anne Admin"] || !names[""] {
		t.Errorf("contacts per consultant: %+v", f.Contacts.ByConsultant)
	}
	page := string(admin.Do("GET", "/dashboard?year=2026&half=H1", nil, nil, "Accept", "text/html").Body)
	if !strings.Contains(page, "Anne Admin") || !strings.Contains(page, "(tidligere medarbejder)") || strings.Contains(page, "_local") {
		t.Errorf("the dashboard's contacts per consultant: %s", page[strings.Index(page, `id="h-consultant"`):][:2000])
	}
}

// TestEveryShareHasItsN: the report compared the first half of 2026 with
// a second half of 2025 of 1 filled vacancy and printed "+20,0
// pct.-point" with no n and no word of noise, which only the survey rows
// had. Every share has its n in the report and the CSV, and a change on
// so few is marked as the survey rows are.
func TestEveryShareHasItsN(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	ctx := context.Background()
	for at, inc := range map[time.Time]map[string]int64{
		time.Date(2025, 11, 10, 10, 0, 0, 0, time.UTC): {"vacancies_filled": 1, "retention_full_return": 2, "retention_no_return": 8},
		time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC):  {"vacancies_filled": 130, "vacancies_filled_presented": 26, "retention_full_return": 27, "retention_partial_return": 67, "retention_no_return": 27},
	} {
		if err := env.Sys.Env.CountPeriods(ctx, at, inc); err != nil {
			t.Fatal(err)
		}
	}
	report := string(admin.Do("GET", "/dashboard/report?year=2026&half=H1", nil, nil, "Accept", "text/html").Body)
	row := func(key string) string {
		i := strings.Index(report, `<tr id="row-`+key+`">`)
		if i < 0 {
			t.Fatalf("no row %s", key)
		}
		return report[i : i+strings.Index(report[i:], "</tr>")]
	}
	for key, want := range map[string][]string{
		"vacancies_share_filled_presented": {"(n=130)", "(n=1)", "20,0 pct.-point", "inden for støjen"},
		// 77,7 % of 121 against 20,0 % of 10 is more than noise.
		"retention_share_returned": {"(n=121)", "(n=10)", "57,7 pct.-point"},
	} {
		r := row(key)
		for _, w := range want {
			if !strings.Contains(r, w) {
				t.Errorf("%s lacks %q: %s", key, w, r)
			}
		}
	}
	csv := string(admin.Do("GET", "/api/v1/kpi/export.csv?year=2026&half=H1", nil, nil).Body)
	if !strings.Contains(csv, "2026-H1,vacancies_share_filled_presented,") || !strings.Contains(csv, ",share,0.200,130,2025-H2,0.000,1,") {
		t.Errorf("the CSV's n of the share filled by a presented candidate: %s", csv)
	}
}

// TestDashboardWordsAndZeroGoal: a goal of 0 % was saved as 92 % with
// "Målene er gemt"; the retention card's big number did not say it counts
// requests, and its outcomes ("27 hel, 67 delvis, 27 ingen") did not say
// they are of the cases resolved; the English priority-group definition
// said "fleksjob", and the report printed it on all 15 rows.
func TestDashboardWordsAndZeroGoal(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	get := func(path string) string {
		t.Helper()
		res := admin.Do("GET", path, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %.300s", path, res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	page := get("/dashboard?year=2026")
	v := url.Values{"year": {"2026"}, "contacts": {"2500"}, "citizen_satisfaction_share": {"92"}, "employer_satisfaction_share": {"0"}}
	if m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page); m != nil {
		v.Set("_csrf", m[1])
	}
	res := admin.Do("POST", "/dashboard/targets", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if body := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-employer_satisfaction_share">Målet skal være over 0 %.</span>`) {
		t.Fatalf("a goal of 0 %%: %d %.500s", res.StatusCode, body)
	}
	var tg struct {
		Default bool
	}
	if admin.Do("GET", "/api/v1/targets/2026", nil, &tg); !tg.Default {
		t.Fatal("a refused goal of 0 % set the year's targets")
	}

	if err := env.Sys.Env.CountPeriods(context.Background(), time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC), map[string]int64{"requests_topic_retention": 126,
		"retention_full_return": 27, "retention_partial_return": 67, "retention_no_return": 27}); err != nil {
		t.Fatal(err)
	}
	card := regexp.MustCompile(`(?s)<div class="kpi-card" id="kpi-retention">.*?</div>`).FindString(get("/dashboard?year=2026&half=H1"))
	for _, want := range []string{"126 <span class=\"of\">henvendelser modtaget</span>", "77,7\u00a0% af 121 afsluttede sager (27 hel, 67 delvis, 27 uden tilbagevenden)"} {
		if !strings.Contains(card, want) {
			t.Errorf("the retention card lacks %q: %s", want, card)
		}
	}
	en := get("/dashboard/report?year=2026&half=H1&lang=en")
	if strings.Contains(en, "fleksjob eligibility") || strings.Count(en, "flexjob eligibility") != 1 {
		t.Errorf("the English report's priority-group definition: %d times, fleksjob %v", strings.Count(en, "flexjob eligibility"), strings.Contains(en, "fleksjob eligibility"))
	}
	if !strings.Contains(en, "Every figure for the first half of 2026 compared with the second half of 2025") {
		t.Errorf("the English report's intro: %s", regexp.MustCompile(`<p>Every figure.*?</p>`).FindString(en))
	}
}
