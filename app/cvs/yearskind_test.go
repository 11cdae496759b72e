package cvs

import (
	"slices"
	"testing"
)

// TestYearsInTheKindAWordNames: "chauffør 3 års erfaring" asks for three
// years as a chauffør of some kind (lastbil-, bus-, taxichauffør: the
// names the word is a word or the last part of), not three years of any
// work, and the page says so ("som chauffør"); in all, lagerarbejdere and
// postbude with no year behind a wheel were found.
func TestYearsInTheKindAWordNames(t *testing.T) {
	occupations := func(q string) []string {
		iq, _ := readQuery(t, q)
		if len(iq.Occupations) == 0 {
			t.Fatalf("%q names no occupation", q)
		}
		return iq.Occupations
	}
	kinds := [][]string{occupations("lastbilchauffør"), occupations("buschauffør"), occupations("taxichauffør")}
	others := slices.Concat(occupations("lagerarbejder"), occupations("postbud"), occupations("pædagog"))
	for _, q := range []string{"chauffør 3 års erfaring", "chauffor med 3 års erfaring", "mindst 2 års erfaring chauffør", "chauffør 5 years of experience"} {
		iq, interp := readQuery(t, q)
		for i, kind := range kinds {
			if !slices.ContainsFunc(kind, func(u string) bool { return slices.Contains(iq.YearsIn, u) }) {
				t.Errorf("%q: years in %v, none of kind %d %v", q, iq.YearsIn, i, kind)
			}
		}
		for _, u := range others {
			if slices.Contains(iq.YearsIn, u) {
				t.Errorf("%q: years in %s too", q, u)
			}
		}
		var years *Interpretation
		for i := range interp {
			if interp[i].Via == "experience" {
				years = &interp[i]
			}
		}
		if years == nil || years.Title != "chauffør" || years.URI == "" {
			t.Errorf("%q: read %+v, want the years as chauffør", q, years)
		}
	}
	// An occupation's own name still names its years alone.
	iq, _ := readQuery(t, "kok 5 års erfaring")
	if !slices.Equal(iq.YearsIn, occupations("kok")) {
		t.Errorf("kok 5 års erfaring: years in %v, want kok's", iq.YearsIn)
	}
}
