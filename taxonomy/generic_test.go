package taxonomy_test

import (
	"strings"
	"testing"

	"jobmatch/taxonomy"
)

// TestAGenericTitleIsReadInItsMainGroup: STAR maps "Produktionsmedarbejder"
// to 23 occupations in 6 ISCO unit groups, most of them food machine
// operators; ESCO's Danish preferred label of the raw material reception
// operator (ISCO 4321) is the same word, and every produktionsmedarbejder,
// a steel company's too, was read as that clerk. A title of many kinds of
// work is read as its main group (occupations only: as occupations of it);
// a title that is an occupation's own name in its main group, or names
// kinds of one field, still names that occupation.
func TestAGenericTitleIsReadInItsMainGroup(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Produktionsmedarbejder", "produktionsmedarbejder"} {
		uri, _, ok := tx.NormalizeOccupation(title)
		if o, _ := tx.Occupation(uri); !ok || o.ISCO != "8160" {
			t.Errorf("%q normalised to %q, want an occupation of its main group 8160", title, tx.ConceptLabel(uri, "da"))
		}
		for _, m := range tx.ResolveOccupation(title, 3, taxonomy.ResolveOptions{OccupationsOnly: true}) {
			if o, _ := tx.Occupation(m.URI); o == nil || o.ISCO != "8160" {
				t.Errorf("%q read as %q, outside its main group 8160", title, tx.ConceptLabel(m.URI, "da"))
			}
		}
		ms := tx.ResolveOccupation(title, 3)
		if len(ms) == 0 || ms[0].URI != taxonomy.ISCOURIPrefix+"8160" {
			t.Errorf("%q read as %v, want its main unit group 8160", title, ms)
		}
	}
	// Titles STAR maps to three or more groups too, but which are the
	// own name of an occupation of their main group.
	for title, want := range map[string]string{"Elektriker": "elektriker", "Butiksassistent": "butiksassistent", "Landmand": "landmand", "Rengøringsassistent": "rengøringsassistent"} {
		uri, _, ok := tx.NormalizeOccupation(title)
		if got := tx.ConceptLabel(uri, "da"); !ok || got != want {
			t.Errorf("%q read as %q, want %q", title, got, want)
		}
	}
}

// TestAnEverydayWordOfAnotherFieldIsNoName: ESCO lists "udvikler" among
// the names of the bygherre (ISCO 1323), while the word ends the names of
// some twenty software occupations: "udvikler" was read as the bygherre
// and the search brought in byggeledere. Such a word names no occupation
// of another field by itself.
func TestAnEverydayWordOfAnotherFieldIsNoName(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"udvikler", "Udvikler"} {
		for _, m := range tx.ResolveOccupation(title, 3, taxonomy.ResolveOptions{OccupationsOnly: true}) {
			if o, ok := tx.Occupation(m.URI); ok && !strings.HasPrefix(o.ISCO, "25") {
				t.Errorf("%q read as %q (ISCO %s), want a developer of ISCO 25", title, tx.ConceptLabel(m.URI, "da"), o.ISCO)
			}
		}
	}
	// Its longer names still name it.
	if uri, _, ok := tx.NormalizeOccupation("bygherre"); !ok || tx.ConceptLabel(uri, "da") != "bygherre" {
		t.Errorf("bygherre read as %q", tx.ConceptLabel(uri, "da"))
	}
}
