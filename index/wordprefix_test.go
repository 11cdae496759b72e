package index

import (
	"slices"
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

// TestAWholeWordBeginsOnlyItsCompounds: a word a consultant types whole
// (an adjective, a common noun, a district's name) reaches the longer
// words that begin with it only when they are it inflected or a compound
// of it as a part, never a different word that happens to begin with its
// letters: "personlig" found every personalekonsulent and personalechef
// (its stem "person"), "bil" the billetsalg, "egen" (as in "egen bil") the
// egenkontrol of the cooks, "vejle" the vejledning. The compounds that are
// right stay: "lager" the lagermedarbejder, "bil" the bilforhandler.
func TestAWholeWordBeginsOnlyItsCompounds(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	cvs := map[string]*jobmatch.Candidate{
		"handicap":     cvOf("Handicaphjælper", "Personlig og omsorgsfuld. Har egen bil. Personlige hjælpere er vigtige, og jeg er personligt engageret."),
		"personale":    cvOf("Personalekonsulent", "Personaleledelse og rekruttering."),
		"personalechf": cvOf("Personalechef", "Ansvar for personalet."),
		"personbil":    cvOf("Automekaniker", "Reparerer personbiler og personvogne."),
		"billet":       cvOf("Kasseassistent", "Billetsalg i biografen."),
		"bilforh":      cvOf("Bilforhandler", "Salg af biler."),
		"kok":          cvOf("Kok", "Egenkontrol og hygiejne. Eget køkken."),
		"vejled":       cvOf("Studievejleder", "Vejledning af elever. Egne ideer."),
		"lager":        cvOf("Lagermedarbejder", "Pakning. Bor i Vejle."),
		"lageruddan":   cvOf("Pakkeriassistent", "Lagermedarbejderuddannelsen er taget. Bor i Vejle."),
		"tømrer":       cvOf("Tømrer", "Byggepladser i Vejle."),
		"nattevagt":    cvOf("Portør", "Nattevagt og nattearbejde på sygehuset."),
		"gulv":         cvOf("Bygningsarbejder", "Gulvlægning og slibning af trægulve."),
		"gulvvask":     cvOf("Rengøringsassistent", "Gulvvask og toiletter."),
	}
	ix, names := namedIndexAt(t, cvs, tax, places)
	notForms := map[string][]string{
		"personlig": {"personaleledelse", "personalekonsulent", "personalechef", "personbiler", "personvogne", "personalet"},
		"bil":       {"billetsalg"},
		"egen":      {"egenkontrol"},
		"vejle":     {"vejledning", "studievejleder"},
	}
	for q, bad := range notForms {
		res := mustSearch(t, ix, q)
		for _, e := range res.Expansions {
			for _, b := range bad {
				if slices.Contains(e.Forms, b) {
					t.Errorf("%q read as %+v, holding %q", q, e, b)
				}
			}
		}
	}
	for q, want := range map[string][]string{
		"personlig": {"handicap"},
		"lager":     {"lager", "lageruddan"},
		"bil":       {"bilforh", "handicap"},
		// A linking e after the last letter doubled: "nat|te|vagt".
		"nat": {"nattevagt"},
		// The stem after a doubled letter and an ending: gulvlæg|g|er
		// reaches gulvlægning, and no gulvvask.
		"gulvlægger": {"gulv"},
	} {
		res := mustSearch(t, ix, q)
		if got := names(res); !slices.Equal(got, want) {
			t.Errorf("%q found %v (read as %+v), want %v", q, got, res.Expansions, want)
		}
	}
}
