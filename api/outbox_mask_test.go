package api_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestOutboxMasksPrivateLinks: an admin reading the outbox sees which
// consent, survey and status links went out, but not the links: each keeps
// its route and the first 4 characters of its token ("/consent/qz6q…"), so
// the admin cannot answer as the citizen or the employer, or fill in a
// survey that counts in the figures.
func TestOutboxMasksPrivateLinks(t *testing.T) {
	env := systemtest.Start(t)
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(84), cv("OM-1", "Tømrer", map[string]any{"skills": []string{"tagarbejde"}}))
	if res := k.Do("POST", "/api/v1/shortlist/"+es[0].ID+"/consent-request", map[string]any{"channel": "email", "deadline": time.Now().AddDate(0, 0, 5).Format(time.DateOnly)}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent request: %d %s", res.StatusCode, res.Body)
	}
	v, err := env.Sys.Intake.Vacancy(t.Context(), vid)
	if err != nil {
		t.Fatal(err)
	}
	if res := env.Login(v.ConsultantID).Do("PATCH", "/api/v1/vacancies/"+vid, map[string]any{"status": "filled"}, nil); res.StatusCode >= 300 {
		t.Fatalf("fill: %d %s", res.StatusCode, res.Body)
	}
	type mail struct{ ID, Kind, Subject, Body string }
	var sent, shown struct{ Items []mail }
	env.Outbox(&sent)
	if res := admin.Do("GET", "/api/v1/outbox?limit=200", nil, &shown); res.StatusCode != http.StatusOK || len(shown.Items) != len(sent.Items) {
		t.Fatalf("outbox: %d, %d messages for %d sent", res.StatusCode, len(shown.Items), len(sent.Items))
	}
	link := regexp.MustCompile(`/(consent|survey|status)/([a-z0-9]+)`)
	routes := map[string]bool{}
	for i, m := range sent.Items {
		for _, l := range link.FindAllStringSubmatch(m.Body, -1) {
			routes[l[1]] = true
			body := shown.Items[i].Body
			if shown.Items[i].ID != m.ID || strings.Contains(body, l[0]) || !strings.Contains(body, "/"+l[1]+"/"+l[2][:4]+"…") {
				t.Errorf("%s: the outbox shows the link %s as:\n%s", m.Kind, l[0], body)
			}
			// The masked link leads nowhere.
			if res := env.Client().Do("GET", "/"+l[1]+"/"+l[2][:4]+"…", nil, nil, "Accept", "application/json"); res.StatusCode == http.StatusOK {
				t.Errorf("the masked %s link answers 200", l[1])
			}
		}
		if shown.Items[i].Subject != m.Subject {
			t.Errorf("subject %q shown as %q", m.Subject, shown.Items[i].Subject)
		}
	}
	for _, r := range []string{"consent", "survey", "status"} {
		if !routes[r] {
			t.Errorf("no %s link mailed: %v", r, routes)
		}
	}
}
