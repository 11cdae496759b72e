package api_test

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

// TestARetryGetsItsReceiptWhole: the same sender sending again under the
// same idempotency key (a timeout retried over the API, the form's button
// clicked twice) is answered with the first receipt, its private link
// too: the retry got "status_url":"" and no Location, and the form its
// "already sent" notice without the link. Another sender of the same
// texts still gets no link, and the notice says neither that a mail went
// to the first sender (who may have given a phone number alone) nor to
// press a button the page does not have.
func TestARetryGetsItsReceiptWhole(t *testing.T) {
	clk := newClock()
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now, IntakePerAddress: 20, IntakePerCVR: 10, SameTextsOnce: true})
	anon := env.Client()
	type receipt struct {
		Reference string `json:"reference"`
		StatusURL string `json:"status_url"`
	}
	var first, retry, other receipt
	body := publicRequest(demo.CVR(940), "Vi vil gerne høre om virksomhedspraktik for to ledige.", "ole@example.dk")
	res := anon.Do("POST", "/api/v1/requests", body, &first, "Idempotency-Key", "k-777")
	if res.StatusCode != http.StatusCreated || first.StatusURL == "" {
		t.Fatalf("first: %d %s", res.StatusCode, res.Body)
	}
	res = anon.Do("POST", "/api/v1/requests", body, &retry, "Idempotency-Key", "k-777")
	if res.StatusCode != http.StatusCreated || retry != first || res.Header.Get("Location") != first.StatusURL {
		t.Fatalf("the retry: %d %+v (Location %q), want %+v", res.StatusCode, retry, res.Header.Get("Location"), first)
	}
	// Another sender under the same key: the same texts, not the link.
	body = publicRequest(demo.CVR(940), "Vi vil gerne høre om virksomhedspraktik for to ledige.", "nogen.andre@example.dk")
	res = anon.Do("POST", "/api/v1/requests", body, &other, "Idempotency-Key", "k-777")
	if res.StatusCode != http.StatusCreated || other.Reference != first.Reference || other.StatusURL != "" || res.Header.Get("Location") != "" {
		t.Fatalf("another sender: %d %+v", res.StatusCode, other)
	}

	// The form sent twice from one browser: the receipt's page both times.
	v := url.Values{"topic": {"other"}, "text": {"Kan vi få hjælp til at finde en lærling til værkstedet?"}, "company.cvr": {demo.CVR(941)},
		"company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"}, "company.contact.name": {"Ole Olsen"}, "company.contact.phone": {"20 30 40 50"}}
	_, page := postEntryForm(t, anon, v)
	to := page.Header.Get("Location")
	if page.StatusCode != http.StatusSeeOther || !strings.HasPrefix(to, "/status/") {
		t.Fatalf("the form: %d %s", page.StatusCode, page.Body)
	}
	twice := anon.Do("POST", "/", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if twice.StatusCode != http.StatusSeeOther || twice.Header.Get("Location") != to {
		t.Fatalf("the form clicked twice: %d %q %s, want %q", twice.StatusCode, twice.Header.Get("Location"), twice.Body, to)
	}
	// Its _idem from another browser is not the sender's.
	stranger := env.Client()
	form := string(stranger.Do("GET", "/", nil, nil, "Accept", "text/html").Body)
	v.Set("_csrf", html.UnescapeString(regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(form)[1]))
	again := stranger.Do("POST", "/", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	text := html.UnescapeString(string(again.Body))
	path, _, _ := strings.Cut(to, "?")
	if again.StatusCode != http.StatusConflict || strings.Contains(text, path) {
		t.Fatalf("the same form from another browser: %d %s", again.StatusCode, text)
	}
	if strings.Contains(text, "er sendt til den") || !strings.Contains(text, "har fået linket") || !strings.Contains(text, "tryk på »Send til jobcentret« igen") {
		t.Fatalf("the notice: %s", text)
	}
}
