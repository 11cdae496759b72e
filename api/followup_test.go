package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

var surveyLink = regexp.MustCompile(`/survey/([A-Za-z0-9_-]+)`)

type mail struct {
	To, Subject, Body, Kind string
}

func outbox(t *testing.T, admin *systemtest.Client, kind string) []mail {
	t.Helper()
	var page struct{ Items []mail }
	admin.Env().Outbox(&page) // as sent: the API masks the links
	var out []mail
	for _, m := range page.Items {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// TestSurveysTargetsAndFilledVacancies closes vacancies by hand, answers the
// employer and citizen surveys once, sets a target and checks every figure
// they move, exactly.
func TestSurveysTargetsAndFilledVacancies(t *testing.T) {
	var clock atomic.Int64
	set := func(s string) {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		clock.Store(ts.UnixNano())
	}
	set("2026-03-10T09:00:00Z")
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return time.Unix(0, clock.Load()) }})
	anon := env.Client()
	post := func(cvr string) string {
		var rec struct{ ID string }
		b := systemtest.VacancyBody(cvr)
		b["start_date"], b["deadline"] = "2026-06-01", "2026-05-01"
		if res := anon.Do("POST", "/api/v1/vacancies", b, &rec); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
		}
		return rec.ID
	}
	cvr := demo.CVR(801)
	v1, v2 := post(cvr), post(cvr)
	v, _ := env.Sys.Intake.Vacancy(context.Background(), v1)

	set("2026-03-20T10:00:00Z") // ten days later; sessions last 12 hours
	k, admin := env.Login(v.ConsultantID), env.Login("admin@demo.local")
	rules := map[string]any{"employer_every_days": 90, "citizen_every_days": 180, "valid_days": 120,
		"triggers": map[string]bool{"vacancy_filled": true, "vacancy_closed": true, "request_resolved": true, "visit": true}}
	if res := admin.Do("PUT", "/api/v1/settings/surveys", rules, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("survey rules: %d %s", res.StatusCode, res.Body)
	}
	rules["triggers"] = map[string]bool{"lunch": true}
	if res := admin.Do("PUT", "/api/v1/settings/surveys", rules, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("unknown trigger: %d", res.StatusCode)
	}
	if res := k.Do("PATCH", "/api/v1/vacancies/"+v1, map[string]any{"status": "hired"}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status hired: %d", res.StatusCode)
	}
	if res := env.Login("hotline@demo.local").Do("PATCH", "/api/v1/vacancies/"+v1, map[string]any{"status": "filled"}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline closes: %d", res.StatusCode)
	}
	var closed struct{ Status string }
	if res := k.Do("PATCH", "/api/v1/vacancies/"+v1, map[string]any{"status": "filled", "filled_by_presented": true}, &closed); res.StatusCode != http.StatusOK || closed.Status != "filled" {
		t.Fatalf("fill: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("PATCH", "/api/v1/vacancies/"+v1, map[string]any{"status": "closed"}, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("close a filled vacancy: %d", res.StatusCode)
	}
	if res := k.Do("PATCH", "/api/v1/vacancies/"+v2, map[string]any{"status": "closed", "note": "Besat internt"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	// One survey per company within the rules' 90 days, though two
	// vacancies were closed.
	mails := outbox(t, admin, "survey_employer")
	if len(mails) != 1 || mails[0].To != v.Contact.Email {
		t.Fatalf("employer survey mails: %+v", mails)
	}
	m := surveyLink.FindStringSubmatch(mails[0].Body)
	if m == nil {
		t.Fatalf("no link in %q", mails[0].Body)
	}
	token := m[1]

	page := anon.Do("GET", "/survey/"+token, nil, nil)
	if page.StatusCode != http.StatusOK || !bytes.Contains(page.Body, []byte("kvalificeret arbejdskraft")) {
		t.Fatalf("survey page: %d", page.StatusCode)
	}
	res := anon.Do("POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 5}}, nil)
	if p := res.Problem(t); res.StatusCode != http.StatusUnprocessableEntity || !hasField(p, "answers.service") {
		t.Fatalf("half an answer: %d %s", res.StatusCode, res.Body)
	}
	if res := anon.Do("POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 5, "service": 6}}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("answer 6: %d", res.StatusCode)
	}
	set("2026-07-02T08:00:00Z") // answered in H2
	k, admin = env.Login(v.ConsultantID), env.Login("admin@demo.local")
	if res := anon.Do("POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 5, "service": 3}, "comment": "Hurtigt"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("answer: %d %s", res.StatusCode, res.Body)
	}
	if res := anon.Do("POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 1, "service": 1}}, nil); res.StatusCode != http.StatusGone {
		t.Fatalf("second answer: %d", res.StatusCode)
	}
	if res := anon.Do("GET", "/survey/"+token, nil, nil); res.StatusCode != http.StatusGone {
		t.Fatalf("answered link: %d", res.StatusCode)
	}
	if res := anon.Do("GET", "/survey/not-a-real-token-0123456789", nil, nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown link: %d", res.StatusCode)
	}

	// A citizen survey, answered on the form. (A few synthetic CVs first:
	// the first candidate write on a fresh store can outlast the client's
	// timeout on a busy machine.)
	if _, err := demo.LoadCandidates(context.Background(), env.Sys, 3, 5, nil); err != nil {
		t.Fatal(err)
	}
	var cand struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates", cv("SV-1", "Tømrer", nil), &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	var sent struct{ Sent bool }
	if k.Do("POST", "/api/v1/candidates/"+cand.ID+"/survey", nil, &sent); !sent.Sent {
		t.Fatal("citizen survey not sent")
	}
	if k.Do("POST", "/api/v1/candidates/"+cand.ID+"/survey", nil, &sent); sent.Sent {
		t.Fatal("a second citizen survey within the rules' days")
	}
	cm := outbox(t, admin, "survey_citizen")
	if len(cm) != 1 || cm[0].To != "sv-1@example.dk" {
		t.Fatalf("citizen mails: %+v", cm)
	}
	ctoken := surveyLink.FindStringSubmatch(cm[0].Body)[1]
	form := url.Values{"service": {"4"}, "comment": {"God hjælp"}}.Encode()
	res = anon.Do("POST", "/survey/"+ctoken, []byte(form), nil, "Content-Type", "application/x-www-form-urlencoded")
	if res.StatusCode != http.StatusOK || !bytes.Contains(res.Body, []byte("survey-done")) {
		t.Fatalf("citizen form answer: %d %s", res.StatusCode, res.Body)
	}

	// Targets are data.
	if res := k.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 3000}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("consultant sets targets: %d", res.StatusCode)
	}
	res = admin.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 0, "citizen_satisfaction_share": 1.5}, nil)
	if p := res.Problem(t); res.StatusCode != http.StatusUnprocessableEntity || !hasField(p, "contacts") || !hasField(p, "citizen_satisfaction_share") {
		t.Fatalf("bad targets: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 3000, "citizen_satisfaction_share": 0.9}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("targets: %d %s", res.StatusCode, res.Body)
	}

	type sat struct {
		N              int
		ShareSatisfied float64 `json:"share_satisfied"`
		Mean           float64
	}
	var y struct {
		Contacts             struct{ Target int64 }
		EmployerSatisfaction map[string]sat `json:"employer_satisfaction"`
		CitizenSatisfaction  sat            `json:"citizen_satisfaction"`
		CitizenTarget        float64        `json:"citizen_satisfaction_target"`
		EmployerTarget       float64        `json:"employer_satisfaction_target"`
		Vacancies            struct {
			Posted, Filled, Closed int64
			FilledPresented        int64   `json:"filled_presented"`
			Share                  float64 `json:"share_filled_presented"`
			MedianDays             float64 `json:"median_days_to_fill"`
		}
	}
	lone := env.Login("leder@demo.local")
	if res := lone.Do("GET", "/api/v1/kpi?year=2026", nil, &y); res.StatusCode != http.StatusOK {
		t.Fatalf("management reads figures: %d %s", res.StatusCode, res.Body)
	}
	if y.Contacts.Target != 3000 || y.CitizenTarget != 0.9 || y.EmployerTarget != 0.92 {
		t.Fatalf("targets in figures: %+v", y)
	}
	// The employers' satisfaction has its goal too (92 % when a PUT
	// leaves it out, as the one above did), set like the citizens'.
	if res := admin.Do("PUT", "/api/v1/targets/2026", map[string]any{"contacts": 3000, "citizen_satisfaction_share": 0.9, "employer_satisfaction_share": 0.85}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("targets with the employers' share: %d %s", res.StatusCode, res.Body)
	}
	var tg struct {
		Employer float64 `json:"employer_satisfaction_share"`
	}
	if lone.Do("GET", "/api/v1/targets/2026", nil, &tg); tg.Employer != 0.85 {
		t.Fatalf("employer target read back: %v", tg.Employer)
	}
	if lone.Do("GET", "/api/v1/kpi?year=2026", nil, &y); y.EmployerTarget != 0.85 {
		t.Fatalf("employer target in figures: %v", y.EmployerTarget)
	}
	if page := string(lone.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body); !regexp.MustCompile(`id="sat-labour"><th scope="row">[^<]*<span class="hint">\(mål 85,0\x{a0}%: <span class="goal ok">nået indtil nu</span>\)`).MatchString(page) {
		t.Errorf("the dashboard shows no goal, or not whether it is met, beside the employers' satisfaction")
	}
	// The report says each satisfaction row's goal as set, not a fixed
	// "92 %" in the citizens' definition.
	var repRows struct {
		Rows []struct {
			Key        string
			Value      float64
			Target     float64
			Definition string
		}
	}
	lone.Do("GET", "/api/v1/kpi/report?year=2026&half=H2", nil, &repRows)
	contactsGoal := -1.0
	for _, r := range repRows.Rows {
		if r.Key == "contacts_target" {
			contactsGoal = r.Value
		}
	}
	for _, r := range repRows.Rows {
		want := map[string]float64{"employer_labour": 0.85, "employer_service": 0.85, "citizen_satisfaction": 0.9, "contacts": contactsGoal}[r.Key]
		if r.Target != want || strings.Contains(r.Definition, "92") {
			t.Errorf("report row %s: target %v (%q), want %v", r.Key, r.Target, r.Definition, want)
		}
	}
	if y.Vacancies.Posted != 2 || y.Vacancies.Filled != 1 || y.Vacancies.Closed != 1 || y.Vacancies.FilledPresented != 1 || y.Vacancies.Share != 1 || y.Vacancies.MedianDays != 10 {
		t.Fatalf("vacancies: %+v", y.Vacancies)
	}
	if l := y.EmployerSatisfaction["labour"]; l.N != 1 || l.ShareSatisfied != 1 || l.Mean != 5 {
		t.Fatalf("labour: %+v", l)
	}
	if s := y.EmployerSatisfaction["service"]; s.N != 1 || s.ShareSatisfied != 0 || s.Mean != 3 {
		t.Fatalf("service: %+v", s)
	}
	if c := y.CitizenSatisfaction; c.N != 1 || c.ShareSatisfied != 1 || c.Mean != 4 {
		t.Fatalf("citizen: %+v", c)
	}
	if res := lone.Do("GET", "/api/v1/candidates/"+cand.ID, nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("management reads a CV: %d", res.StatusCode)
	}

	// The export: H2 holds the answers, H1 the vacancies; each row names
	// the period before. A median or share of no case is an empty cell
	// (H1 had no answer; H2 filled nothing), not 0.
	// Column 11 is the figure's goal, where it has one: the company
	// contacts' (as its own row says) and the satisfaction shares'. The
	// last two are the day the figures run up to while a period runs (on
	// 2 July, H2 is running: provisional), empty for a period over; beside
	// a running period the period before is compared up to the same point
	// (2 January: H1's January at 2/31, so not March's filled vacancy).
	for _, tc := range []struct {
		half, figure, value, previous, target, asOf, previousAsOf string
	}{
		{"H1", "vacancies_filled", "1", "0", "", "", ""},
		{"H1", "vacancies_median_days_to_fill", "10.0", "", "", "", ""},
		// 2025's target nobody set: the default's 1250 it was judged by.
		{"H1", "contacts_target", "1500", "1250", "", "", ""},
		{"H1", "contacts", "0", "0", "1500", "", ""},
		{"H2", "employer_labour", "1.000", "", "0.850", "2026-07-02", "2026-01-02"},
		{"H2", "employer_service", "0.000", "", "0.850", "2026-07-02", "2026-01-02"},
		{"H2", "citizen_satisfaction", "1.000", "", "0.900", "2026-07-02", "2026-01-02"},
		{"H2", "vacancies_filled", "0", "0", "", "2026-07-02", "2026-01-02"},
		{"H2", "vacancies_median_days_to_fill", "", "", "", "2026-07-02", "2026-01-02"},
	} {
		res := lone.Do("GET", "/api/v1/kpi/export.csv?year=2026&half="+tc.half, nil, nil)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("export: %d %s", res.StatusCode, res.Body)
		}
		rows, err := csv.NewReader(bytes.NewReader(res.Body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if h := rows[0]; len(h) != 13 || h[10] != "target" || h[11] != "as_of" || h[12] != "previous_as_of" {
			t.Fatalf("export header: %v", h)
		}
		found := false
		for _, r := range rows[1:] {
			if r[1] == tc.figure {
				found = true
				if r[0] != "2026-"+tc.half || r[4] != tc.value || r[7] != tc.previous || r[9] == "" || r[10] != tc.target || r[11] != tc.asOf || r[12] != tc.previousAsOf {
					t.Errorf("%s %s: %v", tc.half, tc.figure, r)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row %s in %s", tc.half, tc.figure, fmt.Sprint(rows))
		}
	}

	// The Danish Excel variant: a byte order mark, ";" between fields and a
	// decimal comma, the same figures.
	xres := lone.Do("GET", "/api/v1/kpi/export.csv?year=2026&half=H2&dialect=excel-da", nil, nil)
	if xres.StatusCode != http.StatusOK || !bytes.HasPrefix(xres.Body, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("excel-da export: %d %q", xres.StatusCode, xres.Body[:min(len(xres.Body), 20)])
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(xres.Body, []byte("\xEF\xBB\xBF"))))
	rd.Comma = ';'
	xrows, err := rd.ReadAll()
	if err != nil || len(xrows) < 2 || xrows[0][0] != "periode" || xrows[0][10] != "mål" || len(xrows[0]) != 13 || xrows[0][11] != "foreløbig til og med" {
		t.Fatalf("excel-da export read with ';': %v %v", err, xrows)
	}
	found := false
	for _, r := range xrows[1:] {
		if r[1] == "employer_labour" {
			found = r[4] == "100,0" && r[7] == "" && r[3] == "procent" && strings.HasSuffix(r[2], " (%)") && r[10] == "85,0"
		}
	}
	if !found {
		t.Fatalf("excel-da export: no employer_labour row as a percentage with a decimal comma (100,0, unit procent, a label ending in (%%)) in %v", xrows)
	}
	if res := lone.Do("GET", "/api/v1/kpi/export.csv?year=2026&dialect=excel", nil, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("unknown dialect: %d", res.StatusCode)
	}

	// The printable report shows the same figures beside the half before,
	// and whether a goal is met (so far: H2 is running).
	rep := lone.Do("GET", "/dashboard/report?year=2026&half=H2", nil, nil)
	row := regexp.MustCompile(`(?s)id="row-employer_labour">.*?class="value">([^<]*)<.*?class="goal ok">([^<]*)<.*?class="change">([^<]*)<`).FindSubmatch(rep.Body)
	if rep.StatusCode != http.StatusOK || row == nil || string(row[1]) != "100,0\u00a0% " || string(row[2]) != "nået indtil nu" || string(row[3]) != "–" {
		t.Fatalf("report: %d %q", rep.StatusCode, row)
	}
	// The periods in words, not codes ("Halvårsrapport 2026-H2"); the
	// running half said to be provisional, up to today, beside H1 up to
	// the same point (not all of it).
	if b := string(rep.Body); !strings.Contains(b, `<h1>Halvårsrapport: 2. halvår 2026 <span class="provisional">(foreløbig, til og med 2. jul. 2026)</span></h1>`) ||
		!strings.Contains(b, "sammenlignet med 1. halvår 2026") || !strings.Contains(b, "2. halvår 2026 er ikke slut: tallene er foreløbige, til og med 2. jul. 2026, og sammenlignes med 1. halvår 2026 til samme tidspunkt, til og med 2. jan. 2026.") {
		t.Errorf("the report names its periods as codes, or does not say H2 is provisional: %s", regexp.MustCompile(`<h1>.*</h1>`).FindString(b))
	}
	// The figures over the period's new vacancies are marked and said to
	// lag; H1 is over and says nothing of being provisional.
	if b := string(rep.Body); !regexp.MustCompile(`id="row-job_orders_with_presented">\s*<th scope="row">[^<]*&nbsp;<span class="cohort"`).MatchString(b) ||
		!strings.Contains(b, "De nyeste af dem har endnu ikke haft tid") {
		t.Errorf("the report does not say the new vacancies' figures lag")
	}
	// On 2 July, H1's contacts may still be logged until the month is
	// out (kpi.OpenFrom): said so, not "foreløbig".
	if b := string(lone.Do("GET", "/dashboard/report?year=2026&half=H1", nil, nil).Body); !strings.Contains(b, "<h1>Halvårsrapport: 1. halvår 2026 <span class=\"provisional\">(kontakter kan stadig registreres til og med 31. jul. 2026)</span></h1>") || strings.Contains(b, "foreløbig") {
		t.Errorf("an ended half is said to be provisional: %s", regexp.MustCompile(`<h1>.*</h1>`).FindString(b))
	}
	if b := string(lone.Do("GET", "/dashboard/report?year=2026&half=", nil, nil).Body); !strings.Contains(b, `<h1>Årsrapport: 2026 <span class="provisional">(foreløbig, til og med 2. jul. 2026)</span></h1>`) {
		t.Errorf("the whole year's report is not called Årsrapport: %s", regexp.MustCompile(`<h1>.*</h1>`).FindString(b))
	}
	// A year with nothing in it says so, not "0,0 % (n=0)" satisfied and
	// empty charts.
	empty := string(lone.Do("GET", "/dashboard?year=2024&half=", nil, nil).Body)
	if strings.Contains(empty, "<td class=\"share\">0,0\u00a0%</td>") || !strings.Contains(empty, `<td class="share" title="Ingen svar i perioden">–</td>`) ||
		!strings.Contains(empty, "Ingen henvendelser i perioden.") || !strings.Contains(empty, `<dd class="jo-filled">–</dd>`) {
		t.Errorf("an empty year's dashboard shows figures of nothing")
	}
	// Each goal in its figure's unit: a count of contacts, a share.
	for key, goal := range map[string]string{"contacts": "(mål 1.500)", "employer_labour": "(mål 85,0\u00a0%)"} {
		if m := regexp.MustCompile(`id="row-` + key + `">\s*<th scope="row">[^<]*<span class="hint">([^<]*)<`).FindSubmatch(rep.Body); m == nil || string(m[1]) != goal {
			t.Errorf("report row %s: goal %q, want %q", key, m, goal)
		}
	}
	// No vacancy filled in H2: its median days to fill is no figure, and
	// no change; nor in H1 up to the same point (2 January: March's
	// vacancy is not in it). H1's own report says 10 days (whole days
	// whole, not 10,0).
	fillRow := regexp.MustCompile(`(?s)id="row-vacancies_median_days_to_fill">.*?class="value">(.*?)</td>\s*<td>(.*?)</td>\s*<td class="change">(.*?)</td>`)
	fill := fillRow.FindSubmatch(rep.Body)
	if fill == nil || !strings.Contains(string(fill[1]), ">–<") || !strings.Contains(string(fill[2]), ">–<") || string(fill[3]) != "–" {
		t.Fatalf("report, days to fill: %q", fill)
	}
	if fill = fillRow.FindSubmatch(lone.Do("GET", "/dashboard/report?year=2026&half=H1", nil, nil).Body); fill == nil || string(fill[1]) != "10" {
		t.Fatalf("H1's report, days to fill: %q", fill)
	}
	if res := env.Login("hotline@demo.local").Do("GET", "/dashboard", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline opens the dashboard: %d", res.StatusCode)
	}

	// An unanswered link expires after the rules' 120 days.
	var c2 struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("SV-2", "Tømrer", nil), &c2)
	if k.Do("POST", "/api/v1/candidates/"+c2.ID+"/survey", nil, &sent); !sent.Sent {
		t.Fatal("second citizen's survey not sent")
	}
	cm = outbox(t, admin, "survey_citizen")
	late := surveyLink.FindStringSubmatch(cm[0].Body)[1] // newest first
	if late == ctoken {
		t.Fatal("outbox order")
	}
	if res := anon.Do("GET", "/survey/"+late, nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("fresh link: %d", res.StatusCode)
	}
	set("2026-11-01T08:00:00Z")
	if res := anon.Do("GET", "/survey/"+late, nil, nil); res.StatusCode != http.StatusGone {
		t.Fatalf("expired link: %d", res.StatusCode)
	}
	rebuildAgrees(t, env, 2026)
}

func hasField(p systemtest.Problem, name string) bool {
	code, _ := p.Field(name)
	return code != ""
}

// rebuildAgrees checks that the counters kept as events were written equal
// the ones recomputed from the events, that a damaged counter is reported
// and repaired, and that the figures read the same afterwards.
func rebuildAgrees(t *testing.T, env *systemtest.Env, year int) {
	t.Helper()
	ctx := context.Background()
	svc := env.Sys
	res, err := svc.Followup.RebuildKPI(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diffs) != 0 || res.Events["requests"] == 0 {
		t.Fatalf("rebuild disagrees with the live counters: %+v", res)
	}
	admin, _ := svc.Staff.User(ctx, "admin@demo.local")
	before, err := svc.Followup.KPI(ctx, admin, year, "")
	if err != nil {
		t.Fatal(err)
	}
	doc := fmt.Sprintf("kpi:%d", year)
	if err := svc.Env.Store().IncCounters(ctx, doc, map[string]int64{"Y_requests": 5, "H2_bogus": 1}); err != nil {
		t.Fatal(err)
	}
	res, err = svc.Followup.RebuildKPI(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diffs) != 2 || res.Diffs[0].Field != "H2_bogus" || res.Diffs[1].Field != "Y_requests" || res.Diffs[1].Stored-res.Diffs[1].Events != 5 || !res.Written {
		t.Fatalf("damage not reported: %+v", res.Diffs)
	}
	after, err := svc.Followup.KPI(ctx, admin, year, "")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprintf("%+v", before), fmt.Sprintf("%+v", after); a != b {
		t.Fatalf("figures changed by the rebuild:\nbefore %s\nafter  %s", a, b)
	}
	if res, _ := svc.Followup.RebuildKPI(ctx, false); len(res.Diffs) != 0 {
		t.Fatalf("after the repair: %+v", res.Diffs)
	}
}

// TestAdminSetsTargetsOnTheDashboard: the year's goals were the API's only
// (a municipality's admin had to use curl). The dashboard now holds a form
// for admins, filled with the year's goals; saving it sets them, in
// percent as people write them ("85,5"), and a wrong value is said beside
// the form. Management sees no form and may not post it.
func TestAdminSetsTargetsOnTheDashboard(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	post := func(c *systemtest.Client, v url.Values) *systemtest.Response {
		page := string(c.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body)
		if m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page); m != nil {
			v.Set("_csrf", html.UnescapeString(m[1]))
		}
		res := c.Do("POST", "/dashboard/targets", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
		if res.StatusCode != http.StatusSeeOther {
			return res
		}
		// The answer is the dashboard again, the message beside the form.
		return c.Do("GET", res.Header.Get("Location"), nil, nil, "Accept", "text/html")
	}
	page := string(admin.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body)
	// Nobody set 2026's goals: the form suggests them, it does not fill
	// them in as if set.
	if !strings.Contains(page, `class="targets-form"`) || !strings.Contains(page, `name="contacts" inputmode="numeric" value="" placeholder="2500"`) || !strings.Contains(page, `id="f-employer_satisfaction_share" name="employer_satisfaction_share" inputmode="decimal" value="" placeholder="92"`) {
		t.Fatalf("the admin's dashboard has no targets form with the year's suggested goals")
	}
	res := post(admin, url.Values{"year": {"2026"}, "contacts": {"2.800"}, "citizen_satisfaction_share": {"90"}, "employer_satisfaction_share": {"85,5 %"}})
	if res.StatusCode != http.StatusOK || !strings.Contains(string(res.Body), "Målene for 2026 er gemt.") {
		t.Fatalf("saved: %d %.300s", res.StatusCode, res.Body)
	}
	var tg struct {
		Contacts int64
		Citizen  float64 `json:"citizen_satisfaction_share"`
		Employer float64 `json:"employer_satisfaction_share"`
	}
	admin.Do("GET", "/api/v1/targets/2026", nil, &tg)
	if tg.Contacts != 2800 || tg.Citizen != 0.9 || math.Abs(tg.Employer-0.855) > 1e-9 {
		t.Fatalf("targets after the form: %+v", tg)
	}
	// The satisfaction chart marks each target.
	dash := html.UnescapeString(string(admin.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(dash, "<title>mål 90,0\u00a0%</title></line>") || strings.Count(dash, "<title>mål 85,5\u00a0%</title></line>") != 2 {
		t.Errorf("the satisfaction chart does not mark the targets 90,0 %% and 85,5 %%")
	}
	res = post(admin, url.Values{"year": {"2026"}, "contacts": {"mange"}, "citizen_satisfaction_share": {"190"}, "employer_satisfaction_share": {"85"}})
	body := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Virksomhedskontakter i året: Skal være et tal.") || !strings.Contains(body, `role="alert"`) {
		t.Fatalf("a wrong value: %d %.3000s", res.StatusCode, body)
	}
	// The refused form is shown again, open, with what was typed (not the
	// saved goals), each wrong field marked invalid with its message at
	// it, the right one not.
	for _, want := range []string{`<details class="targets-form" id="targets" open>`,
		`<span class="form-error-message error" id="e-contacts">Skal være et tal.</span><input class="form-input" id="f-contacts" name="contacts" inputmode="numeric" value="mange" required aria-invalid="true" aria-describedby="e-contacts">`,
		`id="e-citizen_satisfaction_share">Skal være over 0 og højst 100 %.</span>`,
		`id="f-citizen_satisfaction_share" name="citizen_satisfaction_share" inputmode="decimal" value="190" required aria-invalid="true"`,
		`id="f-employer_satisfaction_share" name="employer_satisfaction_share" inputmode="decimal" value="85" required>`,
		`<a href="#f-contacts">`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %s", want)
		}
	}
	// Its language link leads to the dashboard, not to the form's action.
	if !strings.Contains(body, `href="/dashboard?half=`) || strings.Contains(body, `href="/dashboard/targets?`) {
		t.Errorf("the refused form's language link: %s", body)
	}
	// A percent above 100 is said in percent ("Må højst være 1" said the
	// share), and the half-year shown stays.
	res = post(admin, url.Values{"year": {"2026"}, "half": {"H1"}, "contacts": {"2800"}, "citizen_satisfaction_share": {"150"}, "employer_satisfaction_share": {"85"}})
	if body := html.UnescapeString(string(res.Body)); !strings.Contains(body, "Skal være over 0 og højst 100 %.") || !strings.Contains(body, "1. halvår 2026") {
		t.Fatalf("150 %%: %d %.3000s", res.StatusCode, body)
	}
	if admin.Do("GET", "/api/v1/targets/2026", nil, &tg); tg.Contacts != 2800 {
		t.Fatalf("a refused form changed the targets: %+v", tg)
	}
	lone := env.Login("leder@demo.local")
	if strings.Contains(string(lone.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body), "targets-form") {
		t.Error("management sees the targets form")
	}
	if res := post(lone, url.Values{"year": {"2026"}, "contacts": {"1"}, "citizen_satisfaction_share": {"1"}, "employer_satisfaction_share": {"1"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("management posts the targets: %d", res.StatusCode)
	}
}

// TestExportPerMonthConsultantTopicAndChannel: the CSV had the period's
// totals only, though the counters are kept per month, consultant, topic
// and channel. by=month gives a row per month of the period with the
// figures kept per month (contacts, requests, resolved, the median
// response time and the share in time, the vacancies); by=consultant,
// topic and channel a row each with its contacts or requests; plain and
// for Danish Excel (Danish columns, percentages, decimal comma).
func TestExportPerMonthConsultantTopicAndChannel(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	lead := env.Login("leder@demo.local")
	ctx := context.Background()
	for at, inc := range map[time.Time]map[string]int64{
		time.Date(2026, 10, 10, 10, 0, 0, 0, time.UTC): {"contacts": 12, "contacts_consultant_konsulent@demo_local": 12, "requests": 5, "requests_topic_vacancy": 4,
			"requests_topic_retention": 1, "requests_channel_phone": 5, "requests_resolved": 4, "requests_in_time": 3, "resp_h3": 4,
			"vacancies_posted": 3, "vacancies_filled": 1, "vacancies_closed": 2},
		time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC): {"contacts": 20, "contacts_consultant_konsulent@demo_local": 20, "requests": 7, "requests_topic_vacancy": 7, "requests_channel_web": 7},
	} {
		if err := env.Sys.Env.CountPeriods(ctx, at, inc); err != nil {
			t.Fatal(err)
		}
	}
	read := func(q string, excel bool) [][]string {
		t.Helper()
		res := lead.Do("GET", "/api/v1/kpi/export.csv?year=2026&half=H2"+q, nil, nil)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: %d %s", q, res.StatusCode, res.Body)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(res.Body, []byte("\uFEFF"))))
		if excel {
			r.Comma = ';'
		}
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return rows
	}
	rows := read("&by=month", false)
	if got := strings.Join(rows[0], ","); got != "period,month,label,contacts,requests,requests_resolved,requests_median_response_hours,requests_share_in_time,vacancies_posted,vacancies_ended,vacancies_filled,vacancies_closed" {
		t.Fatalf("by=month header: %s", got)
	}
	if len(rows) != 7 {
		t.Fatalf("by=month: %d rows, want a header and six months: %v", len(rows), rows)
	}
	for _, want := range []string{
		"2026-H2,2026-07,2026-07,0,0,0,,,0,0,0,0",
		"2026-H2,2026-10,2026-10,12,5,4,3.5,0.750,3,3,1,2",
		"2026-H2,2026-11,2026-11,20,7,0,,,0,0,0,0",
	} {
		if !strings.Contains(fmt.Sprint(rows), "["+strings.ReplaceAll(want, ",", " ")+"]") {
			t.Errorf("by=month: no row %s in %v", want, rows)
		}
	}
	x := read("&by=month&dialect=excel-da&lang=da", true)
	if x[0][1] != "måned" || x[0][3] != "Virksomhedskontakter" || x[0][7] != "Besvaret inden fristen (%)" || x[1][0] != "2026-H2" {
		t.Errorf("by=month for Danish Excel, header: %v", x[0])
	}
	for _, r := range x {
		if r[1] == "2026-10" && (r[6] != "3,5" || r[7] != "75,0") {
			t.Errorf("by=month for Danish Excel, October: %v", r)
		}
	}
	rows = read("&by=consultant", false)
	if len(rows) != 2 || rows[0][1] != "consultant" || rows[0][3] != "contacts" || rows[1][1] != "konsulent@demo.local" || rows[1][2] == "" || rows[1][2] == rows[1][1] || rows[1][3] != "32" {
		t.Errorf("by=consultant: %v", rows)
	}
	rows = read("&by=topic&lang=en", false)
	if len(rows) != 3 || rows[1][1] != "vacancy" || rows[1][3] != "11" || rows[2][1] != "retention" || rows[2][2] != "Sick-listed employee – retention" || rows[2][3] != "1" {
		t.Errorf("by=topic: %v", rows)
	}
	rows = read("&by=channel", false)
	if len(rows) != 3 || rows[0][3] != "requests" || rows[1][1] != "web" || rows[1][3] != "7" || rows[2][1] != "phone" || rows[2][3] != "5" {
		t.Errorf("by=channel: %v", rows)
	}
	if res := lead.Do("GET", "/api/v1/kpi/export.csv?year=2026&by=week", nil, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("by=week: %d", res.StatusCode)
	}
}
