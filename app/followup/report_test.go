package followup_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/followup"
	"jobmatch/store/storetest"
)

// TestPeriodsSayWhetherTheyAreOver: on 7 December 2026 the second half is
// running (its figures up to that day), the first is over (its contacts
// reached the target or not, not "on track, projected …") and 2027's first
// half has not begun (not "on track" with 0 contacts). The report says
// which figures met their targets and which are over the period's new
// vacancies.
func TestPeriodsSayWhetherTheyAreOver(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	// 1,200 contacts in each half against half of 2,500; 23 of 25
	// citizens satisfied (92,0 % against 92 %), 9 of 10 employers (labour).
	h1 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	if err := env.CountPeriods(ctx, h1, map[string]int64{"contacts": 1200, "survey_citizen_5": 23, "survey_citizen_2": 2,
		"survey_employer_labour_4": 9, "survey_employer_labour_1": 1, "vacancies_posted": 10, "joborder_presented": 4}); err != nil {
		t.Fatal(err)
	}
	if err := env.CountPeriods(ctx, now, map[string]int64{"contacts": 1200}); err != nil {
		t.Fatal(err)
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 2}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	// 2026's targets are set (2,500 contacts); 2025's are not.
	admin := &jobmatch.User{ID: "admin@x.dk", Role: jobmatch.RoleAdmin}
	if _, err := s.SetTargets(ctx, admin, 2026, followup.Targets{Contacts: 2500}); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		year            int
		half            string
		status, asOf    string
		onTrack, met    bool
		contacts, goal  int64
		wantProjected0  bool
		wantExpectedAll bool
	}{
		{2026, "H1", "ended", "", false, false, 1200, 1250, false, true},
		// Ahead of a steady pace, short of the target: on track, not met.
		{2026, "H2", "running", "2026-12-07", true, false, 1200, 1250, false, false},
		{2026, "", "running", "2026-12-07", true, false, 2400, 2500, false, false},
		// Nobody set 2027's target: the default's half (TargetDefault).
		{2027, "H1", "not_started", "2026-12-07", false, false, 0, 1250, true, false},
	} {
		f, err := s.KPI(ctx, lead, tt.year, tt.half)
		if err != nil {
			t.Fatal(err)
		}
		tr := f.Contacts.Trend
		if f.Status != tt.status || f.AsOf != tt.asOf || tr.OnTrack != tt.onTrack || tr.Met != tt.met || f.Contacts.Count != tt.contacts || f.Contacts.Target != tt.goal {
			t.Errorf("%d %s: status %q as of %q, on track %v, met %v, %d of %d; want %q %q %v %v %d of %d", tt.year, tt.half,
				f.Status, f.AsOf, tr.OnTrack, tr.Met, f.Contacts.Count, f.Contacts.Target, tt.status, tt.asOf, tt.onTrack, tt.met, tt.contacts, tt.goal)
		}
		if tt.wantExpectedAll && tr.Expected != float64(tt.goal) {
			t.Errorf("%d %s: expected %v at the end, want the whole target", tt.year, tt.half, tr.Expected)
		}
		if tt.wantProjected0 && tr.Projected != 0 {
			t.Errorf("%d %s: projected %v before the period", tt.year, tt.half, tr.Projected)
		}
	}

	rows := func(half string) map[string]followup.ReportRow {
		r, err := s.KPIReport(ctx, lead, 2026, half, "da")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]followup.ReportRow{}
		for _, row := range r.Rows {
			m[row.Key] = row
		}
		return m
	}
	met := func(r followup.ReportRow) string {
		if r.TargetMet == nil {
			return "–"
		}
		if *r.TargetMet {
			return "met"
		}
		return "not met"
	}
	h1Rows, h2Rows := rows("H1"), rows("H2")
	for _, c := range []struct {
		rows map[string]followup.ReportRow
		key  string
		want string
	}{
		{h1Rows, "contacts", "not met"},
		{h1Rows, "citizen_satisfaction", "met"},    // 92,0 % of a 92 % goal
		{h1Rows, "employer_labour", "not met"},     // 90,0 %
		{h1Rows, "employer_service", "–"},          // no answers
		{h1Rows, "requests", "–"},                  // no target
		{h2Rows, "contacts", "–"},                  // still running: neither
		{h2Rows, "citizen_satisfaction", "–"},      // no answers yet
		{h1Rows, "job_orders_with_presented", "–"}, // no target
	} {
		if got := met(c.rows[c.key]); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.rows["contacts"].Label, c.key, got, c.want)
		}
	}
	for key, cohort := range map[string]bool{"job_orders_with_presented": true, "job_orders_filled_by_presented": true, "job_orders_days_to_presentation": true,
		"priority_vacancies_presented": true, "vacancies_share_filled_presented": false, "contacts": false} {
		if h2Rows[key].Cohort != cohort {
			t.Errorf("%s: cohort %v, want %v", key, h2Rows[key].Cohort, cohort)
		}
	}
	// The group counted is the CV's target group "Aktivitetsparat", not
	// the long-term unemployed; the key stays.
	if l := h1Rows["priority_long_term_unemployed_shortlisted"].Label; l != "Aktivitetsparate: på kortliste" {
		t.Errorf("the further_from_job group is labelled %q", l)
	}
	en, err := s.KPIReport(ctx, lead, 2026, "H1", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range en.Rows {
		if r.Key == "priority_long_term_unemployed_hired" && r.Label != "Further from the labour market: hired" {
			t.Errorf("in English the group is labelled %q", r.Label)
		}
	}
	// The response time's definition says what the figure is: a median to
	// one decimal estimated from hourly counts, not one "in whole hours".
	if d := h1Rows["requests_median_response_hours"].Definition; !contains(d, "én decimal") || contains(d, "i hele timer") {
		t.Errorf("the response time's definition: %q", d)
	}
}

// TestShareMetAsShown: a share meets its target as the two are shown, to
// a tenth of a percent.
func TestShareMetAsShown(t *testing.T) {
	for _, c := range []struct {
		share, target float64
		want          bool
	}{{0.9195, 0.92, true}, {0.9194, 0.92, false}, {0.915, 0.92, false}, {0.95, 0.92, true}} {
		if got := followup.ShareMet(c.share, c.target); got != c.want {
			t.Errorf("ShareMet(%v, %v) = %v", c.share, c.target, got)
		}
	}
}

// TestTheDefaultContactTargetJudges: nobody set a target for 2025, whose
// records begin in December. Its second half is judged against the
// default (1.250, half of 2.500), said to be the default: the contacts
// against the year's target are the headline goal, and "no_target" left
// the dashboard and the report with none while GET /api/v1/targets gave
// 2500 "default".
func TestTheDefaultContactTargetJudges(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	if err := env.CountPeriods(ctx, time.Date(2025, 12, 10, 9, 0, 0, 0, time.UTC), map[string]int64{"contacts": 96}); err != nil {
		t.Fatal(err)
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 2}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	f, err := s.KPI(ctx, lead, 2025, "H2")
	if err != nil {
		t.Fatal(err)
	}
	if c := f.Contacts; !c.TargetDefault || c.Target != 1250 || c.Count != 96 || c.Trend.Met {
		t.Fatalf("2025-H2: %+v", c)
	}
	r, err := s.KPIReport(ctx, lead, 2025, "H2", "da")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Rows {
		switch row.Key {
		case "contacts":
			if row.TargetMet == nil || *row.TargetMet || row.Target != 1250 || !row.TargetDefault {
				t.Errorf("contacts against the default: verdict %v, target %v, default %v", row.TargetMet, row.Target, row.TargetDefault)
			}
		case "contacts_target":
			if row.Value != 1250 || !row.TargetDefault || !strings.HasSuffix(row.Label, "(standard)") {
				t.Errorf("target row: %+v", row)
			}
		}
	}
	// Once set, the year's own target judges, not marked a default.
	admin := &jobmatch.User{ID: "admin@x.dk", Role: jobmatch.RoleAdmin}
	if _, err := s.SetTargets(ctx, admin, 2025, followup.Targets{Contacts: 180}); err != nil {
		t.Fatal(err)
	}
	if f, err = s.KPI(ctx, lead, 2025, "H2"); err != nil || f.Contacts.TargetDefault || f.Contacts.Target != 90 || !f.Contacts.Trend.Met {
		t.Fatalf("after setting 2025's target: %v, %+v", err, f.Contacts)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// TestTheDefaultContactTargetHasItsPace: nobody set 2026's target. Its
// first half, over with 1,302 contacts, has met the default's 1,250, its
// running second half is behind a steady pace toward it, and the report
// has the row "Mål for virksomhedskontakter (standard)", as the default
// 92 % satisfaction goals are used and marked.
func TestTheDefaultContactTargetHasItsPace(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	if err := env.CountPeriods(ctx, time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC), map[string]int64{"contacts": 1302}); err != nil {
		t.Fatal(err)
	}
	if err := env.CountPeriods(ctx, time.Date(2026, 8, 10, 9, 0, 0, 0, time.UTC), map[string]int64{"contacts": 10}); err != nil {
		t.Fatal(err)
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 2}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	targetRow := func(half string) *followup.ReportRow {
		t.Helper()
		r, err := s.KPIReport(ctx, lead, 2026, half, "en")
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range r.Rows {
			if row.Key == "contacts_target" {
				return &row
			}
		}
		return nil
	}
	want := map[string]int64{"H1": 1250, "H2": 1250, "": 2500}
	for _, half := range []string{"H1", "H2", ""} {
		f, err := s.KPI(ctx, lead, 2026, half)
		if err != nil {
			t.Fatal(err)
		}
		c := f.Contacts
		if !c.TargetDefault || c.Target != want[half] || c.Trend.Expected == 0 || c.Trend.Projected == 0 {
			t.Errorf("2026 %s with the default target: %+v", half, c)
		}
		if (half == "H1") != c.Trend.Met {
			t.Errorf("2026 %s: met %v", half, c.Trend.Met)
		}
		if !f.SatisfactionTargetsDefault || f.CitizenSatisfactionTarget != followup.DefaultCitizenSatisfactionShare {
			t.Errorf("2026 %s: satisfaction targets %v, default %v", half, f.CitizenSatisfactionTarget, f.SatisfactionTargetsDefault)
		}
		if row := targetRow(half); row == nil || row.Value != float64(want[half]) || row.Label != "Target for company contacts (default)" {
			t.Errorf("2026 %s: target row %+v", half, row)
		}
	}
	admin := &jobmatch.User{ID: "admin@x.dk", Role: jobmatch.RoleAdmin}
	if _, err := s.SetTargets(ctx, admin, 2026, followup.Targets{Contacts: 2500}); err != nil {
		t.Fatal(err)
	}
	if f, err := s.KPI(ctx, lead, 2026, "H1"); err != nil || !f.Contacts.Trend.Met || f.Contacts.Trend.Expected != 1250 || f.Contacts.Target != 1250 || f.Contacts.TargetDefault || f.SatisfactionTargetsDefault {
		t.Fatalf("with 2026's target set: %v %+v", err, f.Contacts)
	}
	if row := targetRow("H1"); row == nil || row.TargetDefault || row.Label != "Target for company contacts" {
		t.Errorf("the report's row for the target set: %+v", row)
	}
}

// TestContactsOfAnyUserByName: an admin's contacts showed as
// "admin@x_dk" (the counter's key), since only the active consultants'
// names were looked up. Any user is named now, and one who is gone is
// former staff, with no mangled id.
func TestContactsOfAnyUserByName(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	for id, n := range map[string]int64{"ka@x.dk": 3, "admin@x.dk": 2, "gone@x.dk": 1} {
		if err := env.CountPeriods(ctx, at, app.ContactCounters(&jobmatch.Contact{ConsultantID: id, Kind: "visit"})); err != nil {
			t.Fatal(err)
		}
		if err := env.CountPeriods(ctx, at, map[string]int64{"contacts_consultant_" + app.CounterKey(id): n - 1}); err != nil {
			t.Fatal(err)
		}
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 1, others: []*jobmatch.User{{ID: "admin@x.dk", Name: "Anne Admin", Role: jobmatch.RoleAdmin, Active: true}}},
		Requests: requests{}, Companies: companies{}, Screening: screen{}})
	f, err := s.KPI(ctx, &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}, 2026, "H1")
	if err != nil {
		t.Fatal(err)
	}
	want := []followup.ConsultantCount{{ID: "ka@x.dk", Count: 3}, {ID: "admin@x.dk", Name: "Anne Admin", Count: 2}, {Count: 1, Former: true}}
	if len(f.Contacts.ByConsultant) != len(want) {
		t.Fatalf("by consultant: %+v", f.Contacts.ByConsultant)
	}
	for i, w := range want {
		if got := f.Contacts.ByConsultant[i]; got != w {
			t.Errorf("row %d: %+v, want %+v", i, got, w)
		}
	}
}

// TestEnglishReportNamesTheGroupsInEnglish: the English report said
// "Fleksjob: shortlisted"; every priority group's rows are named in
// English there, and in Danish on the Danish one.
func TestEnglishReportNamesTheGroupsInEnglish(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	s := followup.New(env, followup.Config{Staff: staff{n: 1}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	for lang, want := range map[string]string{"en": "Flexjob: shortlisted", "da": "Fleksjob: på kortliste"} {
		r, err := s.KPIReport(ctx, lead, 2026, "H2", lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range r.Rows {
			if row.Key == "priority_"+jobmatch.GroupFlexjob+"_shortlisted" && row.Label != want {
				t.Errorf("%s: %q, want %q", lang, row.Label, want)
			}
		}
	}
}

// TestRunningPeriodAgainstTheSamePointBefore: on 7 December 2026 the
// running second half was set beside the whole first half (810 contacts
// against a few days of December read as a fall). It is compared with
// the first half up to the same point: the counters are per month, so
// January–May whole and June pro rata for the days gone of December
// (7/31); the running year with 2025 the same way; a half over with the
// whole half before.
func TestRunningPeriodAgainstTheSamePointBefore(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	count := func(y int, m time.Month, inc map[string]int64) {
		t.Helper()
		if err := env.CountPeriods(ctx, time.Date(y, m, 10, 10, 0, 0, 0, time.UTC), inc); err != nil {
			t.Fatal(err)
		}
	}
	for m := time.January; m <= time.May; m++ {
		count(2026, m, map[string]int64{"contacts": 100})
	}
	// June: 310 contacts, 31 filled of 62 ended; 7/31 of them is 70, 7
	// of 14.
	count(2026, time.June, map[string]int64{"contacts": 310, "vacancies_filled": 31, "vacancies_closed": 31})
	count(2026, time.December, map[string]int64{"contacts": 90, "vacancies_filled": 5, "vacancies_closed": 5})
	count(2025, time.March, map[string]int64{"contacts": 100})
	count(2025, time.December, map[string]int64{"contacts": 62})
	count(2025, time.October, map[string]int64{"contacts": 40})
	s := followup.New(env, followup.Config{Staff: staff{n: 1}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	report := func(year int, half string) (*followup.Report, map[string]followup.ReportRow) {
		t.Helper()
		r, err := s.KPIReport(ctx, lead, year, half, "da")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]followup.ReportRow{}
		for _, row := range r.Rows {
			m[row.Key] = row
		}
		return r, m
	}

	r, rows := report(2026, "H2")
	if st := r.SameTime; st == nil || st.WholeFrom != "2026-01" || st.WholeTo != "2026-05" || st.ProRata != "2026-06" || st.Days != 7 || st.DaysInMonth != 31 ||
		st.Through != "2026-06-07" || st.Month != "2026-12" {
		t.Fatalf("2026-H2 on 7 December: compared %+v, want January–May whole and June at 7/31, up to 2026-06-07", r.SameTime)
	}
	for key, want := range map[string][2]float64{"contacts": {90, 570}, "vacancies_filled": {5, 7}, "vacancies_ended": {10, 14}, "vacancies_share_filled": {0.5, 0.5}} {
		if got := rows[key]; got.Value != want[0] || got.Previous != want[1] {
			t.Errorf("2026-H2 %s: %v against %v, want %v against %v (the first half up to the same point)", key, got.Value, got.Previous, want[0], want[1])
		}
	}
	if m := r.Before.Contacts.ByMonth; len(m) != 6 || m[4].Count != 100 || m[5].Count != 70 {
		t.Errorf("the first half up to the same point, per month: %+v", m)
	}

	// The year: 2025 up to 7 December, its December at 7/31 (62 → 14).
	r, rows = report(2026, "")
	if r.SameTime == nil || r.SameTime.WholeTo != "2025-11" || r.SameTime.ProRata != "2025-12" || rows["contacts"].Previous != 154 {
		t.Errorf("2026 against 2025 up to the same point: %+v, contacts before %v, want 154", r.SameTime, rows["contacts"].Previous)
	}
	// A half over is compared with the whole half before.
	r, rows = report(2026, "H1")
	if r.SameTime != nil || rows["contacts"].Previous != 102 {
		t.Errorf("2026-H1 (over): %+v, contacts before %v, want the whole of 2025-H2 (102)", r.SameTime, rows["contacts"].Previous)
	}
}

// TestHiresThroughTheJobcentre: 33 people were hired from the shortlists in
// a second half, most on vacancies for two or three still open, while the
// dashboard gave only the vacancies closed as filled by a presented
// candidate (5). Every hire counts now, in a priority group or not, in the
// period of its date: the figure and the report's row "hires".
func TestHiresThroughTheJobcentre(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	for _, h := range []struct {
		at     time.Time
		groups []string
	}{
		{time.Date(2026, 8, 3, 9, 0, 0, 0, time.UTC), nil},
		{time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC), []string{"under_30"}},
		{time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), []string{"over_50", "fleksjob"}},
		{time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), nil},
	} {
		if err := env.CountPeriods(ctx, h.at, app.StepCounters(h.groups, jobmatch.StageHired)); err != nil {
			t.Fatal(err)
		}
	}
	// A presentation is no hire.
	if err := env.CountPeriods(ctx, time.Date(2026, 8, 4, 9, 0, 0, 0, time.UTC), app.StepCounters(nil, jobmatch.StagePresented)); err != nil {
		t.Fatal(err)
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 2}, Requests: requests{}, Companies: companies{}, Screening: screen{}})
	lead := &jobmatch.User{ID: "leder@x.dk", Role: jobmatch.RoleManagement}
	for half, want := range map[string]int64{"H2": 3, "H1": 1, "": 4} {
		f, err := s.KPI(ctx, lead, 2026, half)
		if err != nil {
			t.Fatal(err)
		}
		if f.Hires != want {
			t.Errorf("2026 %s: %d hired through the jobcentre, want %d", half, f.Hires, want)
		}
	}
	r, err := s.KPIReport(ctx, lead, 2026, "H2", "da")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range r.Rows {
		if row.Key == "hires" {
			found = true
			if row.Value != 3 || row.Previous != 1 || row.Label != "Ansat via jobcentret (personer)" {
				t.Errorf("report row %+v", row)
			}
		}
	}
	if !found {
		t.Error("the report has no row for the people hired through the jobcentre")
	}
}
