package frontend_test

import (
	"html"
	"strings"
	"testing"
)

// TestARelatedOccupationIsLabelled: a hit found only by an occupation
// related to the one searched (an ejendomsservicetekniker for "vicevært",
// which no CV names) says so on the page, beside the hit; a "murer"
// search showed a tømrer as if he were a murer.
func TestARelatedOccupationIsLabelled(t *testing.T) {
	page := searchPages(t, []map[string]any{{"external_ref": "REL-1", "name": "Rene Rasmussen", "postal_code": "8000", "target_group": "close_to_job",
		"desired_occupations": []string{"Ejendomsservicetekniker"},
		"experience":          []map[string]any{{"title": "Ejendomsservicetekniker", "employer": "Boligforeningen", "years": 6}}}})
	p := html.UnescapeString(page("vicevært"))
	if !strings.Contains(p, "beslægtet stilling: ejendomsservicetekniker") {
		t.Errorf("the page does not label the related hit:\n%s", p)
	}
	if p := html.UnescapeString(page("ejendomsservicetekniker")); strings.Contains(p, "beslægtet stilling") {
		t.Errorf("a direct hit is labelled related")
	}
}
