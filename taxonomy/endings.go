package taxonomy

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// danishWords are the words of the Danish occupation names (preferred and
// alternative labels, STAR/Jobnet titles), each written backwards and
// sorted, so the words ending in some letters are one binary search away.
type danishWords struct {
	once     sync.Once
	reversed []string
	// names are each occupation's Danish names, normalised, in the
	// order of Taxonomy.Occupations.
	names [][]string
	// bySkeleton holds each word by its spelling skeleton, "" where two
	// words share one.
	bySkeleton map[string]string
}

// EndsADanishWord reports whether some word of the Danish occupation
// names is tail, or a compound ending in it: "fører" (gaffeltruckfører,
// kranfører), "dame" (rengøringsdame). The CV search uses it to tell the
// last part of a compound no CV holds from letters that end nothing.
func (t *Taxonomy) EndsADanishWord(tail string) bool {
	t.buildWords()
	r := reverse(Normalize(tail))
	if r == "" {
		return false
	}
	i, _ := slices.BinarySearch(t.words.reversed, r)
	return i < len(t.words.reversed) && strings.HasPrefix(t.words.reversed[i], r)
}

func (t *Taxonomy) buildWords() {
	t.words.once.Do(func() {
		seen := map[string]bool{}
		heads := kindHeads(t.Occupations)
		t.words.names = make([][]string, len(t.Occupations))
		for i, o := range t.Occupations {
			for _, label := range append(append([]string{o.LabelDA}, o.AltDA...), o.STAR...) {
				n := Normalize(label)
				if n == "" {
					continue
				}
				t.words.names[i] = append(t.words.names[i], n)
				// "Chauffør, persontransport" is a chauffør: the head of a
				// STAR/Jobnet title qualified after a comma is a name too,
				// when it names one kind of work (kindHeads).
				if h := TitleHead(label); h != label && heads[h] {
					if hn := Normalize(h); hn != "" && !slices.Contains(t.words.names[i], hn) {
						t.words.names[i] = append(t.words.names[i], hn)
					}
				}
				for _, w := range strings.Fields(n) {
					if r := reverse(w); !seen[r] {
						seen[r] = true
						t.words.reversed = append(t.words.reversed, r)
					}
				}
			}
		}
		slices.Sort(t.words.reversed)
		t.words.bySkeleton = make(map[string]string, len(t.words.reversed))
		for _, r := range t.words.reversed {
			w := reverse(r)
			sk := Skeleton(w)
			if other, ok := t.words.bySkeleton[sk]; ok && other != w {
				t.words.bySkeleton[sk] = ""
				continue
			}
			t.words.bySkeleton[sk] = w
		}
	})
}

// ownNameRank is 0 when name is o's preferred Danish label, 1 when it is a
// STAR/Jobnet title of o or the head of one (TitleHead), 2 otherwise.
func ownNameRank(o *Occupation, name string) int {
	if Normalize(o.LabelDA) == name {
		return 0
	}
	for _, title := range o.STAR {
		if Normalize(title) == name || Normalize(TitleHead(title)) == name {
			return 1
		}
	}
	return 2
}

// TitleHead is what a STAR/Jobnet title names before its qualifiers:
// "Chauffør" of "Chauffør, budtransport, køretøj under 3½ ton". A title
// without a comma is its own head.
func TitleHead(title string) string {
	head, _, _ := strings.Cut(title, ",")
	return strings.TrimSpace(head)
}

// kindHeads are the heads of the STAR/Jobnet titles qualified after a
// comma (TitleHead) that name a kind of work: two titles or more whose
// occupations all lie in one ISCO sub-major group. "Chauffør"
// (persontransport, budtransport, tankvogn …: all 83, drivers) names one;
// "Operatør" (of food, textiles, wood, metal: 72 to 83) and
// "Specialarbejder" name none, so a "robotoperatør" is no kind of theirs,
// nor is a "marketingkoordinator" one of the only "Koordinator, hotel".
func kindHeads(occs []*Occupation) map[string]bool {
	groups := map[string]string{} // head → its ISCO sub-major group, "" for several
	titles := map[string]map[string]bool{}
	for _, o := range occs {
		for _, title := range o.STAR {
			h := TitleHead(title)
			if h == title {
				continue
			}
			g := ""
			if len(o.ISCO) >= 2 {
				g = o.ISCO[:2]
			}
			if prev, ok := groups[h]; ok && prev != g {
				g = ""
			}
			groups[h] = g
			if titles[h] == nil {
				titles[h] = map[string]bool{}
			}
			titles[h][title] = true
		}
	}
	out := map[string]bool{}
	for h, g := range groups {
		if g != "" && len(titles[h]) >= 2 {
			out[h] = true
		}
	}
	return out
}

func reverse(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

// IsADanishWord reports whether some Danish occupation name holds w as a
// whole word ("revisor", "pedel", "vicevært"): the CV search reads such a
// word as typed, never as a typo of another.
func (t *Taxonomy) IsADanishWord(w string) bool {
	if !t.EndsADanishWord(w) { // builds the list
		return false
	}
	_, found := slices.BinarySearch(t.words.reversed, reverse(Normalize(w)))
	return found
}

// DanishSpelling returns the word of the Danish occupation names that w
// spells without æ, ø or å: "hjemmehjaelper" → "hjemmehjælper" (the ASCII
// spellings ae, oe, aa) and "tomrer" → "tømrer" (the letter dropped to its
// vowel, only for words of six letters or more: "lager" is a word of its
// own, not "læger"). ok is false when w is a word of the names itself, or
// spells none of them, or two alike.
func (t *Taxonomy) DanishSpelling(w string) (string, bool) {
	w = strings.ToLower(w)
	if w == "" || strings.ContainsAny(w, "æøå") || t.IsADanishWord(w) {
		return "", false
	}
	v := t.words.bySkeleton[Skeleton(w)]
	if v == "" || !strings.ContainsAny(v, "æøå") {
		return "", false
	}
	if !strings.Contains(w, "ae") && !strings.Contains(w, "oe") && !strings.Contains(w, "aa") && utf8.RuneCountInString(w) < 6 {
		return "", false
	}
	return v, true
}

// NamedBy returns the occupations a Danish name of which (preferred or
// alternative label, STAR/Jobnet title) holds w as a whole word
// ("programmør" of "Programmør og systemudvikler"), then those a name of
// which ends a compound in it ("databaseprogrammør", "app-programmør": a
// Danish compound is a kind of its last part), at most n, each once. The
// CV search offers them when nobody holds the word itself.
func (t *Taxonomy) NamedBy(w string, n int) []*Occupation {
	w = Normalize(w)
	if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, " ") {
		return nil
	}
	// A name inflected ("chauffører", "chaufføren") or typed without æ,
	// ø or å ("chauffor", "chaufforer") names what the name does, beside
	// the names that hold it as typed ("kørelærer for erhvervschauffører"):
	// the chauffører found the lastbilchauffører alike, the years of none
	// counted.
	readings := []string{w}
	if v, ok := t.DanishSpelling(w); ok {
		readings = append(readings, v)
	}
	for _, e := range namedEndings {
		b, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(b) < 4 {
			continue
		}
		if v, ok := t.DanishSpelling(b); ok {
			b = v
		}
		if t.IsADanishWord(b) && !slices.Contains(readings, b) {
			readings = append(readings, b)
		}
	}
	var whole, heads []*Occupation
	for _, r := range readings {
		wh, hd := t.namedBy(r)
		whole, heads = append(whole, wh...), append(heads, hd...)
	}
	var out []*Occupation
	for _, o := range slices.Concat(whole, heads) {
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// namedEndings are the plural and definite endings of a name
// ("chauffører", "chaufføren", "chaufførerne", "lærere", "sygeplejersker"),
// longest first.
var namedEndings = []string{"erne", "rne", "ene", "ere", "ne", "er", "en", "e", "r", "n"}

// namedBy returns the occupations a name of which holds w as a whole word,
// and those a name of which ends a compound in it.
func (t *Taxonomy) namedBy(w string) (whole, heads []*Occupation) {
	t.buildWords()
	for i, o := range t.Occupations {
		best := 0 // 2: a whole word, 1: a compound's last part
		for _, name := range t.words.names[i] {
			for _, word := range strings.Fields(name) {
				if word == w {
					best = 2
					break
				}
				if first, ok := strings.CutSuffix(word, w); ok && (strings.HasSuffix(first, "-") || utf8.RuneCountInString(first) >= 3) {
					best = max(best, 1)
				}
			}
			if best == 2 {
				break
			}
		}
		switch best {
		case 2:
			whole = append(whole, o)
		case 1:
			heads = append(heads, o)
		}
	}
	return whole, heads
}

// LastPart returns the occupations named by the longest end of w, four
// letters or more after a first part of three or more, that is the whole
// Danish name of one ("pizzabager" → bager): a Danish compound is a kind
// of its last part, when that part is an occupation's name and not just a
// word of one ("barnepige" is no "pige").
func (t *Taxonomy) LastPart(w string) []*Occupation {
	rs := []rune(Normalize(w))
	for i := 3; len(rs)-i >= 4; i++ {
		tail := string(rs[i:])
		if !t.IsADanishWord(tail) {
			continue
		}
		var out []*Occupation
		for i, o := range t.Occupations {
			if slices.Contains(t.words.names[i], tail) {
				out = append(out, o)
			}
		}
		// Those whose preferred label the tail is first, then those a
		// STAR/Jobnet title (or its head) names so, then those of an
		// alternative label only: a "klinikreceptionist" is first a
		// receptionist, not the "assistent i omklædningsrum" one of
		// whose names is receptionist.
		rank := make(map[*Occupation]int, len(out))
		for _, o := range out {
			rank[o] = ownNameRank(o, tail)
		}
		slices.SortStableFunc(out, func(a, b *Occupation) int { return cmp.Compare(rank[a], rank[b]) })
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// Skeleton is a word's spelling skeleton: lower case, æ/ø/å and their
// ASCII spellings ae/oe/aa folded to a/o/a, other accents dropped. People
// type "paedagog", "padagog" and "pædagog" for the same word; all three
// have the skeleton "padagog".
func Skeleton(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	var prev rune
	folded := false // prev was a pair folded to one letter
	for _, r := range strings.ToLower(word) {
		switch r {
		case 'æ', 'ä', 'á', 'à', 'â', 'å':
			r = 'a'
		case 'ø', 'ö', 'ó', 'ò', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú', 'ù', 'û':
			r = 'u'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		}
		// ae → a, oe → o, aa → a (the ASCII spellings of æ, ø, å), a
		// pair at a time: "aaaa" is "aa", not "a" (499 a's read as the
		// word "a" of the driving licences). An e after a pair is folded
		// as it is after the letter the pair spells: "gaaende" is
		// "gående", "soeer" "søer".
		switch {
		case (r == 'e' && (prev == 'a' || prev == 'o')) || (r == 'a' && prev == 'a'):
			prev, folded = 0, true
			continue
		case r == 'e' && folded:
			prev, folded = 0, false
			continue
		}
		b.WriteRune(r)
		prev, folded = r, false
	}
	return b.String()
}

// dictionary is the words of ESCO's Danish occupation descriptions and
// names (data/words_da.tsv.gz, four letters or more, sorted), read on first
// use.
type dictionary struct {
	once  sync.Once
	words []string
}

// InDanishDictionary reports whether w is a Danish word of four letters or
// more that ESCO's Danish occupation descriptions or names write
// ("tilstand", "stand", "bistand"): the CV search's dictionary beside the
// words the CVs hold, which tells a part of a compound ("tand" of
// tandpleje) from the same letters inside another word (sundhedstil|stand).
func (t *Taxonomy) InDanishDictionary(w string) bool {
	t.dict.once.Do(func() {
		// The file ships with the package; a read error leaves the
		// dictionary empty, and the search reads only the CVs' words.
		_ = readTSV("words_da.tsv.gz", func(c []string) { t.dict.words = append(t.dict.words, c[0]) })
	})
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	_, found := slices.BinarySearch(t.dict.words, strings.ToLower(w))
	return found
}

// englishWords are the words of ESCO's English occupation and skill names
// (IsAnEnglishWord), built on first use.
type englishWords struct {
	once  sync.Once
	words map[string]bool
}

// IsAnEnglishWord reports whether w is a word of four letters or more of
// ESCO's English occupation or skill names and no word of the Danish
// occupation names: "forklift", "marketing" (a Danish word too, borrowed
// whole). The CV search does not split such a word as a Danish compound
// ("marke|ting" found the shop workers' "supermarked").
func (t *Taxonomy) IsAnEnglishWord(w string) bool {
	t.en.once.Do(func() {
		t.en.words = map[string]bool{}
		add := func(labels ...string) {
			for _, l := range labels {
				for _, x := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return !unicode.IsLetter(r) }) {
					if utf8.RuneCountInString(x) >= 4 {
						t.en.words[x] = true
					}
				}
			}
		}
		for _, o := range t.Occupations {
			add(o.LabelEN)
			add(o.AltEN...)
		}
		for _, s := range t.Skills {
			add(s.LabelEN)
			add(s.AltEN...)
		}
	})
	w = strings.ToLower(w)
	return t.en.words[w] && !t.IsADanishWord(w)
}

// workerParts are the last parts of a compound that name the one who does
// the work of its first part: "lager" + "arbejder", "rengøring" + "s" +
// "assistent".
var workerParts = []string{"medarbejder", "arbejder", "assistent", "medhjælper", "hjælper", "mand", "personale", "hjælp"}

// FirstPart returns the occupations a Danish name of which (preferred or
// alternative label, STAR/Jobnet title, everyday title) is a compound
// that begins with w, at most n: "lager" is the first part of
// lagerarbejder, lagermedarbejder, lagerchef; "rengøring" of
// rengøringsassistent. Those whose compound names the worker of w
// ("lagerarbejder", "rengøringsassistent") come first, by the preferred
// label, then a STAR/Jobnet title, then another name; the others (a
// lagerchef) after them. A word of fewer than three letters begins
// nothing.
func (t *Taxonomy) FirstPart(w string, n int) []*Occupation {
	w = Normalize(w)
	if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, " ") {
		return nil
	}
	// rank is how the name begins with w: 0 a worker's compound, 1
	// another compound, -1 not at all; qualified when more words follow
	// ("lagerarbejder på en skofabrik").
	rank := func(name string) (r int, qualified bool) {
		first, _, qualified := strings.Cut(Normalize(name), " ")
		rest, ok := strings.CutPrefix(first, w)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			return -1, qualified
		}
		for _, p := range workerParts {
			if rest == p || rest == "s"+p || rest == "e"+p {
				return 0, qualified
			}
		}
		return 1, qualified
	}
	score := map[*Occupation]int{}
	var out []*Occupation
	for _, o := range t.Occupations {
		best := -1
		for kind, names := range [][]string{{o.LabelDA}, o.STAR, o.AltDA, o.HiddenDA} {
			for _, name := range names {
				// A worker's compound first, by the kind of name (the
				// everyday titles as the alternative labels), the
				// compound alone before one qualified.
				r, qualified := rank(name)
				if r < 0 {
					continue
				}
				sc := r*6 + min(kind, 2)*2
				if qualified {
					sc++
				}
				if best < 0 || sc < best {
					best = sc
				}
			}
		}
		if best >= 0 {
			score[o] = best
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b *Occupation) int { return cmp.Compare(score[a], score[b]) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
