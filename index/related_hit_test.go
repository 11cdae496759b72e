package index

import (
	"context"
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

// TestAHitOfARelatedOccupationSaysSo: "murer" finds the tømrer of the same
// ISCO group too, who writes no "murer"; such a hit is marked Related, so
// the page can say so, and the murere are not. The demo's "murer Bornholm"
// found one tømrer, shown as if he were a murer.
func TestAHitOfARelatedOccupationSaysSo(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	murer, _, ok1 := tax.NormalizeOccupation("murer")
	tomrer, _, ok2 := tax.NormalizeOccupation("tømrer")
	if !ok1 || !ok2 || murer == tomrer {
		t.Fatalf("murer %q, tømrer %q", murer, tomrer)
	}
	of := func(title, uri, summary string) *jobmatch.Candidate {
		c := cvOf(title, summary)
		c.Experience[0].Occupation = uri
		c.DesiredOccupations[0].URI = uri
		return c
	}
	ix, _ := namedIndexWith(t, map[string]*jobmatch.Candidate{
		"murer":  of("Murer", murer, "Svend."),
		"murer2": of("Murersvend", murer, "Facader."),
		"tømrer": of("Tømrer", tomrer, "Tage og vinduer."),
		"kok":    cvOf("Kok", "Kantine."),
	}, tax)
	for _, all := range []bool{false, true} {
		res, err := ix.Search(context.Background(), Query{Text: "murer", Everyday: true, AllWords: all, Size: 10, CVs: true,
			Occupations: []string{murer}, RelatedOccupations: []string{tomrer}, NamedWords: []string{"murer"}})
		if err != nil {
			t.Fatal(err)
		}
		related := map[string]bool{}
		for _, h := range res.Hits {
			c, _ := h.Candidate()
			related[c.Experience[0].Title] = h.Related
		}
		want := map[string]bool{"Murer": false, "Murersvend": false, "Tømrer": true}
		if len(related) != len(want) {
			t.Errorf("all words %v: murer found %v, want %v", all, related, want)
		}
		for k, v := range want {
			if r, ok := related[k]; !ok || r != v {
				t.Errorf("all words %v: %s related %v (found %v), want %v", all, k, r, ok, v)
			}
		}
	}
}
