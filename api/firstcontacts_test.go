package api_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestFirstRequestsOfANewCompanyKeepTheirContacts: a company's first
// vacancies arrive at once, each from its own contact person. The request
// that created the company kept its contact, the others' were dropped (of
// 30 at once, 2 were kept): every sender is the company's contact now.
func TestFirstRequestsOfANewCompanyKeepTheirContacts(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(811)
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := systemtest.VacancyBody(cvr)
			body["company"].(map[string]any)["contact"] = map[string]any{"name": fmt.Sprintf("Kontakt %d", i), "email": fmt.Sprintf("k%d@als-toemrer.dk", i)}
			if res := env.Client().Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusCreated {
				errs <- fmt.Sprintf("%d: %d %s", i, res.StatusCode, res.Body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	var co struct {
		Contacts []struct{ Email string } `json:"contacts"`
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/companies/"+cvr, nil, &co)
	if len(co.Contacts) != n {
		t.Fatalf("the company keeps %d of its %d first senders as contacts: %+v", len(co.Contacts), n, co.Contacts)
	}
}

// TestReceiptsToOneAddressAreBounded: anyone may post under any company
// and any address, and each post mailed a receipt with a private link to
// that address: the jobcentre's mail as a weapon on someone's inbox. At
// most ten a day go to one address from the public entry point; every
// request is filed and answered all the same.
func TestReceiptsToOneAddressAreBounded(t *testing.T) {
	env := systemtest.Start(t)
	body := systemtest.VacancyBody(demo.CVR(812))
	body["company"].(map[string]any)["contact"] = map[string]any{"name": "Offer", "email": "offer@example.dk"}
	for i := range 12 {
		req := map[string]any{"company": body["company"], "topic": "other", "channel": "api", "text": fmt.Sprintf("Henvendelse %d", i)}
		var rc struct {
			Mailed *bool `json:"receipt_mailed"`
		}
		if res := env.Client().Do("POST", "/api/v1/requests", req, &rc); res.StatusCode != http.StatusCreated {
			t.Fatalf("request %d: %d %s", i, res.StatusCode, res.Body)
		}
		// The receipt says whether it was mailed.
		if rc.Mailed == nil || *rc.Mailed != (i < 10) {
			t.Fatalf("request %d: receipt_mailed %v, want %v", i, rc.Mailed, i < 10)
		}
	}
	// The entry form's receipt page says none was mailed (it said "Vi har
	// sendt en kvittering … til din e-mail").
	anon := env.Client()
	_, res := postEntryForm(t, anon, url.Values{"topic": {"other"}, "text": {"Henvendelse 13"}, "company.cvr": {demo.CVR(812)}, "company.name": {"Als Tømrer ApS"},
		"company.postal_code": {"6400"}, "company.contact.name": {"Offer"}, "company.contact.email": {"offer@example.dk"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("posted: %d %s", res.StatusCode, res.Body)
	}
	loc, _ := url.Parse(res.Header.Get("Location"))
	page := html.UnescapeString(string(anon.Do("GET", loc.RequestURI(), nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
	if strings.Contains(page, "Vi har sendt en kvittering") || !strings.Contains(page, "Vi har ikke sendt en kvittering til din e-mail") {
		t.Fatalf("the receipt page of a receipt not mailed:\n%s", page)
	}
	n := 0
	for _, m := range mailsOf(outboxOf(t, env.Login("admin@demo.local")), "receipt") {
		if m.To == "offer@example.dk" {
			n++
		}
	}
	if n != 10 {
		t.Fatalf("%d receipts mailed to one address for 12 public requests, want 10", n)
	}
}

// TestSameSendersAtOnceAreOneContactEach: the same people sending at once
// were added twice each (the decision was made on a copy read before the
// other's write), and the company passed its cap of contacts.
func TestSameSendersAtOnceAreOneContactEach(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(813)
	first := systemtest.VacancyBody(cvr)
	if res := env.Client().Do("POST", "/api/v1/vacancies", first, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("first: %d %s", res.StatusCode, res.Body)
	}
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := systemtest.VacancyBody(cvr)
			body["company"].(map[string]any)["contact"] = map[string]any{"name": fmt.Sprintf("Kontakt %d", i%4), "email": fmt.Sprintf("k%d@als-toemrer.dk", i%4)}
			env.Client().Do("POST", "/api/v1/vacancies", body, nil)
		}()
	}
	wg.Wait()
	var co struct {
		Contacts []struct{ Email string } `json:"contacts"`
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/companies/"+cvr, nil, &co)
	seen := map[string]int{}
	for _, c := range co.Contacts {
		seen[c.Email]++
	}
	if len(co.Contacts) != 5 || len(seen) != 5 {
		t.Fatalf("four senders three times each and the first: %d contacts, %v", len(co.Contacts), seen)
	}
}
