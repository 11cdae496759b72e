package taxonomy

import (
	"testing"
)

// TestEverydayTitles: every everyday title names a concept that exists by
// its Danish label, is no label or STAR title of any concept already (it
// would be read as that one), and is read as its concept, alone and as a
// vacancy's title with more words.
func TestEverydayTitles(t *testing.T) {
	plain, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]bool{}
	for _, o := range plain.Occupations {
		labels[o.LabelDA] = true
	}
	for label, titles := range everydayTitles {
		if !labels[label] {
			t.Errorf("%q: no concept has that Danish label", label)
		}
		for _, title := range titles {
			k := Normalize(title)
			for _, o := range plain.Occupations {
				for _, f := range append(append([]string{o.LabelDA}, o.AltDA...), o.STAR...) {
					if Normalize(f) == k && o.LabelDA != label {
						t.Errorf("%q is already %q's name %q", title, o.LabelDA, f)
					}
				}
			}
		}
	}
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if uri, _, _ := tx.NormalizeOccupation("Truckfører til lager"); tx.ConceptLabel(uri, "da") != "gaffeltruckfører" {
		t.Errorf("\"Truckfører til lager\" read as %q", tx.ConceptLabel(uri, "da"))
	}
	for label, titles := range everydayTitles {
		for _, title := range titles {
			for _, s := range []string{title, title + " søges"} {
				uri, _, ok := tx.NormalizeOccupation(s)
				if got := tx.ConceptLabel(uri, "da"); !ok || got != label {
					t.Errorf("%q read as %q, want %q", s, got, label)
				}
			}
		}
	}
}

// TestEverydayEnglish: the English words people use for a job are read as
// the concept a Danish jobcentre means by them, first and alone among
// those of the same score: "cleaner" the rengøringsassistent (was the
// bilvaskmedarbejder's "car cleaner"), "nurse" the sygeplejerske (nothing),
// "teacher" the grundskolelærer (ESCO's lektor i statskundskab).
func TestEverydayEnglish(t *testing.T) {
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for label, names := range everydayEnglish {
		for _, n := range names {
			ms := tx.ResolveOccupation(n, 3, ResolveOptions{OccupationsOnly: true})
			if len(ms) == 0 || tx.ConceptLabel(ms[0].URI, "da") != label || ms[0].Kind != "english_label" {
				t.Errorf("%q read as %+v, want %q", n, ms, label)
				continue
			}
			if len(ms) > 1 && ms[1].Score >= ms[0].Score {
				t.Errorf("%q read as %q as much as %q", n, tx.ConceptLabel(ms[1].URI, "da"), label)
			}
		}
	}
}
