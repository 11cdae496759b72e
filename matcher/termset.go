package matcher

import (
	"encoding/binary"
	"iter"
	"slices"
	"strings"
)

// TermSet is a sorted set of distinct strings packed into one string with
// the end of each: two pointers for the garbage collector to follow where a
// []string has one per term, and four bytes per term where a []string has
// sixteen. The pool holds a few hundred terms for each of 150,000 CVs; the
// heap after the match benchmark went from 566 to about 540 MiB
// (docs/benchmarks.md, "After: filters without scoring, CVs from the index,
// packed terms"). The zero value is empty.
type TermSet struct {
	s   string   // the terms in order, concatenated
	end []uint32 // end[i]: where term i ends in s
}

// NewTermSet returns the set of terms (any order, duplicates allowed).
func NewTermSet(terms []string) TermSet {
	if len(terms) == 0 {
		return TermSet{}
	}
	sorted := slices.Clone(terms)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var b strings.Builder
	n := 0
	for _, t := range sorted {
		n += len(t)
	}
	b.Grow(n)
	end := make([]uint32, len(sorted))
	for i, t := range sorted {
		b.WriteString(t)
		end[i] = uint32(b.Len())
	}
	return TermSet{s: b.String(), end: end}
}

// Len is the number of terms.
func (t TermSet) Len() int { return len(t.end) }

// At returns term i (0 ≤ i < Len), without allocating.
func (t TermSet) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.end[i-1]
	}
	return t.s[start:t.end[i]]
}

// Has reports whether x is in the set (binary search).
func (t TermSet) Has(x string) bool {
	lo, hi := 0, len(t.end)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.At(m) < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t.end) && t.At(lo) == x
}

// All yields the terms in order.
func (t TermSet) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range t.end {
			if !yield(t.At(i)) {
				return
			}
		}
	}
}

// Strings returns the terms as a new slice.
func (t TermSet) Strings() []string { return slices.Collect(t.All()) }

// MarshalBinary writes the count, each end and the text (the snapshot).
func (t TermSet) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, len(t.s)+2*len(t.end)+binary.MaxVarintLen32)
	b = binary.AppendUvarint(b, uint64(len(t.end)))
	prev := uint32(0)
	for _, e := range t.end {
		b = binary.AppendUvarint(b, uint64(e-prev))
		prev = e
	}
	return append(b, t.s...), nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (t *TermSet) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return errCodec
	}
	b = b[k:]
	end := make([]uint32, n)
	prev := uint64(0)
	for i := range end {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			return errCodec
		}
		b = b[k:]
		prev += d
		end[i] = uint32(prev)
	}
	if prev != uint64(len(b)) {
		return errCodec
	}
	*t = TermSet{s: string(b), end: end}
	if n == 0 {
		*t = TermSet{}
	}
	return nil
}
