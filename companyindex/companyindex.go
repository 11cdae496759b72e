package companyindex

import (
	"cmp"
	"sync"
	"unicode/utf8"
)

// Entry is one company as the hotline sees it.
type Entry struct {
	CVR         string // 8 digits
	Name        string
	PostalCode  string
	City        string
	ContactID   string // the staff user id of the contact consultant
	ContactName string
}

// Hit is one search result.
type Hit struct {
	Entry
	Score float64
	// Match tells how the entry matched: "cvr", "name" (every query token
	// is a name token or a prefix of one) or "fuzzy" (typos or a missing
	// token tolerated).
	Match string
}

// Match kinds reported in Hit.Match.
const (
	MatchCVR   = "cvr"
	MatchName  = "name"
	MatchFuzzy = "fuzzy"
)

// DefaultLimit is the number of hits Search returns when its limit is not
// positive.
const DefaultLimit = 10

// Index is an in-memory company index. It is safe for concurrent use. The
// zero value is an empty index ready to use.
type Index struct {
	mu      sync.RWMutex
	records map[string]*record // by CVR
	version uint64             // bumped by every change to records
	snap    *snapshot          // search structures, built from records; nil: empty
	built   uint64             // the version snap was built from

	// buildMu makes concurrent Searches that find the snapshot stale
	// build it once rather than each on their own.
	buildMu sync.Mutex
}

// record is an entry with its name analysed once, at Put time.
type record struct {
	entry   Entry
	tokens  []string // normalised name tokens, legal forms left out
	nameLen int      // in runes
}

func newRecord(e Entry) *record {
	e.CVR = normalizeCVR(e.CVR)
	return &record{
		entry:   e,
		tokens:  nameTokens(e.Name),
		nameLen: utf8.RuneCountInString(e.Name),
	}
}

// New returns an empty index.
func New() *Index {
	return &Index{records: make(map[string]*record)}
}

// Put inserts e, or replaces the entry with the same CVR. Spaces in the CVR
// are removed; an entry without a CVR is ignored.
func (ix *Index) Put(e Entry) {
	r := newRecord(e)
	if r.entry.CVR == "" {
		return
	}
	ix.mu.Lock()
	ix.put(r)
	ix.mu.Unlock()
}

// PutAll inserts or replaces all of es under one lock; it is the way to
// load the index. Entries without a CVR are ignored; of entries with the
// same CVR the last one wins.
func (ix *Index) PutAll(es []Entry) {
	rs := make([]*record, 0, len(es))
	for _, e := range es {
		if r := newRecord(e); r.entry.CVR != "" {
			rs = append(rs, r)
		}
	}
	ix.mu.Lock()
	for _, r := range rs {
		ix.put(r)
	}
	ix.mu.Unlock()
}

// put stores r; ix.mu must be held for writing.
func (ix *Index) put(r *record) {
	if ix.records == nil {
		ix.records = make(map[string]*record)
	}
	if old, ok := ix.records[r.entry.CVR]; ok && old.entry == r.entry {
		return
	}
	ix.records[r.entry.CVR] = r
	ix.version++
}

// Delete removes the entry with the given CVR, if there is one.
func (ix *Index) Delete(cvr string) {
	cvr = normalizeCVR(cvr)
	ix.mu.Lock()
	if _, ok := ix.records[cvr]; ok {
		delete(ix.records, cvr)
		ix.version++
	}
	ix.mu.Unlock()
}

// Get returns the entry with the given CVR.
func (ix *Index) Get(cvr string) (Entry, bool) {
	cvr = normalizeCVR(cvr)
	ix.mu.RLock()
	r, ok := ix.records[cvr]
	ix.mu.RUnlock()
	if !ok {
		return Entry{}, false
	}
	return r.entry, true
}

// Len returns the number of entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.records)
}

// Search returns up to limit hits for q, best first; limit <= 0 means
// DefaultLimit. A query of digits (spaces and a leading "DK" allowed) looks
// up CVR numbers, anything else names; see the package comment. An empty
// query finds nothing.
func (ix *Index) Search(q string, limit int) []Hit {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if digits, ok := cvrQuery(q); ok {
		return ix.current().searchCVR(digits, limit)
	}
	toks := parseQuery(q)
	if len(toks) == 0 {
		return nil
	}
	return ix.current().searchName(toks, limit)
}

// current returns a snapshot that reflects every change made before the
// call, building one if the last is stale. The build runs without holding
// ix.mu, so Put, Delete and Get go on meanwhile.
func (ix *Index) current() *snapshot {
	ix.mu.RLock()
	s, fresh := ix.snap, ix.built == ix.version
	ix.mu.RUnlock()
	if fresh {
		return cmp.Or(s, emptySnapshot)
	}

	ix.buildMu.Lock()
	defer ix.buildMu.Unlock()
	ix.mu.RLock()
	if ix.built == ix.version {
		s := ix.snap
		ix.mu.RUnlock()
		return cmp.Or(s, emptySnapshot)
	}
	v := ix.version
	rs := make([]*record, 0, len(ix.records))
	for _, r := range ix.records {
		rs = append(rs, r)
	}
	ix.mu.RUnlock()

	s = build(rs)
	ix.mu.Lock()
	if v > ix.built {
		ix.snap, ix.built = s, v
	}
	ix.mu.Unlock()
	return s
}
