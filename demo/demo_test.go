package demo_test

import (
	"context"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/calendar"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestDemoYearThroughTheService writes a (smaller) demo year of events and
// checks that it lands in the figures, that the counters agree with a
// rebuild from the events, and that a second run writes nothing.
func TestDemoYearThroughTheService(t *testing.T) {
	saved := demo.YearOfEvents
	demo.YearOfEvents.Contacts, demo.YearOfEvents.Requests, demo.YearOfEvents.CitizenSurveys = 300, 150, 40
	defer func() { demo.YearOfEvents = saved }()
	env := systemtest.Start(t, systemtest.Options{NoUsers: true})
	ctx := context.Background()
	if _, err := demo.Load(ctx, env.Sys, demo.Options{Companies: 30, Candidates: 200}); err != nil {
		t.Fatal(err)
	}
	n, err := demo.LoadYear(ctx, env.Sys)
	if err != nil {
		t.Fatal(err)
	}
	if n < 300+150 {
		t.Fatalf("%d events", n)
	}
	res, err := env.Sys.Followup.RebuildKPI(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diffs) != 0 {
		t.Fatalf("the demo's counters disagree with its events: %+v", res.Diffs[:min(5, len(res.Diffs))])
	}
	if res.Events["contacts"] != 300 || res.Events["requests"] < 150 || res.Events["survey_answers"] == 0 || res.Events["vacancies_closed"] == 0 {
		t.Fatalf("events: %v", res.Events)
	}
	// The vacancies were pre-screened through the shortlist: people
	// shortlisted, presented with consent, some hired; the job-order
	// figures of the half-years are not all zero.
	if res.Events["shortlist_entries"] == 0 {
		t.Fatalf("no shortlist entries: %v", res.Events)
	}
	admin, err := env.Sys.Staff.User(ctx, "admin@demo.local")
	if err != nil {
		t.Fatal(err)
	}
	var presented, filledByPresented, prioShortlisted int64
	// Each priority group the dashboard lists has people shortlisted: a
	// demo whose refugees row reads 0 everywhere shows no integration work.
	byGroup := map[string]int64{}
	now := env.Sys.Env.Now().In(jobmatch.Copenhagen)
	for _, p := range []struct {
		year int
		half string
	}{{now.Year(), "H1"}, {now.Year(), "H2"}, {now.Year() - 1, "H2"}} {
		f, err := env.Sys.Followup.KPI(ctx, admin, p.year, p.half)
		if err != nil {
			t.Fatal(err)
		}
		presented += f.JobOrders.WithPresented
		filledByPresented += f.JobOrders.FilledByPresented
		for _, g := range f.PriorityGroups.Groups {
			prioShortlisted += g.Shortlisted
			byGroup[g.Group] += g.Shortlisted
		}
	}
	t.Logf("shortlisted by priority group: %v", byGroup)
	for _, g := range []string{jobmatch.GroupRefugee, jobmatch.GroupLongTerm, jobmatch.GroupUnder30, jobmatch.GroupOver50} {
		if byGroup[g] == 0 {
			t.Errorf("nobody of priority group %s shortlisted in the demo year: %v", g, byGroup)
		}
	}
	if presented == 0 || filledByPresented == 0 || prioShortlisted == 0 {
		t.Fatalf("job orders with someone presented %d, filled by a presented candidate %d, priority-group people shortlisted %d; want each above 0",
			presented, filledByPresented, prioShortlisted)
	}
	// A consultant works in office hours: every step of a shortlist and
	// every answer to a request lies between 8 and 16 on a working day
	// (the demo's steps were hours apart, at 03.47 on a Saturday too).
	atWork := func(t time.Time) bool {
		l := t.In(jobmatch.Copenhagen)
		return calendar.IsWorkingDay(l) && l.Hour() >= 8 && l.Hour() < 16
	}
	steps, outside := 0, 0
	// Someone hired is not shortlisted again: the CV's page shows the
	// processes, and the demo's consultants look at it.
	hired, shortlisted := map[string][]time.Time{}, map[string][]time.Time{}
	for cur := ""; ; {
		page, err := env.Sys.Intake.Vacancies(ctx, app.ListQuery{Limit: app.MaxPageSize, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Items {
			entries, err := env.Sys.Screening.List(ctx, admin, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				shortlisted[e.CandidateID] = append(shortlisted[e.CandidateID], e.CreatedAt)
				if e.Stage == jobmatch.StageHired {
					hired[e.CandidateID] = append(hired[e.CandidateID], e.UpdatedAt)
				}
				for _, st := range e.Steps {
					steps++
					if !atWork(st.At) {
						outside++
						t.Logf("%s → %s at %s", v.Title, st.To, st.At.In(jobmatch.Copenhagen).Format("Mon 2006-01-02 15.04"))
					}
				}
			}
		}
		if cur = page.NextCursor; cur == "" {
			break
		}
	}
	resolved := 0
	for cur := ""; ; {
		page, err := env.Sys.Intake.Requests(ctx, app.ListQuery{Limit: app.MaxPageSize, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Items {
			if r.ResolvedAt != nil {
				resolved++
				if !atWork(*r.ResolvedAt) {
					outside++
					t.Logf("request %s resolved at %s", r.ID, r.ResolvedAt.In(jobmatch.Copenhagen).Format("Mon 2006-01-02 15.04"))
				}
			}
		}
		if cur = page.NextCursor; cur == "" {
			break
		}
	}
	for cid, at := range hired {
		if len(at) > 1 {
			t.Errorf("%s hired %d times", cid, len(at))
		}
		for _, s := range shortlisted[cid] {
			if s.After(at[0]) {
				t.Errorf("%s shortlisted %s, after being hired %s", cid, s.Format(time.DateOnly), at[0].Format(time.DateOnly))
			}
		}
	}
	if len(hired) == 0 {
		t.Error("nobody hired")
	}
	if steps == 0 || resolved == 0 || outside > 0 {
		t.Errorf("%d shortlist steps and %d requests resolved, %d of them outside office hours", steps, resolved, outside)
	}
	if again, err := demo.LoadYear(ctx, env.Sys); err != nil || again != 0 {
		t.Fatalf("second run wrote %d (%v)", again, err)
	}
}

// TestDemoStartedAgainAfterAStop: the first start of the demo stopped
// half-way (the data loaded, its marker not yet written) and started again
// posts each demo vacancy once: it posted them all again.
func TestDemoStartedAgainAfterAStop(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{NoUsers: true})
	ctx := context.Background()
	opt := demo.Options{Companies: 9, Candidates: 20}
	if _, err := demo.Load(ctx, env.Sys, opt); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		n := 0
		if err := env.Sys.Store.EachVacancy(ctx, func(*jobmatch.Vacancy) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	if err := env.Sys.Store.Unmark(ctx, "demo:loaded"); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, env.Sys, opt); err != nil {
		t.Fatal(err)
	}
	if after := count(); before != 3 || after != before {
		t.Fatalf("demo vacancies: %d after the first start, %d after the second", before, after)
	}
}
