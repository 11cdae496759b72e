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

// hotlineForm is the values of the hotline's call form on page: its
// hidden _csrf and _idem.
func hotlineForm(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, name := range []string{"_csrf", "_idem"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s on the form", name)
		}
		v.Set(name, html.UnescapeString(m[1]))
	}
	return v
}

// TestHotlineErrorSummaryListsEachErrorOnce: a call saved by mail with
// no phone, no e-mail, no name, no topic and no text listed the caller's
// errors twice in the summary at the top, once under the form's field and
// once under the service's name for it ("company.contact.phone"). Each
// error is one line now, leading to its field.
func TestHotlineErrorSummaryListsEachErrorOnce(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(741)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Aabenraa Tømrerforretning ApS", PostalCode: "6200"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	for _, ch := range []string{"phone", "email", "visit"} {
		v := hotlineForm(t, hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
		v.Set("cvr", cvr)
		v.Set("channel", ch)
		for _, k := range []string{"topic", "text", "caller_name", "caller_phone", "caller_email"} {
			v.Set(k, "")
		}
		res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
		page := string(res.Body)
		sum := regexp.MustCompile(`(?s)<div class="alert alert-error errorsummary".*?</ul>`).FindString(page)
		if res.StatusCode != http.StatusUnprocessableEntity || sum == "" {
			t.Fatalf("%s: no error summary: %d %s", ch, res.StatusCode, page)
		}
		links := regexp.MustCompile(`<a href="#([^"]+)">`).FindAllStringSubmatch(sum, -1)
		seen := map[string]bool{}
		for _, l := range links {
			if seen[l[1]] {
				t.Errorf("%s: the summary leads to #%s twice: %s", ch, l[1], html.UnescapeString(sum))
			}
			seen[l[1]] = true
			if !strings.Contains(page, `id="`+l[1]+`"`) {
				t.Errorf("%s: the summary leads to #%s, which is no field on the page: %s", ch, l[1], html.UnescapeString(sum))
			}
		}
		// Neither phone nor e-mail: said at the phone on a call or a
		// visit, at the e-mail on a mail.
		at := "h-phone"
		if ch == "email" {
			at = "h-email"
		}
		for _, want := range []string{"h-topic", "h-text", at} {
			if !seen[want] {
				t.Errorf("%s: the summary does not lead to #%s: %s", ch, want, html.UnescapeString(sum))
			}
		}
	}
}
