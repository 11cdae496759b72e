package frontend_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestHotlineOffersTheCompanysContactAsCaller: found by CVR (or name),
// the form had empty caller fields although the jobcentre knew the
// company's contact, and Enter said "Opkalders e-mail: Udfyld telefon
// eller e-mail" at the e-mail, the cursor there. The one contact is the
// caller now; several are offered, a button each filling in the caller;
// with none known, a call without phone or e-mail is told at the phone
// what to type.
func TestHotlineOffersTheCompanysContactAsCaller(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	cvr := demo.CVR(741)
	logCall := func(contact map[string]any) {
		t.Helper()
		body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Aabenraa Træindustri ApS", "postal_code": "6200", "contact": contact},
			"topic": "vacancy", "channel": "phone", "text": "Søger en maskinsnedker"}
		if res := hot.Do("POST", "/api/v1/requests", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
	}
	logCall(map[string]any{"name": "Søren Sørensen", "phone": "29626558"})
	form := hotlinePage(t, hot, "/staff/hotline?cvr="+cvr)
	if name, phone := inputValue(t, form, "h-caller"), inputValue(t, form, "h-phone"); name != "Søren Sørensen" || strings.ReplaceAll(phone, " ", "") != "29626558" {
		t.Errorf("the one contact is not the caller: name %q, phone %q", name, phone)
	}

	// Two contacts: neither is assumed, both are offered.
	logCall(map[string]any{"name": "Mette Hansen", "email": "mette@aabenraa-trae.dk"})
	form = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
	if inputValue(t, form, "h-caller") != "" || inputValue(t, form, "h-phone") != "" {
		t.Errorf("one of two contacts filled in as the caller")
	}
	links := regexp.MustCompile(`<button type="submit" name="pick" value="(\d+)"[^>]*>([^<]*)</button>`).FindAllStringSubmatch(form, -1)
	var mette string
	for _, l := range links {
		if l[2] == "Mette Hansen" {
			mette = l[1]
		}
	}
	if len(links) != 2 || mette == "" {
		t.Fatalf("the contacts offered: %q", links)
	}
	pick := hotlineForm(t, form)
	pick.Set("cvr", cvr)
	pick.Set("pick", mette)
	form = string(hot.Do("POST", "/staff/hotline", []byte(pick.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da").Body)
	if name, email := inputValue(t, form, "h-caller"), inputValue(t, form, "h-email"); name != "Mette Hansen" || email != "mette@aabenraa-trae.dk" {
		t.Errorf("Mette Hansen's link: name %q, e-mail %q", name, email)
	}

	// No contact known, none typed: said at the phone, as what to type.
	other := demo.CVR(742)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: other, Name: "Tinglev Stål A/S", PostalCode: "6360"}}); err != nil {
		t.Fatal(err)
	}
	form = hotlinePage(t, hot, "/staff/hotline?cvr="+other)
	v := url.Values{"cvr": {other}, "channel": {"phone"}, "topic": {"layoff"}, "text": {"Varsler afskedigelser"}}
	for _, name := range []string{"_csrf", "_idem"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(form)
		if m == nil {
			t.Fatalf("no %s on the form", name)
		}
		v.Set(name, html.UnescapeString(m[1]))
	}
	res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="h-phone-err">Skriv opkalderens telefonnummer eller e-mail.</span>`) ||
		!strings.Contains(inputTag(page, "h-phone"), "autofocus") || strings.Contains(page, `id="h-email-err"`) {
		t.Errorf("no phone or e-mail: %d %s", res.StatusCode, page)
	}
}
