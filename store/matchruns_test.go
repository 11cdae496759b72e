package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/store"
)

// Match runs through two replicas: a vacancy's run is listed with the
// vacancy, a candidate's with the candidate; a run stored before the type
// moved to the domain (criteria under their lower-cased names) reads the
// same; retention erases the runs before its cutoff and no others.
func TestMatchRunRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	vr := &jobmatch.MatchRun{ID: "R1", At: now, By: "k1", VacancyID: "V1", Criteria: jobmatch.MatchCriteria{Distance: true, RadiusKm: 30},
		Weights: map[string]float64{"skills": 0.5}, Total: 2, Ranked: []string{"C1", "C2"}}
	cr := &jobmatch.MatchRun{ID: "R2", At: now.AddDate(0, -7, 0), By: "k1", CandidateID: "C1", Total: 1, Ranked: []string{"V1"}}
	if err := rs[0].MatchRunRecorded(ctx, vr); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].MatchRunRecorded(ctx, cr); err != nil {
		t.Fatal(err)
	}
	for list, want := range map[string]string{store.MatchRunList("V1"): "R1", "matchruns:candidate:C1": "R2"} {
		p, err := rs[0].ListPage(ctx, list, 0, 10)
		if err != nil || len(p.Refs) != 1 || p.Refs[0] != want {
			t.Errorf("list %s: %v, %v; want [%s]", list, p.Refs, err, want)
		}
	}
	got, err := rs[1].MatchRun(ctx, "R1")
	if err != nil || !got.Criteria.Distance || got.Criteria.RadiusKm != 30 || len(got.Ranked) != 2 || got.Weights["skills"] != 0.5 {
		t.Fatalf("run read through the other replica: %+v, %v", got, err)
	}
	var raw bson.Raw
	if err := rs[0].Get(ctx, store.ColMatchRuns, "R1", &raw); err != nil {
		t.Fatal(err)
	}
	r, ok := raw.Lookup("criteria", "radiuskm").DoubleOK()
	if d, dok := raw.Lookup("criteria", "distance").BooleanOK(); !ok || r != 30 || !dok || !d {
		t.Fatalf("stored criteria %v: want the fields' lower-cased names", raw.Lookup("criteria"))
	}
	old := bson.D{{Key: "_id", Value: "R0"}, {Key: "at", Value: now.AddDate(-1, 0, 0)}, {Key: "by", Value: "k2"}, {Key: "vacancy_id", Value: "V0"},
		{Key: "criteria", Value: bson.D{{Key: "distance", Value: true}, {Key: "radiuskm", Value: 12.5}, {Key: "licence", Value: true}}},
		{Key: "weights", Value: bson.D{}}, {Key: "total", Value: 0}, {Key: "ranked", Value: bson.A{}}, {Key: "offset", Value: 0}}
	if err := rs[0].Insert(ctx, store.ColMatchRuns, old); err != nil {
		t.Fatal(err)
	}
	if r0, err := rs[1].MatchRun(ctx, "R0"); err != nil || r0.Criteria.RadiusKm != 12.5 || !r0.Criteria.Licence || r0.By != "k2" {
		t.Fatalf("a run in the earlier documents: %+v, %v", r0, err)
	}

	n, err := rs[1].DropMatchRunsBefore(ctx, now.AddDate(0, -6, 0))
	if err != nil || n != 2 {
		t.Fatalf("dropped %d runs, want 2 (R0, R2): %v", n, err)
	}
	for id, want := range map[string]error{"R0": jobmatch.ErrNotFound, "R2": jobmatch.ErrNotFound, "R1": nil} {
		if _, err := rs[0].MatchRun(ctx, id); !errors.Is(err, want) {
			t.Errorf("run %s after retention: %v, want %v", id, err, want)
		}
	}
	if n, err := rs[0].DropMatchRunsBefore(ctx, now.AddDate(0, -6, 0)); err != nil || n != 0 {
		t.Fatalf("a second retention dropped %d, %v", n, err)
	}
}
