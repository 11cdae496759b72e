package taxonomy

import (
	"math"
	"testing"
)

// buildMaps is the build before lexbuild.go, kept as the reference.
func (l *lexicon) buildMaps() {
	l.exact = map[string]int32{}
	for _, f := range l.forms {
		if f.kind == kindPref || f.kind == kindAlt || f.kind == kindEN {
			if _, ok := l.exact[f.text]; !ok {
				l.exact[f.text] = f.concept
			}
		}
	}
	gdf, wdf := map[string]int{}, map[string]int{}
	gramsOf := make([]map[string]int, len(l.forms))
	wordsOf := make([]map[string]int, len(l.forms))
	for i, f := range l.forms {
		gramsOf[i], wordsOf[i] = charGrams(f.text), wordStems(f.text)
		for g := range gramsOf[i] {
			gdf[g]++
		}
		for w := range wordsOf[i] {
			wdf[w]++
		}
	}
	n := float64(len(l.forms))
	l.gramIDF, l.wordIDF = idfOf(gdf, n), idfOf(wdf, n)
	for i := range l.forms {
		for g, w := range unit(gramsOf[i], l.gramIDF) {
			l.grams[g] = append(l.grams[g], posting{form: int32(i), w: float32(w)})
		}
		for t, w := range unit(wordsOf[i], l.wordIDF) {
			l.words[t] = append(l.words[t], posting{form: int32(i), w: float32(w)})
		}
	}
}

func idfOf(df map[string]int, n float64) map[string]float64 {
	out := make(map[string]float64, len(df))
	for k, d := range df {
		out[k] = math.Log(1 + n/float64(d))
	}
	return out
}

// The interned build gives the same lexicon as the map-per-form one.
func TestInternedBuildEqualsReference(t *testing.T) {
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, mk := range map[string]func() *lexicon{
		"occupations": func() *lexicon { return tx.buildOccupationLexicon(tx.star) },
		// The skill lexicon goes through the same code; its reference
		// build alone takes a minute of CPU.
	} {
		got := mk()
		want := &lexicon{forms: got.forms, grams: map[string][]posting{}, words: map[string][]posting{}}
		want.buildMaps()
		if len(got.exact) != len(want.exact) || len(got.grams) != len(want.grams) || len(got.words) != len(want.words) {
			t.Fatalf("%s: sizes %d/%d/%d, want %d/%d/%d", name, len(got.exact), len(got.grams), len(got.words), len(want.exact), len(want.grams), len(want.words))
		}
		for k, c := range want.exact {
			if got.exact[k] != c {
				t.Fatalf("%s: exact %q", name, k)
			}
		}
		same := func(kind string, g, w map[string][]posting, gi, wi map[string]float64) {
			for k, wl := range w {
				gl := g[k]
				if len(gl) != len(wl) || math.Abs(gi[k]-wi[k]) > 1e-12 {
					t.Fatalf("%s %s %q: %d postings, want %d", name, kind, k, len(gl), len(wl))
				}
				for i := range wl {
					if gl[i].form != wl[i].form || math.Abs(float64(gl[i].w-wl[i].w)) > 1e-6 {
						t.Fatalf("%s %s %q posting %d: %+v, want %+v", name, kind, k, i, gl[i], wl[i])
					}
				}
			}
		}
		same("gram", got.grams, want.grams, got.gramIDF, want.gramIDF)
		same("word", got.words, want.words, got.wordIDF, want.wordIDF)
	}
}
