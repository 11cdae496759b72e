package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

// TestYearsInARelatedOccupationOrderItsCVs: a "vicevært" no CV names is
// found by the occupations of its ISCO unit group (the
// ejendomsserviceteknikere, at the related concept's score); among them
// the most years come first, as for a title the CVs write. All scored
// 0.50 and the demo's Kenneth Rasmussen, 28½ years an
// ejendomsservicetekniker, was not among the first ten.
func TestYearsInARelatedOccupationOrderItsCVs(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	vicevaert, _, ok1 := tax.NormalizeOccupation("vicevært")
	est, _, ok2 := tax.NormalizeOccupation("ejendomsservicetekniker")
	if !ok1 || !ok2 || vicevaert == est {
		t.Fatalf("vicevært %q, ejendomsservicetekniker %q", vicevaert, est)
	}
	tech := func(years float64) *jobmatch.Candidate {
		c := cvOf("Ejendomsservicetekniker", "Vedligehold af boligafdeling.")
		c.Experience[0].Occupation, c.Experience[0].Years = est, years
		c.DesiredOccupations[0].URI = est
		return c
	}
	ix, names := namedIndexWith(t, map[string]*jobmatch.Candidate{
		"28":  tech(28.5),
		"12":  tech(12),
		"2":   tech(2),
		"0":   tech(0),
		"0b":  tech(0.5),
		"kok": cvOf("Kok", "Kantine."),
	}, tax)
	res, err := ix.Search(context.Background(), Query{Text: "vicevært", Everyday: true, AllWords: true, Size: 50,
		Occupations: []string{vicevaert}, RelatedOccupations: []string{est}, ExperienceIn: []string{vicevaert},
		NamedWords: []string{"vicevært"}, NamedBy: map[string][]string{"vicevært": {vicevaert}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, names(Result{Hits: []Hit{h}})...)
	}
	if len(got) < 3 || !slices.Equal(got[:3], []string{"28", "12", "2"}) {
		t.Errorf("vicevært found %v, want the most years first", got)
	}
}
