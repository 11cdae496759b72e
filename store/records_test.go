package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// A request and its vacancy filed through one replica read back by id
// through the other, with the reference number the filing gave them; the
// resolution shows; unknown ids are ErrNotFound.
func TestRequestAndVacancyRecords(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r := &jobmatch.Request{ID: "R1", CVR: "12345678", ConsultantID: "k1", Topic: jobmatch.TopicVacancy, Status: jobmatch.RequestOpen, ReceivedAt: at, Version: 1, VacancyID: "V1"}
	v := &jobmatch.Vacancy{ID: "V1", CVR: r.CVR, ConsultantID: "k1", Title: "Lagermedarbejder", RequestID: "R1"}
	if err := rs[0].FileRequest(ctx, r, v, nil, store.Link{}); err != nil {
		t.Fatal(err)
	}
	got, err := rs[1].Request(ctx, "R1")
	if err != nil || got.Reference == "" || got.Reference != r.Reference || got.VacancyID != "V1" || got.Status != jobmatch.RequestOpen {
		t.Fatalf("request %+v, %v", got, err)
	}
	if gv, err := rs[1].Vacancy(ctx, "V1"); err != nil || gv.Reference != r.Reference || gv.Title != "Lagermedarbejder" || gv.RequestID != "R1" {
		t.Fatalf("vacancy %+v, %v", gv, err)
	}
	if err := rs[1].ResolveRequest(ctx, got, store.Resolution{At: at.Add(time.Hour), By: "k1", Resolution: "Kandidater sendt"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, err = rs[0].Request(ctx, "R1"); err != nil || got.Status != jobmatch.RequestResolved || got.Version != 2 {
		t.Fatalf("resolved request %+v, %v", got, err)
	}
	if _, err := rs[0].Request(ctx, "R2"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown request: %v", err)
	}
	if _, err := rs[0].Vacancy(ctx, "V2"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown vacancy: %v", err)
	}
}
