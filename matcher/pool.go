package matcher

import (
	"math"
	"sync"
)

// Pool holds the features of every CV in memory, kept in step with the
// index by the syncer, with the document frequency of each term for the
// text component. At 150,000 CVs it takes some 150 MB (docs/benchmarks.md).
type Pool struct {
	mu      sync.RWMutex
	byID    map[string]*Features
	df      []int32          // by term number (termNumbers)
	deleted map[string]int64 // id → sequence of the delete, so a late load does not resurrect it
	// commutes counts CVs per max commute (km), for the longest one.
	commutes map[float64]int
	// byOcc lists the CVs per occupation concept they hold (desired or
	// worked in), for the nearest-with-the-occupation list.
	byOcc map[string]map[string]*Features
	// names are the CVs' names for the result page (which then reads no CV
	// from the store). They sit beside the features, not in them, so the
	// scorer cannot see them.
	names map[string]string
}

// NewPool returns an empty pool.
func NewPool() *Pool {
	return &Pool{byID: map[string]*Features{}, deleted: map[string]int64{}, commutes: map[float64]int{}, byOcc: map[string]map[string]*Features{}, names: map[string]string{}}
}

// Put adds or replaces the features of a CV, unless the pool already has a
// newer version (or a newer delete).
func (p *Pool) Put(f *Features) { p.PutNamed(f, "") }

// PutNamed is Put with the CV's name for display.
func (p *Pool) PutNamed(f *Features, name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if seq, ok := p.deleted[f.ID]; ok && seq >= f.Seq && f.Seq > 0 {
		return
	}
	if old, ok := p.byID[f.ID]; ok {
		if old.Seq > f.Seq && f.Seq > 0 {
			return
		}
		p.forget(old)
	}
	p.byID[f.ID] = f
	if name != "" {
		p.names[f.ID] = name
	}
	for _, id := range f.Terms.ids {
		if int(id) >= len(p.df) {
			p.df = append(p.df, make([]int32, int(id)+1-len(p.df))...)
		}
		p.df[id]++
	}
	p.commutes[f.MaxCommuteKm]++
	for _, o := range f.Occupations {
		if o.URI == "" {
			continue
		}
		set := p.byOcc[o.URI]
		if set == nil {
			set = map[string]*Features{}
			p.byOcc[o.URI] = set
		}
		set[f.ID] = f
	}
}

// Delete removes a CV; seq is the change-log position of the delete.
func (p *Pool) Delete(id string, seq int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.byID[id]; ok {
		p.forget(old)
		delete(p.byID, id)
	}
	delete(p.names, id)
	p.deleted[id] = seq
}

// Get returns the features of a CV.
func (p *Pool) Get(id string) (*Features, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	f, ok := p.byID[id]
	return f, ok
}

// Name returns a CV's name as last put (display only).
func (p *Pool) Name(id string) string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.names[id]
}

// Len is the number of CVs in the pool.
func (p *Pool) Len() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return len(p.byID)
}

// IDF is log(1 + N / (df + 1)): rare words weigh more.
func (p *Pool) IDF(term string) float64 {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return math.Log(1 + float64(len(p.byID))/float64(p.dfOf(term)+1))
}

// dfOf is the number of CVs holding term (p.mu held).
func (p *Pool) dfOf(term string) int32 {
	if id, ok := termNumbers.number(term); ok && int(id) < len(p.df) {
		return p.df[id]
	}
	return 0
}

// Norm is the length of a CV's term vector weighted by IDF, cached on the
// features until the pool has grown or shrunk by more than 5 %.
func (p *Pool) Norm(f *Features) float64 {
	p.mu.RLock()
	defer p.mu.RUnlock()
	n := int64(len(p.byID))
	if at := f.normN.Load(); at > 0 && math.Abs(float64(n-at)) <= 0.05*float64(at) {
		return math.Float64frombits(f.norm.Load())
	}
	sum := 0.0
	for _, id := range f.Terms.ids {
		w := math.Log(1 + float64(n)/float64(p.df[id]+1))
		sum += w * w
	}
	v := math.Sqrt(sum)
	f.norm.Store(math.Float64bits(v))
	f.normN.Store(max(n, 1))
	return v
}

// Snapshot returns every CV's features (the exhaustive scan).
func (p *Pool) Snapshot() []*Features {
	p.mu.RLock()
	defer p.mu.RUnlock()
	out := make([]*Features, 0, len(p.byID))
	for _, f := range p.byID {
		out = append(out, f)
	}
	return out
}

func (p *Pool) forget(f *Features) {
	for _, id := range f.Terms.ids {
		p.df[id]--
	}
	if p.commutes[f.MaxCommuteKm]--; p.commutes[f.MaxCommuteKm] <= 0 {
		delete(p.commutes, f.MaxCommuteKm)
	}
	for _, o := range f.Occupations {
		if set := p.byOcc[o.URI]; set != nil {
			delete(set, f.ID)
			if len(set) == 0 {
				delete(p.byOcc, o.URI)
			}
		}
	}
}

// WithOccupations returns the CVs holding any of the occupation concepts.
func (p *Pool) WithOccupations(uris []string) []*Features {
	p.mu.RLock()
	defer p.mu.RUnlock()
	n := 0
	for _, u := range uris {
		n += len(p.byOcc[u])
	}
	out := make([]*Features, 0, n)
	seen := make(map[string]bool, n)
	for _, u := range uris {
		for id, f := range p.byOcc[u] {
			if !seen[id] {
				seen[id] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// MaxCommuteKm is the longest max commute of any CV (a CV without one
// counts as the default 30 km).
func (p *Pool) MaxCommuteKm() float64 {
	p.mu.RLock()
	defer p.mu.RUnlock()
	m := 0.0
	for c := range p.commutes {
		if c <= 0 {
			c = defaultCommuteKm
		}
		m = max(m, c)
	}
	return m
}
