package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestNoNestedStripeOnTheReplicaList: Apply and SetAdd hold their
// document's striped lock while they look up whether other replicas run
// (the list of replica slots). A striped lock is not reentrant and 256
// stripes are shared by all documents, so that lookup must not take the
// list's lock: for a document on the same stripe it deadlocked (the demo's
// year of events hung in CI).
func TestNoNestedStripeOnTheReplicaList(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	target := s.docLocks.index(ColCounters, "list:"+replicasList)
	find := func(col string) string {
		for i := 0; ; i++ {
			if id := fmt.Sprint("doc", i); s.docLocks.index(col, id) == target {
				return id
			}
		}
	}
	applyID, setName := find(ColRequests), find(ColSets)
	if err := s.InsertFields(ctx, ColRequests, applyID, Fields{"n": 1}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { done <- s.Apply(ctx, ColRequests, applyID, Change{Set: Fields{"n": 2}}) }()
	go func() { done <- s.SetAdd(ctx, setName, "m") }()
	for range 2 {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a write on the replica list's stripe never returned (a nested striped lock)")
		}
	}
}

// TestLocksOfTwoCollectionsNest: a consent answer's lock held while an
// interview of the entry is cancelled (the citizen said no) took the
// interview's lock on the same stripe one time in 256, and the answer
// never returned (TestConsentByLink hung in CI). Each collection's
// stripes are its own.
func TestLocksOfTwoCollectionsNest(t *testing.T) {
	s, err := Open(context.Background(), Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	held := "answer:entry-1"
	target := s.appLocks.index(ColConsentRequests, held)
	var iv string
	for i := 0; ; i++ {
		if iv = fmt.Sprint("interview-", i); s.appLocks.index(ColInterviews, iv) == target {
			break
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		unlock := s.Lock(ColConsentRequests, held)
		defer unlock()
		s.Lock(ColInterviews, iv)()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("a lock of another collection on the same stripe never returned")
	}
}
