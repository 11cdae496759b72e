package index

import (
	"slices"
	"strings"
	"testing"

	"jobmatch"
)

// TestSosuTitleTypedManyWays: "sosu" with the title's last word is that
// title alone, however it is typed ("SOSU-assistent", "sosu assistent",
// "sosuassistent", inflected, without æ); "social og sundheds assistent"
// and "socialogsundhedsassistent" are "social- og sundhedsassistent". The
// assistant's query read "sosu" as the hjælper (the assistant it also
// named was "assistent"'s), and found the butiksassistent by "assistent".
func TestSosuTitleTypedManyWays(t *testing.T) {
	cvs := map[string]*jobmatch.Candidate{
		"assistent":  cvOf("Social- og sundhedsassistent", "Medicingivning på plejecenter."),
		"assistent2": cvOf("Plejehjemsassistent", "Uddannet social- og sundhedsassistent."),
		"hjælper":    cvOf("Social- og sundhedshjælper", "Hjemmepleje."),
		"hjælper2":   cvOf("Hjemmehjælper", "Uddannet social- og sundhedshjælper."),
		"butik":      cvOf("Butiksassistent", "Kasse og varepåfyldning."),
		"handicap":   cvOf("Handicaphjælper", "Borgerstyret personlig assistance."),
		"kok":        cvOf("Kok", "Kantine."),
		"assistent3": cvOf("Kok", "Tidligere social- og sundhedsassistent."),
	}
	ix, names := namedIndex(t, cvs)
	for _, tt := range []struct {
		title   string
		other   string // the other title, named nowhere in the answer
		n       int    // the CVs that hold the title
		queries []string
	}{
		{"sundhedsassistent", "sundhedshjælper", 3, []string{"SOSU-assistent", "sosu assistent", "sosuassistent", "Sosu-assistenter",
			"social- og sundhedsassistent", "social og sundheds assistent", "socialogsundhedsassistent", "Social og sundheds assistenter"}},
		{"sundhedshjælper", "sundhedsassistent", 2, []string{"sosu-hjælper", "SOSU hjælper", "sosuhjaelper", "sosu-hjælpere",
			"social- og sundhedshjælper", "social og sundheds hjælper", "socialogsundhedshjaelper"}},
	} {
		var first []string
		for _, q := range tt.queries {
			for _, res := range []Result{mustSearch(t, ix, q), searchAll(t, ix, q)} {
				got := names(res)
				for _, n := range got {
					if n == "butik" || n == "handicap" || n == "kok" || !strings.HasPrefix(tt.title, "sundheds"+strings.TrimRight(n, "23")) {
						t.Errorf("%q found %q (%v), read as %+v", q, n, got, res.Expansions)
					}
				}
				if len(got) != tt.n {
					t.Errorf("%q found %v, want the %d %s", q, got, tt.n, tt.title)
				}
				for _, e := range res.Expansions {
					if slices.ContainsFunc(e.Forms, func(f string) bool { return strings.Contains(f, tt.other) }) {
						t.Errorf("%q read %q as %v: the other title", q, e.Word, e.Forms)
					}
				}
				if first == nil {
					first = got
				} else if !slices.Equal(got, first) {
					t.Errorf("%q found %v, %q %v: one title, one answer", q, got, tt.queries[0], first)
				}
			}
		}
	}
	// Either title, or another job: the title typed apart is one word
	// of the alternatives, as typed whole.
	for q, want := range map[string][]string{
		"sosu-assistent eller kok":             {"assistent", "assistent2", "assistent3", "kok"},
		"sosu assistent eller kok":             {"assistent", "assistent2", "assistent3", "kok"},
		"sosu assistent eller sosu hjælper":    {"assistent", "assistent2", "assistent3", "hjælper", "hjælper2"},
		"social og sundheds hjælper eller kok": {"assistent3", "hjælper", "hjælper2", "kok"},
	} {
		if got := names(searchAll(t, ix, q)); !slices.Equal(got, want) {
			t.Errorf("%q found %v, want %v", q, got, want)
		}
	}
}
