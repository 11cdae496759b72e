package frontend_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestHitExperienceIsByOccupation: a hit's line sums the years of one
// occupation under its titles, named by the title the CV gives most years:
// "Lagermedarbejder 10,5 år" for 8 years as Lagermedarbejder and 2,5 as
// Lagerarbejder (it said "Lagermedarbejder 8 år" under "«10 års erfaring»
// læst som mindst 10 års erfaring som lager- og logistikmedarbejder").
func TestHitExperienceIsByOccupation(t *testing.T) {
	page := searchPages(t, []map[string]any{{"external_ref": "HX-1", "name": "Lars Lager", "postal_code": "8000", "target_group": "close_to_job",
		"desired_occupations": []string{"Lagermedarbejder"},
		"experience": []map[string]any{{"title": "Lagermedarbejder", "employer": "Als Logistik", "years": 5}, {"title": "Produktionsmedarbejder", "employer": "Danish Crown", "years": 5},
			{"title": "Lagerarbejder", "employer": "Bilka", "years": 2.5}, {"title": "Lagermedarbejder", "employer": "Salling", "years": 3}}}})
	p := page("lagermedarbejder 10 års erfaring Aarhus")
	m := regexp.MustCompile(`<span class="muted hit-facts">(.*)</span>`).FindStringSubmatch(p)
	if m == nil {
		t.Fatalf("no hit facts:\n%s", p)
	}
	facts := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")
	if !strings.Contains(facts, "Erfaring: Lagermedarbejder 10,5 år, Produktionsmedarbejder 5 år") {
		t.Errorf("the hit's experience: %s", facts)
	}
}
