package companyindex

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// Scores. Whole-name matches score scoreWholeName; other full hits score
// 1 plus the mean of their token scores (0.5 to 1) plus bonuses, at most
// 2.25; fuzzy hits score below 1.
const (
	scoreWholeName = 3.0
	bonusStart     = 0.05 // the name starts with the first query token
	bonusOptional  = 0.2  // scaled by the share of optional tokens matched
	fuzzyScale     = 0.9
	fuzzyOptional  = 0.05
)

// matchKind is how well a query token matches a name token.
type matchKind uint8

const (
	noMatch matchKind = iota
	fuzzyMatch
	prefixMatch
	exactMatch
)

// qterm is a query token resolved against a snapshot.
type qterm struct {
	queryToken
	lo, hi int32 // ids of the terms that start with text

	// Pass 2 only: the ids of the terms within typo distance, and by term
	// id the distance plus one (0: not within).
	fuzzyIDs  []int32
	fuzzyDist []uint8
}

// nameQuery is a name query resolved against a snapshot.
type nameQuery struct {
	terms    []qterm
	first    int // index in terms of the first required token
	required int
	optional int
	key      string // all tokens joined, for whole-name matches
	reqKey   string // the required tokens joined
	relaxed  bool   // pass 2: accept typos and one missing token
}

// searchName runs a name query in up to two passes: full hits first, and
// only if they do not fill the limit, full and fuzzy hits together.
func (s *snapshot) searchName(toks []queryToken, limit int) []Hit {
	q := s.resolve(toks)
	top := newTopK(s, limit)
	visit := func(ord int32) { s.consider(top, ord, q) }
	if t := s.rarest(q); t != nil {
		s.scanRange(t.lo, t.hi, newBitset(len(s.docs)), visit)
	}
	if len(top.items) == limit || !q.canRelax() {
		return top.hits()
	}

	q.relax(s)
	top.items = top.items[:0]
	seen := newBitset(len(s.docs))
	for _, t := range s.relaxedSources(q) {
		s.scanRange(t.lo, t.hi, seen, visit)
		for _, id := range t.fuzzyIDs {
			if id < t.lo || id >= t.hi {
				s.scanRange(id, id+1, seen, visit)
			}
		}
	}
	return top.hits()
}

// relaxedSources returns the query tokens whose postings hold every pass-2
// hit. A hit matches all required tokens but at most one, so it matches at
// least one of any two: the two with the fewest postings will do.
func (s *snapshot) relaxedSources(q *nameQuery) []*qterm {
	var ts []*qterm
	for i := range q.terms {
		if !q.terms[i].optional {
			ts = append(ts, &q.terms[i])
		}
	}
	slices.SortFunc(ts, func(a, b *qterm) int { return cmp.Compare(s.volume(a), s.volume(b)) })
	return ts[:min(len(ts), 2)]
}

// volume returns the number of postings pass 2 scans for t.
func (s *snapshot) volume(t *qterm) int32 {
	n := s.offsets[t.hi] - s.offsets[t.lo]
	for _, id := range t.fuzzyIDs {
		if id < t.lo || id >= t.hi {
			n += s.offsets[id+1] - s.offsets[id]
		}
	}
	return n
}

// resolve finds the dictionary range of every query token.
func (s *snapshot) resolve(toks []queryToken) *nameQuery {
	q := &nameQuery{terms: make([]qterm, len(toks)), first: -1}
	var all, req []string
	for i, tok := range toks {
		lo, hi := s.prefixRange(tok.text)
		if lo == hi && !tok.optional {
			// "maskinfabrikken", "hotellet", "jensens": the name as a
			// caller says it, definite or genitive, is the name's word.
			for _, stem := range danishStems(tok.text) {
				if l, h := s.prefixRange(stem); l < h {
					tok.text, lo, hi = stem, l, h
					break
				}
			}
		}
		q.terms[i] = qterm{queryToken: tok, lo: int32(lo), hi: int32(hi)}
		all = append(all, tok.text)
		if tok.optional {
			q.optional++
			continue
		}
		if q.first < 0 {
			q.first = i
		}
		q.required++
		req = append(req, tok.text)
	}
	q.key = strings.Join(all, " ")
	q.reqKey = strings.Join(req, " ")
	return q
}

// prefixRange is the range of dictionary terms that begin with text.
func (s *snapshot) prefixRange(text string) (int, int) {
	lo := sort.SearchStrings(s.terms, text)
	hi := lo + sort.Search(len(s.terms)-lo, func(j int) bool {
		return !strings.HasPrefix(s.terms[lo+j], text)
	})
	return lo, hi
}

// danishStems are the words a Danish definite, plural definite or
// genitive form may be of, four letters or more, the longest ending first:
// "maskinfabrikken" → maskinfabrikk, maskinfabrik (a doubled consonant
// before the ending is single in the word); "slagteriet" → slagteri;
// "tømrerne" → tømrer; "jensens" → jensen.
func danishStems(w string) []string {
	var out []string
	for _, suf := range []string{"erne", "ene", "en", "et", "ne", "s"} {
		stem, ok := strings.CutSuffix(w, suf)
		r := []rune(stem)
		if !ok || len(r) < 4 {
			continue
		}
		out = append(out, stem)
		if n := len(r); r[n-1] == r[n-2] && !strings.ContainsRune("aeiouyæøå", r[n-1]) {
			out = append(out, string(r[:n-1]))
		}
	}
	return out
}

// rarest returns the required token whose prefix range has the fewest
// postings, or nil if one of them has none.
func (s *snapshot) rarest(q *nameQuery) *qterm {
	var best *qterm
	bestN := int32(-1)
	for i := range q.terms {
		t := &q.terms[i]
		if t.optional {
			continue
		}
		n := s.offsets[t.hi] - s.offsets[t.lo]
		if n == 0 {
			return nil
		}
		if bestN < 0 || n < bestN {
			best, bestN = t, n
		}
	}
	return best
}

// canRelax reports whether pass 2 could find anything pass 1 did not.
func (q *nameQuery) canRelax() bool {
	if q.required > 1 {
		return true
	}
	for _, t := range q.terms {
		if !t.optional && maxTypos(t.text) > 0 {
			return true
		}
	}
	return false
}

// relax prepares q for pass 2: it looks up the terms within typo distance
// of each long enough required token.
func (q *nameQuery) relax(s *snapshot) {
	q.relaxed = true
	for i := range q.terms {
		t := &q.terms[i]
		if k := maxTypos(t.text); k > 0 && !t.optional {
			t.fuzzyIDs, t.fuzzyDist = fuzzyTerms(s.terms, t.text, k, s.maxTerm)
		}
	}
}

// maxTypos returns how many edits a query token tolerates.
func maxTypos(tok string) int {
	switch {
	case len(tok) >= 8:
		return 2
	case len(tok) >= 4:
		return 1
	}
	return 0
}

// scanRange calls visit once for every document, not yet in seen, that
// has a term with an id in [lo, hi).
func (s *snapshot) scanRange(lo, hi int32, seen bitset, visit func(ord int32)) {
	for _, ord := range s.posts[s.offsets[lo]:s.offsets[hi]] {
		if seen.add(ord) {
			visit(ord)
		}
	}
}

// consider scores document ord and offers it to top.
func (s *snapshot) consider(top *topK, ord int32, q *nameQuery) {
	if score, match, ok := s.score(&s.docs[ord], q); ok {
		top.add(scored{ord: ord, score: score, match: match})
	}
}

// score scores d against q; ok is false when d is not a hit.
func (s *snapshot) score(d *doc, q *nameQuery) (score float64, match string, ok bool) {
	allowedMisses := 0
	if q.relaxed {
		allowedMisses = 1
	}
	var sum, opt float64
	misses, typos := 0, 0
	for i := range q.terms {
		t := &q.terms[i]
		best, kind := s.bestMatch(t, d.terms)
		switch {
		case t.optional:
			if kind >= prefixMatch {
				opt += best
			}
		case kind == noMatch:
			if misses++; misses > allowedMisses {
				return 0, "", false
			}
		case kind == fuzzyMatch:
			typos++
		}
		if !t.optional {
			sum += best
		}
	}
	req := float64(q.required)
	if misses == 0 && typos == 0 {
		if d.key == q.key || d.key == q.reqKey {
			return scoreWholeName, MatchName, true
		}
		score = 1 + sum/req
		if q.optional > 0 {
			score += bonusOptional * opt / float64(q.optional)
		}
		if len(d.terms) > 0 {
			if _, kind := s.match(&q.terms[q.first], d.terms[0]); kind >= prefixMatch {
				score += bonusStart
			}
		}
		return score, MatchName, true
	}
	if misses == q.required {
		return 0, "", false
	}
	score = fuzzyScale * sum / req
	if q.optional > 0 {
		score += fuzzyOptional * opt / float64(q.optional)
	}
	return score, MatchFuzzy, true
}

// bestMatch returns the best match of t among a name's term ids.
func (s *snapshot) bestMatch(t *qterm, ids []int32) (float64, matchKind) {
	best, bestKind := 0.0, noMatch
	for _, id := range ids {
		if sc, kind := s.match(t, id); sc > best {
			best, bestKind = sc, kind
			if kind == exactMatch {
				break
			}
		}
	}
	return best, bestKind
}

// match scores query token t against term id: 1 for the same token, 0.5
// to 0.9 for a prefix (more for a longer share of the token), 0.2 to 0.4
// for a typo-tolerant prefix.
func (s *snapshot) match(t *qterm, id int32) (float64, matchKind) {
	if id >= t.lo && id < t.hi {
		n := len(s.terms[id])
		if n == len(t.text) {
			return 1, exactMatch
		}
		return 0.5 + 0.4*float64(len(t.text))/float64(n), prefixMatch
	}
	if t.fuzzyDist != nil && t.fuzzyDist[id] > 0 {
		d := t.fuzzyDist[id] - 1
		return 0.4 * (1 - float64(d)/float64(len(t.text))), fuzzyMatch
	}
	return 0, noMatch
}

// scored is a candidate hit.
type scored struct {
	ord   int32
	score float64
	match string
}

// topK keeps the best limit candidates, best first.
type topK struct {
	s     *snapshot
	limit int
	items []scored
}

func newTopK(s *snapshot, limit int) *topK {
	return &topK{s: s, limit: limit, items: make([]scored, 0, min(limit, 64))}
}

// better orders hits: higher score, then shorter name, then lower CVR.
func (s *snapshot) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if na, nb := s.docs[a.ord].nameLen, s.docs[b.ord].nameLen; na != nb {
		return na < nb
	}
	return a.ord < b.ord
}

func (t *topK) add(c scored) {
	n := len(t.items)
	if n == t.limit && !t.s.better(c, t.items[n-1]) {
		return
	}
	i := sort.Search(n, func(i int) bool { return t.s.better(c, t.items[i]) })
	if n < t.limit {
		t.items = append(t.items, scored{})
	}
	copy(t.items[i+1:], t.items[i:len(t.items)-1])
	t.items[i] = c
}

func (t *topK) hits() []Hit {
	if len(t.items) == 0 {
		return nil
	}
	hits := make([]Hit, len(t.items))
	for i, c := range t.items {
		hits[i] = t.s.hit(int(c.ord), c.score, c.match)
	}
	return hits
}

// bitset is a set of document ordinals.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// add adds ord and reports whether it was new.
func (b bitset) add(ord int32) bool {
	w, m := ord>>6, uint64(1)<<(ord&63)
	if b[w]&m != 0 {
		return false
	}
	b[w] |= m
	return true
}
