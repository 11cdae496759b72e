package index

import (
	"testing"

	"jobmatch"
)

func TestCVCache(t *testing.T) {
	c := NewCVCache(3)
	cv := func(id, name string) *jobmatch.Candidate { return &jobmatch.Candidate{ID: id, Name: name} }

	// A read that began before an eviction is not kept: it may be older
	// than the change the eviction stood for.
	gen := c.Gen()
	c.Evict("a")
	c.Put(gen, cv("a", "old"))
	if _, ok := c.Get("a"); ok {
		t.Fatal("kept a CV read before an eviction")
	}
	gen = c.Gen()
	c.Put(gen, cv("a", "new"), nil)
	got, ok := c.Get("a")
	if !ok || got.Name != "new" {
		t.Fatalf("Get(a) = %v, %v; want the CV put after the eviction", got, ok)
	}
	// What Get returns is the caller's own.
	got.Name = "changed by a caller"
	if again, _ := c.Get("a"); again.Name != "new" {
		t.Fatalf("a caller's change reached the cache: %q", again.Name)
	}

	// At most max, the least recently used going first.
	gen = c.Gen()
	c.Put(gen, cv("b", ""), cv("c", ""))
	c.Get("a")
	c.Put(gen, cv("d", ""))
	if c.Len() != 3 {
		t.Fatalf("Len = %d, want 3", c.Len())
	}
	for id, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if _, ok := c.Get(id); ok != want {
			t.Errorf("Get(%s) kept = %v, want %v", id, ok, want)
		}
	}
	c.Evict("c", "d")
	if c.Len() != 1 {
		t.Fatalf("Len after evicting two = %d, want 1", c.Len())
	}

	// A cache of size 0 (and a nil one) keeps nothing.
	for _, z := range []*CVCache{NewCVCache(0), nil} {
		z.Put(z.Gen(), cv("x", ""))
		if _, ok := z.Get("x"); ok || z.Len() != 0 {
			t.Errorf("a cache of size 0 or nil kept a CV (%v)", z)
		}
	}
}
