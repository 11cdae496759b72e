package cvs

import (
	"slices"
	"testing"

	"jobmatch/index"
	"jobmatch/taxonomy"
)

// readQuery reads q as the consultants' search page does, with the
// shipped taxonomy.
func readQuery(t *testing.T, q string) (index.Query, []Interpretation) {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cs := &Service{tax: tax}
	iq, interp, err := cs.buildQuery(SearchParams{Q: q})
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return iq, interp
}

// TestDirectionFromAPlace: "nord for odense", "sydvest for aarhus", "øst
// for vejle" are near that place, as "omkring odense" is; as words, "nord"
// was required and found "nordlys" and "Nordfyns".
func TestDirectionFromAPlace(t *testing.T) {
	for q, want := range map[string][2]string{
		"nord for odense":               {"", "nord for odense"},
		"lager syd for aarhus":          {"lager", "syd for aarhus"},
		"kok øst for Vejle":             {"kok", "øst for Vejle"},
		"tømrer vest for randers":       {"tømrer", "vest for randers"},
		"pædagog sydvest for aarhus":    {"pædagog", "sydvest for aarhus"},
		"chauffør lige nord for odense": {"chauffør", "lige nord for odense"},
		"welder north of aalborg":       {"welder", "north of aalborg"},
		"omkring odense":                {"", "omkring odense"},
	} {
		iq, interp := readQuery(t, q)
		text := iq.Text
		var place *Interpretation
		for i := range interp {
			if interp[i].Via == "place" {
				place = &interp[i]
			}
		}
		if place == nil || place.Term != want[1] || text != want[0] {
			t.Errorf("%q: searched %q, place %+v; want %q near %q", q, text, place, want[0], want[1])
		}
	}
}

// TestSpokenLevelOfALanguage: "taler godt dansk", "lidt engelsk", "taler
// flydende engelsk" ask for the language at least at the level the
// everyday word says (well B2, fluently or perfectly C1, some A2), as
// "taler polsk" asks for the language; as words, «taler», «godt» and
// «dansk» were each required of every CV. "godt humør" and "noget med
// børn" stay words.
func TestSpokenLevelOfALanguage(t *testing.T) {
	for q, want := range map[string][2]string{
		"taler godt dansk":                    {"", "da:B2"},
		"kok der taler godt dansk":            {"kok der", "da:B2"},
		"rengøring taler rigtig godt engelsk": {"rengøring", "en:B2"},
		"taler flydende engelsk":              {"", "en:C1"},
		"perfekt dansk":                       {"", "da:C1"},
		"lager lidt dansk":                    {"lager", "da:A2"},
		"noget engelsk":                       {"", "en:A2"},
		"taler dansk godt":                    {"", "da:B2"},
		"speaks good english":                 {"", "en:B2"},
		"sosu taler dansk B1":                 {"sosu", "da:B1"},
		"pædagog godt humør":                  {"pædagog godt humør", ""},
		"noget med børn":                      {"noget med børn", ""},
		"dansk godt humør":                    {"dansk godt humør", ""},
	} {
		iq, _ := readQuery(t, q)
		var langs []string
		if want[1] != "" {
			langs = []string{want[1]}
		}
		if iq.Text != want[0] || !slices.Equal(iq.Languages, langs) {
			t.Errorf("%q: searched %q with languages %v; want %q with %v", q, iq.Text, iq.Languages, want[0], langs)
		}
	}
}

// TestYearsInTheKindAWordBegins: "lager 5 års erfaring" asks for five
// years as a lagerarbejder, lagermedarbejder … (the occupations whose
// names "lager" begins), as "tømrer 5 års erfaring" asks for them as a
// tømrer; read as five years in all, it let through the lagerarbejder with
// 2½ years who had worked as much at something else. A word that names
// an occupation keeps its own; no word, the years in all.
func TestYearsInTheKindAWordBegins(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	uriOf := func(label string) string {
		for _, o := range tax.Occupations {
			if o.LabelDA == label {
				return o.URI
			}
		}
		t.Fatalf("no occupation %q", label)
		return ""
	}
	for q, c := range map[string]struct{ first, holds, not string }{
		"lager 5 års erfaring":                {"lagerarbejder", "lagerchef", "anklager"},
		"rengøring med mindst 5 års erfaring": {"rengøringsassistent", "rengøringspersonale", "ejendomsservicetekniker"},
		"tømrer 5 års erfaring":               {"tømrer", "tømrer", "lagerarbejder"},
		"kok 3 års erfaring":                  {"kok", "kok", "kokillestøber"},
	} {
		iq, interp := readQuery(t, q)
		if iq.MinYears == 0 || len(iq.YearsIn) == 0 || iq.YearsIn[0] != uriOf(c.first) ||
			!slices.Contains(iq.YearsIn, uriOf(c.holds)) || slices.Contains(iq.YearsIn, uriOf(c.not)) {
			t.Errorf("%q: %d years in %v, want first %s, with %s and without %s", q, iq.MinYears, iq.YearsIn, c.first, c.holds, c.not)
		}
		if i := slices.IndexFunc(interp, func(in Interpretation) bool { return in.Via == "experience" }); i < 0 || interp[i].URI != uriOf(c.first) {
			t.Errorf("%q: the years read as %+v, want as %s", q, interp, c.first)
		}
	}
	if iq, _ := readQuery(t, "5 års erfaring"); iq.MinYears != 5 || len(iq.YearsIn) != 0 {
		t.Errorf("5 års erfaring: %d years in %v, want 5 in all", iq.MinYears, iq.YearsIn)
	}
}
