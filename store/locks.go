package store

import (
	"hash/fnv"
	"sort"
	"sync"
)

// FerretDB 1.24 applies an update by reading the document, changing it in Go
// and writing it back, without holding a lock across the two. Two concurrent
// $inc on one counter can therefore return the same value, and two $addToSet
// on one set can lose a member (measured: duplicate list positions at 16
// concurrent writers). MongoDB applies them atomically.
//
// The store therefore serialises every read-modify-write of one document
// inside the process with striped locks keyed by collection and _id. On the
// embedded backend this process is the only writer, so that restores the
// atomicity MongoDB gives; with an external MongoDB the lock costs little.
// Across replicas, what must happen once is claimed by a unique insert
// instead (once.go, docs.go; docs/design.md).
//
// Each collection has stripes of its own: a caller that holds one document's
// lock and takes another of another collection (a consent answer's, then
// an interview's to cancel it) cannot meet its own first lock again by a
// shared stripe; with 256 stripes shared by all, one run in 256 deadlocked
// (TestConsentByLink hung in CI).
type stripes struct {
	mu    sync.Mutex
	byCol map[string]*[stripeCount]sync.Mutex
}

const stripeCount = 256

// of returns col's stripes, made on first use.
func (s *stripes) of(col string) *[stripeCount]sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byCol == nil {
		s.byCol = map[string]*[stripeCount]sync.Mutex{}
	}
	a := s.byCol[col]
	if a == nil {
		a = new([stripeCount]sync.Mutex)
		s.byCol[col] = a
	}
	return a
}

// index is id's stripe among col's.
func (s *stripes) index(col, id string) int {
	h := fnv.New32a()
	h.Write([]byte(col))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return int(h.Sum32() % stripeCount)
}

func (s *stripes) lock(col, id string) func() {
	m := &s.of(col)[s.index(col, id)]
	m.Lock()
	return m.Unlock
}

// lockMany locks the stripes of several documents in stripe order (each
// stripe once), so two callers with overlapping sets cannot deadlock.
func (s *stripes) lockMany(col string, ids []string) func() {
	idx := make([]int, 0, len(ids))
	seen := map[int]bool{}
	for _, id := range ids {
		if i := s.index(col, id); !seen[i] {
			seen[i] = true
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	a := s.of(col)
	for _, i := range idx {
		a[i].Lock()
	}
	return func() {
		for j := len(idx) - 1; j >= 0; j-- {
			a[idx[j]].Unlock()
		}
	}
}
