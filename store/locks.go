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
type stripes [256]sync.Mutex

func (s *stripes) index(col, id string) int {
	h := fnv.New32a()
	h.Write([]byte(col))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(len(s)))
}

func (s *stripes) lock(col, id string) func() {
	m := &s[s.index(col, id)]
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
	for _, i := range idx {
		s[i].Lock()
	}
	return func() {
		for j := len(idx) - 1; j >= 0; j-- {
			s[idx[j]].Unlock()
		}
	}
}
