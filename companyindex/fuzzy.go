package companyindex

import (
	"sort"
	"strings"
)

// fuzzyTerms finds the sorted terms that have a prefix within maxDist edits
// of q. It returns their ids, ascending, and a slice indexed by term id
// holding the smallest such distance plus one (0 for the other terms). Edits are
// insertions, deletions, substitutions and transpositions of adjacent
// bytes (optimal string alignment). maxLen is the length of the longest
// term.
//
// The sorted terms are walked as a trie: terms sharing a prefix with the
// previous one reuse its distance rows, and once no cell of a row is within
// maxDist, no longer prefix can be either (row minima never decrease), so
// the whole block of terms with that prefix is settled at once by binary
// search.
func fuzzyTerms(terms []string, q string, maxDist, maxLen int) (ids []int32, dist []uint8) {
	dist = make([]uint8, len(terms))
	found := func(id, d int) {
		ids = append(ids, int32(id))
		dist[id] = uint8(d + 1)
	}
	w := len(q) + 1
	rows := make([]int, (maxLen+1)*w) // row d: distances after d term bytes
	for j := range w {
		rows[j] = j
	}
	best := make([]int, maxLen+1) // best[d]: least distance of q to a prefix of length <= d
	best[0] = len(q)
	depth := 0 // rows 0..depth are valid for terms[i][:depth]
	path := ""

	for i := 0; i < len(terms); {
		t := terms[i]
		depth = min(depth, commonPrefixLen(path, t))
		path = t
		settled := false
		for ; depth < len(t); depth++ {
			lowest := nextRow(rows, w, depth, t, q)
			best[depth+1] = min(best[depth], rows[(depth+1)*w+len(q)])
			if lowest > maxDist {
				// Every term starting with t[:depth+1] is settled.
				prefix := t[:depth+1]
				j := i + 1 + sort.Search(len(terms)-i-1, func(k int) bool {
					return !strings.HasPrefix(terms[i+1+k], prefix)
				})
				if d := best[depth+1]; d <= maxDist {
					for id := i; id < j; id++ {
						found(id, d)
					}
				}
				depth++
				i, settled = j, true
				break
			}
		}
		if !settled {
			if d := best[len(t)]; d <= maxDist {
				found(i, d)
			}
			i++
		}
	}
	return ids, dist
}

// nextRow computes distance row d+1 (after the term byte t[d]) from rows d
// and d-1 and returns its smallest cell.
func nextRow(rows []int, w, d int, t, q string) int {
	prev := rows[d*w : (d+1)*w]
	cur := rows[(d+1)*w : (d+2)*w]
	c := t[d]
	cur[0] = d + 1
	lowest := cur[0]
	for j := 1; j < w; j++ {
		cost := 1
		if q[j-1] == c {
			cost = 0
		}
		v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		if d > 0 && j > 1 && c == q[j-2] && t[d-1] == q[j-1] {
			v = min(v, rows[(d-1)*w+j-2]+1)
		}
		cur[j] = v
		lowest = min(lowest, v)
	}
	return lowest
}

func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
