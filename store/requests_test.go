package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Requests filed through two replicas at once each get their own reference
// number and are found in every list a page reads, in their consultant's
// open requests and in the counters; resolving one takes it out of the open
// requests and counts it.
func TestFileAndResolveRequests(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	received := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	var filed []*jobmatch.Request
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &jobmatch.Request{ID: jobmatch.NewID(), CVR: "12345678", ConsultantID: "k1", Topic: jobmatch.TopicVacancy,
				Status: jobmatch.RequestOpen, ReceivedAt: received, Version: 1}
			var v *jobmatch.Vacancy
			if i%2 == 0 {
				v = &jobmatch.Vacancy{ID: jobmatch.NewID(), CVR: r.CVR, ConsultantID: "k1", Title: fmt.Sprintf("Lagermedarbejder %d", i)}
				r.VacancyID = v.ID
			}
			if err := rs[i%2].FileRequest(ctx, r, v, map[string]int64{"requests": 1}, store.Link{}); err != nil {
				t.Error(err)
				return
			}
			if v != nil && v.Reference != r.Reference {
				t.Errorf("vacancy reference %q, request's %q", v.Reference, r.Reference)
			}
			mu.Lock()
			filed = append(filed, r)
			mu.Unlock()
		}()
	}
	wg.Wait()
	refs := map[string]bool{}
	for _, r := range filed {
		if refs[r.Reference] || r.Reference == "" {
			t.Fatalf("reference %q twice or empty", r.Reference)
		}
		refs[r.Reference] = true
	}
	for list, want := range map[string]int{
		store.RequestList(""): 8, store.RequestList("consultant:k1"): 8, store.RequestList("company:12345678"): 8,
		store.VacancyList(""): 4, store.VacancyList("consultant:k1"): 4, store.TimelineList("12345678"): 8,
	} {
		p, err := rs[0].ListPage(ctx, list, 0, 50)
		if err != nil || len(p.Refs) != want {
			t.Errorf("list %s: %d entries, want %d (%v)", list, len(p.Refs), want, err)
		}
	}
	open, err := rs[1].OpenRequestIDs(ctx, "k1")
	if err != nil || len(open) != 8 {
		t.Fatalf("open requests %d, want 8 (%v)", len(open), err)
	}
	var stored jobmatch.Request
	if err := rs[1].Get(ctx, store.ColRequests, filed[0].ID, &stored); err != nil || stored.Reference != filed[0].Reference {
		t.Fatalf("stored request %+v, %v", stored, err)
	}

	at := received.Add(3 * time.Hour)
	if err := rs[1].ResolveRequest(ctx, &stored, store.Resolution{At: at, By: "k1", Resolution: "Kandidater sendt"}, map[string]int64{"requests_resolved": 1}); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].Get(ctx, store.ColRequests, stored.ID, &stored); err != nil || stored.Status != jobmatch.RequestResolved ||
		stored.ResolvedAt == nil || !stored.ResolvedAt.Equal(at) || stored.Version != 2 {
		t.Fatalf("resolved request %+v, %v", stored, err)
	}
	if open, _ = rs[0].OpenRequestIDs(ctx, "k1"); len(open) != 7 {
		t.Fatalf("open requests after one was resolved: %d", len(open))
	}
	y, err := rs[0].CountsOfYear(ctx, 2026)
	if c := y.Period("H1"); err != nil || c["requests"] != 8 || c["requests_resolved"] != 1 {
		t.Fatalf("counters %v, %v", c, err)
	}
}
