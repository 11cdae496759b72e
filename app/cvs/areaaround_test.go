package cvs

import "testing"

// TestAreaAroundATown: "tømrer i Aarhus-området", "kok Odenseområdet",
// "lager Kolding og omegn", "området omkring Vejle" are the town and its
// radius, as "nær Aarhus" is; as words, "området" was required and found
// the CVs of the "handicapområdet", and "kok Kolding-området" the CVs
// that wrote "Kolding". A field of work ("handicapområdet",
// "ældreområdet") stays a word, and the areas the page knows by name
// ("Københavnsområdet": Storkøbenhavn) stay areas.
func TestAreaAroundATown(t *testing.T) {
	for q, want := range map[string][3]string{
		"tømrer i Aarhus-området":         {"tømrer", "i Aarhus-området", "8000"},
		"tømrer Aarhus-området":           {"tømrer", "Aarhus-området", "8000"},
		"kok Kolding-området":             {"kok", "Kolding-området", "6000"},
		"kok i Odenseområdet":             {"kok", "i Odenseområdet", "5000"},
		"lager Aalborgsområdet":           {"lager", "Aalborgsområdet", "9000"},
		"pædagog Randersområdet":          {"pædagog", "Randersområdet", "8900"},
		"chauffør vejleegnen":             {"chauffør", "vejleegnen", "7100"},
		"lager Kolding og omegn":          {"lager", "Kolding og omegn", "6000"},
		"sosu i Vejle og omegnen":         {"sosu", "i Vejle og omegnen", "7100"},
		"tømrer Aarhus området":           {"tømrer", "Aarhus området", "8000"},
		"kok i området omkring Horsens":   {"kok", "i området omkring Horsens", "8700"},
		"rengøring området ved Silkeborg": {"rengøring", "området ved Silkeborg", "8600"},
		"lager i omegnen af Randers":      {"lager", "i omegnen af Randers", "8900"},
		"welder in the Aarhus area":       {"welder", "in the Aarhus area", "8000"},
		"kok aarhus-omraadet":             {"kok", "aarhus-omraadet", "8000"},
	} {
		iq, interp := readQuery(t, q)
		var place *Interpretation
		for i := range interp {
			if interp[i].Via == "place" {
				place = &interp[i]
			}
		}
		if place == nil || place.Term != want[1] || iq.Text != want[0] || len(place.Label) < 4 || place.Label[:4] != want[2] || place.RadiusKm != 30 || iq.Near == nil || iq.RadiusKm != 30 {
			t.Errorf("%q: searched %q, place %+v; want %q within 30 km of %s as %q", q, iq.Text, place, want[0], want[2], want[1])
		}
	}
	for q, want := range map[string]string{
		"pædagog handicapområdet": "pædagog handicapområdet",
		"sosu ældreområdet":       "sosu ældreområdet",
		"kontor området":          "kontor området",
	} {
		iq, interp := readQuery(t, q)
		for _, in := range interp {
			if in.Via == "place" || in.Via == "area" {
				t.Errorf("%q: read %+v as where", q, in)
			}
		}
		if iq.Text != want {
			t.Errorf("%q: searched %q, want %q", q, iq.Text, want)
		}
	}
	for q, want := range map[string]string{
		"kok københavnsområdet": "storkoebenhavn",
		"lager i Storkøbenhavn": "storkoebenhavn",
		"kok hovedstadsområdet": "storkoebenhavn",
		"pædagog i fynsområdet": "fyn",
	} {
		_, interp := readQuery(t, q)
		ok := false
		for _, in := range interp {
			if in.Via == "place" {
				t.Errorf("%q: read %+v as a town", q, in)
			}
			ok = ok || in.Via == "area"
		}
		if !ok {
			t.Errorf("%q: no area read (want %s)", q, want)
		}
	}
}
