package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestHotlineDoesNotFillInAnUnverifiedAddress: a sender who wrote without
// logging in gave a name, a phone number and an address (anyone may give
// any); a hotline search on the phone number filled that address in as
// the caller's, which the caller never said, and the receipt with the
// private status link went to it. The phone is filled in, the address is
// left for the caller to give, found by phone or chosen from the
// company's contacts.
func TestHotlineDoesNotFillInAnUnverifiedAddress(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(741)
	const phone, email = "29 41 87 63", "nogen@eksempel-vvs.dk"
	web := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Eksempel VVS ApS", "postal_code": "7100",
		"contact": map[string]any{"name": "Karin Vestergaard", "phone": phone, "email": email}}, "topic": "other", "channel": "web", "text": "Kan I ringe mig op?"}
	if res := env.Client().Do("POST", "/api/v1/requests", web, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	hot := env.Login("hotline@demo.local")

	q := "/staff/hotline?q=29418763"
	page := hotlinePage(t, hot, q)
	// The search learns of the contact from the change log: a moment after.
	for i := 0; i < 100 && !strings.Contains(page, `id="h-phone"`); i++ {
		page = hotlinePage(t, hot, q)
	}
	if !strings.Contains(page, "ikke bekræftet") {
		t.Fatalf("the unverified caller is not found by phone, or not marked: %s", page)
	}
	if got := inputValue(t, page, "h-phone"); got == "" {
		t.Errorf("the phone searched for is not the caller's")
	}
	if got := inputValue(t, page, "h-email"); got != "" {
		t.Errorf("searched by phone, the unverified contact's address is filled in: %q", got)
	}
	if fillsIn(page, email) {
		t.Errorf("a link on the page fills in the unverified address")
	}

	// Found by CVR: the contact is offered to choose, without the address.
	page = hotlinePage(t, hot, "/staff/hotline?q="+cvr)
	if !strings.Contains(page, "Karin Vestergaard") {
		t.Fatalf("the company's contact is not offered: %s", page)
	}
	if fillsIn(page, email) || regexp.MustCompile(`name="caller_email" value="`+regexp.QuoteMeta(email)).MatchString(page) {
		t.Errorf("choosing the unverified contact fills in the address they gave")
	}

	// Searched by the address itself: the hotline typed it, so it is
	// the caller's.
	page = hotlinePage(t, hot, "/staff/hotline?q="+email)
	if got := inputValue(t, page, "h-email"); got != email {
		t.Errorf("searched by the address, the caller's e-mail is %q", got)
	}
}

// fillsIn reports whether a link or button on page fills in email as the
// caller's.
func fillsIn(page, email string) bool {
	p := html.UnescapeString(page)
	return strings.Contains(p, "caller_email="+email) || strings.Contains(p, "caller_email="+url.QueryEscape(email))
}
