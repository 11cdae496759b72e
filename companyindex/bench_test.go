package companyindex

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// benchQueries returns, per kind, queries as the hotline types them,
// drawn from es.
func benchQueries(es []Entry, n int) []struct {
	kind    string
	queries []string
} {
	rng := rand.New(rand.NewPCG(2, 2))
	randomWord := func(minLen int) (Entry, []string, int) {
		for {
			e := es[rng.IntN(len(es))]
			ws := strings.Fields(e.Name)
			i := rng.IntN(len(ws))
			if len([]rune(ws[i])) >= minLen && !isLegalForm(ws[i]) {
				return e, ws, i
			}
		}
	}
	prefix := func(w string, n int) string { return string([]rune(w)[:n]) }

	kinds := []struct {
		kind string
		gen  func() string
	}{
		{"cvr4", func() string { return es[rng.IntN(len(es))].CVR[:4] }},
		{"prefix2", func() string { _, ws, i := randomWord(2); return strings.ToLower(prefix(ws[i], 2)) }},
		{"prefix3", func() string { _, ws, i := randomWord(3); return strings.ToLower(prefix(ws[i], 3)) }},
		{"twotokens", func() string {
			for {
				e := es[rng.IntN(len(es))]
				ws := strings.Fields(e.Name)
				if len(ws) >= 2 && len([]rune(ws[0])) >= 4 && len([]rune(ws[1])) >= 3 {
					return prefix(ws[0], 4) + " " + prefix(ws[1], 3)
				}
			}
		}},
		{"fullname", func() string { return es[rng.IntN(len(es))].Name }},
		{"typo", func() string {
			_, ws, i := randomWord(5)
			r := []rune(ws[i])
			j := 1 + rng.IntN(len(r)-2)
			r[j], r[j+1] = r[j+1], r[j]
			ws[i] = string(r)
			return strings.Join(ws, " ")
		}},
	}
	out := make([]struct {
		kind    string
		queries []string
	}, len(kinds))
	for k, kd := range kinds {
		out[k].kind = kd.kind
		for range n {
			out[k].queries = append(out[k].queries, kd.gen())
		}
	}
	return out
}

// BenchmarkSearch20k searches 20,000 synthetic companies with a mix of
// query kinds, and with each kind alone.
func BenchmarkSearch20k(b *testing.B) {
	es := Synthetic(20000, 1)
	ix := New()
	ix.PutAll(es)
	ix.Search("warm up", 1) // build the snapshot outside the timings

	kinds := benchQueries(es, 64)
	var mix []string
	for i := range 64 {
		for _, k := range kinds {
			mix = append(mix, k.queries[i])
		}
	}
	b.Run("mix", searchLoop(ix, mix))
	for _, k := range kinds {
		b.Run(k.kind, searchLoop(ix, k.queries))
	}
}

func searchLoop(ix *Index, queries []string) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			ix.Search(queries[i%len(queries)], DefaultLimit)
			i++
		}
	}
}

// BenchmarkBuild20k measures loading 20,000 companies and building the
// search structures, which is also what the first Search after a change
// costs.
func BenchmarkBuild20k(b *testing.B) {
	es := Synthetic(20000, 1)
	b.ReportAllocs()
	for b.Loop() {
		ix := New()
		ix.PutAll(es)
		ix.current()
	}
}

// BenchmarkPutSearch20k measures the worst case of interleaved writes:
// every Search follows a Put and rebuilds.
func BenchmarkPutSearch20k(b *testing.B) {
	es := Synthetic(20000, 1)
	ix := New()
	ix.PutAll(es)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := es[i%len(es)]
		e.ContactID = strconv.Itoa(i)
		ix.Put(e)
		ix.Search("vest bil", DefaultLimit)
		i++
	}
}
