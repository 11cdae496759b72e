package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Settings through two replicas read back as set, in the documents earlier
// releases wrote: the deadlines (none set: empty), a year's targets (none
// set: ErrNotFound; another year's are not this one's), and a vacancy's
// publication agreement, which puts the vacancy among the published ones
// and, withdrawn, takes it out again.
func TestSettings(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)

	if days, err := rs[0].DeadlineDays(ctx); err != nil || days == nil || len(days) != 0 {
		t.Fatalf("deadlines never set: %v, %v", days, err)
	}
	if err := rs[0].SetDeadlineDays(ctx, map[string]int{"vacancy": 3, "retention": 1}); err != nil {
		t.Fatal(err)
	}
	if days, err := rs[1].DeadlineDays(ctx); err != nil || len(days) != 2 || days["vacancy"] != 3 || days["retention"] != 1 {
		t.Fatalf("deadlines %v, %v", days, err)
	}

	if _, err := rs[1].YearTargets(ctx, 2026); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("targets never set: %v", err)
	}
	if err := rs[1].SetYearTargets(ctx, 2026, store.YearTargets{Contacts: 2600, CitizenSatisfactionShare: 0.9}); err != nil {
		t.Fatal(err)
	}
	if got, err := rs[0].YearTargets(ctx, 2026); err != nil || got != (store.YearTargets{Contacts: 2600, CitizenSatisfactionShare: 0.9}) {
		t.Fatalf("targets %+v, %v", got, err)
	}
	if _, err := rs[0].YearTargets(ctx, 2027); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("2027's targets: %v", err)
	}
	var raw map[string]any
	if err := rs[0].Get(ctx, store.ColSettings, "targets:2026", &raw); err != nil || len(raw) != 3 || raw["contacts"] != int64(2600) {
		t.Fatalf("the targets' stored form changed: %v, %v", raw, err)
	}
	// The employers' goal, when set, is one more field.
	if err := rs[1].SetYearTargets(ctx, 2026, store.YearTargets{Contacts: 2600, CitizenSatisfactionShare: 0.9, EmployerSatisfactionShare: 0.85}); err != nil {
		t.Fatal(err)
	}
	if got, err := rs[0].YearTargets(ctx, 2026); err != nil || got.EmployerSatisfactionShare != 0.85 || got.Contacts != 2600 {
		t.Fatalf("targets with the employers' goal %+v, %v", got, err)
	}

	if p, err := rs[0].Publication(ctx, "V1"); err != nil || p != (jobmatch.Publication{}) {
		t.Fatalf("no agreement: %+v, %v", p, err)
	}
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	for i, id := range []string{"V1", "V2"} {
		if err := rs[i].SetPublication(ctx, id, jobmatch.Publication{ShowName: true, Publish: true, By: "k1", UpdatedAt: &at}); err != nil {
			t.Fatal(err)
		}
	}
	published := func(want ...string) {
		t.Helper()
		for _, st := range rs {
			ids, err := st.PublishedVacancyIDs(ctx)
			slices.Sort(ids)
			if err != nil || !slices.Equal(ids, want) {
				t.Fatalf("published %v, want %v (%v)", ids, want, err)
			}
		}
	}
	published("V1", "V2")
	if err := rs[1].SetPublication(ctx, "V1", jobmatch.Publication{ShowName: true, By: "k2", UpdatedAt: &at}); err != nil {
		t.Fatal(err)
	}
	published("V2")
	if p, err := rs[0].Publication(ctx, "V1"); err != nil || p.Publish || !p.ShowName || p.By != "k2" || p.UpdatedAt == nil || !p.UpdatedAt.Equal(at) {
		t.Fatalf("withdrawn agreement %+v, %v", p, err)
	}
}
