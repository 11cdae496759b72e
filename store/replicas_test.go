package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// twoReplicas opens two stores on one database: the first as the test
// harness opens it (embedded, or JOBMATCH_TEST_MONGODB_URI), the second
// connected to the same server and database with its own data directory,
// as a second process would be. Neither's in-process locks protect the
// other's writes.
func twoReplicas(t *testing.T) [2]*store.Store {
	a := storetest.Open(t)
	cfg := storetest.Config(t)
	cfg.MongoDBURI, cfg.Database = a.URI(), a.DB().Name()
	b := storetest.OpenConfig(t, cfg)
	if a.Slot() == b.Slot() {
		t.Fatalf("both replicas in slot %d", a.Slot())
	}
	return [2]*store.Store{a, b}
}

// hammer runs fn from 8 goroutines per replica, each times times.
func hammer(t *testing.T, rs [2]*store.Store, times int, fn func(s *store.Store, r, w, i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	for r, s := range rs {
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < times; i++ {
					if err := fn(s, r, w, i); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
}

// TestReplicasListsCountersVersionsChangeLog is the store's contract for
// several replicas on one database: list positions, counters, versions and
// change-log numbers hold with no atomic conditional update.
func TestReplicasListsCountersVersionsChangeLog(t *testing.T) {
	rs := twoReplicas(t)
	ctx := context.Background()
	const times = 10
	const total = 2 * 8 * times
	hammer(t, rs, times, func(s *store.Store, r, w, i int) error {
		ref := fmt.Sprint(r, "-", w, "-", i)
		if _, err := s.ListAppend(ctx, "l", ref); err != nil {
			return err
		}
		if _, err := s.ListAppendEach(ctx, map[string]string{"x": ref, "y": ref}); err != nil {
			return err
		}
		return s.IncCounters(ctx, "kpi:test", map[string]int64{"Y_n": 1, "M01_n": 2})
	})
	for k, s := range rs {
		for _, name := range []string{"l", "x", "y"} {
			p, err := s.ListPage(ctx, name, 0, 200)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, ref := range p.Refs {
				seen[ref] = true
			}
			if p.Total != total || len(p.Refs) != total || len(seen) != total {
				t.Errorf("replica %d, list %s: total %d, %d refs, %d distinct; want %d", k, name, p.Total, len(p.Refs), len(seen), total)
			}
		}
		c, err := s.Counters(ctx, "kpi:test")
		if err != nil {
			t.Fatal(err)
		}
		if c["Y_n"] != total || c["M01_n"] != 2*total {
			t.Errorf("replica %d: counters %v, want Y_n %d, M01_n %d", k, c, total, 2*total)
		}
	}
	docs, err := rs[0].CounterDocs(ctx, "kpi:")
	if err != nil || docs["kpi:test"]["Y_n"] != total || len(docs) != 1 {
		t.Fatalf("counter docs (shards folded): %v, %v", docs, err)
	}

	// A removal through both replicas at once is counted once.
	hammer(t, rs, 1, func(s *store.Store, r, w, i int) error { return s.ListRemove(ctx, "l", 5) })
	for k, s := range rs {
		if p, err := s.ListPage(ctx, "l", 0, 200); err != nil || p.Total != total-1 || len(p.Refs) != total-1 {
			t.Fatalf("replica %d after one removal: total %d, %d refs, %v", k, p.Total, len(p.Refs), err)
		}
	}

	// Of the writers at one version, through either replica, one wins.
	if err := rs[0].Insert(ctx, store.ColShortlist, bson.D{{Key: "_id", Value: "v1:c1"}, {Key: "version", Value: int64(1)}}); err != nil {
		t.Fatal(err)
	}
	for version := int64(1); version <= 5; version++ {
		var mu sync.Mutex
		wins, stale := 0, 0
		hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
			by := fmt.Sprint(r, w)
			err := s.SetVersioned(ctx, store.ColShortlist, "v1:c1", version,
				bson.D{{Key: "_id", Value: "v1:c1"}, {Key: "version", Value: version + 1}, {Key: "by", Value: by}},
				store.Fields{"version": version + 1, "by": by})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, jobmatch.ErrConflict):
				stale++
			default:
				return err
			}
			return nil
		})
		if wins != 1 || stale != 15 {
			t.Fatalf("version %d: %d writers won, %d were told of the conflict; want 1 and 15", version, wins, stale)
		}
	}

	// Change-log numbers: every candidate written through either replica
	// is logged under its own number, and both replicas see the same end.
	hammer(t, rs, 3, func(s *store.Store, r, w, i int) error {
		c := &jobmatch.Candidate{ExternalRef: fmt.Sprint("R", r, "-", w, "-", i), Name: "Test", PostalCode: "6400"}
		_, err := s.UpsertCandidates(ctx, []*jobmatch.Candidate{c}, time.Now().UTC().Truncate(time.Millisecond))
		return err
	})
	const logged = 2 * 8 * 3
	for k, s := range rs {
		head, err := s.CurrentSeq(ctx, index.SeqName)
		if err != nil || head != logged {
			t.Fatalf("replica %d: change log head %d, %v; want %d", k, head, err, logged)
		}
		ch, err := s.ChangesAfter(ctx, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, c := range ch {
			ids[c.CandidateID] = true
		}
		if len(ch) != logged || len(ids) != logged {
			t.Fatalf("replica %d: %d changes for %d candidates, want %d each", k, len(ch), len(ids), logged)
		}
	}

	// Of the edits of one CV from one version, through either replica, one
	// is saved and the others are refused (a CV's save was last-writer-wins:
	// one consultant's change was silently lost).
	cv := &jobmatch.Candidate{ExternalRef: "ED-R", Name: "Test", PostalCode: "6400"}
	if _, err := rs[0].UpsertCandidates(ctx, []*jobmatch.Candidate{cv}, time.Now().UTC().Truncate(time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	for version := int64(1); version <= 3; version++ {
		var mu sync.Mutex
		wins, stale, winner := 0, 0, ""
		hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
			// Each writer's own text: an edit that changes nothing is no
			// write (and no version), so it would win beside another.
			by := fmt.Sprint("edit ", version, r, w)
			_, err := s.EditCandidate(ctx, cv.ID, version, &jobmatch.Candidate{ExternalRef: "ED-R", Name: "Test", PostalCode: "6400", Summary: by},
				time.Now().UTC().Truncate(time.Millisecond))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins, winner = wins+1, by
			case errors.Is(err, jobmatch.ErrConflict):
				stale++
			default:
				return err
			}
			return nil
		})
		got, err := rs[1].Candidate(ctx, cv.ID)
		if wins != 1 || stale != 15 || err != nil || got.Summary != winner || got.Version != version+1 {
			t.Fatalf("CV edits from version %d: %d saved, %d refused (want 1 and 15); stored %q at version %d, want %q at %d (%v)",
				version, wins, stale, got.Summary, got.Version, winner, version+1, err)
		}
	}

	// An erasure among edits of one CV, through both replicas: once the
	// erasure is done, nothing brings the person back (an edit saved at
	// the same moment wrote the CV back, new, in 16 of 25 tries).
	for round := range 4 {
		ref := fmt.Sprint("ER-", round)
		cv := &jobmatch.Candidate{ExternalRef: ref, Name: "Test", PostalCode: "6400"}
		if _, err := rs[0].UpsertCandidates(ctx, []*jobmatch.Candidate{cv}, time.Now().UTC().Truncate(time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		var erased sync.WaitGroup
		erased.Add(1)
		go func() {
			defer erased.Done()
			if _, err := rs[1].DeleteCandidate(ctx, cv.ID, time.Now().UTC()); err != nil {
				t.Error(err)
			}
		}()
		hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
			_, err := s.EditCandidate(ctx, cv.ID, 1, &jobmatch.Candidate{ExternalRef: ref, Name: "Test", PostalCode: "6400", Summary: fmt.Sprint("edit ", r, w)},
				time.Now().UTC().Truncate(time.Millisecond))
			if err != nil && !errors.Is(err, jobmatch.ErrConflict) && !errors.Is(err, jobmatch.ErrNotFound) {
				return err
			}
			return nil
		})
		erased.Wait()
		if c, err := rs[0].Candidate(ctx, cv.ID); !errors.Is(err, jobmatch.ErrNotFound) {
			t.Fatalf("round %d: the erased CV is back: %+v %v", round, c, err)
		}
		if c, err := rs[1].CandidateByRef(ctx, ref); !errors.Is(err, jobmatch.ErrNotFound) {
			t.Fatalf("round %d: the erased reference is back: %+v %v", round, c, err)
		}
	}

	// A bag (a consultant's open requests): members added through both
	// replicas at once, every other one removed through the replica that did
	// not add it; both list exactly the rest.
	var mu sync.Mutex
	slots := map[string]int64{}
	hammer(t, rs, 10, func(s *store.Store, r, w, i int) error {
		m := fmt.Sprint("m", r, "-", w, "-", i)
		slot, err := s.BagAdd(ctx, "open", m)
		mu.Lock()
		slots[m] = slot
		mu.Unlock()
		return err
	})
	hammer(t, rs, 10, func(s *store.Store, r, w, i int) error {
		if i%2 == 1 {
			return nil
		}
		m := fmt.Sprint("m", 1-r, "-", w, "-", i) // added through the other replica
		mu.Lock()
		slot := slots[m]
		mu.Unlock()
		return s.BagRemove(ctx, "open", slot, m)
	})
	for k, s := range rs {
		got, err := s.BagMembers(ctx, "open")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, m := range got {
			seen[m] = true
		}
		if len(got) != total/2 || len(seen) != total/2 {
			t.Fatalf("replica %d: bag of %d members (%d distinct), want %d", k, len(got), len(seen), total/2)
		}
	}

	// The entity change log: each replica's follower sees every change.
	hammer(t, rs, 2, func(s *store.Store, r, w, i int) error {
		return s.LogChanges(ctx, store.KindCompany, fmt.Sprint(r, w, i))
	})
	for k, s := range rs {
		seen := map[string]int{}
		f := s.NewFollower("test", 0, func(_ context.Context, kind, id string) error {
			seen[kind+":"+id]++
			return nil
		})
		if _, err := f.Once(ctx); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 32 || f.HighWaterMark() != 32 {
			t.Fatalf("replica %d's follower: %d changes to mark %d, want 32", k, len(seen), f.HighWaterMark())
		}
	}
}
