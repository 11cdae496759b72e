package taxonomy

import (
	"math"
	"slices"
	"strings"
)

// buildInterned computes what build always did (exact labels, IDF of the
// character n-grams and word stems, L2-normalised TF-IDF postings) with each
// distinct gram and stem numbered once, so the work per occurrence is one
// map lookup instead of three map writes and two maps per form. It builds
// the occupation and skill lexicons about four times faster; they are built
// at every start before the service says it is ready (taxonomy.Warm).
func (l *lexicon) buildInterned() {
	l.exact = map[string]int32{}
	for _, f := range l.forms {
		if f.kind == kindPref || f.kind == kindAlt || f.kind == kindEN {
			if _, ok := l.exact[f.text]; !ok {
				l.exact[f.text] = f.concept
			}
		}
	}
	var grams, words interner
	formGrams := make([][]termCount, len(l.forms))
	formWords := make([][]termCount, len(l.forms))
	var ids []int32
	var offs []int
	for i, f := range l.forms {
		ids = ids[:0]
		for _, w := range strings.Fields(f.text) {
			p := " " + w + " "
			offs = offs[:0]
			for j := range p {
				offs = append(offs, j)
			}
			offs = append(offs, len(p))
			runes := len(offs) - 1
			for size := 3; size <= 5; size++ {
				for j := 0; j+size <= runes; j++ {
					ids = append(ids, grams.id(p[offs[j]:offs[j+size]]))
				}
			}
		}
		formGrams[i] = runs(ids)
		ids = ids[:0]
		for _, w := range strings.Fields(f.text) {
			if stopwords[w] {
				continue
			}
			ids = append(ids, words.id(stemDA(w)))
			if e := stemEN(w); e != w {
				ids = append(ids, words.id("en:"+e))
			}
		}
		formWords[i] = runs(ids)
	}
	n := float64(len(l.forms))
	l.grams, l.gramIDF = grams.postings(formGrams, n)
	l.words, l.wordIDF = words.postings(formWords, n)
}

// termCount is a term's number and how often it occurs in one form.
type termCount struct {
	id, count int32
}

// runs counts the ids (sorted in place).
func runs(ids []int32) []termCount {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	out := make([]termCount, 0, len(ids))
	for _, id := range ids {
		if k := len(out) - 1; k >= 0 && out[k].id == id {
			out[k].count++
		} else {
			out = append(out, termCount{id: id, count: 1})
		}
	}
	return slices.Clip(out)
}

// interner numbers distinct strings.
type interner struct {
	ids  map[string]int32
	strs []string
}

func (t *interner) id(s string) int32 {
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	if id, ok := t.ids[s]; ok {
		return id
	}
	id := int32(len(t.strs))
	t.ids[s] = id
	t.strs = append(t.strs, s)
	return id
}

// postings turns the per-form counts into IDF and normalised postings, as
// idf and unit do for one form.
func (t *interner) postings(forms [][]termCount, n float64) (map[string][]posting, map[string]float64) {
	df := make([]int32, len(t.strs))
	for _, tcs := range forms {
		for _, tc := range tcs {
			df[tc.id]++
		}
	}
	idf := make([]float64, len(t.strs))
	idfMap := make(map[string]float64, len(t.strs))
	for id, d := range df {
		idf[id] = math.Log(1 + n/float64(d))
		idfMap[t.strs[id]] = idf[id]
	}
	lists := make([][]posting, len(t.strs))
	for id, d := range df {
		lists[id] = make([]posting, 0, d)
	}
	var w []float64
	for i, tcs := range forms {
		w = w[:0]
		var norm float64
		for _, tc := range tcs {
			v := (1 + math.Log(float64(tc.count))) * idf[tc.id]
			w = append(w, v)
			norm += v * v
		}
		if norm != 0 {
			norm = math.Sqrt(norm)
		} else {
			norm = 1
		}
		for k, tc := range tcs {
			lists[tc.id] = append(lists[tc.id], posting{form: int32(i), w: float32(w[k] / norm)})
		}
	}
	m := make(map[string][]posting, len(t.strs))
	for id, s := range t.strs {
		m[s] = lists[id]
	}
	return m, idfMap
}
