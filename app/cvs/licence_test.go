package cvs

import (
	"slices"
	"testing"
)

func TestLicenceIn(t *testing.T) {
	for text, want := range map[string][3]string{
		"lagermedarbejder c-kørekort":   {"lagermedarbejder", "C", "c-kørekort"},
		"CE kørekort chauffør":          {"chauffør", "CE", "CE kørekort"},
		"chauffør kørekort til D":       {"chauffør", "D", "kørekort til D"},
		"buschauffør koerekort d1":      {"buschauffør", "D1", "koerekort d1"},
		"kørekort":                      {"kørekort", "", ""},
		"truck-kørekort":                {"truck-kørekort", "", ""},
		"sosu kørekort til bilen":       {"sosu", "B", "kørekort til bilen"},
		"lastbilkørekort chauffør":      {"chauffør", "C", "lastbilkørekort"},
		"chauffør bus-kørekort":         {"chauffør", "D", "bus-kørekort"},
		"lastbil kørekort":              {"", "C", "lastbil kørekort"},
		"kørekort til motorcykel":       {"", "A", "kørekort til motorcykel"},
		"truckkørekort lager":           {"truckkørekort lager", "", ""},
		"kran kørekort":                 {"kran kørekort", "", ""},
		"kok med kørekort, og B-kursus": {"kok med kørekort, og B-kursus", "", ""},
		"kørekort kat C":                {"", "C", "kørekort kat C"},
		"chauffør kat. CE":              {"chauffør", "CE", "kat. CE"},
		"chauffør kategori D":           {"chauffør", "D", "kategori D"},
		"stort kørekort":                {"", "C", "stort kørekort"},
		"chauffør med stort kørekort":   {"chauffør med", "C", "stort kørekort"},
		"lille kørekort":                {"", "B", "lille kørekort"},
		"kat og hund":                   {"kat og hund", "", ""},
		// A code alone: after a driver's word, in capitals, or no word.
		"chauffør ce":         {"chauffør", "CE", "ce"},
		"chauffør c":          {"chauffør", "C", "c"},
		"lastbilchauffør C1E": {"lastbilchauffør", "C1E", "C1E"},
		"buschauffør d":       {"buschauffør", "D", "d"},
		"lager CE":            {"lager", "CE", "CE"},
		"kok c":               {"kok c", "", ""},
		"de kan lide børn":    {"de kan lide børn", "", ""},
		"pædagog be":          {"pædagog be", "", ""},
		"chauffør med bil":    {"chauffør med bil", "", ""},
	} {
		rest, cat, term, ok := licenceIn(text)
		if rest != want[0] || cat != want[1] || term != want[2] || ok != (want[1] != "") {
			t.Errorf("licenceIn(%q) = %q, %q, %q, %v; want %q", text, rest, cat, term, ok, want)
		}
	}
}

// TestHyphenBeforeOg: the first part of a coordinated compound typed
// without its hyphen gets one; a word already hyphenated, or before a
// comma, and a last "og" are left alone.
func TestHyphenBeforeOg(t *testing.T) {
	for text, want := range map[string]string{
		"social og sundhedsassistent":   "social- og sundhedsassistent",
		"Social- og sundhedsassistent":  "Social- og sundhedsassistent",
		"lager og logistikmedarbejder":  "lager- og logistikmedarbejder",
		"kok og":                        "kok og",
		"bager, og konditor":            "bager, og konditor",
		"import og eksport og logistik": "import- og eksport- og logistik",
	} {
		if got := hyphenBeforeOg(text); got != want {
			t.Errorf("hyphenBeforeOg(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestAlternativesOf: «eller» and «or» between words split the text; at
// either end, or in more than four parts, they do not.
func TestAlternativesOf(t *testing.T) {
	for text, want := range map[string][]string{
		"kok eller tjener":                  {"kok", "tjener"},
		"Kok ELLER tjener or bager":         {"Kok", "tjener", "bager"},
		"eller kok":                         {"eller kok"},
		"kok eller":                         {"kok"},
		"social- og sundhedsassistent":      {"social- og sundhedsassistent"},
		"a eller b eller c eller d eller e": {"a eller b eller c eller d eller e"},
	} {
		if got := alternativesOf(text); !slices.Equal(got, want) {
			t.Errorf("alternativesOf(%q) = %q, want %q", text, got, want)
		}
	}
}
