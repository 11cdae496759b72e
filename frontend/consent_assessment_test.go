package frontend_test

import (
	"jobmatch/demo"
	"jobmatch/system/systemtest"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestAssessmentWrittenAfterTheYesIsNotShown: a citizen said yes on the
// link before the first interview; the assessment written after it went
// to the employer unread. The employer sees it once the citizen has read
// it on a new link and said yes again.
func TestAssessmentWrittenAfterTheYesIsNotShown(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(904), "Frida Friis")
	cc.answer(cc.ask(0, "email", http.StatusCreated), "yes", http.StatusOK)
	const assessment = "Stærk i tagarbejde og mødestabil; vil gerne have faste dagvagter."
	cc.move(0, "interviewed", map[string]any{"interview": map[string]any{"date": time.Now().Format(time.DateOnly), "by": "Karen", "assessment": assessment}}, http.StatusOK)
	cc.move(0, "presented", nil, http.StatusOK)
	seen := cc.employerSees()
	if len(seen) != 1 || seen[0]["interview_summary"] != nil {
		t.Fatalf("the employer sees an assessment the citizen has not read: %+v", seen)
	}
	row := cc.row(cc.vacancyPage(), 0)
	if !strings.Contains(row, "Vurderingen er skrevet, efter borgeren gav samtykke.") || !strings.Contains(row, "Send samtykkelink igen") {
		t.Fatalf("the row does not say so: %s", row)
	}
	token := cc.ask(0, "email", http.StatusCreated)
	var page struct {
		Profile struct {
			Interview string `json:"interview_summary"`
		}
		Seen string `json:"assessment_seen"`
	}
	cc.anon.Do("GET", "/consent/"+token, nil, &page)
	if page.Profile.Interview != assessment {
		t.Fatalf("the citizen's page: %+v", page)
	}
	if res := cc.anon.Do("POST", "/consent/"+token, map[string]any{"answer": "yes", "seen": page.Seen}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("yes: %d %s", res.StatusCode, res.Body)
	}
	if seen := cc.employerSees(); len(seen) != 1 || seen[0]["interview_summary"] != assessment {
		t.Fatalf("read and said yes to: %+v", seen)
	}
	if row := cc.row(cc.vacancyPage(), 0); strings.Contains(row, "Vurderingen er skrevet") || strings.Contains(row, "consent-resend") {
		t.Fatalf("the row still asks for it: %s", row)
	}
}
