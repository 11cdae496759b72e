package app

import "testing"

// A consultant's phone is checked by the rule the rest of the service reads
// phone numbers by (jobmatch.ValidPhone), narrowed to Danish numbers: it
// refused "12-34-56-78" and "0045 12 34 56 78", which the hotline and the
// entry point accept.
func TestConsultantPhoneIsDanishAsPeopleWriteIt(t *testing.T) {
	for _, s := range []string{"", "12345678", "12 34 56 78", "+45 12 34 56 78", "12-34-56-78", "0045 12 34 56 78", "+45 1234 5678"} {
		if !validPhone(s) {
			t.Errorf("validPhone(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"1234567", "123456789", "+49 30 1234567", "0049 30 1234567", "+4512345678 9", "tlf 12345678", "12 34 56 7x"} {
		if validPhone(s) {
			t.Errorf("validPhone(%q) = true, want false", s)
		}
	}
}
