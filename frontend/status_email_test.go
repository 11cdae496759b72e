package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestReceiptSaysWhereItWent: "jens@gmail.con" and "jens@lagerhuset.d"
// were taken, and the receipt page said only "… til din e-mail", so the
// employer could not see the typo and lost the private link. The entry
// point refuses a domain that cannot be right, with the address meant,
// and the receipt names the address it went to.
func TestReceiptSaysWhereItWent(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	for email, want := range map[string]string{
		"jens@gmail.con":    "Tjek e-mailadressen – mente du jens@gmail.com?",
		"jens@hotmial.com":  "Tjek e-mailadressen – mente du jens@hotmail.com?",
		"jens@lagerhuset.d": "Tjek e-mailadressen: endelsen efter det sidste punktum kan ikke være rigtig",
	} {
		body := systemtest.VacancyBody(demo.CVR(96))
		body["company"].(map[string]any)["contact"].(map[string]any)["email"] = email
		res := anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da")
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s", email, res.StatusCode, res.Body)
			continue
		}
		if _, msg := res.Problem(t).Field("company.contact.email"); !strings.HasPrefix(msg, want) {
			t.Errorf("%s: %q, want %q", email, msg, want)
		}
	}
	body := systemtest.VacancyBody(demo.CVR(96))
	body["company"].(map[string]any)["contact"].(map[string]any)["email"] = "jens@lagerhuset.dk"
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	if res := anon.Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	path := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	for lang, want := range map[string]string{"da": "dit private link til jens@lagerhuset.dk.", "en": "your private link to jens@lagerhuset.dk."} {
		page := html.UnescapeString(string(anon.Do("GET", path+"?new=1&lang="+lang, nil, nil, "Accept", "text/html").Body))
		if !strings.Contains(page, want) {
			t.Errorf("the receipt (%s) does not say %q", lang, want)
		}
	}
}
