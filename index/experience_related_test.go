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

// TestRelatedYearsDoNotAddToTheNamedOnes: for a title the CVs hold, years
// in a related occupation do not add to the years in it: 2 years as one and
// 21 in a related one come after 6 years as one (a pædagog of 2 years with
// 21 as pædagogmedhjælper came first for "pædagog", before 24 years).
func TestRelatedYearsDoNotAddToTheNamedOnes(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	named, _, ok1 := tax.NormalizeOccupation("pædagog")
	related, _, ok2 := tax.NormalizeOccupation("pædagogmedhjælper")
	if !ok1 || !ok2 || named == related {
		t.Fatalf("pædagog %q, pædagogmedhjælper %q", named, related)
	}
	cv := func(namedYears, relatedYears float64) *jobmatch.Candidate {
		c := cvOf("Pædagog", "Børnehave.")
		c.Experience[0].Occupation, c.Experience[0].Years = named, namedYears
		c.Experience = append(c.Experience, jobmatch.Experience{Title: "Pædagog", Employer: "Sønderborg Kommune", Occupation: related, Years: relatedYears})
		c.DesiredOccupations[0].URI = named
		return c
	}
	ix, names := namedIndexWith(t, map[string]*jobmatch.Candidate{
		"2+21": cv(2, 21),
		"6":    cv(6, 0),
	}, tax)
	res, err := ix.Search(context.Background(), Query{Text: "pædagog", Everyday: true, AllWords: true, Size: 10,
		Occupations: []string{named}, RelatedOccupations: []string{related}, ExperienceIn: []string{named},
		NamedWords: []string{"pædagog"}, NamedBy: map[string][]string{"pædagog": {named}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, names(Result{Hits: []Hit{h}})...)
	}
	if !slices.Equal(got, []string{"6", "2+21"}) {
		t.Errorf("pædagog found %v, want 6 years as one before 2 years and 21 in a related one", got)
	}
}
