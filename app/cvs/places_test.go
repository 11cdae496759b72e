package cvs

import (
	"slices"
	"strings"
	"testing"

	"jobmatch/taxonomy"
)

// TestEitherPlace: "lager i Kolding eller Vejle", "kok Aarhus, Randers og
// Silkeborg" are within the radius of any of the places (their postal
// codes), and the page names them all; "vejle" as a word was required
// and reached "vejledning", and only Kolding was searched. "kok og
// tjener i aarhus" is one place, with its words.
func TestEitherPlace(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]struct {
		text, term string
		in, out    []string // postal codes within, and without
	}{
		"lager i Kolding eller Vejle":           {"lager", "i Kolding eller Vejle", []string{"6000", "7100"}, []string{"8000", "5000"}},
		"lager Kolding eller Vejle":             {"lager", "Kolding eller Vejle", []string{"6000", "7100"}, []string{"8000"}},
		"kok Aarhus, Randers og Silkeborg":      {"kok", "Aarhus, Randers og Silkeborg", []string{"8000", "8900", "8600"}, []string{"6000", "9000"}},
		"sosu i Odense eller i Svendborg":       {"sosu", "i Odense eller i Svendborg", []string{"5000", "5700"}, []string{"6000"}},
		"tømrer i Aalborg eller Hjørring 20 km": {"tømrer", "i Aalborg eller Hjørring", []string{"9000", "9800"}, []string{"8000"}},
	} {
		iq, interp := readQuery(t, q)
		var place *Interpretation
		for i := range interp {
			if interp[i].Via == "place" {
				place = &interp[i]
			}
		}
		if place == nil || place.Term != want.term || iq.Text != want.text {
			t.Errorf("%q: searched %q, place %+v; want %q and %q", q, iq.Text, place, want.text, want.term)
			continue
		}
		for _, c := range want.in {
			if !slices.Contains(iq.PostalCodes, c) {
				t.Errorf("%q: %s not within (%d codes)", q, c, len(iq.PostalCodes))
			}
			if !strings.Contains(place.Label, c+" "+tax.Places.Name(c)) {
				t.Errorf("%q: read as %q, want %s named", q, place.Label, c)
			}
		}
		for _, c := range want.out {
			if slices.Contains(iq.PostalCodes, c) {
				t.Errorf("%q: %s within, too", q, c)
			}
		}
		if iq.Near == nil || iq.RadiusKm != 0 {
			t.Errorf("%q: near %v within %v km; want the first place, the radius as postal codes", q, iq.Near, iq.RadiusKm)
		}
	}
	for q, want := range map[string]string{
		"kok og tjener i aarhus": "kok og tjener",
		"lager i vejle":          "lager",
	} {
		iq, _ := readQuery(t, q)
		if iq.Text != want || iq.Near == nil || iq.RadiusKm != 30 || len(iq.PostalCodes) != 0 {
			t.Errorf("%q: searched %q near %v within %v km (%d codes); want %q within 30 km of one place", q, iq.Text, iq.Near, iq.RadiusKm, len(iq.PostalCodes), want)
		}
	}
}
