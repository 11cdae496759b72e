package cvs

import (
	"testing"

	"jobmatch/taxonomy"
)

// readQuery reads q as the consultants' search page does, with the
// shipped taxonomy.
func readQuery(t *testing.T, q string) (SearchParams, []Interpretation, string) {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cs := &Service{tax: tax}
	p := SearchParams{Q: q}
	iq, interp, err := cs.buildQuery(p)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	_ = iq
	return p, interp, iq.Text
}

// TestDirectionFromAPlace: "nord for odense", "sydvest for aarhus", "øst
// for vejle" are near that place, as "omkring odense" is; as words, "nord"
// was required and found "nordlys" and "Nordfyns".
func TestDirectionFromAPlace(t *testing.T) {
	for q, want := range map[string][2]string{
		"nord for odense":               {"", "nord for odense"},
		"lager syd for aarhus":          {"lager", "syd for aarhus"},
		"kok øst for Vejle":             {"kok", "øst for Vejle"},
		"tømrer vest for randers":       {"tømrer", "vest for randers"},
		"pædagog sydvest for aarhus":    {"pædagog", "sydvest for aarhus"},
		"chauffør lige nord for odense": {"chauffør", "lige nord for odense"},
		"welder north of aalborg":       {"welder", "north of aalborg"},
		"omkring odense":                {"", "omkring odense"},
	} {
		_, interp, text := readQuery(t, q)
		var place *Interpretation
		for i := range interp {
			if interp[i].Via == "place" {
				place = &interp[i]
			}
		}
		if place == nil || place.Term != want[1] || text != want[0] {
			t.Errorf("%q: searched %q, place %+v; want %q near %q", q, text, place, want[0], want[1])
		}
	}
}
