package taxonomy

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// labelIndex holds the titles concepts are shown with, built on first use.
type labelIndex struct {
	once sync.Once
	star map[string]string // concept URI → the STAR/Jobnet title to show
}

// DisplayTitle is the title an occupation concept is shown with in lang:
// in Danish the STAR/Jobnet title people use ("Lager- og
// logistikmedarbejder" for ESCO's "lagerarbejder på en lædervarefabrik"),
// else ESCO's Danish label with a capital letter, as a title is written; in
// English ESCO's English label. An ISCO group shows its label; an unknown
// URI gives "".
func (t *Taxonomy) DisplayTitle(uri, lang string) string {
	if lang != "da" {
		return t.ConceptLabel(uri, "en")
	}
	t.labels.once.Do(t.buildDisplayTitles)
	if s, ok := t.labels.star[uri]; ok {
		return s
	}
	if _, ok := t.occByURI[uri]; ok {
		return capitalise(t.ConceptLabel(uri, "da"))
	}
	return t.ConceptLabel(uri, "da")
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// buildDisplayTitles picks one STAR title per concept: the closest mapping
// (exact, close, broad, narrow), then the most general STAR code (9333.8
// before 9333.8.99), then not a trainee title (elev, lærling). A title one
// level below a STAR occupation (5120.1.95 Smørrebrødsjomfru under Kok)
// names a specialism: a concept whose own Danish label is one everyday word
// ("kok") keeps that word instead.
func (t *Taxonomy) buildDisplayTitles() {
	rank := func(s starTitle) int {
		r, ok := relationRank[s.relation]
		if !ok {
			r = 4
		}
		r = r*100 + strings.Count(s.code, ".")*10
		if trainee(s.title) {
			r += 5
		}
		return r
	}
	best := map[string]int{}
	m := map[string]string{}
	for _, s := range t.star {
		r := rank(s)
		if b, ok := best[s.target]; !ok || r < b {
			best[s.target] = r
			m[s.target] = s.title
		}
	}
	for uri, title := range m {
		o, ok := t.occByURI[uri]
		if !ok || o.LabelDA == "" {
			continue
		}
		// A trainee's title (the only one STAR maps to it: "IT-supporterelev"
		// for the IKT-supportmedarbejder) is no title of the job itself.
		if trainee(title) && !trainee(o.LabelDA) {
			delete(m, uri)
			continue
		}
		if strings.ContainsAny(strings.TrimSpace(o.LabelDA), " -/") {
			continue
		}
		if best[uri]%100 >= 20 && !strings.EqualFold(title, o.LabelDA) {
			delete(m, uri)
		}
	}
	t.labels.star = m
}

// trainee reports whether a title names an apprentice or a trainee: a
// word that ends in "elev" ("Buschaufførelev", not "Elevatormontør") or
// holds "lærling".
func trainee(title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '/' }) {
		if strings.HasSuffix(w, "elev") || strings.HasSuffix(w, "elever") || strings.Contains(w, "lærling") {
			return true
		}
	}
	return false
}

var relationRank = map[string]int{"exactMatch": 0, "closeMatch": 1, "broadMatch": 2, "narrowMatch": 3}

// STARTitle returns the STAR/Jobnet title of concept uri, as STAR writes
// it, whose normalised form is form (a Match's Form), or "" when it has
// none.
func (t *Taxonomy) STARTitle(uri, form string) string {
	o, ok := t.Occupation(uri)
	if !ok {
		return ""
	}
	for _, s := range o.STAR {
		if Normalize(s) == form {
			return s
		}
	}
	return ""
}
