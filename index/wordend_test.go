package index

import (
	"slices"
	"testing"

	"jobmatch"
)

// TestThreeLettersEndingAWordAreNoPart: "bil" is the lastbil's last part,
// not the end of "stabil" (three letters that are no word before it): the
// answer offered "stabil" for "bil" and found the CVs that say they are
// stable.
func TestThreeLettersEndingAWordAreNoPart(t *testing.T) {
	cvs := map[string]*jobmatch.Candidate{
		"lastbil":  cvOf("Lastbilchauffør", "Kører lastbil i hele landet."),
		"bil":      cvOf("Bilmekaniker", "Reparerer biler."),
		"busbil":   cvOf("Chauffør", "Kører bus og busbil."),
		"stabil":   cvOf("Rengøringsassistent", "Stabil og mødestabil."),
		"postbud":  cvOf("Postbud", "Omdeling."),
		"butik":    cvOf("Butiksassistent", "Kasse."),
		"bus":      cvOf("Buschauffør", "Bus i byen."),
		"abilitet": cvOf("Kontorassistent", "Habilitet og forvaltning."),
	}
	ix, names := namedIndex(t, cvs)
	res := mustSearch(t, ix, "bil")
	got := names(res)
	for _, want := range []string{"bil", "busbil", "lastbil"} {
		if !slices.Contains(got, want) {
			t.Errorf("bil found %v, not %q (read as %+v)", got, want, res.Expansions)
		}
	}
	if slices.Contains(got, "stabil") {
		t.Errorf("bil found the stabil CV (read as %+v)", res.Expansions)
	}
	for _, e := range res.Expansions {
		if slices.Contains(e.Forms, "stabil") || slices.Contains(e.Forms, "mødestabil") {
			t.Errorf("bil read as %v", e.Forms)
		}
	}
	if got := names(mustSearch(t, ix, "bud")); !slices.Contains(got, "postbud") {
		t.Errorf("bud found %v, not the postbud", got)
	}
}
