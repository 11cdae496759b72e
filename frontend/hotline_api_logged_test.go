package frontend_test

import (
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestACallLoggedThroughTheAPIIsTheHotlines: a call the hotline logs
// through POST /api/v1/requests is logged by them (logged_by), so it is
// in "Dine registreringer i dag" with its button to cancel it, as a call
// saved on the page is.
func TestACallLoggedThroughTheAPIIsTheHotlines(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	body := map[string]any{"company": map[string]any{"cvr": demo.CVR(772), "name": "Eksempel Tømrer ApS", "postal_code": "6200",
		"contact": map[string]any{"name": "Ib Holm", "phone": "29626580"}}, "topic": "subsidy", "channel": "phone", "text": "Spørger til løntilskud"}
	var rc struct{ ID, Reference string }
	if res := hot.Do("POST", "/api/v1/requests", body, &rc); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	var r struct {
		LoggedBy string `json:"logged_by"`
	}
	hot.Do("GET", "/api/v1/requests/"+rc.ID, nil, &r)
	if r.LoggedBy != "hotline@demo.local" {
		t.Errorf("logged_by %q, want the hotline user", r.LoggedBy)
	}
	page := hotlinePage(t, hot, "/staff/hotline")
	if !strings.Contains(page, rc.Reference) || !strings.Contains(page, `action="/staff/hotline/requests/`+rc.ID+`/cancel"`) {
		t.Errorf("the call is not in today's list with its cancel button: %s", page)
	}
}
