package screening

import "testing"

func TestWithoutName(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"Pia har 11 års erfaring.", "Pia Petersen", "Kandidaten har 11 års erfaring."},
		{"Pia Petersen har 11 års erfaring. Jeg anbefaler Pia.", "Pia Petersen", "Kandidaten har 11 års erfaring. Jeg anbefaler kandidaten."},
		{"Pias erfaring er god; PETERSEN kan starte.", "Pia Petersen", "Kandidatens erfaring er god; kandidaten kan starte."},
		{"Søren Ørbæk Sørensen er klar", "Søren Ørbæk Sørensen", "Kandidaten er klar"},
		{"Spiller piano, piasaver og pianist", "Pia Petersen", "Spiller piano, piasaver og pianist"},
		{"Erfaren med tagarbejde.", "Pia Petersen", "Erfaren med tagarbejde."},
		{"Karen og Pia Petersens referencer", "Pia Petersen", "Karen og kandidatens referencer"},
		{"Hans Smed er uddannet smed, og hans erfaring er god.", "Hans Smed", "Kandidaten er uddannet smed, og hans erfaring er god."},
		{"", "Pia", ""},
		{"Pia", "", "Pia"},
	} {
		if got := withoutName(c.text, c.name); got != c.want {
			t.Errorf("withoutName(%q, %q) = %q, want %q", c.text, c.name, got, c.want)
		}
	}
}
