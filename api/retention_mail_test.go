package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRetentionTeamMailSaysWhomToCall: the mail to the retention team
// said only the company and the consultant's login, so the team looked up
// whom to call back. It now names the employer's contact person with
// phone (in pairs, however it was typed) and e-mail, the reference number
// and the consultant by name, in Danish and then in English as the other
// mails; a caller who gave only a phone number is named by it.
func TestRetentionTeamMailSaysWhomToCall(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	hot := env.Login("hotline@demo.local")
	cvr := demo.CVR(783)
	company := func(contact map[string]any) map[string]any {
		return map[string]any{"cvr": cvr, "name": "Tønder Lager ApS", "postal_code": "6270", "contact": contact}
	}
	var full, bare struct {
		RequestID string `json:"request_id"`
		Reference string `json:"reference"`
	}
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": company(map[string]any{"name": "Mette Lund", "phone": "+45 2468-1012", "email": "mette@toender-lager.dk"}),
		"topic": "retention", "channel": "phone", "text": "En lagermedarbejder er sygemeldt og vil gerne tilbage på nedsat tid."}, &full); res.StatusCode != http.StatusCreated {
		t.Fatalf("log the call: %d %s", res.StatusCode, res.Body)
	}
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": company(map[string]any{"phone": "30405060"}),
		"topic": "retention", "channel": "phone", "text": "En chauffør har været sygemeldt i otte uger."}, &bare); res.StatusCode != http.StatusCreated {
		t.Fatalf("log the call: %d %s", res.StatusCode, res.Body)
	}
	r, err := env.Sys.Intake.Request(ctx, full.RequestID)
	if err != nil {
		t.Fatal(err)
	}
	consultant, err := env.Sys.Staff.User(ctx, r.ConsultantID)
	if err != nil || consultant.Name == "" || consultant.Name == consultant.ID {
		t.Fatalf("consultant %+v: %v", consultant, err)
	}
	var box struct {
		Items []struct{ Kind, Ref, Body string }
	}
	env.Outbox(&box)
	bodies := map[string]string{}
	for _, m := range box.Items {
		if m.Kind == "retention_request" {
			bodies[m.Ref] = m.Body
		}
	}
	body := bodies[full.RequestID]
	for _, want := range []string{
		"Reference: " + full.Reference,
		"Kontaktperson i virksomheden: Mette Lund, 24 68 10 12, mette@toender-lager.dk",
		"Kontaktperson i jobcentret: " + consultant.Name,
		"En lagermedarbejder er sygemeldt",
		"Contact person at the company: Mette Lund, 24 68 10 12, mette@toender-lager.dk.",
		"Contact person at the jobcentre: " + consultant.Name,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the mail does not say %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "jobcentret: "+consultant.ID) {
		t.Errorf("the mail names the consultant by login:\n%s", body)
	}
	if b := bodies[bare.RequestID]; !strings.Contains(b, "Kontaktperson i virksomheden: 30 40 50 60\n") || !strings.Contains(b, "Reference: "+bare.Reference) {
		t.Errorf("a caller who gave only a phone number:\n%s", b)
	}
}
