package api_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/app/followup"
	"jobmatch/demo"
)

// TestPriorityGroupFigures walks people from each priority group through
// the pre-screening of three vacancies and checks the figures the API, the
// report, the CSV and the dashboard give, and that a rebuild from the
// events (`jobmatch kpi rebuild`) finds the same counters.
func TestPriorityGroupFigures(t *testing.T) {
	_, router := loadSpec(t)
	clk := newClock()
	env := startWithClock(t, clk)
	ck := &checker{t: t, env: env, router: router}
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	year := strconv.Itoa(env.Sys.Env.Now().In(jobmatch.Copenhagen).Year())
	born := func(age int) int { return env.Sys.Env.Now().In(jobmatch.Copenhagen).Year() - age }

	vA, _, a := preScreenVacancy(t, env, k, demo.CVR(85),
		cv("PG-1", "Tømrer", map[string]any{"target_group": "refugee_family_reunified", "birth_year": born(35)}),
		cv("PG-2", "Tømrer", map[string]any{"target_group": "further_from_job", "eligibility": []string{"fleksjob"}, "birth_year": born(40)}),
		cv("PG-3", "Tømrer", map[string]any{"target_group": "young", "birth_year": born(22)}),
		cv("PG-4", "Tømrer", map[string]any{"birth_year": born(58)}))
	vB, _, b := preScreenVacancy(t, env, k, demo.CVR(85), cv("PG-5", "Tømrer", map[string]any{"birth_year": born(40)}))
	preScreenVacancy(t, env, k, demo.CVR(85))
	if len(a[0].ID) == 0 || len(b) != 1 {
		t.Fatal("no entries")
	}
	walk := func(vid string, e entry, stages ...string) {
		t.Helper()
		k.Do("POST", "/api/v1/candidates/"+e.CandidateID+"/consents", map[string]any{"vacancy_id": vid, "channel": "meeting"}, nil)
		for _, to := range stages {
			cur, _ := env.Sys.Screening.Entry(ctx, e.ID)
			body := map[string]any{"to": to, "version": cur.Version}
			if to == "interviewed" {
				body["interview"] = map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}
			}
			if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", body, nil); res.StatusCode != 200 {
				t.Fatalf("%s → %s: %s", e.ID, to, res.Body)
			}
		}
	}
	walk(vA, a[0], "contacted", "interested", "interviewed", "presented", "hired")
	walk(vB, b[0], "contacted", "interested", "interviewed", "presented")

	var f followup.KPIFigures
	_ = jsonDecode(ck.do(k, "GET", "/api/v1/kpi?year="+year, nil, 200).Body, &f)
	want := map[string][3]int64{
		jobmatch.GroupRefugee:  {1, 1, 1},
		jobmatch.GroupLongTerm: {1, 0, 0},
		jobmatch.GroupFlexjob:  {1, 0, 0},
		jobmatch.GroupUnder30:  {1, 0, 0},
		jobmatch.GroupOver50:   {1, 0, 0},
	}
	if len(f.PriorityGroups.Groups) != 5 {
		t.Fatalf("groups: %+v", f.PriorityGroups)
	}
	for _, g := range f.PriorityGroups.Groups {
		if w := want[g.Group]; g.Shortlisted != w[0] || g.Presented != w[1] || g.Hired != w[2] {
			t.Errorf("%s: %+v, want %v", g.Group, g, w)
		}
	}
	third := 1.0 / 3
	jo := f.JobOrders
	if jo.Posted != 3 || jo.WithPresented != 2 || jo.FilledByPresented != 1 || !near(jo.ShareWithPresented, 2*third) || !near(jo.ShareFilledByPresented, third) {
		t.Errorf("job orders: %+v", jo)
	}
	if f.PriorityGroups.VacanciesPresented != 1 || !near(f.PriorityGroups.ShareVacanciesPresented, third) {
		t.Errorf("vacancies with a priority group presented: %+v", f.PriorityGroups)
	}

	// A rebuild from the events agrees with the live counters.
	rb, err := env.Sys.Followup.RebuildKPI(ctx, false)
	if err != nil || len(rb.Diffs) != 0 || rb.Events["shortlist_entries"] != 5 {
		t.Fatalf("rebuild: %+v %v", rb, err)
	}
	// A rebuild that writes changes nothing either.
	if _, err := env.Sys.Followup.RebuildKPI(ctx, true); err != nil {
		t.Fatal(err)
	}
	var again followup.KPIFigures
	k.Do("GET", "/api/v1/kpi?year="+year, nil, &again)
	if again.JobOrders != f.JobOrders || again.PriorityGroups.Groups[0] != f.PriorityGroups.Groups[0] {
		t.Fatalf("after a written rebuild: %+v", again)
	}

	// The report, the CSV and the dashboard.
	var rep followup.Report
	_ = jsonDecode(ck.do(k, "GET", "/api/v1/kpi/report?year="+year, nil, 200).Body, &rep)
	rows := map[string]float64{}
	for _, r := range rep.Rows {
		rows[r.Key] = r.Value
	}
	if rows["priority_refugee_family_reunified_hired"] != 1 || !near(rows["job_orders_with_presented"], 2*third) {
		t.Fatalf("report rows: %v", rows)
	}
	csv := string(k.Do("GET", "/api/v1/kpi/export.csv?year="+year, nil, nil).Body)
	if !strings.Contains(csv, "priority_over_50_shortlisted") || !strings.Contains(csv, "job_orders_days_to_presentation") {
		t.Fatalf("csv: %s", csv)
	}
	page := string(k.Do("GET", "/dashboard?year="+year, nil, nil, "Accept", "text/html").Body)
	if !strings.Contains(page, `id="prio-refugee_family_reunified"`) || !strings.Contains(page, "jo-with-presented") {
		t.Fatalf("dashboard has no priority groups")
	}
	// A year with no case: a median or share of nothing is "–" or says
	// so, not "0,0 dage" or "0,0 %".
	empty := string(k.Do("GET", "/dashboard?year=2021", nil, nil, "Accept", "text/html").Body)
	for _, want := range []string{`<dd class="jo-days">–</dd>`, `<dd class="jo-with-presented">–</dd>`, "Ingen fastholdelsessager afsluttet", "Ingen stillinger besat"} {
		if !strings.Contains(empty, want) {
			t.Errorf("the dashboard of 2021 lacks %q", want)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
