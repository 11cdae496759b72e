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
		{"Tømrerfirma Andersen", "Tømrerfirmaet Andersen ApS", true},
		{"Plejecentret Solgården", "Plejecenter Solgården", true},
		{"Friplejehjem Møllehøj", "Friplejehjemmet Møllehøj", true},
		{"Børnehaven Engbo", "Den private børnehave Engbo", true},
		{"Hansens VVS og Blik", "Hansen VVS og Blik ApS", true},
		{"Kbm. Rasmussen", "Købmand Rasmussen", true},
		{"Padborg Hotel", "Hotel Padborg ApS", true},
		{"Maskinfabrikken Kolding", "Kolding Maskinfabrik A/S", true},
		{"Strandhotellet Rødekro", "Rødekro Strandhotel I/S", true},
		{"Hansen VVS + Blik", "Hansen VVS og Blik ApS", true},
		{"Hotel Kolding", "Bageriet Hvede ApS", false},
		{"Auto Service", "Vognmand Hansen & Søn A/S", true},
	} {
		if got := jobmatch.SameCompanyName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameCompanyName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
