package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

// TestSectorWordIsItsOccupations: a sector a consultant names ("byggeri",
// "byggebranchen", "industrien", "ældrepleje") is the occupations CVs
// write for it: "flygtning med erfaring fra byggeri" found only the few
// who wrote "boligbyggeri", not the refugee with years as a murer nor the
// one who wants to be a tømrer.
func TestSectorWordIsItsOccupations(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cvs := map[string]*jobmatch.Candidate{
		"murer":    cvOf("Murer", "13 års erfaring som murer i Syrien."),
		"tømrer":   cvOf("Tømrer", "Vil gerne arbejde som tømrer."),
		"stillads": cvOf("Stilladsmontør", "Stilladser til boligbyggeri."),
		"kok":      cvOf("Kok", "Frokost i kantine."),
		"butik":    cvOf("Butiksassistent", "Kasse og varer."),
		"prod":     cvOf("Produktionsmedarbejder", "Pakning ved samlebånd."),
		"sosu":     cvOf("Social- og sundhedshjælper", "Hjemmepleje og plejehjem."),
	}
	for _, c := range cvs {
		c.Summary += " Erfaring fra Danmark."
		c.TargetGroup = "refugee_family_reunified"
	}
	ix, names := namedIndexWith(t, cvs, tax)
	for q, want := range map[string][]string{
		"flygtning med erfaring fra byggeri": {"murer", "stillads", "tømrer"},
		"byggebranchen":                      {"murer", "stillads", "tømrer"},
		"industrien":                         {"prod"},
		"ældrepleje":                         {"sosu"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: q, Everyday: true, AllWords: true, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(res); !slices.Equal(got, want) {
			t.Errorf("%q found %v (read as %+v), want %v", q, got, res.Expansions, want)
		}
	}
}
