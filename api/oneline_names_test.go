package api_test

import (
	"net/http"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestNamesAreOneLine: a person's or a company's name with a line break
// ("Eve\r\nBcc: spy@evil.example") is refused with 422 on its field, in
// Danish and English; it was stored as a vacancy's contact person and shown
// over three lines on the staff pages, and a user so named printed across
// two lines in the CLI. Free texts (a CV's summary) keep their lines.
func TestNamesAreOneLine(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	k := env.Login("konsulent@demo.local")
	admin := env.Login("admin@demo.local")

	check := func(what string, res *systemtest.Response, field string) {
		t.Helper()
		p := res.Problem(t)
		code, msg := p.Field(field)
		if res.StatusCode != http.StatusUnprocessableEntity || code != "line" || msg != "Skal stå på én linje, uden linjeskift eller tabulatorer." {
			t.Errorf("%s: %d %s, want 422 with line on %s", what, res.StatusCode, res.Body, field)
		}
	}
	body := systemtest.VacancyBody(demo.CVR(9))
	body["company"].(map[string]any)["contact"].(map[string]any)["name"] = "Eve\r\nBcc: spy@evil.example"
	check("a vacancy's contact person", anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da"), "company.contact.name")

	body = systemtest.VacancyBody(demo.CVR(9))
	body["company"].(map[string]any)["name"] = "Als Tømrer\tApS"
	check("a company", anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da"), "company.name")

	check("a CV", k.Do("POST", "/api/v1/candidates", cv("NL-1", "Kok", map[string]any{"name": "Ny\nBorger"}), nil, "Accept-Language", "da"), "name")
	check("a user", admin.Do("POST", "/api/v1/users", map[string]any{"email": "ny@demo.local", "name": "Ny\u2028Bruger", "role": "hotline", "password": "hemmelig"}, nil, "Accept-Language", "da"), "name")

	res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "ny@demo.local", "name": "Ny\rBruger", "role": "hotline", "password": "hemmelig"}, nil, "Accept-Language", "en")
	if code, msg := res.Problem(t).Field("name"); res.StatusCode != http.StatusUnprocessableEntity || code != "line" || msg != "Must be on one line, without line breaks or tabs." {
		t.Errorf("a user, in English: %d %s", res.StatusCode, res.Body)
	}

	// A summary is free text: its lines stay.
	if res := k.Do("POST", "/api/v1/candidates", cv("NL-2", "Kok", map[string]any{"summary": "Kok i 10 år.\nSøger fuldtid."}), nil); res.StatusCode != http.StatusCreated {
		t.Errorf("a CV whose summary has two lines: %d %s", res.StatusCode, res.Body)
	}
}
