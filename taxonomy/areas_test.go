package taxonomy

import (
	"slices"
	"testing"
)

// TestAreas: the areas are made of the right municipalities and reach the
// postal codes people expect.
func TestAreas(t *testing.T) {
	p, err := LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	if len(Municipalities) != 98 {
		t.Fatalf("%d municipalities, want 98", len(Municipalities))
	}
	// Every municipality the postal codes name is one of the 98, and
	// every one of the 98 has a postal code.
	seen := map[string]bool{}
	for _, c := range p.codes {
		for _, m := range p.byCode[c].Municipalities {
			if _, ok := Municipalities[m]; !ok {
				t.Errorf("postal code %s names municipality %s, unknown", c, m)
			}
			seen[m] = true
		}
	}
	if len(seen) != 98 {
		t.Errorf("postal codes name %d municipalities", len(seen))
	}
	regions := map[string]int{}
	for _, m := range Municipalities {
		regions[m.Region]++
	}
	if regions["hovedstaden"] != 29 || regions["sjaelland"] != 17 || regions["syddanmark"] != 22 || regions["midtjylland"] != 19 || regions["nordjylland"] != 11 {
		t.Errorf("municipalities per region %v", regions)
	}
	for _, c := range []struct {
		name, key string
		in, out   []string
	}{
		{"Fyn", "fyn", []string{"5000", "5700", "5970", "5500"}, []string{"6000", "4000", "7000"}},
		{"fyn", "fyn", nil, nil},
		{"Region Syddanmark", "region-syddanmark", []string{"5000", "6400", "7100", "6700"}, []string{"8000", "4000"}},
		{"soenderjylland", "soenderjylland", []string{"6400", "6100", "6200", "6270"}, []string{"6000", "6700", "7100"}},
		{"Sønderborg Kommune", "kommune-0540", []string{"6400", "6430", "6440"}, []string{"6200"}},
		{"Københavns Kommune", "kommune-0101", []string{"2300"}, []string{"2000"}},
		// 7000 Fredericia reaches into Vejle Kommune: Fredericia's.
		{"vejle kommune", "kommune-0630", []string{"7100"}, []string{"7000"}},
		{"Jylland", "jylland", []string{"6000", "8000", "9000", "7400"}, []string{"5000", "4000", "2100"}},
		{"Sjælland", "sjaelland", []string{"2100", "4000", "4700", "3400"}, []string{"3700", "4930", "5000"}},
		{"Storkøbenhavn", "storkoebenhavn", []string{"1050", "2100", "2600"}, []string{"3400", "4000"}},
		{"Nordjylland", "region-nordjylland", []string{"9000", "9800", "7700"}, []string{"8000"}},
		{"Bornholm", "bornholm", []string{"3700", "3730"}, []string{"3400"}},
	} {
		a, ok := AreaByName(c.name)
		if !ok || a.Key != c.key {
			t.Errorf("%s: %+v %v, want %s", c.name, a.Key, ok, c.key)
			continue
		}
		codes := p.PostalCodesIn(a)
		for _, x := range c.in {
			if !slices.Contains(codes, x) {
				t.Errorf("%s lacks %s", c.name, x)
			}
		}
		for _, x := range c.out {
			if slices.Contains(codes, x) {
				t.Errorf("%s holds %s", c.name, x)
			}
		}
	}
	// The capital's official name is in the genitive.
	if a, _ := AreaByName("københavn kommune"); a.Name != "Københavns Kommune" {
		t.Errorf("the capital's municipality is named %q", a.Name)
	}
	for _, w := range []string{"kok", "odense", "vejle", "als kommune x"} {
		if a, ok := AreaByName(w); ok {
			t.Errorf("%q read as the area %s", w, a.Key)
		}
	}
}
