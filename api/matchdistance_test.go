package api_test

import (
	"context"
	"strings"
	"testing"

	"jobmatch/i18n"
	"jobmatch/system/systemtest"
)

// TestMatchCardAndReasonSayOneDistance: an elektriker in Tinglev (6360)
// for a vacancy in Tønder (6270), distance_km 20,5: the card's header
// said "21 km" (the result's distance) and the reason "20 km fra
// arbejdsstedet" (the raw distance, 20,47). Both word one value now, with
// one formatter, in both languages.
func TestMatchCardAndReasonSayOneDistance(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	id := localCV(t, k, "E-1", "Elektriker", 6, map[string]any{"postal_code": "6360", "max_commute_km": 40})
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 32, map[string]any{"title": "Elektriker", "postal_code": "6270", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en elektriker til installationer."})
	p := matchesOf(t, k, vid)
	checked := false
	for _, it := range p.Items {
		if it.CandidateID != id {
			continue
		}
		card := it.DistanceKm
		for _, r := range it.Reasons {
			if r.Code != "distance" {
				continue
			}
			checked = true
			if da := i18n.Format(i18n.DA, i18n.Km(card)); !strings.Contains(r.DA, da+" ") {
				t.Errorf("the card says %s (distance_km %v), the reason %q", da, card, r.DA)
			}
			if en := i18n.Format(i18n.EN, i18n.Km(card)); !strings.Contains(r.EN, en+" ") {
				t.Errorf("the card says %s (distance_km %v), the reason %q", en, card, r.EN)
			}
		}
	}
	if !checked {
		t.Fatalf("no distance reason for %s among %+v", id, p.Items)
	}
}
