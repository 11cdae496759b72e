package frontend_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// entryForm posts v on the entry form as a browser does, with the form's
// own _csrf and _idem, and headers ("Accept-Language", "en") on both.
func entryForm(t *testing.T, c *systemtest.Client, v url.Values, headers ...string) *systemtest.Response {
	t.Helper()
	form := string(c.Do("GET", "/", nil, nil, append([]string{"Accept", "text/html"}, headers...)...).Body)
	for _, name := range []string{"_csrf", "_idem"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(form)
		if m == nil {
			t.Fatalf("no %s on the form", name)
		}
		v.Set(name, html.UnescapeString(m[1]))
	}
	return c.Do("POST", "/", []byte(v.Encode()), nil, append([]string{"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"}, headers...)...)
}

// TestVacancyAskingGenderAgeOrOriginIsRefused: a vacancy that asks for a
// "kassedame", someone "max 25 år" or "dansk af oprindelse" is refused at
// the field that says it, naming the words and the law, in Danish and in
// English, over the API (problem+json) and on the form; one asking for 18
// years (serving alcohol), 25 years of experience or Danish at B2 is
// filed.
func TestVacancyAskingGenderAgeOrOriginIsRefused(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	body := systemtest.VacancyBody(demo.CVR(21))
	body["title"] = "Kassedame"
	body["description"] = "Vi søger en ung og frisk medarbejder, max 25 år og dansk af oprindelse, til kassen."
	body["skills_required"] = []string{"Kundeservice", "Etnisk dansk"}
	var problem struct {
		Errors []struct{ Field, Code, Message string }
	}
	res := anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Header.Get("Content-Type"), "problem+json") || json.Unmarshal(res.Body, &problem) != nil {
		t.Fatalf("a vacancy asking for gender, age and origin: %d %s", res.StatusCode, res.Body)
	}
	want := map[string][]string{
		"title":              {"«Kassedame»"},
		"description":        {"«ung og frisk», «max 25 år», «dansk af oprindelse»"},
		"skills_required[1]": {"«Etnisk»"},
	}
	for _, e := range problem.Errors {
		words, ok := want[e.Field]
		if !ok {
			t.Errorf("error at %s: %+v", e.Field, e)
			continue
		}
		delete(want, e.Field)
		if e.Code != "discrimination" || !strings.Contains(e.Message, "ligebehandlingsloven og forskelsbehandlingsloven") {
			t.Errorf("%s: %+v", e.Field, e)
		}
		for _, w := range words {
			if !strings.Contains(e.Message, w) {
				t.Errorf("%s does not name %s: %s", e.Field, w, e.Message)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("no error at %v: %s", want, res.Body)
	}
	res = anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "en")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "A job advert may not ask for a particular gender, age or ethnic origin") {
		t.Errorf("in English: %d %s", res.StatusCode, res.Body)
	}

	// The form says it at the field, and keeps what was typed.
	v := url.Values{"topic": {"vacancy"}, "company.cvr": {demo.CVR(21)}, "company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"},
		"company.contact.name": {"Ole Olsen"}, "company.contact.email": {"ole@example.dk"}, "title": {"Servitrice"},
		"description": {"Til vores café søger vi en servitrice under 30 år."}, "positions": {"1"}, "hours": {"full"}, "employment_type": {"ordinary"}}
	res = entryForm(t, anon, v)
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="e-title"`) || !strings.Contains(page, "Skriv om: «Servitrice»") ||
		!strings.Contains(page, "«servitrice», «under 30 år»") {
		t.Fatalf("the form: %d %s", res.StatusCode, page)
	}

	// What the law allows, and what only looks like an age, is filed.
	body["title"] = "Tjener"
	body["description"] = "Du er min. 18 år (lovkrav, servering af alkohol), har 25 års erfaring, taler dansk på B2-niveau og kan lide at arbejde med unge."
	body["skills_required"] = []string{"Kundeservice"}
	if res := anon.Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("a lawful vacancy: %d %s", res.StatusCode, res.Body)
	}
}
