package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// vocab is the set of words in the "words" field, with their spelling
// skeletons and the number of CVs in the index that hold each: counted
// from the postings when an index is opened or rebuilt, and kept so by
// each batch (an update counts the CV's old words down and its new ones
// up, an erasure counts down), so that every replica, whatever it has
// been through, reads a query alike. It only grows: a word no CV holds
// any more stays with no CVs and finds nobody.
type vocab struct {
	mu    sync.RWMutex
	pos   map[string]int32
	words []vocabWord
	// dict reports a Danish word of the taxonomy's dictionary (nil
	// without one): beside the CVs' words, it tells letters inside
	// another word ("tand" in sundhedstil|stand) from a part.
	dict func(string) bool
	// places are the one-word names of postal districts: no compound of a
	// word typed ("hasselager" is no lager, "kokkedal" no kok).
	places map[string]bool
}

type vocabWord struct {
	word, skel string
	docs       int32
	titles     int32 // CVs that hold it in a title (the "title_words" field)
	desired    int32 // and in an occupation they want ("desired_words")
}

func (w vocabWord) title() bool { return w.titles > 0 || w.desired > 0 }

func newVocab() *vocab { return &vocab{pos: map[string]int32{}} }

// count adds n to the counts of one document's distinct words, of which
// titles are the words of its titles (also among words) and desired those
// of the occupations it wants (also among titles): 1 for a document
// indexed, -1 for one replaced or deleted.
func (v *vocab) count(n int32, words, titles, desired []string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, w := range words {
		v.addLocked(w, n)
	}
	for _, w := range titles {
		i := v.slotLocked(w)
		v.words[i].titles = max(v.words[i].titles+n, 0)
	}
	for _, w := range desired {
		i := v.slotLocked(w)
		v.words[i].desired = max(v.words[i].desired+n, 0)
	}
}

// inDesired reports whether some CV holds w in an occupation it wants.
func (v *vocab) inDesired(w string) bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	i, ok := v.pos[w]
	return ok && v.words[i].desired > 0
}

// inTitles reports whether some CV holds w in a title.
func (v *vocab) inTitles(w string) bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	i, ok := v.pos[w]
	return ok && v.words[i].title()
}

// fresh returns an empty vocabulary with v's dictionary.
func (v *vocab) fresh() *vocab {
	n := newVocab()
	n.dict, n.places = v.dict, v.places
	return n
}

// replaceWith takes o's words and counts: a rebuilt index's, swapped in
// with it.
func (v *vocab) replaceWith(o *vocab) {
	o.mu.RLock()
	pos, words := o.pos, o.words
	o.mu.RUnlock()
	v.mu.Lock()
	defer v.mu.Unlock()
	v.pos, v.words = pos, words
}

// slotLocked returns w's place, adding it with no CVs if new.
func (v *vocab) slotLocked(w string) int32 {
	if _, ok := v.pos[w]; !ok {
		v.addLocked(w, 0)
	}
	return v.pos[w]
}

func (v *vocab) addLocked(w string, n int32) {
	if i, ok := v.pos[w]; ok {
		v.words[i].docs = max(v.words[i].docs+n, 0)
		return
	}
	v.pos[w] = int32(len(v.words))
	v.words = append(v.words, vocabWord{word: w, skel: Skeleton(w), docs: max(n, 0)})
}

// load reads the vocabulary of an existing index.
//
// Each word's count of CVs is read from its postings, not from the term
// dictionary's entries: zapx v16 (v16.3.4) reuses one postings list for
// every entry of a dictionary iterator and does not clear a one-hit
// term's fields when it reads the next term, so after the first word only
// one CV holds, every later word read 1 (PostingsList.read/Count). After
// each restart every word then looked rare: typos were tried for "smed"
// (butiksmedhjælper, snedker) and "lærer" (lager, varer), and the
// suggestions were no longer the most common words first.
func (v *vocab) load(b bleve.Index) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	adv, err := b.Advanced()
	if err != nil {
		return fmt.Errorf("index: vocabulary: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("index: vocabulary: %w", err)
	}
	defer r.Close()
	ctx := context.Background()
	for _, field := range []string{fieldWords, fieldTitleWords, fieldDesiredWords} {
		var terms []string
		if err := eachTerm(b, field, func(term string, _ uint64) { terms = append(terms, term) }); err != nil {
			return err
		}
		for _, term := range terms {
			tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
			if err != nil {
				return fmt.Errorf("index: vocabulary: %w", err)
			}
			n := int32(min(tfr.Count(), math.MaxInt32))
			tfr.Close()
			switch field {
			case fieldWords:
				v.addLocked(term, n)
			case fieldTitleWords:
				v.words[v.slotLocked(term)].titles = n
			default:
				v.words[v.slotLocked(term)].desired = n
			}
		}
	}
	return nil
}

func eachTerm(b bleve.Index, field string, fn func(term string, n uint64)) error {
	d, err := b.FieldDict(field)
	if err != nil {
		return fmt.Errorf("index: vocabulary: %w", err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("index: vocabulary: %w", err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term, e.Count)
	}
}

// Boosts of the ways a query word reaches an indexed word: the whole word
// (in any spelling) first, then an inflection of it, then a compound that
// begins with it, one that holds it elsewhere, and last a word one typo
// away (above a compound that holds the typed letters only by chance, as
// "customer" holds "tømer"). Each is a constant score per CV, so a CV with the exact word is
// above one that has only a compound, whatever the words' frequencies.
const (
	boostWord       = 10
	boostFolded     = 9 // the same word folded, not spelled: "padagog" for "pædagog"
	boostInflection = 7
	// boostHead: a job title ending in the word, which names its kind
	// ("folkeskolelærer" is a lærer): as close as an inflection.
	boostHead      = 7
	boostPrefix    = 5
	boostInfix     = 4
	boostStemInfix = 3
	boostWordTypo  = 4.5 // the whole word, one typo away
	boostTypo      = 2
	boostConcept   = 1.5 // a CV of a concept the taxonomy read the text as
	boostRelated   = 0.5
	// maxForms bounds the indexed words one query word expands to.
	maxForms = 400
	// typoBelow: typos are looked for when the word, its inflections and
	// the compounds it begins are held by fewer CVs than this.
	typoBelow = 3
)

type form struct {
	word  string
	boost float64
	docs  int32
	via   string
}

// expand finds the indexed words a lower-cased query word reaches.
func (v *vocab) expand(token string, typos bool) []form {
	s := Skeleton(token)
	if s == "" {
		return nil
	}
	// A word that lost the e of its -en, -el or -er before an ending
	// ("erfarne", "lagre") and that no CV holds is that word inflected:
	// what the word reaches ("erfaren": erfaring too), itself as an
	// inflection.
	if full, ok := syncope(token); ok && !v.holds(token) && v.holds(full) {
		out := v.expand(full, typos)
		for i := range out {
			if out[i].boost > boostInflection {
				out[i].boost, out[i].via = boostInflection, "inflection"
			}
		}
		return out
	}
	stem := Skeleton(Stem(token))
	if len(stem) < 4 || stem == s {
		stem = ""
	}
	// A whole word whose stem cut off more than an ending is another word
	// than its stem: "personlig" (person|lig) is no "personalechef" or
	// "personbiler", "vejledning" (vejled|ning) no "vejleder".
	// An ending after the stem's last consonant doubled is an ending
	// too: "gulvlægger" is gulvlæg|g|er, whose stem reaches gulvlægning.
	if cut := strings.TrimPrefix(s, stem); stem != "" && !stemEndings[cut] && !slices.Contains(danishEndings, cut) && !doubledEnding(stem, cut) && v.isAWord(token) {
		stem = ""
	}
	// A noun in -er is a person, not the verb's noun in -ing: "udvikler"
	// is no "udvikling" and no "udviklingshandicap" (socialpædagoger among
	// the developers). Its stem reaches its own inflections ("udviklere",
	// "udvikleren"), and words that hold it otherwise ("svejser":
	// svejsearbejde), not the stem with -ing, alone or inside a word.
	// A compound whose last part is the noun in -ing names the person's
	// work ("postomdeling" is what an omdeler does, "softwareudvikling"
	// a developer's), so it is reached (ingHead).
	agent := stem != "" && strings.TrimPrefix(s, stem) == "er"
	// A whole word (one some CV holds, the Danish dictionary knows, or a
	// district's name) begins a compound only as its first part
	// (wordPrefixLocked): "bil" is no "billetsalg", "vejle" no
	// "vejledning", "egen" (an adjective) no "egenkontrol".
	whole := utf8.RuneCountInString(token) >= 3 && (v.isAWord(token) || v.places[token])
	prefixScans := 0 // vocabulary scans of wordPrefixLocked
	adjective := whole && v.isAdjective(token)
	// A district's name that is no other Danish word is a name: no
	// compound's part at all ("studievejleder" holds no Vejle).
	placeName := v.places[token] && !v.inDict(token)
	infix := len(s) >= 3
	// Typed with æ/ø/å, a part of a compound is looked for as written:
	// the skeleton of "pæd" ("pad") would also begin "Padborg".
	written := strings.ContainsAny(token, "æøå")
	// The word without a Danish ending ("tømrere", "tømreren" → tømrer),
	// when no CV holds the word as typed: the word itself, its inflections
	// and the compounds that begin or end with it ("tømrermester") are what
	// was meant (baseOf, baseInside).
	// The stem above reaches the word, not its compounds, and a stem of
	// three letters ("lær" of "lærere") reaches nothing.
	var bases, spelled []string
	if !strings.Contains(token, "-") {
		bases = withoutEnding(token, written)
		for _, b := range withoutEnding(token, true) {
			spelled = append(spelled, asciiSpelling(b))
		}
	}
	// holdsBase reports whether w holds a base as typed (in ASCII
	// spelling), not only its skeleton.
	holdsBase := func(w vocabWord) bool {
		a := asciiSpelling(w.word)
		for _, b := range spelled {
			if strings.Contains(a, b) {
				return true
			}
		}
		return false
	}
	// A base no CV holds alone but the Danish dictionary knows, which CVs
	// hold inflected: "lægen" is the læge of "læger" and "lægerne",
	// though no CV writes "læge" (and "laegen" too, not "lager" a typo
	// away). "lagen" has no such base: the dictionary knows no "lage".
	var dictBases []string
	if v.dict != nil && len(bases) > 0 {
		for _, b := range withoutEnding(token, true) {
			if !written {
				b = danishLetters(b)
			}
			if v.inDict(b) && !slices.Contains(dictBases, b) {
				dictBases = append(dictBases, b)
			}
		}
	}
	dictInflected := make([]bool, len(dictBases))
	var baseFound []baseForm
	baseHeld := make([]bool, len(bases))
	baseTyped := false // a base held as typed, not only as a skeleton
	stemInfix := len(stem) >= 5
	v.mu.RLock()
	defer v.mu.RUnlock()
	// A word the CVs hold as typed is that word: another word of the same
	// skeleton is then a different word ("lager" is not "læger", "maler"
	// not "måler"). So is a word the typed letters spell in ASCII
	// ("laeger" is "læger", not "lager"). Such other words, and compounds
	// reached only through the skeleton, are kept, like typos, only when
	// the word finds almost nobody; when the CVs hold no word of these
	// letters ("padagog"), every word of the skeleton is what was meant.
	i, ok := v.pos[token]
	known := ok && v.words[i].docs > 0
	typed := asciiSpelling(token)
	var out, folded []form
	scans := 0  // vocabulary scans of the linking-s check (straddlesLocked)
	strong := 0 // CVs reached by the word, an inflection or a compound it begins
	for _, w := range v.words {
		// A district's name is no compound of the word typed: "hasselager"
		// (8361) is no lager, "kokkedal" no kok, "snekkersten" no
		// snekker.
		place := v.places[w.word] && w.word != token
		if len(bases) > 0 && !place {
			if b, whole := baseOf(bases, w, written); b >= 0 {
				f := form{word: w.word, docs: w.docs, boost: boostPrefix, via: "compound"}
				typed := holdsBase(w)
				if whole {
					f.boost, f.via = boostInflection, "inflection"
					if w.word == bases[b] || w.skel == bases[b] {
						baseHeld[b] = true
						baseTyped = baseTyped || typed
					}
				}
				baseFound = append(baseFound, baseForm{f, b, !typed})
			} else if b, head := baseInside(bases, w, written); b >= 0 {
				f := form{word: w.word, docs: w.docs, boost: boostStemInfix, via: "compound"}
				typed := holdsBase(w)
				if head && w.title() {
					// A title ending in the word ("folkeskolelærer" for
					// "lærere") is one of its kind, as for the word typed
					// without its ending.
					f.boost = boostHead
					x := w.skel
					if written {
						x = w.word
					}
					if w.docs > 0 && v.isPartOrDictLocked(strings.TrimSuffix(x, bases[b])) {
						// After a first part it makes the base a word, as
						// it makes the word typed one (below), though no
						// CV holds it alone: "chauffører" and "chaufføren"
						// are the chauffør of the lastbilchauffører, not
						// letters inside them at one low score, every
						// lagermedarbejder with them.
						baseHeld[b] = true
						baseTyped = baseTyped || typed
					}
				}
				baseFound = append(baseFound, baseForm{f, b, !typed})
			}
		}
		if w.docs > 0 {
			for i, d := range dictBases {
				if rest, ok := strings.CutPrefix(w.word, d); ok && rest != "" && stemEndings[rest] {
					dictInflected[i] = true
				}
			}
		}
		var f form
		switch {
		// The skeleton of a compound may join across its seam
		// ("autoelektriker" reads "autolektriker"), so a part is also
		// looked for in the word as written.
		case w.skel == s:
			f = form{boost: boostWord, via: "word"}
			if w.word != token && stopwords[w.word] {
				// A function word is never what other letters meant:
				// "pa" (personlig assistent) is not "på", in every CV.
				continue
			}
			if w.word != token {
				f.via = "spelling"
				if asciiSpelling(w.word) != typed {
					// Folded, not spelled ("padagog" for "pædagog"):
					// decided below.
					folded = append(folded, form{word: w.word, docs: w.docs, boost: boostFolded, via: "spelling"})
					continue
				}
				known = known || w.docs > 0
			}
		case stem != "" && strings.HasPrefix(w.skel, stem) && len(w.skel)-len(stem) <= 3 && stemEndings[w.skel[len(stem):]] &&
			!(agent && strings.HasPrefix(w.skel[len(stem):], "ing")):
			f = form{boost: boostInflection, via: "inflection"}
			if !strings.HasPrefix(w.word, Stem(token)) && !strings.HasPrefix(asciiSpelling(w.word), asciiSpelling(Stem(token))) {
				// An inflection of another word of the same skeleton
				// ("læger" for "lageret"): decided below, as a folded
				// spelling is.
				folded = append(folded, form{word: w.word, docs: w.docs, boost: boostInflection, via: "inflection"})
				continue
			}
		case place && (infix || stemInfix) && (strings.Contains(w.skel, s) || stem != "" && strings.Contains(w.skel, stem)):
			continue
		case infix && (strings.HasPrefix(w.word, token) || !written && strings.HasPrefix(w.skel, s)):
			f = form{boost: boostPrefix, via: "compound"}
			if whole && !v.wordPrefixLocked(w, token, s, adjective, placeName, &prefixScans) {
				continue
			}
			if !strings.HasPrefix(w.word, token) && !strings.HasPrefix(asciiSpelling(w.word), typed) {
				folded = append(folded, form{word: w.word, docs: w.docs, boost: boostPrefix, via: "compound"})
				continue
			}
		case infix && (strings.Contains(w.word, token) || !written && strings.Contains(w.skel, s)):
			f = form{boost: boostInfix, via: "compound"}
			if placeName {
				continue
			}
			if len(s) == 3 && !strings.HasSuffix(w.word, token) && !strings.HasSuffix(w.skel, s) {
				// Three letters inside a word are there by chance
				// ("sfo" of engro|s|for|handler, pladsforståelse); at its
				// end they are its last part ("bud" of postbud).
				continue
			}
			if !strings.Contains(w.word, token) && !strings.Contains(asciiSpelling(w.word), typed) {
				// Folded inside a word: five letters or more ("padagog"
				// in socialpædagog); four are there by chance ("tand" in
				// "selvstændig").
				if len(s) >= 5 {
					b := float64(boostInfix)
					if m, ok := strings.CutSuffix(w.skel, s); ok && w.title() && v.isPartOrDictLocked(m) {
						// A title ending in it, after a first part, is one
						// of its kind as for the word spelled ("chauffor"
						// typed without ø: the lastbilchauffør, as for
						// "chauffør").
						b = boostHead
					}
					folded = append(folded, form{word: w.word, docs: w.docs, boost: b, via: "compound"})
				}
				continue
			}
			m, ok := strings.CutSuffix(w.word, token)
			if !ok && !written {
				// Typed without æ/ø/å: "laerer" ends "folkeskolelærer"
				// as its skeleton does.
				m, ok = strings.CutSuffix(w.skel, s)
			}
			if ok && w.title() && v.isPartOrDictLocked(m) {
				// A Danish compound's last part is what it is: a
				// "bygningsmaler" is a maler, a "lastbilchauffør" a
				// chauffør. A job title ending in the typed letters
				// makes them a word, though no CV holds it alone: no
				// typos ("maler" is not "taler"). The first part is a
				// word some CV holds ("bus") or the Danish dictionary
				// knows ("bygnings"): an English title may end in a typo
				// by chance ("cus|tomer"), and "koreo|graf" is no graf.
				f.boost = boostHead
				if w.docs > 0 {
					known = true
				}
			} else if strings.Contains(w.word, token) && (!v.afterAPartLocked(w.word, token) || v.straddlesLocked(w.word, token, &scans) ||
				v.insideAWordLocked(w.word, token, strings.Index(w.word, token))) {
				// The letters follow no first part ("g|revinge"),
				// run across the seam of two parts
				// ("produktions|medarbejder" holds "smed") or lie
				// inside another word ("sundhedstil|stand" holds
				// "tand").
				continue
			} else if m, ok := strings.CutSuffix(w.word, token); ok && len(s) == 3 && utf8.RuneCountInString(m) < 4 && !v.isPartOrDictLocked(m) {
				// Three letters that end a word after three that are no
				// word are the word's own letters: "sta|bil" is stabil,
				// no bil ("last|bil" and "bus|bil" are).
				continue
			}
		case stemInfix && strings.Contains(w.skel, stem) && !(agent && strings.Contains(w.skel, stem+"ing") && !ingHead(w.skel, stem)):
			f = form{boost: boostStemInfix, via: "compound"}
		default:
			continue
		}
		f.word, f.docs = w.word, w.docs
		if f.boost >= boostPrefix {
			strong += int(w.docs)
		}
		out = append(out, f)
	}
	for i, d := range dictBases {
		if !dictInflected[i] {
			continue
		}
		for b, base := range bases {
			if base == d || !written && base == Skeleton(d) {
				baseHeld[b], baseTyped = true, true
			}
		}
	}
	// A word inflected from one some CV holds ("kokke": kok) is that
	// word, not another folded or a typo away ("køkken").
	baseKnown := slices.Contains(baseHeld, true)
	if !known {
		// A compound counts only when its base is a word some CV holds.
		for _, bf := range baseFound {
			if bf.folded && baseTyped {
				// Another word folded ("lægerne" for "lagerne", whose
				// lager some CV holds).
				continue
			}
			if baseHeld[bf.base] {
				if bf.boost >= boostPrefix {
					strong += int(bf.docs)
				}
				out = append(out, bf.form)
			}
		}
		for _, f := range folded {
			if baseTyped || baseKnown && f.via == "compound" {
				// The word typed is inflected from one some CV holds
				// as typed ("lagerne": lager), not another folded
				// ("lægerne").
				continue
			}
			if f.boost >= boostPrefix {
				strong += int(f.docs)
			}
			out = append(out, f)
		}
	} else if strong < typoBelow {
		// A word few CVs hold is also its base's other forms, as typed:
		// "lægerne" in one CV, "læger" in ten.
		for _, bf := range baseFound {
			x := bf.word
			if !written {
				x = Skeleton(x)
			}
			rest, _ := strings.CutPrefix(x, bases[bf.base])
			if bf.via == "inflection" && baseHeld[bf.base] && !bf.folded && stemEndings[rest] && !slices.ContainsFunc(out, func(f form) bool { return f.word == bf.word }) {
				strong += int(bf.docs)
				out = append(out, bf.form)
			}
		}
	}
	if known && strong < typoBelow {
		for _, f := range folded {
			f.boost = boostTypo
			if f.via == "spelling" {
				f.boost = boostWordTypo
			}
			out = append(out, f)
		}
	}
	// Letters no CV holds as a word, though compounds begin with them, may
	// still be a typo of a whole word: "pedagog" begins the English
	// "pedagogue" but was meant as "pædagog". Then whole words one typo
	// away, and compounds beginning one typo away, are looked for too
	// (below the compounds the letters begin).
	// Four letters that begin compounds CVs hold are a first part, not a
	// typo: "tand" begins tandklinik and tandpleje, and "land", "hand" and
	// the English "and", one letter away, would reach hundreds.
	wholeOnly := strong >= typoBelow
	if n := len([]rune(s)); typos && (strong < typoBelow || !known && !baseKnown && n > 4) && n >= 4 {
		var typoForms []typoForm
		seen := map[string]bool{}
		for _, f := range out {
			seen[f.word] = true
		}
		for _, w := range v.words {
			if seen[w.word] {
				continue
			}
			if n == 4 {
				// Four letters: only a whole word or a compound's start
				// one edit away ("lagr" → lager, lagerarbejder); inside
				// words they are everywhere.
				if !startsWithinOneEdit(s, w.skel) {
					continue
				}
			} else if !withinOneEdit(s, w.skel) && !withinOneEdit(token, w.word) {
				// Also as written: folding joins letters a typo moved
				// ("folkeskloelærer" reads "folkesklolarer", two edits
				// from "folkeskolelarer", one as typed).
				continue
			}
			near := withinOneEdit
			if n == 4 {
				near = startsWithinOneEdit
			}
			if written && !near(token, w.word) && !near(typed, asciiSpelling(w.word)) {
				// Typed with æ, ø or å, the letters are meant: a word one
				// typo from the folded letters only is a typo on top of a
				// folding, another word ("født" is not "godt").
				continue
			}
			if stopwords[w.word] {
				continue
			}
			b := float64(boostTypo)
			foldedWhole := false
			if abs(len(w.skel)-len(s)) <= 1 && editDistance(s, w.skel, 1) <= 1 || editDistance(token, w.word, 1) <= 1 {
				b = boostWordTypo
				// A typo on top of a folding is two steps from what was
				// typed: "lagr" is nearer "lager" than "læge".
				if a := asciiSpelling(w.word); a != w.word && editDistance(typed, a, 1) > 1 {
					b, foldedWhole = boostTypo, true
				}
			}
			if wholeOnly && b != boostWordTypo && !startsWithinOneEdit(s, w.skel) {
				continue
			}
			typoForms = append(typoForms, typoForm{form{word: w.word, boost: b, docs: w.docs, via: "typo"}, w.title(), foldedWhole})
		}
		near := nearestTypos(typoForms)
		if n == 4 && !slices.ContainsFunc(near, func(f form) bool { return f.boost == boostWordTypo }) {
			// Four letters one typo from no whole word are no typo of
			// a compound's start alone: "født" is not the
			// "fødevarehygiejne" of the cooks ("lagr" is lager, and
			// lagerarbejder with it).
			near = nil
		}
		out = append(out, near...)
	}
	if n := len([]rune(s)); typos && len(out) == 0 && n >= minTwoTypos {
		// A long word that reaches nothing, not even one typo away, is
		// a title's word two typos away when one or two are that near:
		// "sygeplerske" (two letters left out) is the sygeplejerske.
		var two []form
		for _, w := range v.words {
			if w.title() && !stopwords[w.word] && abs(len(w.skel)-len(s)) <= 2 && editDistance(s, w.skel, 2) <= 2 {
				two = append(two, form{word: w.word, boost: boostTypo, docs: w.docs, via: "typo"})
			}
		}
		if len(two) <= 2 {
			out = append(out, two...)
		}
	}
	// Ties by the word: the vocabulary's order is the order the words
	// came in, which differs from replica to replica (and after a
	// restart), and maxForms cuts among the ties.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].boost != out[j].boost {
			return out[i].boost > out[j].boost
		}
		if out[i].docs != out[j].docs {
			return out[i].docs > out[j].docs
		}
		return out[i].word < out[j].word
	})
	if len(out) > maxForms {
		out = out[:maxForms]
	}
	return out
}

// minTwoTypos is the shortest word (in letters) read as a title's word two
// typos away, when nothing nearer is found.
const minTwoTypos = 9

// typoForm is a word one typo from the typed one; title says some CV's
// title holds it.
type typoForm struct {
	form
	title bool
	// folded: a whole word one typo away once its æ, ø or å is folded
	// ("tomer" for "tømrer").
	folded bool
}

// nearestTypos keeps of the words one typo away those nearest what was
// meant: the whole words one typo away that some CV's title holds, else
// those some CVs hold, and the words that hold one of them. "tømer" is the
// tømrer, not "timer" (hours) one letter away too, nor "customer",
// "systemer" and "automekaniker", which only hold letters one typo from
// it; "tjenr" is tjener, not "betjening"; "rengøing" is rengøring and
// erhvervsrengøring. With no such whole word, every word one typo away.
func nearestTypos(ts []typoForm) []form {
	var titles, foldedTitles, held []string
	for _, t := range ts {
		if t.folded && t.title {
			foldedTitles = append(foldedTitles, t.word)
		}
		if t.boost != boostWordTypo {
			continue
		}
		if t.title {
			titles = append(titles, t.word)
		}
		if t.docs >= typoBelow {
			held = append(held, t.word)
		}
	}
	// A title one typo away once æ, ø and å are folded comes before a
	// word no title holds as typed: "tomer" (typed without ø, one letter
	// left out) is the tømrer, not "timer" (hours) one letter away.
	anchors := titles
	if len(anchors) == 0 {
		anchors = foldedTitles
	}
	if len(anchors) == 0 {
		anchors = held
	}
	out := make([]form, 0, len(ts))
	for _, t := range ts {
		if len(anchors) > 0 && !slices.ContainsFunc(anchors, func(w string) bool { return strings.Contains(t.word, w) }) {
			continue
		}
		if len(titles) == 0 && t.folded && slices.Contains(foldedTitles, t.word) {
			// The title meant is the whole word one typo away.
			t.boost = boostWordTypo
		}
		out = append(out, t.form)
	}
	return out
}

// reach is the number of CVs forms reach as the word itself, a spelling,
// an inflection, a compound that holds it, or a whole word one typo away
// (counted per form, so a CV may count twice); 0.9 lets in a spelled-out
// abbreviation's forms, scaled by 0.9, and keeps out the weak typos.
func reach(forms []form) int {
	n := 0
	for _, f := range forms {
		if f.boost >= boostStemInfix*0.9 {
			n += int(f.docs)
		}
	}
	return n
}

// boostPart scales the forms of a compound's first part, looked for when
// the compound itself reaches nobody; maxPartWord bounds the words split.
const (
	boostPart   = 0.5
	maxPartWord = 30
	maxScans    = 16
	maxParts    = 3 // query words split, per query
)

// firstPart splits a word no CV holds into a first part that reaches CVs
// (as a word, an inflection or a compound that begins with it: at least
// typoBelow of them; compounds that hold it elsewhere and are rarer come
// along) and a last part some CV holds, alone or as the end of
// a compound, or (four letters or more) that ends a word of the taxonomy's
// Danish occupation names ("truck|fører", "rengørings|dame",
// "kasse|medarbejder"; the linking s or e is dropped). The longest such
// first part wins; its forms come back scaled by boostPart, via "part". A
// Danish compound is a kind of its last part, but the first part says
// which: a "truckfører" is found by the truck certificates and truck
// driving CVs hold.
func (v *vocab) firstPart(token string, endsAWord func(string) bool) (string, []form) {
	runes := []rune(token)
	// Longer than any compound a CV holds is no word to split: each split
	// scans the vocabulary.
	if len(runes) < 7 || len(runes) > maxPartWord || strings.ContainsAny(token, "- ") {
		return "", nil
	}
	v.mu.RLock()
	held := v.heldLocked(token)
	// The longest end of token that another, longer CV word ends in (one
	// scan for every split below): each shorter end is one too.
	ending := 0
	if !held {
		for _, o := range v.words {
			if o.docs > 0 && o.word != token {
				ending = max(ending, min(commonSuffix(o.word, token), len(o.word)-1))
			}
		}
	}
	v.mu.RUnlock()
	if held {
		return "", nil
	}
	// A first part of three letters begins everyday words by chance
	// ("dag|plejer" → daglige, dagligvarer): four or more.
	for p := len(runes) - 3; p >= 4; p-- {
		left, right := string(runes[:p]), string(runes[p:])
		// "plad|smand" splits the word "plads" (plad|e is another).
		if strings.HasPrefix(right, "s") && v.isAWord(left+"s") && !v.isAWord(left) {
			continue
		}
		v.mu.RLock()
		// A last part of three letters must be a word some CV holds
		// ("kok", "bud"): many words end in "ent" or "ion" by chance, and
		// "ekspedi|ent" read "ekspedient" as the bakers' "ekspedition".
		short := utf8.RuneCountInString(right) < 4
		ok := !short && len(right) <= ending || v.heldLocked(right)
		v.mu.RUnlock()
		if !ok && endsAWord != nil && !short {
			ok = endsAWord(right)
		}
		// A word of the Danish dictionary ends a compound as well as one
		// the CVs hold: "lager|folk", "rengørings|folk".
		if !ok && !short {
			ok = v.inDict(right)
		}
		if !ok {
			continue
		}
		// Without the linking s first ("rengørings" → rengøring, which
		// also reaches erhvervsrengøring), then as typed, then without
		// a final e.
		// A word that ends in s of its own ("plads") is that word, not
		// the letters before a linking s ("plad", which plade|arbejde
		// begins with).
		var cands []string
		if b, cut := strings.CutSuffix(left, "s"); cut && utf8.RuneCountInString(b) >= 4 && !(v.isAWord(left) && !v.isAWord(b)) {
			cands = append(cands, b)
		}
		cands = append(cands, left)
		if b, cut := strings.CutSuffix(left, "e"); cut && utf8.RuneCountInString(b) >= 4 {
			cands = append(cands, b)
		}
		for _, l := range cands {
			// A first part that is a function word of Danish ("have",
			// to have; "være") is that word thousands of times in the
			// CVs' sentences: "have|arbejder" found the pædagoger who
			// "have ansvar" and work in a børnehave.
			if stopwords[l] || auxiliaries[l] {
				continue
			}
			var out, all []form
			n := 0
			for _, f := range v.expand(l, false) {
				if f.boost >= boostInfix && v.holdsPart(f.word, l) {
					// Counted only where it begins a word: a first
					// part is a word of its own, which other compounds
					// begin with ("truck" of truckcertifikat), not
					// letters found inside words ("vice" of service).
					if f.boost >= boostPrefix {
						n += int(f.docs)
					}
					f.boost *= boostPart
					f.via = "part"
					all = append(all, f)
				}
			}
			if n >= typoBelow && v.isFirstPart(l, all) {
				// A compound that holds the part after letters of its
				// own is a kind of it where a title holds it
				// ("maskin|operatør") or it is rarer than the words that
				// begin with the part ("værelses|rengøring",
				// "gaffel|truck…"); else it is another word that holds
				// the letters: "overblikket" (300 of the demo's CVs)
				// for the blik of blikkenslager (5), "København" for the
				// havn of havnearbejder.
				for _, f := range all {
					if credentialOf(f.word, l) && credentialOf(token, l) {
						// The same credential by another name:
						// "hygiejnecertifikat" is the hygiejnebevis,
						// "truckkort" the truckcertifikat, above every
						// CV that only writes of hygiejne or trucks
						// (the part itself, a whole word, is at
						// boostWord × boostPart): as an inflection of
						// the word typed.
						f.boost = boostInflection
						out = append(out, f)
						continue
					}
					if f.boost >= boostPrefix*boostPart || int(f.docs) <= n || v.inTitles(f.word) {
						out = append(out, f)
					}
				}
				return l, out
			}
		}
	}
	return "", nil
}

// credentials are the last parts of a Danish compound that name a proof of
// what its first part says: a hygiejnebevis, -certifikat or -kursus is one
// thing, as are a truckcertifikat and a truckkort.
var credentials = []string{"certifikat", "certifikater", "bevis", "beviser", "kort", "kursus", "kurser", "licens", "uddannelse"}

// credentialOf reports whether w is the first part l (with or without a
// linking s) and then a credential.
func credentialOf(w, l string) bool {
	rest, ok := strings.CutPrefix(w, l)
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "s")
	return slices.Contains(credentials, rest)
}

// holdsPart reports whether word holds the first part l as a part of its
// own: as written (or spelled in ASCII), not only folded ("tand" is no
// part of "selvstændig", whose skeleton holds it), and not inside another
// word (insideAWordLocked).
func (v *vocab) holdsPart(word, l string) bool {
	at := strings.Index(word, l)
	if at < 0 {
		word = asciiSpelling(word)
		if at = strings.Index(word, l); at < 0 {
			return false
		}
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	return !v.insideAWordLocked(word, l, at)
}

// insideAWordLocked reports whether token, at byte at of w, lies inside a
// longer word some CV holds that begins within w's earlier letters:
// "sundhedstil|stand" holds "tand" inside "stand", "lade|standere" inside
// "standere". A word of the Danish dictionary (vocab.dict) counts as held
// though no CV holds it alone ("tilstand", "stand"). A word that ends in
// token after a first part of its own is a compound of token
// ("føde|varelager" holds "lager" as varelager's), and one that begins w
// is w's own first part ("gaffeltruck|certifikat").
func (v *vocab) insideAWordLocked(w, token string, at int) bool {
	end := at + len(token)
	for i := 1; i < at; i++ {
		if !utf8.RuneStart(w[i]) {
			continue
		}
		for j := end; j <= len(w); j++ {
			if j < len(w) && !utf8.RuneStart(w[j]) || !v.heldLocked(w[i:j]) && !v.inDict(w[i:j]) {
				continue
			}
			if j == end && (v.isPartLocked(w[i:at]) || v.inDict(w[i:at]) || v.inDict(strings.TrimSuffix(w[i:at], "s"))) {
				continue
			}
			return true
		}
	}
	return false
}

func (v *vocab) inDict(w string) bool { return v.dict != nil && v.dict(w) }

// wordPrefixLocked reports whether w, which begins with the whole word
// token (or its skeleton s), is token inflected or a compound of it. An
// adjective's compound is another word ("egen|kontrol", "ny|uddannet"),
// unless it is a job title ("social|rådgiver"); a district's name has
// none ("vejle|dning"). Three letters begin many words by chance, as they
// end them ("sta|bil"): after them, the rest must be a Danish ending or
// (after a linking s or e) a word some CV holds or the dictionary knows,
// alone or inflected, or the last part of other compounds too (a scan of
// the vocabulary, at most maxScans for one query word): "bus|chauffør",
// "bil|forhandler", not "bil|letsalg". Longer words are compounds'
// first parts as typed ("service|minded").
func (v *vocab) wordPrefixLocked(w vocabWord, token, s string, adjective, place bool, scans *int) bool {
	rest, ok := strings.CutPrefix(w.word, token)
	if !ok {
		rest = strings.TrimPrefix(w.skel, s)
	}
	ending := func(x string) bool {
		return stemEndings[x] || stemEndings[Skeleton(x)] || slices.Contains(danishEndings, x)
	}
	if ending(rest) {
		return true
	}
	// A doubled last letter before an ending: "kokken", "butikkerne".
	if last, size := utf8.DecodeLastRuneInString(token); len(rest) > size && strings.HasPrefix(rest, string(last)) && ending(rest[size:]) {
		return true
	}
	if place || adjective && !w.title() {
		return false
	}
	if utf8.RuneCountInString(token) > 3 {
		return true
	}
	word := func(x string) bool {
		if utf8.RuneCountInString(x) < 3 {
			return false
		}
		if v.heldLocked(x) || v.isPartOrDictLocked(x) || slices.Contains(credentials, x) {
			return true
		}
		for _, e := range danishEndings {
			if b, ok := strings.CutSuffix(x, e); ok && utf8.RuneCountInString(b) >= 3 && (v.heldLocked(b) || v.isPartOrDictLocked(b)) {
				return true
			}
		}
		if utf8.RuneCountInString(x) < 4 {
			return false
		}
		if *scans >= maxScans {
			return true
		}
		*scans++
		return v.endsOthersLocked(w.word, x, 1)
	}
	// After the last letter doubled and a linking e: "nat|te|vagt",
	// "nat|te|arbejde" ("nat" reached only "natten").
	rests := []string{rest, strings.TrimPrefix(rest, "s"), strings.TrimPrefix(rest, "e")}
	if last, size := utf8.DecodeLastRuneInString(token); strings.HasPrefix(rest, string(last)+"e") {
		rests = append(rests, rest[size+1:])
	}
	for _, r := range rests {
		if word(r) {
			return true
		}
		for i := range r {
			if i > 0 && utf8.RuneCountInString(r[:i]) >= 4 && (v.heldLocked(r[:i]) || v.inDict(r[:i])) && word(strings.TrimPrefix(r[i:], "s")) {
				return true
			}
		}
	}
	return false
}

// doubledEnding reports whether cut, what the stemmer took off after
// stem, is the stem's last letter doubled and an ending ("lægger":
// gulvlæg|g|er).
func doubledEnding(stem, cut string) bool {
	last, size := utf8.DecodeLastRuneInString(stem)
	rest, ok := strings.CutPrefix(cut, string(last))
	return ok && size > 0 && rest != "" && (stemEndings[rest] || slices.Contains(danishEndings, rest))
}

// isAdjective reports whether w is a Danish adjective: some CV holds (or
// the dictionary knows) both its -e and its -t form ("personlige",
// "personligt"), or, in -en, -el or -er, the -e form without the last e
// and the -t form without the n ("egne", "eget"). No noun has both:
// "lager" has "lagre" but no "lagert".
func (v *vocab) isAdjective(w string) bool {
	if v.isAWord(w+"e") && v.isAWord(w+"t") {
		return true
	}
	r := []rune(w)
	n := len(r)
	if n < 4 || r[n-2] != 'e' || !strings.ContainsRune("nlr", r[n-1]) {
		return false
	}
	e := string(r[:n-2]) + string(r[n-1]) + "e"
	return v.isAWord(e) && r[n-1] == 'n' && v.isAWord(string(r[:n-1])+"t")
}

// auxiliaries are the Danish auxiliary verbs' infinitives the stop words
// leave out: no first part of a compound the search can read.
var auxiliaries = map[string]bool{"have": true, "gøre": true, "måtte": true, "burde": true, "turde": true}

// isAWord reports whether some CV holds w as a word, or the Danish
// dictionary knows it.
func (v *vocab) isAWord(w string) bool { return v.holds(w) || v.inDict(w) }

// isFirstPart reports whether l is a word of its own: some CV holds it,
// a CV word ends in it after three letters or more ("erhvervs|rengøring"),
// or a CV word is l and then (after a linking s or e) a word of three
// letters or more that some CV holds ("truck|certifikat") or the Danish
// dictionary knows ("kantine|drift", where no CV writes "drift"). Letters that
// only begin words are no part: "eksped" of ekspedition.
func (v *vocab) isFirstPart(l string, forms []form) bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.heldLocked(l) {
		return true
	}
	for _, f := range forms {
		if head, ok := strings.CutSuffix(f.word, l); ok && utf8.RuneCountInString(head) >= 3 {
			return true
		}
		tail, ok := strings.CutPrefix(f.word, l)
		if !ok || tail == "" {
			continue
		}
		for _, t := range []string{tail, strings.TrimPrefix(tail, "s"), strings.TrimPrefix(tail, "e")} {
			if utf8.RuneCountInString(t) >= 3 && (v.heldLocked(t) || v.inDict(t)) {
				return true
			}
		}
	}
	return false
}

// afterAPartLocked reports whether the letters before token in w (its
// first place there) can be the first part of a compound: three letters or
// more ("løn|bogholder", "fod|pleje"), or two that some CV holds as a word
// ("ud|salg"). "Grevinge" holds "rev" after a lone "g", "breve" after a
// "b": no compounds of it.
func (v *vocab) afterAPartLocked(w, token string) bool {
	i := strings.Index(w, token)
	if i <= 0 {
		return i == 0
	}
	n := utf8.RuneCountInString(w[:i])
	return n >= 3 || n == 2 && v.isPartLocked(w[:i])
}

// commonSuffix is the length in bytes of the longest end a and b share.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// heldLocked reports whether some CV holds w.
// holds reports whether some CV holds w as a word.
func (v *vocab) holds(w string) bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.heldLocked(w)
}

func (v *vocab) heldLocked(w string) bool {
	i, ok := v.pos[w]
	return ok && v.words[i].docs > 0
}

// isPartOrDictLocked reports whether m is the first part of a compound
// (isPartLocked) or a word of the Danish dictionary, with or without a
// linking s. Without a dictionary (an index opened without the taxonomy)
// letters of four or more may be a part: no word can be told from them.
func (v *vocab) isPartOrDictLocked(m string) bool {
	if v.dict == nil && utf8.RuneCountInString(m) >= 4 {
		return true
	}
	return v.isPartLocked(m) || v.inDict(m) || v.inDict(strings.TrimSuffix(m, "s"))
}

// isPartLocked reports whether m is the first part of a compound: a word
// some CV holds, or one with the linking s or e ("bus", "produktions").
func (v *vocab) isPartLocked(m string) bool {
	if utf8.RuneCountInString(m) < 2 {
		return false
	}
	if v.heldLocked(m) {
		return true
	}
	if base, ok := strings.CutSuffix(m, "s"); ok && utf8.RuneCountInString(base) >= 2 && v.heldLocked(base) {
		return true
	}
	base, ok := strings.CutSuffix(m, "e")
	return ok && utf8.RuneCountInString(base) >= 2 && v.heldLocked(base)
}

// straddlesLocked reports whether every place inside w (not at its end)
// that holds token runs across a seam of w's parts: the token begins with
// the linking s or e after a word some CV holds, and the rest is the last
// part of other compounds too ("produktion|s|medarbejder" and
// "butik|s|medhjælper" for "smed"; not "kunde|servicemedarbejder" for
// "service"), or a word of four letters or more
// that some CV holds begins inside the token, after a first part
// (isPartLocked), and ends beyond it.
//
// The linking-s check scans the vocabulary; scans bounds how many one
// query word may make (maxScans), after which such a word is kept.
func (v *vocab) straddlesLocked(w, token string, scans *int) bool {
	for from := 0; ; {
		i := strings.Index(w[from:], token)
		if i < 0 {
			return true
		}
		i += from
		end := i + len(token)
		if end == len(w) {
			return false
		}
		crosses := (token[0] == 's' || token[0] == 'e') && utf8.RuneCountInString(token) >= 4 &&
			utf8.RuneCountInString(w[:i]) >= 3 && v.heldLocked(w[:i]) && *scans < maxScans
		if crosses {
			*scans++
			crosses = v.endsOthersLocked(w, w[i+1:], 2)
		}
		for j := i + 1; j < end && !crosses; j++ {
			if !utf8.RuneStart(w[j]) || !v.isPartLocked(w[:j]) {
				continue
			}
			for k := end + 1; k <= len(w); k++ {
				if k < len(w) && !utf8.RuneStart(w[k]) {
					continue
				}
				if utf8.RuneCountInString(w[j:k]) >= 4 && v.heldLocked(w[j:k]) {
					crosses = true
					break
				}
			}
		}
		if !crosses {
			return false
		}
		from = i + 1
	}
}

// endsOthersLocked reports whether at least n words besides w end in
// tail, a compound's last part ("medarbejder" of lagermedarbejder and
// pakkerimedarbejder): a scan of the vocabulary, only for a word whose
// letters may run across a linking s (straddlesLocked).
func (v *vocab) endsOthersLocked(w, tail string, n int) bool {
	if utf8.RuneCountInString(tail) < 3 {
		return false
	}
	for _, o := range v.words {
		if o.docs > 0 && o.word != w && len(o.word) > len(tail) && strings.HasSuffix(o.word, tail) {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// danishEndings are the endings of Danish nouns in the plural, the
// definite form and the genitive, longest first: -e/-er/-r for the plural,
// -en/-et/-n for the definite, -ene/-erne/-ne for both, -s after any.
// stemEndings are the letters (as spelling skeletons) a word may have after
// a query word's stem to be its inflection or a near derivation:
// "tømrer", "tømrere" of tømr; "udvikling" of udvikl; "slagteri" of slagt.
// Other letters make other words: "danser" is no "dansk" (dans|k), "medier"
// no "medical", "hjælper" no "hjælpsom".
var stemEndings = map[string]bool{"": true, "e": true, "er": true, "en": true, "et": true, "es": true, "s": true, "r": true, "n": true,
	"t": true, "ne": true, "ene": true, "ere": true, "ens": true, "ers": true, "ets": true, "nes": true, "ing": true, "de": true, "te": true,
	"ede": true, "ret": true, "eri": true, "i": true}

var danishEndings = []string{"ernes", "enes", "erne", "ene", "ens", "ets", "ers", "nes", "ns", "ne", "en", "et", "er", "es", "e", "n", "r", "s"}

// baseForm is a form reached through a base of the typed word (the index
// of the base in withoutEnding's answer).
type baseForm struct {
	form
	base int
	// folded: the word holds the base only as a skeleton, another word's
	// letters ("lægerne" for the base "lager" of "lagerne").
	folded bool
}

// withoutEnding returns the typed word without each Danish ending it has,
// as the words a vocabulary lookup compares (written when the word was
// typed with æ/ø/å, else skeletons): at least four letters, and a doubled
// final consonant also single ("butikken" → butik).
func withoutEnding(token string, written bool) []string {
	var out []string
	add := func(b string, least int) {
		if !written {
			b = Skeleton(b)
		}
		if utf8.RuneCountInString(b) >= least && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, e := range danishEndings {
		b, ok := strings.CutSuffix(token, e)
		if !ok {
			continue
		}
		add(b, 4)
		// Three letters where a plural doubled the last ("kokke",
		// "kokkene" → kok); not "kokken", which is also køkken typed
		// without ø (the everyday set reads it so).
		least := 4
		if e == "e" || e == "ene" {
			least = 3
		}
		if n := len(b); n >= 4 && b[n-1] == b[n-2] && !strings.ContainsRune("aeiouyæøå", rune(b[n-1])) {
			add(b[:n-1], least)
		}
	}
	if full, ok := syncope(token); ok {
		add(full, 4)
	}
	return out
}

// syncope returns the word a word in -ne, -le or -re after a consonant
// may be inflected from: an adjective or noun in -en, -el or -er loses
// that e before an ending ("erfarne" is erfaren, "lagre" lager, "travle"
// travel).
func syncope(token string) (string, bool) {
	// With its definite or genitive ending after the lost e: "lagrene",
	// "lagrenes", "lagres" are lager's too.
	for _, end := range []string{"", "ne", "nes", "s"} {
		t, ok := strings.CutSuffix(token, end)
		if !ok {
			continue
		}
		r := []rune(t)
		if n := len(r); n >= 5 && r[n-1] == 'e' && strings.ContainsRune("nlr", r[n-2]) && !strings.ContainsRune("aeiouyæøå", r[n-3]) {
			return string(r[:n-2]) + "e" + string(r[n-2]), true
		}
	}
	return "", false
}

// baseOf reports which of bases w is, or is an inflection of (at most two
// more letters: "bageren", "bageri"), both whole; or begins with (a
// compound of at least three more letters); or -1.
func baseOf(bases []string, w vocabWord, written bool) (int, bool) {
	x := w.skel
	if written {
		x = w.word
	}
	for i, b := range bases {
		if strings.HasPrefix(x, b) {
			return i, utf8.RuneCountInString(x)-utf8.RuneCountInString(b) < 3
		}
	}
	return -1, false
}

// baseInside reports which of bases of five letters or more w holds after
// its start (a compound ending in it: "pizzabager" for "bager"), or -1,
// and whether w ends with it.
func baseInside(bases []string, w vocabWord, written bool) (int, bool) {
	x := w.skel
	if written {
		x = w.word
	}
	for i, b := range bases {
		if len(x) > 1 && utf8.RuneCountInString(b) >= 5 && strings.Contains(x[1:], b) {
			return i, strings.HasSuffix(x, b)
		}
	}
	return -1, false
}

// danishLetters reads the ASCII spellings ae, oe and aa as æ, ø and å
// ("laege" → "læge"), for a look in the Danish dictionary.
func danishLetters(w string) string {
	if !strings.Contains(w, "ae") && !strings.Contains(w, "oe") && !strings.Contains(w, "aa") {
		return w
	}
	return strings.NewReplacer("ae", "æ", "oe", "ø", "aa", "å").Replace(w)
}

// asciiSpelling writes æ, ø and å as people type them without a Danish
// keyboard: ae, oe, aa.
func asciiSpelling(w string) string {
	if !strings.ContainsAny(w, "æøå") {
		return w
	}
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(w)
}

// withinOneEdit reports whether some substring of w is at most one edit
// (insertion, deletion, substitution, transposition of neighbours) away
// from q. One edit leaves one half of q intact (a swap across the middle
// leaves both halves but their inner letters), so w must hold that much of
// q exactly; only then is the distance computed.
func withinOneEdit(q, w string) bool {
	if len(w)+1 < len(q) {
		return false
	}
	// Byte offsets of the letters around the middle (no allocation: this
	// runs for every word of the vocabulary).
	n := utf8.RuneCountInString(q)
	h := n / 2
	at := func(k int) int {
		i := 0
		for j := range q {
			if i == k {
				return j
			}
			i++
		}
		return len(q)
	}
	mid := at(h)
	// A swap of the two letters at the middle breaks both halves and
	// leaves the rest of each ("folkeskloelærer").
	if !strings.Contains(w, q[:mid]) && !strings.Contains(w, q[mid:]) &&
		(h < 1 || h+1 > n || !strings.Contains(w, q[:at(h-1)]) || !strings.Contains(w, q[at(h+1):])) {
		return false
	}
	qr, wr := []rune(q), []rune(w)
	// Sellers' algorithm: edit distance of q to the best substring of w,
	// with adjacent transpositions (Damerau).
	m := len(qr)
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for i := range prev {
		prev[i] = i
	}
	for j := 1; j <= len(wr); j++ {
		cur[0] = 0
		for i := 1; i <= m; i++ {
			cost := 1
			if qr[i-1] == wr[j-1] {
				cost = 0
			}
			c := min(prev[i-1]+cost, prev[i]+1, cur[i-1]+1)
			if i > 1 && j > 1 && qr[i-1] == wr[j-2] && qr[i-2] == wr[j-1] {
				c = min(c, prev2[i-2]+1)
			}
			cur[i] = c
		}
		if cur[m] <= 1 {
			return true
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return false
}

// startsWithinOneEdit reports whether w, or its first len(q) or len(q)+1
// letters (or, for q of five letters or more, len(q)-1: "tømrrer" →
// tømrermester), are at most one edit from q.
func startsWithinOneEdit(q, w string) bool {
	qr, wr := []rune(q), []rune(w)
	ns := [4]int{len(qr), len(qr) + 1, len(wr), -1}
	if len(qr) >= 5 {
		ns[3] = len(qr) - 1
	}
	for _, n := range ns {
		if n < 0 {
			continue
		}
		if n <= len(wr) && abs(n-len(qr)) <= 1 && editDistance(q, string(wr[:n]), 1) <= 1 {
			return true
		}
	}
	return false
}

// nearest returns up to n indexed words closest in spelling to token (at
// most two edits of the whole word, or holding it): the suggestions when a
// search finds nobody. At the same distance a word some title holds comes
// first, then the more common; small words ("og", "eller", "leg" for
// "elev") find people by chance and are left out.
func (v *vocab) nearest(token string, n int) []string {
	s := Skeleton(token)
	v.mu.RLock()
	defer v.mu.RUnlock()
	type cand struct {
		word  string
		dist  int
		title bool
		docs  int32
	}
	// Two edits in a word of five letters or fewer make another word
	// ("vikar" → "især"); one is a typo.
	maxDist := 2
	if utf8.RuneCountInString(s) <= 5 {
		maxDist = 1
	}
	var cs []cand
	for _, w := range v.words {
		if len(w.skel) < 3 || stopwords[w.word] || utf8.RuneCountInString(w.word) < 4 && utf8.RuneCountInString(token) >= 4 {
			continue
		}
		if abs(len(w.skel)-len(s)) <= maxDist {
			if d := editDistance(s, w.skel, maxDist); d <= maxDist {
				cs = append(cs, cand{w.word, d, w.title(), w.docs})
				continue
			}
		}
		// A compound that begins with a word one edit from the query.
		if len(s) >= 4 && len(w.skel) > len(s)+1 {
			d := min(editDistance(s, w.skel[:len(s)], 1), editDistance(s, w.skel[:len(s)+1], 1), editDistance(s, w.skel[:len(s)-1], 1))
			if d <= 1 {
				cs = append(cs, cand{w.word, 2, w.title(), w.docs})
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		if cs[i].title != cs[j].title {
			return cs[i].title
		}
		if cs[i].docs != cs[j].docs {
			return cs[i].docs > cs[j].docs
		}
		return cs[i].word < cs[j].word
	})
	var out []string
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, c.word)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the distance of a and b in insertions, deletions,
// substitutions and transpositions of neighbours (optimal string
// alignment: "tømerr" is one edit from "tømrer", as withinOneEdit counts),
// or max+1 once it is certain to exceed max.
func editDistance(a, b string, max int) int {
	ar, br := []rune(a), []rune(b)
	prev2 := make([]int, len(br)+1)
	prev := make([]int, len(br)+1)
	cur := make([]int, len(br)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ar); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(br); j++ {
			cost := 1
			if ar[i-1] == br[j-1] {
				cost = 0
			}
			c := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && ar[i-1] == br[j-2] && ar[i-2] == br[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(br)]
}

// constScore scores every document its inner query matches with the same
// score: how a word was reached decides, not how rare the word is.
type constScore struct {
	inner query.Query
	score float64
	// filter: the clause only admits (score 0) and has no weight, so it
	// leaves the query norm, and every other clause's score, as they are
	// without it.
	filter bool
}

func (q *constScore) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	inner := options
	inner.Score = "none"
	inner.Explain = false
	s, err := q.inner.Searcher(ctx, i, m, inner)
	if err != nil {
		return nil, err
	}
	w := 1.0
	if q.filter {
		w = 0
	}
	return &constSearcher{Searcher: s, score: q.score, weight: w, explain: options.Explain}, nil
}

const constMessage = "constant"

type constSearcher struct {
	search.Searcher
	score   float64
	weight  float64
	explain bool
}

func (s *constSearcher) set(dm *search.DocumentMatch) {
	if dm == nil {
		return
	}
	dm.Score = s.score
	if s.explain {
		dm.Expl = &search.Explanation{Value: s.score, Message: constMessage}
	}
}

func (s *constSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.set(dm)
	return dm, err
}

func (s *constSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.set(dm)
	return dm, err
}

func (s *constSearcher) Weight() float64      { return s.weight }
func (s *constSearcher) SetQueryNorm(float64) {}

// sumQuery is a disjunction scored by the plain sum (or, with max, the
// highest) of its clauses' scores. Bleve's disjunction multiplies the sum
// by the share of clauses matched (coord), which would put a CV that
// matches a concept and five analysed fields above one that holds the
// exact word; the constant scores above are meant to decide. And one query
// word's ways (whole word, compound, typo) must not add up: a CV is as good
// as the best way the word reached it.
//
// Its searcher walks the clauses itself instead of reading the sum back
// from bleve's explanation of its disjunction: that explanation cost a
// formatted string and a handful of allocations for every matching CV,
// a third of the CPU of an everyday search at 150,000 CVs
// (docs/benchmarks.md).
type sumQuery struct {
	clauses []query.Query
	max     bool
	// scoreOnly clauses add their scores to the CVs the clauses above
	// find, and find none themselves: the analysed fields that break ties
	// among the words' hits ("lærer" as a stem is also "lære", "lærenem").
	scoreOnly []query.Query
}

func (q *sumQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	subs := make([]search.Searcher, 0, len(q.clauses))
	for _, c := range slices.Concat(q.clauses, q.scoreOnly) {
		s, err := c.Searcher(ctx, i, m, options)
		if err != nil {
			for _, s := range subs {
				_ = s.Close()
			}
			return nil, err
		}
		subs = append(subs, s)
	}
	s := &sumSearcher{subs: subs, currs: make([]*search.DocumentMatch, len(subs)), max: q.max, explain: options.Explain, admit: len(q.clauses)}
	// As bleve's disjunction does: the clauses' weights give the norm
	// their scores are scaled by.
	if w := s.Weight(); w > 0 {
		s.SetQueryNorm(1 / math.Sqrt(w))
	}
	return s, nil
}

// sumSearcher is the disjunction of sumQuery: each CV any clause matches,
// scored by the sum (or the highest) of the scores of the clauses that
// match it.
type sumSearcher struct {
	subs         []search.Searcher
	currs        []*search.DocumentMatch // each clause's next match; nil when done
	initialized  bool
	max, explain bool
	// admit: the first admit clauses find CVs, the others only score them.
	admit int
}

func (s *sumSearcher) init(ctx *search.SearchContext) error {
	for i, sub := range s.subs {
		dm, err := sub.Next(ctx)
		if err != nil {
			return err
		}
		s.currs[i] = dm
	}
	s.initialized = true
	return nil
}

// next combines the clauses that stand on the lowest document and moves
// them on.
func (s *sumSearcher) next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	var low index.IndexInternalID
	for _, c := range s.currs[:s.admit] {
		if c != nil && (low == nil || c.IndexInternalID.Compare(low) < 0) {
			low = c.IndexInternalID
		}
	}
	if low == nil {
		return nil, nil
	}
	for i := s.admit; i < len(s.subs); i++ {
		if c := s.currs[i]; c != nil && c.IndexInternalID.Compare(low) < 0 {
			ctx.DocumentMatchPool.Put(c)
			dm, err := s.subs[i].Advance(ctx, low)
			if err != nil {
				return nil, err
			}
			s.currs[i] = dm
		}
	}
	var rv *search.DocumentMatch
	var score float64
	var children []*search.Explanation
	for i, c := range s.currs {
		if c == nil || !c.IndexInternalID.Equals(low) {
			continue
		}
		if s.max {
			score = max(score, c.Score)
		} else {
			score += c.Score
		}
		if s.explain {
			children = append(children, c.Expl)
		}
		if rv == nil {
			rv = c
		} else {
			rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{c})
			ctx.DocumentMatchPool.Put(c)
		}
		dm, err := s.subs[i].Next(ctx)
		if err != nil {
			return nil, err
		}
		s.currs[i] = dm
	}
	rv.Score = score
	rv.Expl = nil
	if s.explain {
		if s.max {
			rv.Expl = &search.Explanation{Value: score, Message: constMessage}
		} else {
			rv.Expl = &search.Explanation{Value: score, Message: "sum of:", Children: children}
		}
	}
	return rv, nil
}

func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	return s.next(ctx)
}

func (s *sumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	for i, c := range s.currs {
		if c == nil || c.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(c)
		dm, err := s.subs[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.currs[i] = dm
	}
	return s.next(ctx)
}

func (s *sumSearcher) Weight() float64 {
	var w float64
	for _, sub := range s.subs {
		w += sub.Weight()
	}
	return w
}

func (s *sumSearcher) SetQueryNorm(qnorm float64) {
	for _, sub := range s.subs {
		sub.SetQueryNorm(qnorm)
	}
}

func (s *sumSearcher) Count() uint64 {
	var n uint64 // at most this many, as bleve's disjunction says
	for _, sub := range s.subs[:s.admit] {
		n += sub.Count()
	}
	return n
}

func (s *sumSearcher) Min() int { return 1 }

func (s *sumSearcher) Size() int {
	n := 64
	for _, sub := range s.subs {
		n += sub.Size()
	}
	return n
}

func (s *sumSearcher) DocumentMatchPoolSize() int {
	n := len(s.currs)
	for _, sub := range s.subs {
		n += sub.DocumentMatchPoolSize()
	}
	return n
}

func (s *sumSearcher) Close() error {
	var first error
	for _, sub := range s.subs {
		if err := sub.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// capped scores its clause's CVs by tieCap·x/(1+x) of the clause's score
// x: the same order, never tieCap or more. The analysed fields' scores,
// which only break ties among the words' hits, grow with a word's rarity
// and shrink with the number of clauses beside them (bleve's query norm):
// up to 4 for "tjener", more than the steps between the ways a word is
// held (a wanted title's compound against a past title's whole word).
type capped struct{ inner query.Query }

// tieCap bounds the tie-break: below the step between a whole word (10)
// and its folded spelling (9), and between the title and elsewhere
// classes of one way (5 and 4.5).
const tieCap = 0.5

func (q *capped) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.inner.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &cappedSearcher{Searcher: s, explain: options.Explain}, nil
}

type cappedSearcher struct {
	search.Searcher
	explain bool
}

func (s *cappedSearcher) set(dm *search.DocumentMatch) {
	if dm == nil {
		return
	}
	dm.Score = tieCap * dm.Score / (1 + dm.Score)
	if s.explain {
		dm.Expl = &search.Explanation{Value: dm.Score, Message: constMessage}
	}
}

func (s *cappedSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.set(dm)
	return dm, err
}

func (s *cappedSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.set(dm)
	return dm, err
}

// ingHead: skel is a compound whose last part is stem's noun in -ing
// ("postomdeling", "softwareudviklingen"), not the noun alone
// ("udvikling") nor a compound it begins ("udviklingshandicap").
func ingHead(skel, stem string) bool {
	i := strings.LastIndex(skel, stem+"ing")
	if i <= 0 {
		return false
	}
	switch skel[i+len(stem)+3:] {
	case "", "en", "er", "erne":
		return true
	}
	return false
}
