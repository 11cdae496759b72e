package taxonomy_test

import (
	"strings"
	"testing"

	"jobmatch/taxonomy"
)

// TestVacancyTitles: everyday Danish vacancy titles are read as the concept
// a Danish consultant means. Where several ESCO concepts carry the title as
// a label, the one STAR/Jobnet maps it to, or whose own label it is, wins
// over one that only lists it as an alternative, and the general concept
// over an industry's variant. The vacancy page reads the title through
// ResolveOccupation, imports through NormalizeOccupation: both must agree.
func TestVacancyTitles(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		title   string
		want    string   // ESCO Danish preferred label
		display string   // the title shown on the Danish page ("" = not checked)
		never   []string // concepts that share the title but are not what it means
	}{
		{"Pædagog", "børnehavepædagog", "Pædagog", []string{"undervisningsassistent i grundskolen 0-6 klasse", "medarbejder i en børnepasningsordning", "pædagog i SFO", "skolepædagog"}},
		{"Tjener", "tjener", "Tjener", []string{"steward/stewardesse", "overtjener"}},
		{"Lagermedarbejder", "lagerarbejder", "Lager- og logistikmedarbejder", []string{"lagerarbejder på en lædervarefabrik", "lagerkoordinator"}},
		{"Lagerarbejder", "lagerarbejder", "Lager- og logistikmedarbejder", []string{"lagerarbejder på en skofabrik", "lagerarbejder på en lædervarefabrik"}},
		{"Sygeplejerske", "sygeplejerske", "Sygeplejerske", []string{"lægeassistent"}},
		{"SOSU-hjælper", "social- og sundhedshjælper", "Social- og sundhedshjælper", []string{"hjemmehjælper", "social- og sundhedsarbejder"}},
		{"Social- og sundhedsassistent", "social- og sundhedsassistent", "Social- og sundhedsassistent", []string{"blodprøvetager", "steriltekniker", "sygehjælper"}},
		{"Tømrer", "tømrer", "Tømrer", []string{"bygmester", "tømrer — lofter"}},
		{"Elektriker", "elektriker", "Elektriker", []string{"kabelmontør", "installationselektriker", "autoelektriker"}},
		{"Kok", "kok", "Kok", nil},
		{"Buschauffør", "buschauffør", "Buschauffør", []string{"trolleybuschauffør"}},
		{"Rengøringsassistent", "rengøringsassistent", "Rengøringsassistent", []string{"rengøringsassistent i en forlystelsespark", "toiletpasser"}},
		{"Butiksassistent", "butiksassistent", "Butiksassistent", []string{"ekspedient i byggemarked", "dyrehandler"}},
		{"Kontorassistent", "administrativ assistent", "Kontormedhjælper", nil},
		{"Bogholder", "bogholder", "Bogholder", []string{"regnskabschef", "budgetchef", "fondsadministrator"}},
		{"Murer", "murer", "Murer", []string{"bygmester", "terrazzoarbejder"}},
		{"Smed", "smed", "Smed", []string{"industritekniker inden for tandhjulsproduktion", "tyndpladearbejder"}},
		{"Frisør", "frisør", "Frisør", []string{"barber", "hårstylist"}},
		{"Folkeskolelærer", "grundskolelærer", "Folkeskolelærer", nil},
		{"Softwareudvikler", "softwareudvikler", "", []string{"softwareudvikler af IKT-applikationer"}},
		{"Software developer", "softwareudvikler", "", []string{"udvikler af IKT-systemer"}},
		{"Lastbilchauffør", "bagagevognschauffør", "Chauffør, fragt, distribution, blandet kørsel", []string{"chauffør - kørsel med farligt gods"}},
		// STAR's only title of it is the trainee's, "IT-supporterelev":
		// an apprentice is no title of the job.
		{"IT-supportmedarbejder", "IKT-supportmedarbejder", "IKT-supportmedarbejder", nil},
	}
	for _, c := range cases {
		uri, score, ok := tx.NormalizeOccupation(c.title)
		got := tx.ConceptLabel(uri, "da")
		if !ok || got != c.want {
			t.Errorf("%q read as %q (%.2f), want %q", c.title, got, score, c.want)
			continue
		}
		if score != 1 {
			t.Errorf("%q is a label word for word, score %.2f", c.title, score)
		}
		ms := tx.ResolveOccupation(c.title, 3, taxonomy.ResolveOptions{OccupationsOnly: true})
		if len(ms) == 0 || ms[0].URI != uri {
			t.Errorf("%q: the vacancy page reads %v, the normaliser %q", c.title, ms, got)
		}
		for _, bad := range c.never {
			if got == bad {
				t.Errorf("%q read as the variant %q", c.title, bad)
			}
		}
		if d := tx.DisplayTitle(uri, "da"); c.display != "" && d != c.display {
			t.Errorf("%q shown as %q, want the STAR/Jobnet title %q", c.title, d, c.display)
		}
	}
}

// TestVacancyTitlesWithoutALabel: "Chauffør" and "Lærer" are no ESCO label
// and no STAR title in the shipped data, so the title is matched by its
// words. It still lands in the right occupational family (ISCO sub-major
// group 83 drivers, 23 teachers), and the page shows a title, never an
// English label.
func TestVacancyTitlesWithoutALabel(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ title, isco string }{{"Chauffør", "83"}, {"Lærer", "23"}, {"Lastbilchauffør", "83"}, {"Skolelærer", "23"}} {
		uri, _, ok := tx.NormalizeOccupation(c.title)
		if !ok || !strings.HasPrefix(tx.ISCOOf(uri), c.isco) {
			t.Errorf("%q read as %q (ISCO %s), want ISCO %s…", c.title, tx.ConceptLabel(uri, "da"), tx.ISCOOf(uri), c.isco)
		}
		if d := tx.DisplayTitle(uri, "da"); d == "" || d == tx.ConceptLabel(uri, "en") {
			t.Errorf("%q shown as %q", c.title, d)
		}
	}
}
