package store

import (
	"context"
	"fmt"
	"sync"
)

// A grouper commits concurrent writers' writes of one kind together: the
// first writer to arrive while none is being written writes its own at
// once; writers arriving while that write runs queue up, and when it ends
// the first of them writes the whole queue in one batch (one InsertMany,
// one $inc per document) for all of them. Each writer returns only when
// its own write is acknowledged, with its own result, so nothing is
// acknowledged earlier than before; under load, FerretDB's per-command
// cost (a transaction, BSON to SQLite's JSON and back) is paid once per
// batch instead of once per writer. Alone, a writer waits for nobody.
//
// A batch is written by one goroutine at a time, so the writes of one
// grouper are also serialised within the process (counters rely on it).
// The batch runs without the leader's cancellation: the others' writes
// must not fail because the leader's client went away.
type grouper[T any] struct {
	run func(ctx context.Context, items []T) []error // one error per item

	mu    sync.Mutex
	queue []*groupCall[T]
	busy  bool
}

type groupCall[T any] struct {
	item T
	err  error
	done chan struct{} // closed when item is written (or failed)
	lead chan struct{} // closed when this call is to write the queue
}

func newGrouper[T any](run func(ctx context.Context, items []T) []error) *grouper[T] {
	return &grouper[T]{run: run}
}

// runSafe runs a batch; a panic in it fails the batch's writes instead of
// leaving the grouper busy for ever (every later writer would wait).
func (g *grouper[T]) runSafe(ctx context.Context, items []T) (errs []error) {
	defer func() {
		if r := recover(); r != nil {
			err := fmt.Errorf("store: batch of %d writes: panic: %v", len(items), r)
			errs = make([]error, len(items))
			for i := range errs {
				errs[i] = err
			}
		}
	}()
	return g.run(ctx, items)
}

// do writes item, alone or with others', and returns its result.
func (g *grouper[T]) do(ctx context.Context, item T) error {
	c := &groupCall[T]{item: item, done: make(chan struct{}), lead: make(chan struct{})}
	g.mu.Lock()
	g.queue = append(g.queue, c)
	if g.busy {
		g.mu.Unlock()
		select {
		case <-c.done:
			return c.err
		case <-c.lead: // the previous batch ended: write the queue
		}
	} else {
		g.busy = true
		g.mu.Unlock()
	}
	g.mu.Lock()
	batch := g.queue
	g.queue = nil
	g.mu.Unlock()
	items := make([]T, len(batch))
	for i, b := range batch {
		items[i] = b.item
	}
	errs := g.runSafe(context.WithoutCancel(ctx), items)
	for i, b := range batch {
		if i < len(errs) {
			b.err = errs[i]
		}
		if b != c {
			close(b.done)
		}
	}
	// Hand the queue that built up meanwhile to its first writer, so this
	// one returns at once.
	g.mu.Lock()
	if len(g.queue) == 0 {
		g.busy = false
	} else {
		close(g.queue[0].lead)
	}
	g.mu.Unlock()
	return c.err
}
