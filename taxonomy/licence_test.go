package taxonomy

import "testing"

// TestLicenceSpellings: a licence with a trailer typed apart or turned
// about is the category it is; other words stay as typed.
func TestLicenceSpellings(t *testing.T) {
	for text, want := range map[string]string{
		"C/E":                 "CE",
		"c/e":                 "CE",
		"C+E":                 "CE",
		"kørekort C/E":        "kørekort CE",
		"chauffør C/E,":       "chauffør CE,",
		"c/e-kørekort lager":  "CE-kørekort lager",
		"C og E":              "CE",
		"chauffør c + e":      "chauffør CE",
		"C og E-kørekort":     "CE-kørekort",
		"D/E":                 "DE",
		"C1/E":                "C1E",
		"B+E":                 "BE",
		"EC":                  "CE",
		"ED chauffør":         "DE chauffør",
		"CE":                  "CE",
		"bogholder e-conomic": "bogholder e-conomic",
		"c og e-learning":     "c og e-learning",
		"kat og hund":         "kat og hund",
		"B og C":              "B og C",
		"e":                   "e",
		"eb":                  "eb",
		"lager og e":          "lager og e",
	} {
		if got := LicenceSpellings(text); got != want {
			t.Errorf("LicenceSpellings(%q) = %q, want %q", text, got, want)
		}
	}
}
