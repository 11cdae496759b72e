package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestGrouperBatchesWhileBusy: writers that arrive while a batch is being
// written are written together in the next batch, each with its own
// result, and the first writer is not held back by them.
func TestGrouperBatchesWhileBusy(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	var batches [][]int
	g := newGrouper(func(ctx context.Context, items []int) []error {
		mu.Lock()
		batches = append(batches, append([]int(nil), items...))
		first := len(batches) == 1
		mu.Unlock()
		if first {
			<-release
		}
		errs := make([]error, len(items))
		for i, it := range items {
			if it%2 == 1 {
				errs[i] = fmt.Errorf("odd %d", it)
			}
		}
		return errs
	})
	ctx := context.Background()
	firstDone := make(chan error)
	go func() { firstDone <- g.do(ctx, 0) }()
	for {
		mu.Lock()
		n := len(batches)
		mu.Unlock()
		if n == 1 {
			break
		}
	}
	const more = 10
	var wg sync.WaitGroup
	results := make([]error, more+1)
	for i := 1; i <= more; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = g.do(ctx, i)
		}(i)
	}
	for {
		g.mu.Lock()
		n := len(g.queue)
		g.mu.Unlock()
		if n == more {
			break
		}
	}
	close(release)
	if err := <-firstDone; err != nil {
		t.Fatalf("first writer: %v", err)
	}
	wg.Wait()
	if len(batches) != 2 || len(batches[0]) != 1 || len(batches[1]) != more {
		t.Fatalf("batches %v; want the first writer alone, then the %d that waited together", batches, more)
	}
	for i := 1; i <= more; i++ {
		if odd := i%2 == 1; odd != (results[i] != nil) {
			t.Errorf("writer %d got %v", i, results[i])
		}
	}
	// Idle again: the next writer writes at once, alone.
	if err := g.do(ctx, 2); err != nil || len(batches) != 3 || len(batches[2]) != 1 {
		t.Fatalf("after the batch: %v, batches %v", err, batches)
	}
}

// TestGrouperSurvivesAPanic: a batch that panics fails its writers with an
// error, and the next writer is written (the grouper is not left busy).
func TestGrouperSurvivesAPanic(t *testing.T) {
	g := newGrouper(func(ctx context.Context, items []int) []error {
		if items[0] < 0 {
			panic("bad item")
		}
		return make([]error, len(items))
	})
	ctx := context.Background()
	if err := g.do(ctx, -1); err == nil {
		t.Fatal("a panicking batch reported success")
	}
	done := make(chan error, 1)
	go func() { done <- g.do(ctx, 1) }()
	if err := <-done; err != nil {
		t.Fatalf("the next write: %v", err)
	}
}
