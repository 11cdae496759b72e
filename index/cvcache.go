package index

import (
	"container/list"
	"sync"

	"jobmatch"
)

// CVCache keeps the CVs that searches show most recently, so a page of hits
// need not read every CV back from the store (on the embedded backend a
// CV read by _id costs more than the search that found it: 25 reads were
// a third of a search's CPU at 150,000 CVs).
//
// It is as fresh as the index it sits beside: the syncer evicts every CV
// whose change it applies (Evict, from its OnApply), whichever replica
// wrote it, and the writer on this replica evicts at once. A read that
// raced with an eviction is not kept (Put is given the generation from
// before the read), so a stale CV never enters after its change passed.
// Between a write on another replica and this replica's next sync pass
// (every 250 ms), a search shows the CV as this replica's index knows it
// — the same window in which the index still ranks it by its old words.
type CVCache struct {
	mu  sync.Mutex
	max int
	gen uint64
	ll  *list.List // front: most recently used
	m   map[string]*list.Element
}

// NewCVCache returns a cache of at most max CVs (max ≤ 0: a cache that
// keeps nothing).
func NewCVCache(max int) *CVCache {
	return &CVCache{max: max, ll: list.New(), m: map[string]*list.Element{}}
}

// Gen returns the current generation: take it before reading CVs from
// the store, and hand it to Put.
func (c *CVCache) Gen() uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Get returns a copy of the cached CV (callers may set its fields).
func (c *CVCache) Get(id string) (*jobmatch.Candidate, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	cp := *e.Value.(*jobmatch.Candidate)
	return &cp, true
}

// Put keeps CVs read from the store when no eviction happened since gen
// (the generation taken before the read): otherwise one of them may be
// older than a change already applied.
func (c *CVCache) Put(gen uint64, cs ...*jobmatch.Candidate) {
	if c == nil || c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	for _, cand := range cs {
		if cand == nil {
			continue
		}
		cp := *cand
		if e, ok := c.m[cand.ID]; ok {
			e.Value = &cp
			c.ll.MoveToFront(e)
			continue
		}
		c.m[cand.ID] = c.ll.PushFront(&cp)
		for c.ll.Len() > c.max {
			last := c.ll.Back()
			c.ll.Remove(last)
			delete(c.m, last.Value.(*jobmatch.Candidate).ID)
		}
	}
}

// Evict drops the CVs with these ids and starts a new generation, so
// reads begun before it are not kept.
func (c *CVCache) Evict(ids ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for _, id := range ids {
		if e, ok := c.m[id]; ok {
			c.ll.Remove(e)
			delete(c.m, id)
		}
	}
}

// Len returns the number of cached CVs.
func (c *CVCache) Len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}
