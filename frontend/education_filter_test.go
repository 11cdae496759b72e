package frontend_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"jobmatch/app/cvs"
)

// TestEveryEducationFacetIsAFilterChoice: every education the facet can
// show (each level a CV can hold, and the groups) is a choice of the
// form's education filter, and its link leaves that choice selected
// ("Grundskole 23" filtered the search while the filter said "Alle", and
// the next search lost it).
func TestEveryEducationFacetIsAFilterChoice(t *testing.T) {
	var people []map[string]any
	for i, level := range cvs.EducationLevels {
		if level == "other" {
			continue // a course: the facet leaves it out
		}
		people = append(people, map[string]any{"external_ref": fmt.Sprintf("ED-%d", i), "name": fmt.Sprintf("Borger %d", i), "postal_code": "6400",
			"target_group": "close_to_job", "desired_occupations": []string{"Rengøringsassistent"},
			"experience": []map[string]any{{"title": "Rengøringsassistent", "years": 2}},
			"education":  []map[string]any{{"level": level, "field": "Uddannelse " + level}}})
	}
	page := searchPages(t, people)
	selected := regexp.MustCompile(`(?s)<select class="form-select" id="f-education" name="education"[^>]*>(.*?)</select>`)
	var shown int
	for _, e := range pageFacets(t, page("rengøringsassistent")) {
		if e.Facet != "Uddannelse" {
			continue
		}
		shown++
		p := page("rengøringsassistent", strings.SplitN(e.URL, "?", 2)[1])
		m := selected.FindStringSubmatch(p)
		if m == nil {
			t.Fatalf("no education filter on the page of %q", e.Label)
		}
		if !strings.Contains(m[1], ">"+e.Label+"</option>") || !regexp.MustCompile(`selected>`+regexp.QuoteMeta(e.Label)+`</option>`).MatchString(m[1]) {
			t.Errorf("the facet «%s» (%s) is not the filter's choice on the page it opens: %s", e.Label, e.URL, m[1])
		}
		if n := pageTotal(t, p); n != e.Count {
			t.Errorf("«%s» counts %d, its page finds %d", e.Label, e.Count, n)
		}
	}
	// Every level but "other", and the two groups.
	if want := len(cvs.EducationLevels) - 1 + 2; shown != want {
		t.Errorf("%d education facet values, want %d", shown, want)
	}
}
