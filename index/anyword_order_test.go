package index

import (
	"context"
	"testing"

	"jobmatch"
)

// TestAnyWordLeavesOutTheWordsThatOnlyOrder: when no CV holds every word,
// the search for any of them asks the words asked, not the experience
// word that only orders them. "erfaren kok Odense", with no kok near
// Odense, found those near Odense who wrote "erfaren" (an industrislagter
// first, any_word), where "kok Odense" found none and offered a wider
// search.
func TestAnyWordLeavesOutTheWordsThatOnlyOrder(t *testing.T) {
	far := func(c *jobmatch.Candidate) *jobmatch.Candidate { c.PostalCode = "9000"; return c }
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{
		"slagter":  cvOf("Industrislagter", "Erfaren industrislagter fra Danish Crown."),
		"lager":    cvOf("Lagermedarbejder", "Erfaren lagermedarbejder med truckcertifikat."),
		"kok":      far(cvOf("Kok", "Erfaren kok fra en kantine.")),
		"kok2":     far(cvOf("Kok", "Restaurant.")),
		"pædagog":  cvOf("Pædagog", "Børnehave."),
		"tømrer":   cvOf("Tømrer", "Svend."),
		"chauffør": cvOf("Chauffør", "Kørekort C."),
	})
	for _, text := range []string{"erfaren kok", "kok med erfaring", "kok erfaren"} {
		res, err := ix.Search(context.Background(), Query{Text: text, Everyday: true, AllWords: true, PostalCodes: []string{"6400"}, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 || res.AnyWord {
			t.Errorf("%q near 6400 found %v (any word %v), want none as for %q", text, names(res), res.AnyWord, "kok")
		}
		res, err = ix.Search(context.Background(), Query{Text: text, Everyday: true, AllWords: true, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(res); len(got) != 2 || got[0] != "kok" || got[1] != "kok2" || res.AnyWord {
			t.Errorf("%q found %v (any word %v), want the two cooks", text, got, res.AnyWord)
		}
	}
}
