package demo_test

import (
	"context"
	"testing"

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
	if again, err := demo.LoadYear(ctx, env.Sys); err != nil || again != 0 {
		t.Fatalf("second run wrote %d (%v)", again, err)
	}
}
