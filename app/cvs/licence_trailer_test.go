package cvs

import "testing"

// TestLicenceInWithATrailerTypedApart: "C/E", "C+E", "C og E" and "EC"
// are the licence CE, as "CE" and "CE-kørekort" are (taxonomy's
// LicenceSpellings). Split at the slash, "c" and "e" were two words that
// found 64 of the demo's CVs, bookkeepers who know e-conomic among them,
// and "kørekort C/E" read "kørekort" as a car's licence.
func TestLicenceInWithATrailerTypedApart(t *testing.T) {
	for text, want := range map[string][2]string{
		"C/E":                 {"", "CE"},
		"C+E":                 {"", "CE"},
		"chauffør C og E":     {"chauffør", "CE"},
		"kørekort C/E":        {"", "CE"},
		"c/e-kørekort lager":  {"lager", "CE"},
		"EC":                  {"", "CE"},
		"buschauffør D/E":     {"buschauffør", "DE"},
		"bogholder e-conomic": {"bogholder e-conomic", ""},
	} {
		rest, cat, _, ok := licenceIn(text)
		if rest != want[0] || cat != want[1] || ok != (want[1] != "") {
			t.Errorf("licenceIn(%q) = %q, %q, %v; want %q", text, rest, cat, ok, want)
		}
	}
}
