package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestConsentLinkClosesOnAnotherAnswer: a consent link sent, then the
// consent recorded by phone (or the citizen's no by phone, or the consent
// withdrawn), and the row still said "Samtykkelink på e-mail: frist …",
// presented or not, and the link still took a "nej" that undid the consent.
// The link closes with the answer given another way: the row says so, and
// the link says it is no longer open and takes no answer.
func TestConsentLinkClosesOnAnotherAnswer(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(907), "Frida Fisker", "Gustav Gram", "Hanne Holm")
	tokens := []string{cc.ask(0, "email", http.StatusCreated), cc.ask(1, "email", http.StatusCreated), cc.ask(2, "sms", http.StatusCreated)}

	// 0: consent by phone.
	if res := cc.k.Do("POST", "/api/v1/candidates/"+cc.candidates[0]+"/consents", map[string]any{"vacancy_id": cc.vacancyID, "channel": "phone"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent by phone: %d %s", res.StatusCode, res.Body)
	}
	cc.move(0, "interested", nil, http.StatusOK)
	// 1: the citizen said no by phone.
	cc.move(1, "not_interested", map[string]any{"note": "sagde nej i telefonen"}, http.StatusOK)
	// 2: consent by phone, then withdrawn.
	if res := cc.k.Do("POST", "/api/v1/candidates/"+cc.candidates[2]+"/consents", map[string]any{"vacancy_id": cc.vacancyID, "channel": "phone"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent by phone: %d %s", res.StatusCode, res.Body)
	}
	if res := cc.k.Do("DELETE", "/api/v1/candidates/"+cc.candidates[2]+"/consents/"+cc.vacancyID, nil, nil); res.StatusCode >= 300 {
		t.Fatalf("withdraw: %d %s", res.StatusCode, res.Body)
	}

	page := cc.vacancyPage()
	for i, token := range tokens {
		row := cc.row(page, i)
		if strings.Contains(row, "frist") || !strings.Contains(row, "lukket uden svar på linket") {
			t.Errorf("citizen %d: the link shows as waiting: %s", i, row)
		}
		res := cc.anon.Do("GET", "/consent/"+token, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusGone || !strings.Contains(html.UnescapeString(string(res.Body)), "Linket virker ikke længere") {
			t.Errorf("citizen %d: the link is still open: %d", i, res.StatusCode)
		}
		cc.answer(token, "no", http.StatusGone)
	}
	if e := cc.entry(0); e.Stage != "interested" {
		t.Fatalf("a no on the closed link moved the citizen who said yes: %s", e.Stage)
	}
}
