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
// such noun.
func TestANounInErIsNoOtherNounOfTheVerb(t *testing.T) {
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{
		"software":  cvOf("Softwareudvikler", "Backend i Go."),
		"web":       cvOf("Webudvikler", "Frontend."),
		"udviklere": cvOf("Konsulent", "Har ledet et team af udviklere."),
		"pædagog":   cvOf("Socialpædagog", "Bosted for voksne med udviklingshandicap."),
		"produkt":   cvOf("Projektleder", "Udvikling af nye produkter."),
		"spl":       cvOf("Sygeplejerske", "Hjemmesygeplejen."),
	})
	for q, want := range map[string][]string{
		"udvikler":       {"software", "udviklere", "web"},
		"sygeplejersker": {"spl"},
	} {
		if got := names(mustSearch(t, ix, q)); !slices.Equal(got, want) {
			t.Errorf("%s found %v, want %v", q, got, want)
		}
	}
}
