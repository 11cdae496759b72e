package taxonomy

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// buildOccupationLexicon indexes every surface form of the occupation
// concepts: ESCO occupations (Danish preferred, alternative and hidden
// labels; English labels), ISCO-08 groups (Danish and English), DISCO-08
// level-5 titles (under their unit group) and STAR/Jobnet titles (under the
// concept they map to).
func (t *Taxonomy) buildOccupationLexicon(star []starTitle) *lexicon {
	l := newLexicon()
	idx := map[string]int32{}
	for _, o := range t.Occupations {
		c := l.concept(o.URI, idx)
		if o.LabelDA != "" {
			l.add(o.LabelDA, c, kindPref)
		}
		for _, a := range o.AltDA {
			l.add(a, c, kindAlt)
		}
		for _, a := range o.HiddenDA {
			l.add(a, c, kindHidden)
		}
		l.add(o.LabelEN, c, kindEN)
		for _, a := range o.AltEN {
			l.add(a, c, kindEN)
		}
	}
	for _, g := range t.Groups {
		c := l.concept(g.URI, idx)
		l.add(g.LabelDA, c, kindGroup)
		l.add(g.LabelEN, c, kindGroup)
		for _, d := range g.DISCO {
			l.add(d, c, kindDISCO)
		}
	}
	for _, s := range star {
		if _, ok := idx[s.target]; !ok {
			continue
		}
		kind := formKind(kindSTAR)
		switch s.relation {
		case "exactMatch":
			kind = kindSTARExact
		case "broadMatch", "narrowMatch":
			kind = kindSTARLoose
		}
		l.add(s.title, idx[s.target], kind)
	}
	l.build()
	l.prefForm = make([]int32, len(l.concepts))
	l.depth = make([]uint8, len(l.concepts))
	for i := range l.prefForm {
		l.prefForm[i] = -1
	}
	for i, f := range l.forms {
		if f.kind == kindPref && l.prefForm[f.concept] < 0 {
			l.prefForm[f.concept] = int32(i)
		}
	}
	for _, o := range t.Occupations {
		if c, ok := idx[o.URI]; ok {
			l.depth[c] = uint8(strings.Count(o.Code, "."))
		}
	}
	return l
}

func (t *Taxonomy) buildSkillLexicon() *lexicon {
	l := newLexicon()
	idx := map[string]int32{}
	for _, s := range t.Skills {
		c := l.concept(s.URI, idx)
		l.add(s.LabelEN, c, kindPref)
		for _, a := range s.AltEN {
			l.add(a, c, kindAlt)
		}
	}
	l.build()
	return l
}

// ResolveOptions adjust ResolveOccupation.
type ResolveOptions struct {
	// ExcludeSTARTitle drops STAR titles equal (after normalisation) to this
	// text: the MELO leave-one-out, so a title never finds itself.
	ExcludeSTARTitle string
	// OccupationsOnly drops ISCO groups from the result.
	OccupationsOnly bool
}

// ResolveOccupation ranks occupation concepts (ESCO occupations and ISCO
// groups) for a job title in Danish or English.
func (t *Taxonomy) ResolveOccupation(text string, limit int, opts ...ResolveOptions) []Match {
	var o ResolveOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.ExcludeSTARTitle != "" {
		return t.resolveOccupation(text, limit, o)
	}
	// Searches and match runs repeat the same titles: remember the answers.
	key := fmt.Sprintf("%d|%t|%s", limit, o.OccupationsOnly, Normalize(text))
	if ms, ok := t.resolveMemo.get(key); ok {
		return slices.Clone(ms)
	}
	ms := t.resolveOccupation(text, limit, o)
	t.resolveMemo.put(key, slices.Clone(ms))
	return ms
}

// matchMemo remembers ranked matches, up to a bound.
type matchMemo struct {
	mu sync.RWMutex
	m  map[string][]Match
}

func (m *matchMemo) get(k string) ([]Match, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	ms, ok := m.m[k]
	return ms, ok
}

func (m *matchMemo) put(k string, ms []Match) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m) >= 20000 {
		m.m = map[string][]Match{}
	}
	m.m[k] = ms
}

func (t *Taxonomy) resolveOccupation(text string, limit int, o ResolveOptions) []Match {
	var skip func(f *form) bool
	excl := Normalize(o.ExcludeSTARTitle)
	if excl != "" || o.OccupationsOnly {
		skip = func(f *form) bool {
			if excl != "" && f.kind.isSTAR() && f.text == excl {
				return true
			}
			return o.OccupationsOnly && (f.kind == kindGroup || f.kind == kindDISCO)
		}
	}
	if o.OccupationsOnly {
		// Group forms are skipped; STAR titles that map to groups remain
		// but are filtered below.
		out := t.occupations().rank(text, 0, skip)
		res := out[:0]
		for _, m := range out {
			if _, ok := t.occByURI[m.URI]; ok {
				res = append(res, m)
				if limit > 0 && len(res) == limit {
					break
				}
			}
		}
		return res
	}
	return t.occupations().rank(text, limit, skip)
}

// ResolveSkill ranks ESCO skills for a skill text (English labels; Danish
// text matches only where the words are shared, e.g. "SQL", "Java").
func (t *Taxonomy) ResolveSkill(text string, limit int) []Match {
	return t.skills().rank(text, limit, nil)
}

// sharedTitles remembers each taxonomy's titlesNamingOthers.
var sharedTitles sync.Map // *Taxonomy → map[string]bool

// NamesOthersToo reports whether title, a STAR/Jobnet title of occupation
// uri, names it only closely (looseTitles) and is mapped to an occupation
// of another ISCO unit group as well: a title of several kinds of work is
// no other name of this one. "Poder" (who takes swab tests) is close to
// both the social- og sundhedshjælper and the blodprøvetager, and a
// search for "handicaphjælper" listed it among the helper's synonyms.
func (t *Taxonomy) NamesOthersToo(uri, title string) bool {
	m, ok := sharedTitles.Load(t)
	if !ok {
		m, _ = sharedTitles.LoadOrStore(t, t.titlesNamingOthers())
	}
	return m.(map[string]bool)[uri+"\x00"+Normalize(title)]
}

// titlesNamingOthers are the keys (uri, NUL, normalised title) of the
// loose titles NamesOthersToo reports.
func (t *Taxonomy) titlesNamingOthers() map[string]bool {
	groups := map[string]map[string]bool{} // title → the unit groups it names
	for _, s := range t.star {
		o := t.occByURI[s.target]
		if o == nil || s.relation != "exactMatch" && s.relation != "closeMatch" {
			continue
		}
		title := Normalize(s.title)
		if groups[title] == nil {
			groups[title] = map[string]bool{}
		}
		groups[title][o.ISCO] = true
	}
	out := map[string]bool{}
	for key := range t.loose {
		uri, title, _ := strings.Cut(key, "\x00")
		o := t.occByURI[uri]
		if o == nil {
			continue
		}
		for g := range groups[title] {
			if g != o.ISCO {
				out[key] = true
				break
			}
		}
	}
	return out
}
