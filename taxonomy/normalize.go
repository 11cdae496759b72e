package taxonomy

import (
	"strings"
	"sync"
)

// Normalising CV and vacancy text to concepts happens for every imported
// row, so it is memoised, and an exact (normalised) label match skips the
// ranking. A match below minConfidence is kept as free text by the callers.

const minConfidence = 0.55

type memo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

type memoEntry struct {
	uri   string
	score float64
}

func (m *memo[V]) get(k string) (V, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	v, ok := m.m[k]
	return v, ok
}

// put remembers v under k; a memo of 200,000 keys starts afresh, so free
// text with ever new words cannot grow it without end.
func (m *memo[V]) put(k string, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m) > 200000 {
		m.m = map[string]V{}
	}
	m.m[k] = v
}

// NormalizeOccupation returns the ESCO occupation a title most likely names,
// or ok=false when nothing matches well enough (the title stays free text).
// A title that is a label or STAR/Jobnet title word for word counts fully;
// when several concepts share it, the ranking's tie-break decides: the
// concept STAR maps the title to, or whose own label is the title, before
// one that only lists it as an alternative, and the general concept before
// an industry's variant ("lagermedarbejder" is "lagerarbejder", not
// "lagerarbejder på en lædervarefabrik").
func (t *Taxonomy) NormalizeOccupation(title string) (uri string, score float64, ok bool) {
	k := Normalize(title)
	if k == "" {
		return "", 0, false
	}
	if e, hit := t.occMemo.get(k); hit {
		return e.uri, e.score, e.uri != ""
	}
	var e memoEntry
	ms := t.ResolveOccupation(title, 5, ResolveOptions{OccupationsOnly: true})
	for _, m := range ms {
		if m.Form == k {
			e = memoEntry{uri: m.URI, score: 1}
			break
		}
	}
	if e.uri == "" {
		if c, ok := t.occupations().exact[k]; ok && strings.HasPrefix(t.occupations().concepts[c], OccupationURIPrefix) {
			e = memoEntry{uri: t.occupations().concepts[c], score: 1}
		} else if len(ms) > 0 && ms[0].Score >= minConfidence {
			e = memoEntry{uri: ms[0].URI, score: ms[0].Score}
		}
	}
	t.occMemo.put(k, e)
	return e.uri, e.score, e.uri != ""
}

// NormalizeSkill returns the ESCO skill a skill text most likely names, or
// ok=false (kept as free text; ESCO has no Danish skill labels here).
func (t *Taxonomy) NormalizeSkill(text string) (uri string, score float64, ok bool) {
	k := Normalize(text)
	if k == "" {
		return "", 0, false
	}
	if e, hit := t.skillMemo.get(k); hit {
		return e.uri, e.score, e.uri != ""
	}
	var e memoEntry
	if c, ok := t.skills().exact[k]; ok {
		e = memoEntry{uri: t.skills().concepts[c], score: 1}
	} else if ms := t.ResolveSkill(text, 1); len(ms) > 0 && ms[0].Score >= minConfidence {
		e = memoEntry{uri: ms[0].URI, score: ms[0].Score}
	}
	t.skillMemo.put(k, e)
	return e.uri, e.score, e.uri != ""
}
