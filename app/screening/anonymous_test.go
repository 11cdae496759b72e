package screening

import (
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

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
		{"Vi talte med Hr. Holm. Hr. Holm kan starte.", "Ib Holm", "Vi talte med kandidaten. Kandidaten kan starte."},
		{"Zacharias' erfaring er god", "Zacharias Berg", "Kandidatens erfaring er god"},
		{"Anne-Mette har kørekort, og Anne-Mette Due vil gerne", "Anne-Mette Due", "Kandidaten har kørekort, og kandidaten vil gerne"},
		{"Sean O'Brien er klar, O'Briens referencer er gode", "Sean O'Brien", "Kandidaten er klar, kandidatens referencer er gode"},
		{"", "Pia", ""},
		{"Pia", "", "Pia"},
	} {
		if got := withoutName(c.text, c.name); got != c.want {
			t.Errorf("withoutName(%q, %q) = %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

// TestAnonymised: an assessment on a profile without the name says neither
// how to reach the person nor where they live nor, by a pronoun, their
// gender (the reviewer's text reached the employer with the phone number,
// the e-mail address and the street).
func TestAnonymised(t *testing.T) {
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	c := &jobmatch.Candidate{Name: "Ib Holm", Phone: "22994455", Email: "ib.holm@example.dk"}
	for _, tc := range []struct{ text, want string }{
		{"Ring direkte til ham på 22 99 44 55 eller ib.holm@example.dk. Hr. Holm bor på Strandvejen 12, 6400 Sønderborg.",
			"Ring direkte til vedkommende på (telefonnummer fjernet) eller (e-mail fjernet). Kandidaten bor på (adresse fjernet)."},
		{"Hun har lidt ondt i ryggen, men hendes erfaring er god. Han kan starte.", "Vedkommende har lidt ondt i ryggen, men vedkommendes erfaring er god. Vedkommende kan starte."},
		{"Tlf. +45 22994455, mobil 2299-4455, fastnet 2299 4455.", "Tlf. (telefonnummer fjernet), mobil (telefonnummer fjernet), fastnet (telefonnummer fjernet)."},
		{"Bor i 6400 Sønderborg, arbejdede 2010-2018 og 1998 2004 og 2019 Kolding-afdelingen, 11 års erfaring.", "Bor i (adresse fjernet), arbejdede 2010-2018 og 1998 2004 og 2019 Kolding-afdelingen, 11 års erfaring."},
		{"Anbefalet af Hans Jensen; hans kollega siger god.", "Anbefalet af Hans Jensen; vedkommendes kollega siger god."},
		{"Kører truck og har 3 års erfaring fra lager.", "Kører truck og har 3 års erfaring fra lager."},
	} {
		if got := anonymised(tc.text, c, places, false); got != tc.want {
			t.Errorf("anonymised(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
	// Named with consent: the name stays, the rest goes.
	if got, want := anonymised("Ib Holm, tlf. 22 99 44 55, hun er klar.", c, places, true), "Ib Holm, tlf. (telefonnummer fjernet), vedkommende er klar."; got != want {
		t.Errorf("named: %q, want %q", got, want)
	}
}
