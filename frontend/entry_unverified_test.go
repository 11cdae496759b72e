package frontend_test

import (
	"net/http"
	"testing"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestAnonymousSenderIsAnUnverifiedContact: anyone may post under any CVR
// number on the public form or API, and the sender joined the company's
// contacts as any other, so the hotline's caller lookup named whoever had
// posted as the company's contact person. The sender of a request without
// a login is stored as unverified now: on the request, on its vacancy and
// among the company's contacts; a contact already known stays as it was
// (an impostor using their address does not change them), and a caller
// the hotline logs is no unverified contact.
func TestAnonymousSenderIsAnUnverifiedContact(t *testing.T) {
	env := systemtest.Start(t)
	anon, hot, admin := env.Client(), env.Login("hotline@demo.local"), env.Login("admin@demo.local")
	cvr := demo.CVR(741)
	company := func(contact map[string]any) map[string]any {
		return map[string]any{"cvr": cvr, "name": "Sønderborg Kloak ApS", "postal_code": "6400", "contact": contact}
	}
	// The hotline logs the company's own contact person first.
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": company(map[string]any{"name": "Hanne Jensen", "phone": "20304050", "email": "hj@kloak.dk"}),
		"topic": "other", "channel": "phone", "text": "Ringer om en praktikant"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("the hotline's call: %d %s", res.StatusCode, res.Body)
	}
	var rc jobmatch.Receipt
	if res := anon.Do("POST", "/api/v1/requests", map[string]any{"company": company(map[string]any{"name": "Svend Svindel", "phone": "99887766", "email": "svend@example.dk"}),
		"topic": "other", "channel": "web", "text": "Ring til mig om alt vedrørende firmaet"}, &rc); res.StatusCode != http.StatusCreated {
		t.Fatalf("an anonymous request: %d %s", res.StatusCode, res.Body)
	}
	body := systemtest.VacancyBody(cvr)
	body["company"] = company(map[string]any{"name": "Hanne Jensen", "phone": "11223344", "email": "hj@kloak.dk"})
	var vrc jobmatch.Receipt
	if res := anon.Do("POST", "/api/v1/vacancies", body, &vrc); res.StatusCode != http.StatusCreated {
		t.Fatalf("an anonymous vacancy under a known contact's address: %d %s", res.StatusCode, res.Body)
	}

	var r jobmatch.Request
	if res := admin.Do("GET", "/api/v1/requests/"+rc.RequestID, nil, &r); res.StatusCode != http.StatusOK {
		t.Fatalf("the request: %d %s", res.StatusCode, res.Body)
	}
	if r.Contact.Name != "Svend Svindel" || r.Contact.Phone != "99887766" || r.Contact.Email != "svend@example.dk" || !r.Contact.Unverified {
		t.Errorf("the request keeps its sender, unverified: %+v", r.Contact)
	}
	var v jobmatch.Vacancy
	if res := admin.Do("GET", "/api/v1/vacancies/"+vrc.ID, nil, &v); res.StatusCode != http.StatusOK || !v.Contact.Unverified || v.Contact.Phone != "11223344" {
		t.Errorf("the vacancy's sender: %d %+v", res.StatusCode, v.Contact)
	}
	var c jobmatch.Company
	if res := admin.Do("GET", "/api/v1/companies/"+cvr, nil, &c); res.StatusCode != http.StatusOK {
		t.Fatalf("the company: %d %s", res.StatusCode, res.Body)
	}
	want := []jobmatch.Person{{Name: "Hanne Jensen", Phone: "20304050", Email: "hj@kloak.dk"},
		{Name: "Svend Svindel", Phone: "99887766", Email: "svend@example.dk", Unverified: true}}
	if len(c.Contacts) != len(want) {
		t.Fatalf("the company's contacts: %+v, want %+v", c.Contacts, want)
	}
	for i, p := range c.Contacts {
		if p != want[i] {
			t.Errorf("contact %d: %+v, want %+v", i, p, want[i])
		}
	}
}
