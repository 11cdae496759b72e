package companyindex

import (
	"slices"
	"sort"
	"strings"
)

// snapshot is an immutable search structure over a set of records.
type snapshot struct {
	docs []doc // sorted by CVR: an ordinal is also the CVR rank

	terms   []string // sorted distinct name tokens; a term id is an index
	offsets []int32  // postings of term t are posts[offsets[t]:offsets[t+1]]
	posts   []int32  // document ordinals, ascending per term
	maxTerm int      // length of the longest term

	// suffixes holds, for every CVR suffix that starts after the first
	// digit, a digit key (see digitKey) in the upper 32 bits and the
	// document ordinal in the lower, sorted.
	suffixes []uint64
}

// doc is one indexed company.
type doc struct {
	entry   Entry
	terms   []int32 // term ids of the name tokens, in name order
	key     string  // the name tokens joined by spaces, for exact matches
	nameLen int
}

var emptySnapshot = build(nil)

// build makes a snapshot of rs; it sorts rs.
func build(rs []*record) *snapshot {
	slices.SortFunc(rs, func(a, b *record) int {
		return strings.Compare(a.entry.CVR, b.entry.CVR)
	})
	s := &snapshot{docs: make([]doc, len(rs))}
	s.buildTerms(rs)
	s.buildSuffixes()
	return s
}

// buildTerms fills the term dictionary, the documents' term ids and the
// posting lists.
func (s *snapshot) buildTerms(rs []*record) {
	ids := make(map[string]int32)
	ntok := 0
	for _, r := range rs {
		for _, t := range r.tokens {
			if _, ok := ids[t]; !ok {
				ids[t] = 0
				s.terms = append(s.terms, t)
				s.maxTerm = max(s.maxTerm, len(t))
			}
		}
		ntok += len(r.tokens)
	}
	slices.Sort(s.terms)
	for i, t := range s.terms {
		ids[t] = int32(i)
	}

	flat := make([]int32, 0, ntok)
	s.offsets = make([]int32, len(s.terms)+1)
	for i, r := range rs {
		start := len(flat)
		for _, t := range r.tokens {
			flat = append(flat, ids[t])
		}
		d := &s.docs[i]
		d.entry = r.entry
		d.terms = flat[start:len(flat):len(flat)]
		d.key = strings.Join(r.tokens, " ")
		d.nameLen = r.nameLen
		for j, id := range d.terms {
			if !slices.Contains(d.terms[:j], id) {
				s.offsets[id+1]++
			}
		}
	}
	for i := 1; i < len(s.offsets); i++ {
		s.offsets[i] += s.offsets[i-1]
	}

	s.posts = make([]int32, s.offsets[len(s.terms)])
	next := slices.Clone(s.offsets[:len(s.terms)])
	for ord := range s.docs {
		d := &s.docs[ord]
		for j, id := range d.terms {
			if !slices.Contains(d.terms[:j], id) {
				s.posts[next[id]] = int32(ord)
				next[id]++
			}
		}
	}
}

// buildSuffixes fills the CVR suffix array.
func (s *snapshot) buildSuffixes() {
	s.suffixes = make([]uint64, 0, 7*len(s.docs))
	for ord := range s.docs {
		cvr := s.docs[ord].entry.CVR
		for p := 1; p < len(cvr); p++ {
			if k, n := digitKey(cvr[p:]); n > 0 {
				s.suffixes = append(s.suffixes, k<<32|uint64(ord))
			}
		}
	}
	sortByKey(s.suffixes)
}

// sortByKey sorts v by the upper 32 bits, with a stable least significant
// digit radix sort a byte at a time: several times faster than a
// comparison sort on the 7 CVR suffixes of each of some 20,000 companies.
func sortByKey(v []uint64) {
	buf := make([]uint64, len(v))
	for shift := 32; shift < 64; shift += 8 {
		var start [257]int
		for _, x := range v {
			start[(x>>shift)&0xff+1]++
		}
		for i := 1; i < len(start); i++ {
			start[i] += start[i-1]
		}
		for _, x := range v {
			b := (x >> shift) & 0xff
			buf[start[b]] = x
			start[b]++
		}
		v, buf = buf, v
	}
}

// maxKeyDigits is the number of digits a digit key holds.
const maxKeyDigits = 7

// digitKey packs the leading digits of s, at most maxKeyDigits, into a
// number that sorts like the digit strings do: digit d is the nibble d+1,
// and missing digits are zero nibbles. It returns how many digits it took.
func digitKey(s string) (key uint64, n int) {
	for n < maxKeyDigits && n < len(s) && s[n] >= '0' && s[n] <= '9' {
		key = key<<4 | uint64(s[n]-'0'+1)
		n++
	}
	return key << (4 * (maxKeyDigits - n)), n
}

// cvrRange returns the ordinals [lo, hi) of the CVRs starting with prefix.
func (s *snapshot) cvrRange(prefix string) (lo, hi int) {
	lo = sort.Search(len(s.docs), func(i int) bool { return s.docs[i].entry.CVR >= prefix })
	hi = lo + sort.Search(len(s.docs)-lo, func(i int) bool {
		return !strings.HasPrefix(s.docs[lo+i].entry.CVR, prefix)
	})
	return lo, hi
}

// searchCVR returns the CVR hits for digits: prefix matches in CVR order,
// then CVRs containing the digits further in, in CVR order.
func (s *snapshot) searchCVR(digits string, limit int) []Hit {
	lo, hi := s.cvrRange(digits)
	n := float64(len(digits)) / 8
	var hits []Hit
	for ord := lo; ord < hi && len(hits) < limit; ord++ {
		score := 2 + n
		if s.docs[ord].entry.CVR == digits {
			score = 3
		}
		hits = append(hits, s.hit(ord, score, MatchCVR))
	}
	if len(hits) == limit || len(digits) > maxKeyDigits {
		return hits
	}
	for _, ord := range s.containing(digits, lo, hi, limit-len(hits)) {
		hits = append(hits, s.hit(int(ord), 1+n, MatchCVR))
	}
	return hits
}

// containing returns the lowest n ordinals, outside [lo, hi), of CVRs that
// have digits (at most maxKeyDigits) after their first digit.
func (s *snapshot) containing(digits string, lo, hi, n int) []int32 {
	k, nd := digitKey(digits)
	from := k << 32
	to := (k + 1<<(4*(maxKeyDigits-nd))) << 32
	i := sort.Search(len(s.suffixes), func(i int) bool { return s.suffixes[i] >= from })
	j := i + sort.Search(len(s.suffixes)-i, func(j int) bool { return s.suffixes[i+j] >= to })
	var ords []int32
	for _, v := range s.suffixes[i:j] {
		if ord := int32(uint32(v)); int(ord) < lo || int(ord) >= hi {
			ords = append(ords, ord)
		}
	}
	slices.Sort(ords)
	ords = slices.Compact(ords)
	return ords[:min(n, len(ords))]
}

func (s *snapshot) hit(ord int, score float64, match string) Hit {
	return Hit{Entry: s.docs[ord].entry, Score: score, Match: match}
}
