package matcher

import "testing"

// TestYearsAsked: the years an ad asks of the reader, read when the
// vacancy's field says none; the company's own years are not asked.
func TestYearsAsked(t *testing.T) {
	for text, want := range map[string]int{
		"Vi søger en tømrer. Du har mindst 3 års erfaring i faget.":           3,
		"Du har 5 års erfaring som kok og kan lide travlhed.":                 5,
		"Krav: min. 2 års erfaring.":                                          2,
		"We need a cook. You have at least 4 years of experience.":            4,
		"Vi har over 30 års erfaring i branchen. Du er mødestabil.":           0,
		"Firmaet har 25 års erfaring med tagarbejde.":                         0,
		"Du behøver ikke have erfaring.":                                      0,
		"Vi tilbyder en fast stilling på 37 timer om ugen.":                   0,
		"Stillingen er til 2 år, og du har kørekort B.":                       0,
		"Virksomheden blev grundlagt for 40 år siden. Mindst 1 års erfaring.": 1,
	} {
		if got := yearsAsked(text); got != want {
			t.Errorf("yearsAsked(%q) = %d, want %d", text, got, want)
		}
	}
}
