package index

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// Batches are applied without waiting for their segment to reach the disk
// (scorch's unsafe_batch). A sync pass that waited for each batch's
// persistence did little else: importing 30,000 CVs took 41 s with the
// waits and 27 s without, on the same CPU (docs/benchmarks.md).
//
// Nothing is lost by not waiting. The index follows the store's change
// log, which keeps every entry, and the high-water mark and the unsettled
// numbers are written in the same batch as the documents, so a snapshot
// on disk is always a consistent prefix of the log: after kill -9 the
// index opens at the mark it persisted and the sync applies the rest
// again. What must be on disk before it is used waits for it explicitly
// (flush): a rebuilt index before it is made current, and every index
// before it is closed.

// runtimeConfig opens an index with batches that do not wait for disk. A
// new map each time: bleve writes the index's path into the one it gets.
func runtimeConfig() map[string]any { return map[string]any{"unsafe_batch": true} }

const keyFlush = "flush"

var flushes atomic.Int64

// flushWait bounds how long Close waits for the last batches to reach the
// disk; what is not there yet is applied again from the log at the next
// start.
const flushWait = 30 * time.Second

// flush waits until every batch applied to b so far is on disk: it applies
// one more (a marker) and waits for its persistence, which includes all
// earlier ones.
func flush(b bleve.Index, wait time.Duration) error {
	done := make(chan error, 1)
	batch := b.NewBatch()
	batch.SetInternal([]byte(keyFlush), []byte(strconv.FormatInt(flushes.Add(1), 10)))
	batch.SetPersistedCallback(func(err error) {
		select {
		case done <- err:
		default:
		}
	})
	if err := b.Batch(batch); err != nil {
		return fmt.Errorf("index: flush: %w", err)
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("index: flush: %w", err)
		}
		return nil
	case <-time.After(wait):
		return fmt.Errorf("index: flush: not on disk after %v", wait)
	}
}
