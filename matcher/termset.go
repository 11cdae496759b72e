package matcher

import (
	"encoding/binary"
	"iter"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// TermSet is a sorted set of distinct terms held as the numbers the
// process's term table (termTable) gives them, in the order of the terms:
// four bytes per term where the terms' text took some twelve (the text and
// its end). The pool holds about 65 terms for each of 150,000 CVs, 2,700
// distinct ones; the terms took 132 MB of heap, the numbers take 40 MB
// (docs/benchmarks.md, "Compact match features"). The zero value is empty.
type TermSet struct {
	ids []uint32 // term numbers, ordered by the terms' text
}

// NewTermSet returns the set of terms (any order, duplicates allowed).
func NewTermSet(terms []string) TermSet {
	if len(terms) == 0 {
		return TermSet{}
	}
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	return TermSet{ids: termNumbers.ids(sorted)}
}

// Len is the number of terms.
func (t TermSet) Len() int { return len(t.ids) }

// At returns term i (0 ≤ i < Len), without allocating.
func (t TermSet) At(i int) string { return termNumbers.text(t.ids[i]) }

// Has reports whether x is in the set (binary search).
func (t TermSet) Has(x string) bool {
	_, ok := t.Index(x)
	return ok
}

// Index returns the place of x in the set's order, if it is in the set.
func (t TermSet) Index(x string) (int, bool) {
	tab := termNumbers.chunks()
	lo, hi := 0, len(t.ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tab.text(t.ids[m]) < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(t.ids) && tab.text(t.ids[lo]) == x
}

// All yields the terms in order.
func (t TermSet) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		tab := termNumbers.chunks()
		for _, id := range t.ids {
			if !yield(tab.text(id)) {
				return
			}
		}
	}
}

// Strings returns the terms as a new slice.
func (t TermSet) Strings() []string { return slices.Collect(t.All()) }

// MarshalBinary writes the count, each term's length and the terms' text
// (the snapshot; the numbers are the process's own and are not written).
func (t TermSet) MarshalBinary() ([]byte, error) {
	tab := termNumbers.chunks()
	n := 0
	for _, id := range t.ids {
		n += len(tab.text(id))
	}
	b := make([]byte, 0, n+2*len(t.ids)+binary.MaxVarintLen32)
	b = binary.AppendUvarint(b, uint64(len(t.ids)))
	for _, id := range t.ids {
		b = binary.AppendUvarint(b, uint64(len(tab.text(id))))
	}
	for _, id := range t.ids {
		b = append(b, tab.text(id)...)
	}
	return b, nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (t *TermSet) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return errCodec
	}
	b = b[k:]
	ends := make([]uint32, n)
	prev := uint64(0)
	for i := range ends {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			return errCodec
		}
		b = b[k:]
		prev += d
		if prev > uint64(len(b)) {
			return errCodec
		}
		ends[i] = uint32(prev)
	}
	if prev != uint64(len(b)) {
		return errCodec
	}
	*t = TermSet{}
	if n > 0 {
		t.ids = termNumbers.idsOfText(b, ends)
	}
	return nil
}

// termNumbers numbers the terms of every TermSet in the process. A number
// is never given back: the table holds each distinct term once (2,700 at
// 150,000 demo CVs), as the pool's document frequencies did before.
var termNumbers termTable

// termTable numbers distinct strings. Numbering takes a lock; reading a
// number's text does not (the chunks are never moved, and a number is only
// read after it was given, through whatever handed over its TermSet).
type termTable struct {
	mu    sync.RWMutex
	num   map[string]uint32
	dir   atomic.Pointer[termChunks]
	count uint32
}

const termChunkBits = 10

// termChunks are the table's chunks of 1,024 terms, in number order.
type termChunks []*[1 << termChunkBits]string

func (c termChunks) text(id uint32) string {
	return c[id>>termChunkBits][id&(1<<termChunkBits-1)]
}

func (tt *termTable) chunks() termChunks {
	if d := tt.dir.Load(); d != nil {
		return *d
	}
	return nil
}

// text returns term number id.
func (tt *termTable) text(id uint32) string { return tt.chunks().text(id) }

// number returns the number of term s, if it has one.
func (tt *termTable) number(s string) (uint32, bool) {
	tt.mu.RLock()
	id, ok := tt.num[s]
	tt.mu.RUnlock()
	return id, ok
}

// ids returns the numbers of the terms, numbering those new to the table.
func (tt *termTable) ids(terms []string) []uint32 {
	out := make([]uint32, len(terms))
	missing := false
	tt.mu.RLock()
	for i, s := range terms {
		id, ok := tt.num[s]
		if !ok {
			missing = true
			break
		}
		out[i] = id
	}
	tt.mu.RUnlock()
	if missing {
		tt.mu.Lock()
		for i, s := range terms {
			out[i] = tt.add(s)
		}
		tt.mu.Unlock()
	}
	return out
}

// idsOfText is ids for terms given as one text and the end of each.
func (tt *termTable) idsOfText(b []byte, ends []uint32) []uint32 {
	out := make([]uint32, len(ends))
	start := uint32(0)
	missing := false
	tt.mu.RLock()
	for i, e := range ends {
		id, ok := tt.num[string(b[start:e])]
		if !ok {
			missing = true
			break
		}
		out[i], start = id, e
	}
	tt.mu.RUnlock()
	if missing {
		start = 0
		tt.mu.Lock()
		for i, e := range ends {
			out[i], start = tt.add(string(b[start:e])), e
		}
		tt.mu.Unlock()
	}
	return out
}

// add returns the number of s, giving it the next one if it has none
// (tt.mu held for writing).
func (tt *termTable) add(s string) uint32 {
	if id, ok := tt.num[s]; ok {
		return id
	}
	if tt.num == nil {
		tt.num = map[string]uint32{}
	}
	id := tt.count
	d := tt.chunks()
	if int(id>>termChunkBits) == len(d) {
		d = append(slices.Clip(d), new([1 << termChunkBits]string))
		tt.dir.Store(&d)
	}
	s = strings.Clone(s) // not the text it was cut from
	d[id>>termChunkBits][id&(1<<termChunkBits-1)] = s
	tt.num[s] = id
	tt.count++
	return id
}
