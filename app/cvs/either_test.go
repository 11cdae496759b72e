package cvs

import "testing"

// TestEitherText: «og» between words becomes «eller», a text of only the
// words every CV found holds gets «eller» between them, and a text that
// says «eller» already, holds other words, or is a sentence gets no offer.
func TestEitherText(t *testing.T) {
	for _, c := range []struct {
		text  string
		words []string
		want  string
	}{
		{"bygge og anlæg", []string{"bygge", "anlæg"}, "bygge eller anlæg"},
		{"Bygge OG anlæg", []string{"bygge", "anlæg"}, "Bygge eller anlæg"},
		{"transport logistik", []string{"transport", "logistik"}, "transport eller logistik"},
		{"svejser mig/mag", []string{"svejser", "mig/mag"}, "svejser eller mig/mag"},
		{"bygge- og anlægsarbejde", []string{"bygge", "anlægsarbejde"}, ""},
		{"bygge og anlæg eller", []string{"bygge", "anlæg"}, ""},
		{"erfaren tømrer renovering", []string{"tømrer", "renovering"}, ""},
		{"og", []string{"og"}, ""},
		{"vi søger en dygtig medarbejder med erfaring fra bygge og anlæg", []string{"bygge", "anlæg"}, ""},
	} {
		if got := eitherText(c.text, c.words); got != c.want {
			t.Errorf("eitherText(%q, %q) = %q, want %q", c.text, c.words, got, c.want)
		}
	}
}
