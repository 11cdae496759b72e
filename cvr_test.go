package jobmatch_test

import (
	"testing"

	"jobmatch"
)

func TestSameCompanyName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Bageriet Hvede ApS", "Bageriet Hvede ApS", true},
		{"bageriet hvede", "Bageriet Hvede ApS", true},
		{"Hvede", "Bageriet Hvede ApS", true},
		{"Als Tømrer A/S", "Als Tomrer ApS", true},
		{"Hansen & Søn", "Hansen og Søn A/S", true},
		{"Soendergaard Transport", "Søndergaard Transport I/S", true},
		{"Vognmand Hansen & Søn A/S", "Bageriet Hvede ApS", false},
		{"Danfoss", "Bageriet Hvede ApS", false},
		{"", "Bageriet Hvede ApS", true},
	} {
		if got := jobmatch.SameCompanyName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameCompanyName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
