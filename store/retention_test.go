package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Retention through two replicas at once keeps one anonymous record of an
// entry, on no shortlist; a consent is recorded, replaced when withdrawn
// and dropped.
func TestRetentionRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for i, st := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			anon := &jobmatch.ShortlistEntry{ID: "anon:" + jobmatch.NewID(), VacancyID: "V1", Stage: jobmatch.StageHired, Groups: []string{"over_50"},
				Steps: []jobmatch.Step{{To: jobmatch.StageHired, At: now}}, Version: 1}
			for range 2 {
				if err := st.KeepAnonymous(ctx, "V1:C1", anon); err != nil {
					t.Errorf("replica %d: %v", i, err)
				}
			}
		}()
	}
	wg.Wait()
	var kept []*jobmatch.ShortlistEntry
	if err := rs[1].EachShortlistEntry(ctx, func(e *jobmatch.ShortlistEntry) error {
		kept = append(kept, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || kept[0].VacancyID != "V1" || kept[0].CandidateID != "" || len(kept[0].Groups) != 1 {
		t.Fatalf("anonymous records %+v, want one", kept)
	}
	if ids, _ := rs[0].ShortlistIDs(ctx, "V1"); len(ids) != 0 {
		t.Fatalf("an anonymous record on the shortlist: %v", ids)
	}

	c := &jobmatch.Consent{ID: "C1:V1", CandidateID: "C1", VacancyID: "V1", CVR: "12345678", Channel: "digital", By: "citizen", GivenAt: now,
		Shown: &jobmatch.ConsentShown{Title: "Lagermedarbejder", Fields: []string{"skills"}, RequestID: "h1"}}
	if err := rs[0].ConsentRecorded(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := rs[1].Consent(ctx, "C1:V1")
	if err != nil || !got.Active() || got.Shown == nil || got.Shown.RequestID != "h1" {
		t.Fatalf("consent %+v, %v", got, err)
	}
	w := now.Add(time.Hour)
	got.WithdrawnAt = &w
	if err := rs[1].ConsentRecorded(ctx, got); err != nil {
		t.Fatal(err)
	}
	if got, err = rs[0].Consent(ctx, "C1:V1"); err != nil || got.Active() {
		t.Fatalf("withdrawn consent %+v, %v", got, err)
	}
	for range 2 {
		if err := rs[0].DropConsent(ctx, "C1:V1"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rs[1].Consent(ctx, "C1:V1"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("dropped consent read: %v", err)
	}
}

// What happens once, whichever replica gets there first: a consent link's
// reminder and a job order's first presentation, each claimed by exactly
// one of sixteen writers on two replicas, separately per link, vacancy and
// kind.
func TestClaimsOnce(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	won := map[string]int{}
	hammer(t, rs, 2, func(s *store.Store, r, w, i int) error {
		claims := map[string]func() (bool, error){
			"remind h1":    func() (bool, error) { return s.ClaimConsentReminder(ctx, "h1", now) },
			"remind h2":    func() (bool, error) { return s.ClaimConsentReminder(ctx, "h2", now) },
			"presented V1": func() (bool, error) { return s.ClaimJobOrderFirst(ctx, "presented", "V1", now) },
			"hired V1":     func() (bool, error) { return s.ClaimJobOrderFirst(ctx, "hired", "V1", now) },
			"presented V2": func() (bool, error) { return s.ClaimJobOrderFirst(ctx, "presented", "V2", now) },
		}
		for what, claim := range claims {
			first, err := claim()
			if err != nil {
				return err
			}
			if first {
				mu.Lock()
				won[what]++
				mu.Unlock()
			}
		}
		return nil
	})
	if len(won) != 5 {
		t.Fatalf("claims won %v, want each of 5 once", won)
	}
	for what, n := range won {
		if n != 1 {
			t.Errorf("%s claimed %d times", what, n)
		}
	}
}
