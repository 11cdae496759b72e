package api_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// publicRequest is an anonymous request of the company cvr saying text,
// sent by email.
func publicRequest(cvr, text, email string) map[string]any {
	company := systemtest.VacancyBody(cvr)["company"].(map[string]any)
	company["contact"] = map[string]any{"name": "Ole Olsen", "email": email}
	return map[string]any{"company": company, "topic": "other", "channel": "api", "text": text}
}

// TestPublicIntakeHasABudgetPerAddress: 40 anonymous requests in a row
// from one address were 35 open requests in a worklist and 35 receipts to
// made-up addresses. An address files 20 an hour; the 21st is 429 with
// Retry-After and words an employer can act on, in both languages; a
// consultant's intake is not limited; the hour over, the address files
// again. The clock is the test's.
func TestPublicIntakeHasABudgetPerAddress(t *testing.T) {
	clk := newClock()
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now, IntakePerAddress: 20, IntakePerCVR: 10, SameTextsOnce: true})
	anon := env.Client()
	for i := range 20 {
		// Four companies, five each: under the CVR number's budget.
		body := publicRequest(demo.CVR(900+i%4), fmt.Sprintf("Henvendelse nummer %d", i), fmt.Sprintf("afsender%d@example.dk", i))
		if res := anon.Do("POST", "/api/v1/requests", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request %d: %d %s", i+1, res.StatusCode, res.Body)
		}
	}
	clk.Advance(20 * time.Minute)
	res := anon.Do("POST", "/api/v1/requests", publicRequest(demo.CVR(905), "Henvendelse nummer 21", "afsender21@example.dk"), nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("the 21st request in an hour: %d %s", res.StatusCode, res.Body)
	}
	// The first of the 20 leaves the hour in 40 minutes.
	if got := res.Header.Get("Retry-After"); got != "2400" {
		t.Fatalf("Retry-After %q, want 2400", got)
	}
	p := res.Problem(t)
	if !strings.HasSuffix(p.Type, "/intake_limited_address") || !strings.Contains(p.Title, "ikke sendt") || !strings.Contains(p.Title, "ring til jobcentret") {
		t.Fatalf("problem: %+v", p)
	}
	res = anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(906)), nil, "Accept-Language", "en")
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Problem(t).Title, "call the jobcentre") {
		t.Fatalf("a vacancy past the address's budget: %d %s", res.StatusCode, res.Body)
	}
	// The web form says so on a page.
	_, page := postEntryForm(t, anon, url.Values{"topic": {"other"}, "text": {"Henvendelse fra formularen"}, "company.cvr": {demo.CVR(907)},
		"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.email": {"ole@example.dk"}})
	body := html.UnescapeString(string(page.Body))
	if page.StatusCode != http.StatusTooManyRequests || page.Header.Get("Retry-After") == "" || !strings.Contains(body, "ring til jobcentret") || !strings.Contains(body, "<h1") {
		t.Fatalf("the form past the budget: %d %s", page.StatusCode, body)
	}
	// ... on the form again, with every word typed: an error page lost
	// the employer's text.
	if !strings.Contains(body, ">Henvendelse fra formularen</textarea>") || !strings.Contains(body, `value="Als Tømrer ApS"`) || !strings.Contains(body, `value="ole@example.dk"`) ||
		!strings.Contains(body, "står stadig i formularen") {
		t.Fatalf("the form past the budget lost what was typed: %s", body)
	}

	// Staff are not limited: the consultant logs a call from the same
	// address.
	k := env.Login("konsulent@demo.local")
	for i := range 3 {
		body := publicRequest(demo.CVR(900), fmt.Sprintf("Opkald nummer %d", i), "")
		body["channel"] = "phone"
		body["company"].(map[string]any)["contact"] = map[string]any{"phone": "12345678"}
		if res := k.Do("POST", "/api/v1/requests", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("the consultant's request %d: %d %s", i, res.StatusCode, res.Body)
		}
	}

	// An hour after the first, the address files again.
	clk.Advance(40 * time.Minute)
	if res := anon.Do("POST", "/api/v1/requests", publicRequest(demo.CVR(905), "Henvendelse nummer 21", "afsender21@example.dk"), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("after the hour: %d %s", res.StatusCode, res.Body)
	}
}

// TestPublicIntakeHasABudgetPerCVR: one CVR number takes 10 new requests
// and vacancies an hour from anonymous senders, wherever from; invalid
// submissions do not use it up.
func TestPublicIntakeHasABudgetPerCVR(t *testing.T) {
	clk := newClock()
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now, IntakePerAddress: 100, IntakePerCVR: 10})
	anon := env.Client()
	cvr := demo.CVR(920)
	for i := range 10 {
		if res := anon.Do("POST", "/api/v1/requests", publicRequest(cvr, "x", "a@example.dk"), nil); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("an invalid request: %d %s", res.StatusCode, res.Body)
		}
		if res := anon.Do("POST", "/api/v1/requests", publicRequest(cvr, fmt.Sprintf("Henvendelse %d", i), fmt.Sprintf("a%d@example.dk", i)), nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request %d: %d %s", i+1, res.StatusCode, res.Body)
		}
	}
	res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "3600" || !strings.HasSuffix(res.Problem(t).Type, "/intake_limited_cvr") {
		t.Fatalf("the 11th for one CVR number: %d %q %s", res.StatusCode, res.Header.Get("Retry-After"), res.Body)
	}
	if res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(921)), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("another company: %d %s", res.StatusCode, res.Body)
	}
}

// TestSameTextsTheSameDayAreOneRequest: the same texts for the same CVR
// number sent again the same day are the earlier request (its reference),
// not a new one with a new receipt mail; another sender is not given the
// first's private link.
func TestSameTextsTheSameDayAreOneRequest(t *testing.T) {
	clk := newClock()
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now, IntakePerAddress: 20, IntakePerCVR: 10, SameTextsOnce: true})
	anon := env.Client()
	cvr := demo.CVR(930)
	type receipt struct {
		Reference string `json:"reference"`
		StatusURL string `json:"status_url"`
		Mailed    bool   `json:"receipt_mailed"`
	}
	var first, again, other receipt
	body := publicRequest(cvr, "Vi vil gerne høre om løntilskud til en ny medarbejder.", "ole@example.dk")
	if res := anon.Do("POST", "/api/v1/requests", body, &first); res.StatusCode != http.StatusCreated || first.Reference == "" {
		t.Fatalf("first: %d %s", res.StatusCode, res.Body)
	}
	// Not the private link: the texts and the contact's address are no
	// secret (a posted vacancy shows them).
	if res := anon.Do("POST", "/api/v1/requests", body, &again); res.StatusCode != http.StatusCreated || again.Reference != first.Reference || again.StatusURL != "" || first.StatusURL == "" {
		t.Fatalf("the same again: %d %+v, want %+v without its link", res.StatusCode, again, first)
	}
	body = publicRequest(cvr, "Vi vil gerne høre om løntilskud til en ny medarbejder.", "nogen.andre@example.dk")
	if res := anon.Do("POST", "/api/v1/requests", body, &other); res.StatusCode != http.StatusCreated || other.Reference != first.Reference || other.StatusURL != "" || other.Mailed {
		t.Fatalf("the same texts from another sender: %d %+v", res.StatusCode, other)
	}
	// The web form: the same texts are the earlier request too, said by
	// the form's "already sent" notice, without the link.
	v := url.Values{"topic": {"other"}, "text": {"Vi vil gerne høre om løntilskud til en ny medarbejder."}, "company.cvr": {cvr},
		"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.email": {"tredje@example.dk"}}
	_, page := postEntryForm(t, anon, v)
	text := html.UnescapeString(string(page.Body))
	if page.StatusCode != http.StatusConflict || !strings.Contains(text, first.Reference) || strings.Contains(text, first.StatusURL) {
		t.Fatalf("the form with the same texts: %d %s", page.StatusCode, text)
	}
	// A vacancy sent twice is one vacancy too.
	var v1, v2 receipt
	anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &v1)
	if res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &v2); res.StatusCode != http.StatusCreated || v1.Reference == "" || v2.Reference != v1.Reference || v2.StatusURL != "" {
		t.Fatalf("a vacancy twice: %d %+v %+v", res.StatusCode, v1, v2)
	}

	// One request and one vacancy filed, one receipt mailed for each.
	k := env.Login("konsulent@demo.local")
	var list struct {
		Items []struct {
			Reference string `json:"reference"`
		} `json:"items"`
	}
	k.Do("GET", "/api/v1/requests?cvr="+cvr+"&limit=100", nil, &list)
	n := 0
	for _, it := range list.Items {
		if it.Reference == first.Reference || it.Reference == v1.Reference {
			n++
		}
	}
	if n != 2 || len(list.Items) != 2 {
		t.Fatalf("requests of the company: %+v", list.Items)
	}
	if mails := mailsOf(outboxOf(t, env.Login("admin@demo.local")), "receipt"); len(mails) != 2 {
		t.Fatalf("%d receipts mailed, want 2: %+v", len(mails), mails)
	}
}

// TestNoConsultantToReceiveARequest: on a fresh install before any
// consultant is created (or after the last one left), a company's request
// was a 500 "internal error" to the employer and a CLI hint only in the
// log. It is 503 with what to do, in the caller's language, over the API;
// the form keeps what was typed; nothing is filed.
func TestNoConsultantToReceiveARequest(t *testing.T) {
	env := systemtest.Start(t, systemtest.Options{NoUsers: true})
	anon := env.Client()
	res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(930)), nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a vacancy with no consultant: %d %s", res.StatusCode, res.Body)
	}
	if p := res.Problem(t); !strings.HasSuffix(p.Type, "/no_consultant") || !strings.Contains(p.Title, "ikke sendt") || !strings.Contains(p.Title, "Ring til jobcentret") {
		t.Fatalf("problem: %+v", p)
	}
	res = anon.Do("POST", "/api/v1/requests", publicRequest(demo.CVR(931), "Spørgsmål om løntilskud", "ole@example.dk"), nil, "Accept-Language", "en")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(res.Problem(t).Title, "no company consultant") {
		t.Fatalf("a request with no consultant, in English: %d %s", res.StatusCode, res.Body)
	}
	_, page := postEntryForm(t, anon, url.Values{"topic": {"subsidy"}, "subsidy": {"loentilskud"}, "text": {"Kan vi få en i løntilskud til lageret?"}, "company.cvr": {demo.CVR(932)},
		"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.email": {"ole@example.dk"}})
	body := html.UnescapeString(string(page.Body))
	if page.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "ingen virksomhedskonsulent") ||
		!strings.Contains(body, ">Kan vi få en i løntilskud til lageret?</textarea>") || !strings.Contains(body, `value="Als Tømrer ApS"`) {
		t.Fatalf("the form with no consultant: %d %s", page.StatusCode, body)
	}
	// Nothing was filed: a consultant created now finds no company.
	if res := env.Client().Do("GET", "/status/none", nil, nil); res.StatusCode == http.StatusInternalServerError {
		t.Fatalf("status page: %d", res.StatusCode)
	}
}
