package cvs

import (
	"slices"
	"testing"
)

// TestATitleOfAnotherKindIsNoSynonym: STAR maps "Poder" (who takes swab
// tests) closely to the social- og sundhedshjælper and to the
// blodprøvetager; "handicaphjælper" listed it among the helper's other
// names and searched for it. A loose title of occupations of several
// unit groups names none of them; the helper's own STAR titles stay.
func TestATitleOfAnotherKindIsNoSynonym(t *testing.T) {
	for _, q := range []string{"handicaphjælper", "social- og sundhedshjælper", "hjemmehjælper"} {
		iq, _ := readQuery(t, q)
		if slices.Contains(iq.Synonyms, "poder") {
			t.Errorf("%s: synonyms %v hold poder", q, iq.Synonyms)
		}
	}
	iq, _ := readQuery(t, "social- og sundhedshjælper")
	for _, want := range []string{"handicaphjælper", "hospitalsmedhjælper", "forsorgsmedarbejder"} {
		if !slices.Contains(iq.Synonyms, want) {
			t.Errorf("social- og sundhedshjælper: synonyms %v lack %s", iq.Synonyms, want)
		}
	}
}
