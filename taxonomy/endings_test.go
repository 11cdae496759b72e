package taxonomy_test

import (
	"slices"
	"testing"

	"jobmatch/taxonomy"
)

// TestEndsADanishWord: the last parts of Danish occupation names are
// found at the end of their compounds ("fører" of gaffeltruckfører);
// letters that end no name are not.
func TestEndsADanishWord(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"fører": true, "truckfører": true, "assistent": true, "smed": true, "qzxv": false, "": false} {
		if got := tx.EndsADanishWord(w); got != want {
			t.Errorf("EndsADanishWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestIsADanishWord: a whole word of a Danish occupation name is one; its
// last part alone, or letters no name holds, are not.
func TestIsADanishWord(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"revisor": true, "pedel": true, "Vicevært": true, "ruckfører": false, "sygeplejeske": false, "qzxv": false, "": false} {
		if got := tx.IsADanishWord(w); got != want {
			t.Errorf("IsADanishWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestRelatedByDanishGroup: DISCO-08 puts the ejendomsservicetekniker
// (ESCO's handyman, ISCO 9622) in the vicevært's unit group 5153, so each
// is related to the other; the handyman's own group stays related too.
func TestRelatedByDanishGroup(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	const (
		vicevaert = taxonomy.OccupationURIPrefix + "1822bfc2-e735-449f-ba00-ca71eb5c062b"
		handyman  = taxonomy.OccupationURIPrefix + "f4a25243-b06a-42a9-9c69-246853df63ad"
	)
	has := func(of, want string) bool {
		for _, o := range tx.RelatedOccupations(of) {
			if o.URI == want {
				return true
			}
			if o.URI == of {
				t.Errorf("RelatedOccupations(%s) holds the occupation itself", of)
			}
		}
		return false
	}
	if !has(vicevaert, handyman) || !has(handyman, vicevaert) {
		t.Errorf("vicevært and handyman are not related through DISCO-08 group 5153")
	}
	h, _ := tx.Occupation(handyman)
	if h.ISCO != "9622" {
		t.Fatalf("handyman's ISCO group = %s", h.ISCO)
	}
	related := map[string]bool{}
	for _, o := range tx.RelatedOccupations(handyman) {
		related[o.URI] = true
	}
	for _, o := range tx.Occupations {
		if o.ISCO == "9622" && o.URI != handyman && !related[o.URI] {
			t.Errorf("handyman lost %s of its own ISCO group", o.LabelDA)
		}
	}
}

// TestNamedBy: the occupations a Danish name of which holds a word whole
// come first, then those a name of which ends a compound in it; a word's
// last part names an occupation only when it is the whole of a name.
func TestNamedBy(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	labels := func(os []*taxonomy.Occupation) []string {
		var out []string
		for _, o := range os {
			out = append(out, o.LabelDA)
		}
		return out
	}
	got := labels(tx.NamedBy("programmør", 50))
	sw, db := slices.Index(got, "softwareudvikler"), slices.Index(got, "databaseudvikler")
	if sw < 0 || db < 0 || sw > db {
		t.Errorf("NamedBy(programmør) = %v: want softwareudvikler (STAR: Programmør og systemudvikler) before databaseudvikler (databaseprogrammør)", got)
	}
	if got := tx.NamedBy("programmør", 2); len(got) != 2 {
		t.Errorf("NamedBy(programmør, 2) returned %d", len(got))
	}
	if got := labels(tx.NamedBy("qzxv", 5)); len(got) != 0 {
		t.Errorf("NamedBy(qzxv) = %v", got)
	}
	if got := labels(tx.LastPart("pizzabager")); !slices.Contains(got, "bager") {
		t.Errorf("LastPart(pizzabager) = %v, want bager among them", got)
	}
	if got := labels(tx.LastPart("barnepige")); len(got) != 0 {
		t.Errorf("LastPart(barnepige) = %v: no occupation is named «pige»", got)
	}
}

// TestLastPartOfAQualifiedTitle: the head of STAR/Jobnet titles qualified
// after a comma ("Chauffør, persontransport", "Chauffør, tankvogn") names
// their kind, so a "renovationschauffør" is a chauffør, when those titles
// lie in one ISCO sub-major group: "Operatør, tekstil" and "Operatør,
// træ" name no one kind, and the one "Koordinator, hotel" no kind at all.
// The occupation whose label is the last part comes first.
func TestLastPartOfAQualifiedTitle(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := tx.LastPart("renovationschauffør")
	var star []string
	for _, o := range got {
		star = append(star, o.STAR...)
	}
	if !slices.Contains(star, "Chauffør, persontransport") || !slices.Contains(star, "Chauffør, fragt, distribution, blandet kørsel") {
		t.Errorf("LastPart(renovationschauffør): STAR titles %v, want the chauffører's", star)
	}
	for _, w := range []string{"robotoperatør", "marketingkoordinator"} {
		if got := tx.LastPart(w); len(got) != 0 {
			t.Errorf("LastPart(%s) = %d occupations (%s …), want none", w, len(got), got[0].LabelDA)
		}
	}
	if got := tx.LastPart("klinikreceptionist"); len(got) == 0 || got[0].LabelDA != "receptionist" {
		t.Errorf("LastPart(klinikreceptionist): %d occupations, want receptionist first", len(got))
	}
	if h := taxonomy.TitleHead("Chauffør, budtransport, køretøj under 3½ ton"); h != "Chauffør" {
		t.Errorf("TitleHead = %q", h)
	}
}

// TestDanishSpelling: a word of the occupation names typed without æ, ø
// and å is that word; a word of its own, or one typed with them, is not
// respelled.
func TestDanishSpelling(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{
		"hjemmehjaelper": "hjemmehjælper",
		"Toemrer":        "tømrer",
		"tomrer":         "tømrer",
		"paedagog":       "pædagog",
		"lager":          "", // a word of its own, not "læger"
		"kok":            "",
		"tømrer":         "",
		"smed":           "",
	} {
		got, ok := tax.DanishSpelling(w)
		if got != want || ok != (want != "") {
			t.Errorf("DanishSpelling(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
}

// TestInDanishDictionary: the words of ESCO's Danish descriptions are
// words; letters that run across two of them are not.
func TestInDanishDictionary(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"tilstand": true, "stand": true, "Bistand": true, "sygepleje": true,
		"standere": false, "sundhedstils": false, "til": false, "": false} {
		if got := tax.InDanishDictionary(w); got != want {
			t.Errorf("InDanishDictionary(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestIsAnEnglishWord: words of ESCO's English names are English words
// unless a Danish occupation name holds them too.
func TestIsAnEnglishWord(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"Marketing": true, "forklift": true, "lagerfolk": false, "kantinemedarbejder": false, "ekspedient": false, "": false} {
		if got := tx.IsAnEnglishWord(w); got != want {
			t.Errorf("IsAnEnglishWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSTARSpellingCorrected: a STAR title the mapping misspells is read as
// the trade writes it ("Flyteknikner" → "Flytekniker").
func TestSTARSpellingCorrected(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range tx.Occupations {
		for _, s := range o.STAR {
			if s == "Flyteknikner" {
				t.Errorf("%s holds the STAR title %q", o.URI, s)
			}
			found = found || s == "Flytekniker"
		}
	}
	if !found {
		t.Error("no occupation holds the STAR title Flytekniker")
	}
}
