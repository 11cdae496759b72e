package taxonomy_test

import (
	"testing"

	"jobmatch/taxonomy"
)

func TestPlaces(t *testing.T) {
	p, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code     string
		valid    bool
		name     string
		hasPoint bool
	}{
		{"6400", true, "Sønderborg", true},
		{"1050", true, "København K", true},
		{"800", true, "Høje Taastrup", true}, // business code: borrows a point
		{"999", true, "København C", true},   // business code: borrows København's point
		{"1431", true, "København K", true},  // ordinary code without geometry
		{"9999", false, "", false},
		{"64", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := p.ValidPostal(tt.code); got != tt.valid {
				t.Fatalf("ValidPostal = %v", got)
			}
			if got := p.Name(tt.code); got != tt.name {
				t.Fatalf("Name = %q, want %q", got, tt.name)
			}
			_, _, ok := p.Coordinates(tt.code)
			if ok != tt.hasPoint {
				t.Fatalf("Coordinates ok = %v", ok)
			}
		})
	}
	d, ok := p.DistanceKm("1050", "6400")
	if !ok || d < 190 || d > 230 {
		t.Fatalf("København K – Sønderborg = %.0f km", d)
	}
	if d, _ := p.DistanceKm("6400", "6400"); d != 0 {
		t.Fatalf("same code distance = %v", d)
	}
	if d, _ := p.DistanceKm("999", "1050"); d > 10 {
		t.Fatalf("København C (business) is %.0f km from København K", d)
	}
}

// TestPlaceByName: a district is found by its name as people write it.
func TestPlaceByName(t *testing.T) {
	p, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Vejle": "7100", "vejle": "7100", "Aarhus": "8000", "århus c": "8000", "AARHUS C": "8000", "Sønderborg": "6400", "soenderborg": "6400", "sonderborg": "6400", "Kobenhavn": "1050", "aroskobing": "5970", "Ry": "8680", "Høje-Taastrup": "",
		"kbh": "1050", "KBH": "1050", "cph": "1050", "Copenhagen": "1050", "Elsinore": "3000",
		"Nørrebro": "2200", "noerrebro": "2200", "Amager": "2300", "Østerbro": "2100"} {
		if got, ok := p.ByName(name); ok != (want != "") || got != want {
			t.Errorf("ByName(%q) = %q, %v; want %s", name, got, ok, want)
		}
	}
	for _, name := range []string{"lager", "", "sosu", "pedel", "tomrer", "maler"} {
		if got, ok := p.ByName(name); ok {
			t.Errorf("ByName(%q) = %s", name, got)
		}
	}
}
