package cvs

import "testing"

// TestNoCarLicenceIn: a car licence negated, as Danes and English
// speakers type it, with the words around it; another vehicle's, or a
// negation of something else, is not one.
func TestNoCarLicenceIn(t *testing.T) {
	for text, want := range map[string][2]string{
		"uden kørekort":                      {"", "uden kørekort"},
		"lager uden kørekort":                {"lager", "uden kørekort"},
		"rengøring, ingen kørekort":          {"rengøring,", "ingen kørekort"},
		"kok der har ikke kørekort":          {"kok der", "har ikke kørekort"},
		"kok der ikke har kørekort":          {"kok der", "ikke har kørekort"},
		"uden gyldigt kørekort til bil":      {"", "uden gyldigt kørekort til bil"},
		"sosu uden B-kørekort aabenraa":      {"sosu aabenraa", "uden B-kørekort"},
		"uden koerekort":                     {"", "uden koerekort"},
		"cleaner without a driving licence":  {"cleaner", "without a driving licence"},
		"driver with no driver's license":    {"driver with", "no driver's license"},
		"chauffør uden kørekort til lastbil": {"chauffør uden kørekort til lastbil", ""},
		"lager uden truck kørekort":          {"lager uden truck kørekort", ""},
		"uden bil":                           {"uden bil", ""},
		"kørekort uden erfaring":             {"kørekort uden erfaring", ""},
	} {
		rest, term, ok := noCarLicenceIn(text)
		if rest != want[0] || term != want[1] || ok != (want[1] != "") {
			t.Errorf("noCarLicenceIn(%q) = %q, %q, %v; want %q", text, rest, term, ok, want)
		}
	}
}
