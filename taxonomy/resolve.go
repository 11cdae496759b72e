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
	generic := genericTitles(t, star)
	l.generic = generic
	// offField: a generic title names no occupation outside the unit group
	// most of its STAR mappings share, whoever lists it (see genericTitles).
	offField := func(title string, o *Occupation) bool {
		g, ok := generic[Normalize(title)]
		return ok && o != nil && o.ISCO != g
	}
	other := otherFieldsWords(t)
	for _, o := range t.Occupations {
		c := l.concept(o.URI, idx)
		if o.LabelDA != "" && !offField(o.LabelDA, o) {
			l.add(o.LabelDA, c, kindPref)
		}
		for _, a := range o.AltDA {
			if !offField(a, o) && !other(a, o) {
				l.add(a, c, kindAlt)
			}
		}
		for _, a := range o.HiddenDA {
			if !offField(a, o) && !other(a, o) {
				l.add(a, c, kindHidden)
			}
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
		if _, ok := idx[s.target]; !ok || offField(s.title, t.occByURI[s.target]) {
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

// genericTitles are the STAR/Jobnet titles of many kinds of work, each
// with its main ISCO unit group: STAR maps the title to occupations of three
// or more fields (sub-major groups, two digits), as its own name
// (exactMatch) in two or more unit groups, and more than half of those exact
// mappings share one group. "Produktionsmedarbejder" is mapped to 23
// occupations in 6 unit groups of 4 fields, exactly to two food
// machine operators (8160) and to the raw material reception operator (ISCO
// 4321), whose ESCO Danish preferred label is the same word, and every
// produktionsmedarbejder was read as that clerk. Such a title names no
// occupation outside its main group, whoever lists it. A title STAR gives
// one own occupation ("Social- og sundhedshjælper": exactly the helper,
// closely three social workers), none most often ("Kontormedhjælper") or
// kinds of one field ("Landmand": farmers of 6121, 6122 and 6130) is left
// as it is.
func genericTitles(t *Taxonomy, star []starTitle) map[string]string {
	groups := map[string]map[string]bool{} // title → sub-major groups
	exact := map[string]map[string]int{}   // title → unit group → exact mappings
	for _, s := range star {
		o := t.occByURI[s.target]
		if o == nil || o.ISCO == "" {
			continue
		}
		title := Normalize(s.title)
		if groups[title] == nil {
			groups[title], exact[title] = map[string]bool{}, map[string]int{}
		}
		groups[title][o.ISCO[:min(2, len(o.ISCO))]] = true
		if s.relation == "exactMatch" {
			exact[title][o.ISCO]++
		}
	}
	out := map[string]string{}
	for title, gs := range groups {
		if len(gs) < 3 || len(exact[title]) < 2 {
			continue
		}
		total := 0
		for _, n := range exact[title] {
			total += n
		}
		for g, n := range exact[title] {
			if 2*n > total {
				out[title] = g
			}
		}
	}
	return out
}

// otherFieldsWords reports an alternative label that is one everyday word
// naming mostly the work of another field: ESCO lists "udvikler" among the
// names of the bygherre (ISCO 1323), and a search for "udvikler" read the
// bygherre and brought in the byggeleder, while "udvikler" ends the names
// of the preferred labels of 20 other occupations, most of them in software
// (ISCO 25). A word ends another concept's name when it is one of its words
// or ends one ("softwareudvikler"); the field is the ISCO sub-major group
// (two digits). Alternative labels do not count: they are what is judged.
// Such a word, sharing no word with the concept's own name, no longer names
// the concept by itself; its longer names do.
func otherFieldsWords(t *Taxonomy) func(label string, o *Occupation) bool {
	const minOthers = 3
	ends := map[string]map[string]bool{} // word → URIs whose names end one with it
	for _, o := range t.Occupations {
		for _, w := range strings.Fields(Normalize(o.LabelDA)) {
			r := []rune(w)
			for i := 0; i+4 <= len(r); i++ {
				suffix := string(r[i:])
				if ends[suffix] == nil {
					ends[suffix] = map[string]bool{}
				}
				ends[suffix][o.URI] = true
			}
		}
	}
	return func(label string, o *Occupation) bool {
		w := Normalize(label)
		if strings.Contains(w, " ") || len(o.ISCO) < 2 {
			return false
		}
		// A word of its own name keeps it: "maler" is the bygningsmaler's
		// and the kunstmaler's both, "maskinoperatør" an operatør's.
		for _, pw := range strings.Fields(Normalize(o.LabelDA)) {
			if strings.HasSuffix(pw, w) || strings.HasSuffix(w, pw) {
				return false
			}
		}
		fields := map[string]int{}
		for uri := range ends[w] {
			if x := t.occByURI[uri]; x != nil && uri != o.URI && len(x.ISCO) >= 2 {
				fields[x.ISCO[:2]]++
			}
		}
		own, total, most := fields[o.ISCO[:2]], 0, 0
		for _, n := range fields {
			total += n
			most = max(most, n)
		}
		return total >= minOthers && own == 0 && 2*most > total
	}
}

// unnamedGroup returns the ISCO unit group a generic title is read as when
// no occupation of that group has it as its own (preferred) name: the
// title then names the kind of work before any one occupation.
// "Elektriker" is the preferred label of the elektriker in its main group
// and names him; "produktionsmedarbejder" names 15 food machine operators,
// none of them by its own name.
func (t *Taxonomy) unnamedGroup(text string) (string, bool) {
	l := t.occupations()
	g, ok := l.generic[Normalize(text)]
	if !ok {
		return "", false
	}
	n := Normalize(text)
	for _, o := range t.Occupations {
		if o.ISCO == g && Normalize(o.LabelDA) == n {
			return "", false
		}
	}
	return g, true
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
	if g, ok := t.unnamedGroup(text); ok && !o.OccupationsOnly && o.ExcludeSTARTitle == "" {
		// A title of many kinds of work (genericTitles) that no occupation
		// has as its own name is first that kind of work, where groups are
		// asked for; its occupations (of the main group) follow.
		ms := t.occupations().rank(text, limit, nil)
		ms = append([]Match{{URI: ISCOURIPrefix + g, Score: 1, Form: Normalize(text), Kind: kindNames[kindGroup]}}, ms...)
		if limit > 0 && len(ms) > limit {
			ms = ms[:limit]
		}
		return ms
	}
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
