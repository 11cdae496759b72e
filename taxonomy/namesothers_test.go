package taxonomy

import "testing"

// TestNamesOthersToo: a loose STAR title also mapped to an occupation of
// another unit group ("Poder": the social- og sundhedshjælper and the
// blodprøvetager) names others too; a loose title of the occupation alone
// ("Handicaphjælper") and an exact one do not.
func TestNamesOthersToo(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sosu, _, ok := tax.NormalizeOccupation("social- og sundhedshjælper")
	if !ok {
		t.Fatal("social- og sundhedshjælper not read")
	}
	for title, want := range map[string]bool{"Poder": true, "Handicaphjælper": false, "Social- og sundhedshjælper": false, "Hospitalsmedhjælper": false} {
		if got := tax.NamesOthersToo(sosu, title); got != want {
			t.Errorf("NamesOthersToo(social- og sundhedshjælper, %q) = %v, want %v", title, got, want)
		}
	}
}
