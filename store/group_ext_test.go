package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"jobmatch"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// TestInsertsTogetherFailAlone: of concurrent inserts written in one
// batch, one whose _id exists fails with a conflict and the others are
// written.
func TestInsertsTogetherFailAlone(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	type doc struct {
		ID string `bson:"_id"`
		N  int    `bson:"n"`
	}
	for i := 0; i < 40; i += 4 {
		if err := s.Insert(ctx, store.ColOutbox, doc{ID: fmt.Sprint("d", i), N: -1}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, 40)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = s.Insert(ctx, store.ColOutbox, doc{ID: fmt.Sprint("d", i), N: i})
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		var got doc
		if gerr := s.Get(ctx, store.ColOutbox, fmt.Sprint("d", i), &got); gerr != nil {
			t.Fatal(gerr)
		}
		if i%4 == 0 {
			if !errors.Is(err, jobmatch.ErrConflict) || got.N != -1 {
				t.Errorf("d%d existed: insert said %v, stored n=%d", i, err, got.N)
			}
		} else if err != nil || got.N != i {
			t.Errorf("d%d: insert said %v, stored n=%d", i, err, got.N)
		}
	}
}

// TestBagAddsTogether: members added to one bag at once (written together,
// several per bucket) are all listed, each remembers the bucket it went
// to, and removing each by its slot empties the bag.
func TestBagAddsTogether(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	const n = 150 // more than two buckets
	slots := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range slots {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			slots[i], errs[i] = s.BagAdd(ctx, "b", fmt.Sprint("m", i))
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	members, err := s.BagMembers(ctx, "b")
	if err != nil || len(members) != n {
		t.Fatalf("%d members, want %d (%v)", len(members), n, err)
	}
	for i, slot := range slots {
		if err := s.BagRemove(ctx, "b", slot, fmt.Sprint("m", i)); err != nil {
			t.Fatal(err)
		}
	}
	if members, err := s.BagMembers(ctx, "b"); err != nil || len(members) != 0 {
		t.Fatalf("after removing each by its slot: %v, %v", members, err)
	}
}
