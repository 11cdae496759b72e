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

// titleOf is the page's <title>, unescaped.
func titleOf(page string) string {
	m := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// formFrom is the form's hidden fields (_csrf, _idem) from a page, with
// the values given.
func formFrom(t *testing.T, page string, v url.Values) url.Values {
	t.Helper()
	for _, name := range []string{"_csrf", "_idem"} {
		if m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(page); m != nil {
			v.Set(name, html.UnescapeString(m[1]))
		}
	}
	return v
}

// TestStaffTitlesNameTheRecordAndTheError: every company tab said
// "Virksomhed", every CV "Kandidat", every vacancy "Stilling og
// kandidater", and a form sent back with errors kept the title it had, no
// "Fejl: " first (WCAG 3.3.1, DKFDS). The staff forms had inline errors
// and no summary: the contact log without a date, the hotline with only a
// CVR. The title names the record now, starts "Fejl: " on errors, and the
// summary leads to each field, once.
func TestStaffTitlesNameTheRecordAndTheError(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	cvr := demo.CVR(741)
	if _, _, err := env.Sys.Companies.ImportCompanies(ctx, []companies.CompanyRow{{CVR: cvr, Name: "Vojens Smedie ApS", PostalCode: "6500"}}); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	get := func(path string) string {
		t.Helper()
		res := k.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, res.Body)
		}
		return string(res.Body)
	}
	post := func(c *systemtest.Client, path string, v url.Values) (int, string) {
		t.Helper()
		res := c.Do("POST", path, []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
		return res.StatusCode, string(res.Body)
	}

	page := get("/staff/companies/" + cvr)
	if got := titleOf(page); got != "Vojens Smedie ApS · Virksomhed · Jobcentrets virksomhedsservice" {
		t.Errorf("company title: %q", got)
	}
	if strings.Contains(page, "errorsummary") {
		t.Errorf("a summary without errors: %s", page)
	}
	st, page := post(k, "/staff/companies/"+cvr+"/contacts", formFrom(t, page, url.Values{"kind": {"visit"}, "date": {""}, "note": {"Besøg"}}))
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("contact without a date: %d %s", st, page)
	}
	if got := titleOf(page); got != "Fejl: Vojens Smedie ApS · Virksomhed · Jobcentrets virksomhedsservice" {
		t.Errorf("title after errors: %q", got)
	}
	if n := strings.Count(page, `id="errorsummary"`); n != 1 || !regexp.MustCompile(`<a href="#c-date">Dato: [^<]+</a>`).MatchString(page) {
		t.Errorf("%d summaries, or no line that leads to the date: %s", n, page)
	}

	hot := env.Login("hotline@demo.local")
	res := hot.Do("GET", "/staff/hotline?cvr="+cvr, nil, nil, "Accept", "text/html", "Accept-Language", "da")
	st, page = post(hot, "/staff/hotline", formFrom(t, string(res.Body), url.Values{"cvr": {cvr}}))
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("hotline with only a CVR: %d %s", st, page)
	}
	if got := titleOf(page); !strings.HasPrefix(got, "Fejl: ") {
		t.Errorf("hotline title after errors: %q", got)
	}
	if n := strings.Count(page, `id="errorsummary"`); n != 1 || !strings.Contains(page, `<a href="#h-topic">`) {
		t.Errorf("%d summaries, or no line that leads to the topic: %s", n, page)
	}

	// The public form places its summary itself: one, not two.
	pub := env.Client()
	st, page = post(pub, "/", formFrom(t, string(pub.Do("GET", "/", nil, nil, "Accept", "text/html").Body), url.Values{}))
	if st != http.StatusUnprocessableEntity || strings.Count(page, `id="errorsummary"`) != 1 || !strings.HasPrefix(titleOf(page), "Fejl: ") {
		t.Errorf("public form: %d, %d summaries, title %q", st, strings.Count(page, `id="errorsummary"`), titleOf(page))
	}

	var vac struct {
		ID        string `json:"id"`
		Reference string `json:"reference"`
	}
	if res := k.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &vac); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	if got, want := titleOf(get("/staff/vacancies/"+vac.ID)), " ("+vac.Reference+") · Stilling og kandidater · "; !strings.Contains(got, want) || strings.HasPrefix(got, " (") {
		t.Errorf("vacancy title %q, want the title and %q", got, want)
	}
}
