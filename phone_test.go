package jobmatch_test

import (
	"testing"

	"jobmatch"
)

// TestValidPhone: a number to call, as people write it; not words or six
// digits ("abcdefghij", "ring efter 12", "+45 12 34 56" were taken by
// their length alone).
func TestValidPhone(t *testing.T) {
	for _, s := range []string{"12345678", "12 34 56 78", "+45 12 34 56 78", "0045 1234 5678", "(+45) 1234-5678", "12.34.56.78", "+46 70 123 45 67", "+1 (555) 123-4567"} {
		if !jobmatch.ValidPhone(s) {
			t.Errorf("%q is no phone number", s)
		}
	}
	for _, s := range []string{"", "abcdefghij", "ring efter 12", "+45 12 34 56", "1234567", "123456789", "+45 1234 56789", "+12345", "+1234567890123456", "12345678 lokal 2"} {
		if jobmatch.ValidPhone(s) {
			t.Errorf("%q is a phone number", s)
		}
	}
}

// TestGroupedPhone: a Danish number in pairs however typed (a caller's
// "28874489" stood beside the staff's "88 72 41 04"); anything else as
// typed.
func TestGroupedPhone(t *testing.T) {
	for in, want := range map[string]string{
		"28874489": "28 87 44 89", "+45 2887 4489": "28 87 44 89", "0045 28-87-44-89": "28 87 44 89",
		" 28.87.44.89 ": "28 87 44 89", "+46 70 123 45 67": "+46 70 123 45 67", "ring efter 12": "ring efter 12",
	} {
		if got := jobmatch.GroupedPhone(in); got != want {
			t.Errorf("GroupedPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
