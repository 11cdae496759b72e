package api_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestReceiptSaysWhetherItWasMailed: a sender who gave a phone number and
// no e-mail address was told a receipt had been mailed to them; the entry
// form marked the e-mail address as required though a phone number does.
func TestReceiptSaysWhetherItWasMailed(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	for _, tc := range []struct {
		contact map[string]any
		want    string
	}{
		{map[string]any{"name": "Ib Bager", "phone": "75 12 34 56"}, "Du gav ingen e-mail, så vi har ikke sendt en kvittering"},
		{map[string]any{"name": "Ib Bager", "email": "ib@bageriet.dk"}, "Vi har sendt en kvittering"},
	} {
		body := map[string]any{"company": map[string]any{"cvr": demo.CVR(77), "name": "Bageriet ApS", "postal_code": "6400", "contact": tc.contact},
			"topic": "subsidy", "channel": "web", "text": "Spørgsmål om IGU"}
		var rec struct {
			ID        string
			StatusURL string `json:"status_url"`
		}
		if res := anon.Do("POST", "/api/v1/requests", body, &rec); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
		path := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
		page := html.UnescapeString(string(anon.Do("GET", path+"?new=1", nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
		if !strings.Contains(page, tc.want) {
			t.Fatalf("receipt for %v: want %q\n%s", tc.contact, tc.want, page)
		}
		// A program on the private link is answered in the language it
		// asks (the problem came in Danish).
		res := anon.Do("POST", path+"/answers", map[string]any{"profile_id": "x"}, nil, "Accept-Language", "en")
		if p := res.Problem(t); res.StatusCode != http.StatusUnprocessableEntity || p.Title != "Some fields are not filled in correctly." {
			t.Fatalf("JSON on the private link in English: %d %s", res.StatusCode, res.Body)
		}
		// Resolved: the page says when, and what the employer can do now
		// (it said "Afsluttet" and nothing more).
		owner := env.Login("konsulent@demo.local")
		if r, err := env.Sys.Intake.Request(context.Background(), rec.ID); err == nil {
			if u, err := env.Sys.Staff.User(context.Background(), r.ConsultantID); err == nil {
				owner = env.Login(u.Email)
			}
		}
		if res := owner.Do("POST", "/api/v1/requests/"+rec.ID+"/resolve", map[string]any{"resolution": "Svaret på IGU", "outcome": "answered"}, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("resolve: %d %s", res.StatusCode, res.Body)
		}
		page = html.UnescapeString(string(anon.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
		if !strings.Contains(page, `<dd class="request-resolved">`) || !strings.Contains(page, "Jobcentret har afsluttet henvendelsen") || strings.Contains(page, "Svaret på IGU") {
			t.Fatalf("the resolved request's page:\n%s", page)
		}
	}
	form := html.UnescapeString(string(anon.Do("GET", "/", nil, nil, "Accept", "text/html").Body))
	at := strings.Index(form, `id="f-company.contact.email"`)
	if at < 0 || strings.Contains(form[at:at+strings.Index(form[at:], ">")], "required") || !strings.Contains(form, "E-mail eller telefon") {
		t.Fatalf("the entry form's e-mail field: %s", form)
	}
}

// TestAnotherCompanysNameWithACVR: a haulier who mistyped the CVR as a
// bakery's had the vacancy filed as the bakery's, silently, and became
// one of the bakery's contacts (the hotline then found the bakery by the
// haulier's number). The name given is kept and shown to the sender and
// the consultant; the sender is no contact of the bakery.
func TestAnotherCompanysNameWithACVR(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	cvr := demo.CVR(78)
	bakery := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Bageriet Hvede ApS", "postal_code": "6400",
		"contact": map[string]any{"name": "Bo Bager", "email": "bo@hvede.dk"}}, "topic": "subsidy", "channel": "web", "text": "Løntilskud?"}
	if res := anon.Do("POST", "/api/v1/requests", bakery, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("bakery: %d %s", res.StatusCode, res.Body)
	}
	body := systemtest.VacancyBody(cvr)
	body["company"] = map[string]any{"cvr": cvr, "name": "Vognmand Hansen & Søn A/S", "postal_code": "6400",
		"contact": map[string]any{"name": "Jens Hansen", "email": "jens@vognmand-hansen.dk", "phone": "23456789"}}
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := anon.Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	v, err := env.Sys.Intake.Vacancy(context.Background(), rec.ID)
	if err != nil || v.CompanyName != "Bageriet Hvede ApS" || v.CompanyNameGiven != "Vognmand Hansen & Søn A/S" {
		t.Fatalf("the vacancy: %v %+v", err, v)
	}
	path := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	page := html.UnescapeString(string(anon.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
	if !strings.Contains(page, "Du skrev virksomhedens navn som »Vognmand Hansen & Søn A/S«, men CVR-nummeret "+cvr+" er Bageriet Hvede ApS") {
		t.Fatalf("the sender is not told:\n%s", page)
	}
	co, _ := env.Sys.Companies.Company(context.Background(), cvr)
	u, _ := env.Sys.Staff.User(context.Background(), co.ConsultantID)
	k := env.Login(u.Email)
	if page := html.UnescapeString(string(k.Do("GET", "/staff/vacancies/"+rec.ID, nil, nil, "Accept", "text/html").Body)); !strings.Contains(page, "Afsenderen skrev virksomhedens navn som »Vognmand Hansen & Søn A/S«") {
		t.Fatalf("the consultant is not told:\n%s", page)
	}
	for _, p := range co.Contacts {
		if p.Email == "jens@vognmand-hansen.dk" {
			t.Fatalf("the haulier became the bakery's contact: %+v", co.Contacts)
		}
	}
	// The hotline's new-company form with the bakery's CVR and another
	// name: the bakery's form, and it says so (the typed name was
	// dropped silently).
	hot := env.Login("hotline@demo.local")
	page = html.UnescapeString(string(hot.Do("GET", "/staff/hotline?q=x&cvr="+cvr+"&name="+url.QueryEscape("Bager Brun")+"&postal_code=6400", nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
	if !strings.Contains(page, "Du skrev »Bager Brun«, men CVR-nummeret "+cvr+" er Bageriet Hvede ApS") {
		t.Fatalf("the hotline is not told:\n%s", page)
	}
	// The bakery's own people, as they write its name, are no strangers.
	bakery["company"].(map[string]any)["name"] = "Bageriet Hvede"
	bakery["company"].(map[string]any)["contact"] = map[string]any{"name": "Eva Bager", "email": "eva@hvede.dk"}
	anon.Do("POST", "/api/v1/requests", bakery, nil)
	co, _ = env.Sys.Companies.Company(context.Background(), cvr)
	found := false
	for _, p := range co.Contacts {
		found = found || p.Email == "eva@hvede.dk"
	}
	if !found {
		t.Fatalf("the bakery's own sender is not its contact: %+v", co.Contacts)
	}
}
