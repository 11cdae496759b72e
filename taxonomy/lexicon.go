package taxonomy

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/english"
)

// A lexicon ranks concepts by how well one of their surface forms (labels,
// synonyms, titles) matches a short text such as a job title. It combines
// two signals, both TF-IDF weighted and cosine-normalised:
//
//   - character n-grams (3–5) of the normalised text, which carry Danish
//     compounds and inflection ("sygeplejersker" ~ "sygeplejerske",
//     "lagerarbejder" ~ "lager" + "arbejder") and spelling variants;
//   - stemmed words (Danish and English Snowball), which reward whole-word
//     agreement and keep short titles from matching on fragments.
//
// A concept's score is its best form's score times a weight for the kind of
// form (a preferred label counts a little more than an alternative one).
// This is the method the MELO evaluation measures; see docs/design.md.
type lexicon struct {
	forms    []form
	grams    map[string][]posting
	words    map[string][]posting
	gramIDF  map[string]float64
	wordIDF  map[string]float64
	concepts []string  // concept index → URI
	scratch  sync.Pool // *scratch
	// exact maps a normalised preferred or alternative label to its concept
	// (the first one, when two share a label).
	exact map[string]int32
	// prefForm is each concept's preferred-label form (-1: none) and depth
	// the number of dots in its ESCO code; rank breaks ties with them.
	prefForm []int32
	depth    []uint8
	// generic: the occupation lexicon's generic STAR titles, each with its
	// main unit group (genericTitles).
	generic map[string]string
}

type form struct {
	text    string // normalised
	concept int32
	kind    formKind
}

type posting struct {
	form int32
	w    float32
}

type formKind uint8

const (
	kindPref formKind = iota
	kindAlt
	kindHidden
	kindSTAR
	kindDISCO
	kindGroup
	kindEN
	// STAR titles by how the STAR/Jobnet title maps to the ESCO concept:
	// kindSTARExact an exact match, kindSTAR a close one, kindSTARLoose a
	// broader or narrower one. They weigh the same; ties go to the closer.
	kindSTARExact
	kindSTARLoose
)

func (k formKind) isSTAR() bool { return k == kindSTAR || k == kindSTARExact || k == kindSTARLoose }

// kindPriority orders forms that score the same (the same text under
// several concepts): the preferred label, then the title STAR maps exactly,
// then an alternative label, English, a close STAR title, a hidden label, a
// broader or narrower STAR title, a group.
var kindPriority = [...]uint8{
	kindPref: 0, kindSTARExact: 1, kindAlt: 2, kindEN: 3, kindSTAR: 4, kindHidden: 5, kindSTARLoose: 6, kindDISCO: 7, kindGroup: 8,
}

// kindWeight: how much a match on each kind of form is worth.
var kindWeight = [...]float64{
	kindPref: 1.0, kindAlt: 0.97, kindHidden: 0.9, kindSTAR: 0.97, kindDISCO: 0.9, kindGroup: 0.92, kindEN: 0.95,
	kindSTARExact: 0.97, kindSTARLoose: 0.97,
}

// Weight of the word signal against the character signal.
const wordWeight = 0.5

func newLexicon() *lexicon {
	l := &lexicon{grams: map[string][]posting{}, words: map[string][]posting{}}
	l.scratch.New = func() any { return new(scratch) }
	return l
}

func (l *lexicon) concept(uri string, idx map[string]int32) int32 {
	if i, ok := idx[uri]; ok {
		return i
	}
	i := int32(len(l.concepts))
	l.concepts = append(l.concepts, uri)
	idx[uri] = i
	return i
}

func (l *lexicon) add(text string, concept int32, kind formKind) {
	n := Normalize(text)
	if n == "" {
		return
	}
	l.forms = append(l.forms, form{text: n, concept: concept, kind: kind})
}

// build computes IDF and the postings (lexbuild.go).
func (l *lexicon) build() { l.buildInterned() }

// unit returns the L2-normalised TF-IDF vector of counts.
func unit(counts map[string]int, idf map[string]float64) map[string]float64 {
	v := make(map[string]float64, len(counts))
	var norm float64
	for k, c := range counts {
		w := (1 + math.Log(float64(c))) * idf[k]
		v[k] = w
		norm += w * w
	}
	if norm == 0 {
		return v
	}
	norm = math.Sqrt(norm)
	for k := range v {
		v[k] /= norm
	}
	return v
}

// Match is a concept ranked by a lexicon.
type Match struct {
	URI   string
	Score float64
	// Form is the surface form that matched best, and Kind what it is.
	Form string
	Kind string
}

var kindNames = [...]string{kindPref: "label", kindAlt: "alt_label", kindHidden: "hidden_label", kindSTAR: "star_title", kindDISCO: "disco_title", kindGroup: "isco_group", kindEN: "english_label", kindSTARExact: "star_title", kindSTARLoose: "star_title"}

// rank scores every concept against text and returns the best limit.
// skip, when non-nil, drops forms (the MELO leave-one-out uses it).
func (l *lexicon) rank(text string, limit int, skip func(f *form) bool) []Match {
	n := Normalize(text)
	if n == "" {
		return nil
	}
	// Dense scratch arrays (pooled): a long skill sentence touches tens of
	// thousands of forms, and a map per call was most of the cost.
	sc := l.scratch.Get().(*scratch)
	defer l.scratch.Put(sc)
	sc.reset(len(l.forms), len(l.concepts))
	for g, w := range unit(charGrams(n), l.gramIDF) {
		for _, p := range l.grams[g] {
			sc.add(p.form, w*float64(p.w))
		}
	}
	for t, w := range unit(wordStems(n), l.wordIDF) {
		for _, p := range l.words[t] {
			sc.add(p.form, wordWeight*w*float64(p.w))
		}
	}
	for _, fi := range sc.touched {
		f := &l.forms[fi]
		if skip != nil && skip(f) {
			continue
		}
		v := sc.form[fi] / (1 + wordWeight) * kindWeight[f.kind]
		c := f.concept
		if sc.bestForm[c] < 0 {
			sc.concepts = append(sc.concepts, c)
		}
		if sc.bestForm[c] < 0 || v > sc.best[c] {
			sc.best[c], sc.bestForm[c] = v, fi
		}
	}
	cs := sc.concepts
	// Equal scores come from the same text under several concepts
	// ("lagermedarbejder" names three occupations): the closer kind of form
	// wins, then the concept whose own preferred label is nearer the text
	// ("lagerarbejder" before "lagerarbejder på en lædervarefabrik"), then
	// the more general ESCO code.
	better := func(a, b int32) bool {
		if sc.best[a] != sc.best[b] {
			return sc.best[a] > sc.best[b]
		}
		if pa, pb := kindPriority[l.forms[sc.bestForm[a]].kind], kindPriority[l.forms[sc.bestForm[b]].kind]; pa != pb {
			return pa < pb
		}
		if la, lb := l.prefScore(sc, a), l.prefScore(sc, b); la != lb {
			return la > lb
		}
		if da, db := l.depthOf(a), l.depthOf(b); da != db {
			return da < db
		}
		return l.concepts[a] < l.concepts[b]
	}
	if limit > 0 && limit <= 32 && len(cs) > 8*limit {
		// Keep the best limit by insertion: a long text touches many
		// concepts and a full sort of them all is wasted.
		top := make([]int32, 0, limit+1)
		for _, c := range cs {
			if len(top) == limit && !better(c, top[limit-1]) {
				continue
			}
			i := sort.Search(len(top), func(i int) bool { return better(c, top[i]) })
			top = append(top, 0)
			copy(top[i+1:], top[i:])
			top[i] = c
			if len(top) > limit {
				top = top[:limit]
			}
		}
		cs = top
	} else {
		sort.Slice(cs, func(i, j int) bool { return better(cs[i], cs[j]) })
		if limit > 0 && len(cs) > limit {
			cs = cs[:limit]
		}
	}
	out := make([]Match, len(cs))
	for i, c := range cs {
		f := &l.forms[sc.bestForm[c]]
		out[i] = Match{URI: l.concepts[c], Score: sc.best[c], Form: f.text, Kind: kindNames[f.kind]}
	}
	return out
}

// prefScore is how well the text matched concept c's preferred label (0
// when it did not touch it).
func (l *lexicon) prefScore(sc *scratch, c int32) float64 {
	if int(c) >= len(l.prefForm) || l.prefForm[c] < 0 {
		return 0
	}
	return sc.form[l.prefForm[c]]
}

func (l *lexicon) depthOf(c int32) uint8 {
	if int(c) >= len(l.depth) {
		return 0
	}
	return l.depth[c]
}

// scratch holds the per-call score arrays of rank.
type scratch struct {
	form     []float64
	touched  []int32
	best     []float64
	bestForm []int32
	concepts []int32
}

func (s *scratch) reset(forms, concepts int) {
	if len(s.form) < forms {
		s.form = make([]float64, forms)
	}
	for _, f := range s.touched {
		s.form[f] = 0
	}
	s.touched = s.touched[:0]
	if len(s.bestForm) < concepts {
		s.best = make([]float64, concepts)
		s.bestForm = make([]int32, concepts)
		for i := range s.bestForm {
			s.bestForm[i] = -1
		}
	}
	for _, c := range s.concepts {
		s.bestForm[c] = -1
	}
	s.concepts = s.concepts[:0]
}

func (s *scratch) add(form int32, v float64) {
	if s.form[form] == 0 {
		s.touched = append(s.touched, form)
	}
	s.form[form] += v
}

// bareAbbreviations are what a bare abbreviation most often means in a
// search box: "SOSU" alone is the assistant (the larger group; the helper is
// found by "sosu-hjælper").
var bareAbbreviations = map[string]string{
	"sosu": "social- og sundhedsassistent",
}

var abbreviations = map[string]string{
	"sosu":     "social- og sundheds",
	"pa":       "personlig assistent",
	"it":       "it",
	"hk":       "kontor",
	"ufaglært": "ufaglært",
}

// Normalize lower-cases text, folds punctuation to spaces, spells out a few
// Danish abbreviations (SOSU-assistent → social- og sundhedsassistent) and
// expands "X- og Y-Z" (social- og sundhedsassistent → socialassistent og
// sundhedsassistent) so both parts carry the shared head.
func Normalize(text string) string {
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "" {
		return ""
	}
	// "sosu-assistent" → "social- og sundhedsassistent"
	for abbr, full := range abbreviations {
		if strings.HasPrefix(s, abbr+"-") {
			s = full + s[len(abbr)+1:]
		} else if strings.HasPrefix(s, abbr+" ") && abbr == "sosu" {
			s = full + s[len(abbr)+1:] // "sosu hjælper"
		} else if s == abbr {
			if b, ok := bareAbbreviations[abbr]; ok {
				s = b
			} else {
				s = full
			}
		}
	}
	s = expandCoordination(programmingNames(s))
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// programmingNames spells out the languages whose names are a letter and
// a sign ("c#" → "csharp", "c++" → "cplusplus"): without the sign both were
// the form "c", which "kørekort C/CE" then matched.
func programmingNames(s string) string {
	if !strings.ContainsAny(s, "#+") {
		return s
	}
	for _, p := range [...]struct{ name, spelt string }{{"c++", "cplusplus"}, {"c#", "csharp"}, {"f#", "fsharp"}} {
		for i := 0; ; {
			j := strings.Index(s[i:], p.name)
			if j < 0 {
				break
			}
			j += i
			end := j + len(p.name)
			before := j == 0 || !isWordByte(s[j-1])
			after := end == len(s) || !isWordByte(s[end]) && s[end] != '+'
			if before && after {
				s = s[:j] + p.spelt + s[end:]
				end = j + len(p.spelt)
			}
			i = end
		}
	}
	return s
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// expandCoordination rewrites "a- og bc" (and "a-, b- og cd") into "ad og bcd"
// style pairs by giving each truncated word the head of the last word's
// compound: "social- og sundhedsassistent" → "socialassistent og sundhedsassistent".
func expandCoordination(s string) string {
	if !strings.Contains(s, "- ") {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words[:len(words)-1] {
		if strings.HasSuffix(w, "-") || strings.HasSuffix(w, "-,") {
			stem := strings.TrimRight(w, "-,")
			// The compound that ends the coordination: the first later
			// word that is neither truncated nor a conjunction.
			last := ""
			for _, x := range words[i+1:] {
				if x != "og" && x != "eller" && x != "&" && !strings.HasSuffix(x, "-") && !strings.HasSuffix(x, "-,") {
					last = strings.TrimRight(x, ".,;:")
					break
				}
			}
			if last == "" {
				continue
			}
			head := compoundHead(last, words[i+1:])
			if head != "" {
				words[i] = stem + head
			}
		}
	}
	return strings.Join(words, " ")
}

// compoundHead guesses the head of the compound last (its final element)
// from the coordinated modifiers: in "sundhedsassistent" after "social-",
// the head is what follows the first modifier-like part, "assistent".
func compoundHead(last string, between []string) string {
	// Prefer splitting after a linking "s" or "e" near the middle.
	for i := len(last) / 3; i < len(last)-3; i++ {
		if last[i] == 's' && i+1 < len(last) {
			return last[i+1:]
		}
	}
	if len(last) > 6 {
		return last[len(last)/2:]
	}
	return ""
}

// charGrams returns the 3-, 4- and 5-grams of each word with boundary marks.
func charGrams(n string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(n) {
		r := []rune(" " + w + " ")
		for size := 3; size <= 5; size++ {
			for i := 0; i+size <= len(r); i++ {
				out[string(r[i:i+size])]++
			}
		}
	}
	return out
}

var stopwords = map[string]bool{"og": true, "i": true, "af": true, "til": true, "for": true, "med": true, "på": true, "the": true, "and": true, "of": true, "in": true, "a": true}

// wordStems returns Danish and English Snowball stems of the words.
func wordStems(n string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.Fields(n) {
		if stopwords[w] {
			continue
		}
		out[stemDA(w)]++
		if e := stemEN(w); e != w {
			out["en:"+e]++
		}
	}
	return out
}

func stemDA(w string) string {
	env := snowballstem.NewEnv(w)
	danish.Stem(env)
	return env.Current()
}

func stemEN(w string) string {
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
