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
