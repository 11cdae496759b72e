package store_test

import (
	"context"
	"sync"
	"testing"

	"jobmatch"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// Two replicas started at the same moment on an empty database both start,
// with each index made once. Both listed the indexes, found none and
// created them; creating an index that exists crashes FerretDB 1.24's
// connection, so one of the two died with "create indexes on contacts:
// … incomplete read of message header: EOF" every time.
func TestReplicasStartTogetherOnAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	srv := storetest.Open(t)
	for round := 0; round < 3; round++ {
		name := "jobmatch_start_" + jobmatch.NewID()
		var wg sync.WaitGroup
		var stores [2]*store.Store
		var errs [2]error
		for i := range stores {
			cfg := storetest.Config(t)
			cfg.MongoDBURI, cfg.Database = srv.URI(), name
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = store.Open(ctx, cfg)
			}()
		}
		wg.Wait()
		for i := range stores {
			if errs[i] != nil {
				t.Errorf("round %d: replica %d did not start: %v", round, i, errs[i])
			}
		}
		t.Cleanup(func() {
			for _, s := range stores {
				if s != nil {
					_ = s.Close(context.Background())
				}
			}
			_ = srv.DB().Client().Database(name).Drop(context.Background())
		})
		if t.Failed() {
			return
		}
		specs, err := stores[0].DB().Collection(store.ColContacts).Indexes().ListSpecifications(ctx)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, sp := range specs {
			seen[sp.Name]++
		}
		for _, want := range []string{"cvr_1", "period.half_1"} {
			if seen[want] != 1 {
				t.Errorf("round %d: index %s on contacts %d times, want once (have %v)", round, want, seen[want], seen)
			}
		}
	}
}
