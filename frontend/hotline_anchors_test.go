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

// summaryLinks are the lines of page's error summary: their target id and
// text.
func summaryLinks(t *testing.T, page string) [][2]string {
	t.Helper()
	box := regexp.MustCompile(`(?s)<div class="alert alert-error errorsummary".*?</ul>`).FindString(page)
	if box == "" {
		t.Fatalf("no error summary: %s", page)
	}
	var out [][2]string
	for _, m := range regexp.MustCompile(`<a href="#([^"]*)">([^<]*)</a>`).FindAllStringSubmatch(box, -1) {
		out = append(out, [2]string{m[1], html.UnescapeString(m[2])})
	}
	return out
}

// TestHotlineErrorLinksLeadToTheirFields: the new company's errors in the
// summary led to #f-new_cvr, and no field has that id (it is n-cvr), and
// said no label ("Skriv virksomhedens CVR-nummer." alone); without a
// search the new company's form was not on the page at all, and "Dine
// registreringer i dag" said "Ingen endnu" with two calls logged. Every
// error line of the hotline's page leads to a field on it and names it.
func TestHotlineErrorLinksLeadToTheirFields(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	cvr := demo.CVR(763)
	for _, text := range []string{"Spørger til løntilskud", "Spørger til jobrotation"} {
		body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Eksempel Smed ApS", "postal_code": "6200", "contact": map[string]any{"name": "Jens Smed", "phone": "29626571"}},
			"topic": "subsidy", "channel": "phone", "text": text}
		if res := hot.Do("POST", "/api/v1/requests", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
	}
	get := func(path string) string {
		t.Helper()
		res := hot.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("GET %s: %d, want 422", path, res.StatusCode)
		}
		return string(res.Body)
	}
	check := func(what, page string, want ...string) {
		t.Helper()
		lines := summaryLinks(t, page)
		if len(lines) < len(want) {
			t.Errorf("%s: summary %q, want lines for %q", what, lines, want)
		}
		for _, l := range lines {
			if !strings.Contains(page, `id="`+l[0]+`"`) {
				t.Errorf("%s: the line %q leads to #%s, which is not on the page", what, l[1], l[0])
			}
			if !strings.Contains(l[1], ": ") {
				t.Errorf("%s: the line %q does not name its field", what, l[1])
			}
		}
		text := html.UnescapeString(page)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the summary does not say %q", what, w)
			}
		}
	}

	// A new company with a CVR that is none, without a search.
	page := get("/staff/hotline?" + url.Values{"cvr": {"1234"}, "name": {"Nyt Firma ApS"}, "postal_code": {"7100"}}.Encode())
	check("without a search", page, "CVR-nummer: ")
	if !strings.Contains(page, `id="n-cvr"`) {
		t.Errorf("without a search, the new company's form is not on the page")
	}
	if strings.Contains(page, "Ingen endnu") || !strings.Contains(page, "Spørger til jobrotation") {
		t.Errorf("without a search, today's calls are not listed")
	}
	// Every field of the new company's form wrong, after a search.
	page = get("/staff/hotline?" + url.Values{"q": {"nyt firma"}, "cvr": {""}, "name": {"N"}, "postal_code": {"71"}}.Encode())
	check("after a search", page, "CVR-nummer: ", "Navn: ", "Postnummer: ")

	// The call's form sent empty.
	form := hotlinePage(t, hot, "/staff/hotline?q="+cvr)
	v := hotlineForm(t, form)
	v.Set("cvr", cvr)
	v.Set("channel", "email")
	res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("the call's form empty: %d %s", res.StatusCode, res.Body)
	}
	check("the call's form", string(res.Body), "Emne: ", "Kort tekst: ", "Opkalders e-mail: ")
}
