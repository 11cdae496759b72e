package store_test

import (
	"context"
	"testing"
	"time"

	"jobmatch/store"
)

// Events counted through two replicas read back per year, half and month
// (Copenhagen time: 31 December 23:30 UTC is already the new year), and a
// tally of the same events agrees with what was counted; a tally that
// disagrees shows the difference, and replacing the counters with it makes
// them agree.
func TestKPICounters(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	events := []struct {
		at  time.Time
		inc map[string]int64
	}{
		{at("2026-02-10T09:00:00Z"), map[string]int64{"requests": 1, "requests_topic_vacancy": 1}},
		{at("2026-05-31T22:30:00Z"), map[string]int64{"requests": 1}}, // 1 June in Copenhagen, still H1
		{at("2026-06-30T22:30:00Z"), map[string]int64{"requests": 1}}, // 1 July in Copenhagen: H2
		{at("2026-12-31T23:30:00Z"), map[string]int64{"requests": 5}}, // 2027
		{at("2026-09-01T12:00:00Z"), map[string]int64{"contacts": 2}},
	}
	tally := store.NewKPITally()
	for i, e := range events {
		if err := rs[i%2].CountEvents(ctx, e.at, e.inc); err != nil {
			t.Fatal(err)
		}
		tally.Add(e.at, e.inc)
	}
	y, err := rs[0].CountsOfYear(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		half, name string
		want       int64
	}{
		{"", "requests", 3}, {"H1", "requests", 2}, {"H2", "requests", 1}, {"", "requests_topic_vacancy", 1},
		{"H2", "contacts", 2}, {"H1", "contacts", 0},
	} {
		if got := y.Period(c.half)[c.name]; got != c.want {
			t.Errorf("2026 %q %s = %d, want %d", c.half, c.name, got, c.want)
		}
	}
	for m, want := range map[int]int64{2: 1, 6: 1, 7: 1, 12: 0} {
		if got := y.Month(m, "requests"); got != want {
			t.Errorf("2026 month %d requests = %d, want %d", m, got, want)
		}
	}
	if y27, err := rs[1].CountsOfYear(ctx, 2027); err != nil || y27.Period("")["requests"] != 5 || y27.Month(1, "requests") != 5 {
		t.Errorf("2027: %v %v", y27.Period(""), err)
	}

	diffs, docs, err := rs[0].CompareKPI(ctx, tally)
	if err != nil || len(diffs) != 0 || docs != 2 {
		t.Fatalf("the tally of the same events: %d docs, diffs %v, %v", docs, diffs, err)
	}
	tally.Add(at("2026-03-03T10:00:00Z"), map[string]int64{"requests": 1})
	diffs, _, err = rs[0].CompareKPI(ctx, tally)
	if err != nil || len(diffs) != 3 || diffs[0] != (store.KPIDiff{Doc: "kpi:2026", Field: "H1_requests", Stored: 2, Events: 3}) {
		t.Fatalf("one event more: %+v, %v", diffs, err)
	}
	if err := rs[1].ReplaceKPI(ctx, tally); err != nil {
		t.Fatal(err)
	}
	if diffs, _, err = rs[0].CompareKPI(ctx, tally); err != nil || len(diffs) != 0 {
		t.Fatalf("after the replacement: %+v, %v", diffs, err)
	}
	if y, _ = rs[0].CountsOfYear(ctx, 2026); y.Month(3, "requests") != 1 || y.Period("")["requests"] != 4 {
		t.Errorf("after the replacement: %v", y.Period(""))
	}
}
