package index

import (
	"slices"
	"testing"

	"jobmatch"
)

// TestANounInErIsNoOtherNounOfTheVerb: "udvikler" is a developer, not the
// "udviklingshandicap" of the socialpædagoger's CVs, nor "udvikling".
// Through the verb's stem (udvikl-) the demo's "udvikler" found 33 CVs,
// socialpædagoger among them. A plural in -er ("sygeplejersker") is no
// such noun. A compound whose last part is the noun in -ing is the
// person's work ("postomdeling" for "omdeler"; the demo's 55 omdelere
// were lost when every -ing was left out).
func TestANounInErIsNoOtherNounOfTheVerb(t *testing.T) {
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{
		"software":  cvOf("Softwareudvikler", "Backend i Go."),
		"web":       cvOf("Webudvikler", "Frontend."),
		"udviklere": cvOf("Konsulent", "Har ledet et team af udviklere."),
		"pædagog":   cvOf("Socialpædagog", "Bosted for voksne med udviklingshandicap."),
		"produkt":   cvOf("Projektleder", "Udvikling af nye produkter."),
		"spl":       cvOf("Sygeplejerske", "Hjemmesygeplejen."),
		"post":      cvOf("Chauffør", "Postomdeling på Vestegnen i fem år."),
		"center":    cvOf("Lagermedarbejder", "Pakning i et omdelingscenter."),
	})
	for q, want := range map[string][]string{
		"udvikler":       {"software", "udviklere", "web"},
		"sygeplejersker": {"spl"},
		// The work an omdeler does, not the centre it is done from.
		"omdeler": {"post"},
	} {
		if got := names(mustSearch(t, ix, q)); !slices.Equal(got, want) {
			t.Errorf("%s found %v, want %v", q, got, want)
		}
	}
}
