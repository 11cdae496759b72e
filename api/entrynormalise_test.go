package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestTheAPIReadsWhatTheFormReads: the API refused what an employer's
// system copies as people write it, which the form took: a CVR number in
// groups or with a space after it, an e-mail address with a space before
// it, a postal code with its town or "DK-" before it. Both read them
// alike now; a CVR number whose digits do not add up is said to be no
// valid number (the service cannot know whether it exists).
func TestTheAPIReadsWhatTheFormReads(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	cvr := demo.CVR(960)
	grouped := cvr[:2] + " " + cvr[2:4] + " " + cvr[4:6] + " " + cvr[6:]
	body := systemtest.VacancyBody(grouped)
	company := body["company"].(map[string]any)
	company["postal_code"] = "DK-8000"
	company["contact"] = map[string]any{"name": " Søren Holm ", "email": " soren@firma.dk", "phone": "20 30 40 50 "}
	body["postal_code"] = "8000 Aarhus C"
	var rc struct {
		CVR string `json:"cvr"`
	}
	if res := anon.Do("POST", "/api/v1/vacancies", body, &rc, "Accept-Language", "da"); res.StatusCode != http.StatusCreated || rc.CVR != cvr {
		t.Fatalf("a vacancy written as people write: %d %s", res.StatusCode, res.Body)
	}
	req := publicRequest(demo.CVR(961)+" ", "Vi vil gerne høre om løntilskud.", " ole@example.dk")
	req["company"].(map[string]any)["postal_code"] = " 6400 Sønderborg"
	if res := anon.Do("POST", "/api/v1/requests", req, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("a request written as people write: %d %s", res.StatusCode, res.Body)
	}
	k := env.Login("konsulent@demo.local")
	var c struct {
		PostalCode string `json:"postal_code"`
		Contacts   []struct{ Email string }
	}
	if res := k.Do("GET", "/api/v1/companies/"+cvr, nil, &c); res.StatusCode != http.StatusOK || c.PostalCode != "8000" {
		t.Fatalf("the company: %d %s", res.StatusCode, res.Body)
	}
	// Not a postal code with something else after it, nor a code that
	// does not exist.
	for _, pc := range []string{"8000-8200", "8000 8200", "DK-0001"} {
		company["postal_code"] = pc
		if res := anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "Postnummeret findes ikke") {
			t.Errorf("postal code %q: %d %s", pc, res.StatusCode, res.Body)
		}
	}
	company["postal_code"] = "6400"
	bad := cvr[:7] + string('0'+(cvr[7]-'0'+1)%10)
	company["cvr"] = bad
	res := anon.Do("POST", "/api/v1/vacancies", body, nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "Det er ikke et gyldigt CVR-nummer – tjek cifrene.") {
		t.Fatalf("a CVR number that does not add up: %d %s", res.StatusCode, res.Body)
	}
	// The form the same way.
	v := url.Values{"topic": {"other"}, "text": {"Spørgsmål om voksenlærlinge"}, "company.cvr": {"DK " + grouped},
		"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"DK-6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.email": {" ole@example.dk"}}
	if _, page := postEntryForm(t, anon, v); page.StatusCode != http.StatusSeeOther {
		t.Fatalf("the form: %d %s", page.StatusCode, page.Body)
	}
}
