package api_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestLanguageSwitchKeepsTheQuery: "English" on a search page opened the
// page without its search (the query escaped twice: "?near%3d6400%26q%3d…";
// the worklist's pages and sorting escaped their filter the same way).
func TestLanguageSwitchKeepsTheQuery(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	href := func(page, class string) string {
		t.Helper()
		body := string(k.Do("GET", page, nil, nil, "Accept", "text/html").Body)
		m := regexp.MustCompile(`<a class="[^"]*` + class + `[^"]*" href="([^"]+)"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no %s link", page, class)
		}
		return html.UnescapeString(m[1])
	}
	if got := href("/staff/candidates?q=lager&near=6400", "lang-switch"); got != "/staff/candidates?lang=en&near=6400&q=lager" {
		t.Errorf("the language switch goes to %q", got)
	}
	if got := href("/staff/candidates?q=kok+i+%C3%A5rhus&lang=en", "lang-switch"); got != "/staff/candidates?lang=da&q=kok+i+%C3%A5rhus" {
		t.Errorf("the language switch back goes to %q", got)
	}
}

// TestVacancyPageWithABadWeight: a weight out of range (or a radius that
// is no number) gave a page without the criteria's fields, the weights
// or the shortlist; now the form as sent, the error at its field.
func TestVacancyPageWithABadWeight(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	vid, _, _ := preScreenVacancy(t, env, k, demo.CVR(84), cv("VW-1", "Tømrer", map[string]any{"name": "Vera Vægt"}))
	for _, bad := range []string{"w_text=2", "w_text=abc", "radius_km=x"} {
		res := k.Do("GET", "/staff/vacancies/"+vid+"?set=1&require=distance&"+bad, nil, nil, "Accept", "text/html")
		page := html.UnescapeString(string(res.Body))
		field := bad[:strings.IndexByte(bad, '=')]
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `name="w_occupation"`) || !strings.Contains(page, `value="distance" checked`) ||
			!strings.Contains(page, "Vera Vægt") || !regexp.MustCompile(`name="`+field+`"[^>]*>(</label>)?\s*<span class="error">`).MatchString(page) {
			t.Errorf("%s: %d, the form, the checked criterion, the shortlist and the error at %s:\n%s", bad, res.StatusCode, field, page)
		}
	}
}

// TestLanguageFacetCountsWhatItFinds: a language at a level filters on
// that level or better; its facet counted that level alone ("Dansk B1 15"
// opened 304 CVs).
func TestLanguageFacetCountsWhatItFinds(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	for i, level := range []string{"B1", "B2", "B2", "C2"} {
		if res := k.Do("POST", "/api/v1/candidates", cv(fmt.Sprint("LF-", i), "Tømrer", map[string]any{"languages": []map[string]string{{"code": "da", "level": level}}}), nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
	}
	if err := env.Sys.Syncer.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(k.Do("GET", "/staff/candidates?q=t%C3%B8mrer", nil, nil, "Accept", "text/html").Body))
	m := regexp.MustCompile(`<a href="([^"]+)">Dansk B2 eller bedre</a> <span class="badge">(\d+)</span>`).FindStringSubmatch(page)
	if m == nil || m[2] != "3" {
		t.Fatalf("the facet Dansk B2 or better: %q", m)
	}
	res := html.UnescapeString(string(k.Do("GET", m[1], nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(res, `<h2 id="res-h" tabindex="-1">3 `) {
		t.Errorf("the facet's link finds another number: %s", regexp.MustCompile(`<h2 id="res-h"[^<]*`).FindString(res))
	}
}

// TestStartPageListsMoreVacancies: the start page said "(30 i alt)" over
// the latest 25 vacancies and had no way to the rest.
func TestStartPageListsMoreVacancies(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	for i := range 27 {
		body := systemtest.VacancyBody(demo.CVR(300 + i))
		body["title"] = fmt.Sprintf("Tømrer %d", i)
		if res := admin.Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy %d: %d %s", i, res.StatusCode, res.Body)
		}
	}
	page := html.UnescapeString(string(admin.Do("GET", "/staff", nil, nil, "Accept", "text/html").Body))
	m := regexp.MustCompile(`<a class="more-vacancies" href="([^"]+)">`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, ">Tømrer 26<") || strings.Contains(page, ">Tømrer 1<") {
		t.Fatalf("the start page's vacancies: no link to the rest, or not the latest first")
	}
	more := html.UnescapeString(string(admin.Do("GET", m[1], nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(more, ">Tømrer 1<") || !strings.Contains(more, ">Tømrer 0<") || strings.Contains(more, ">Tømrer 26<") {
		t.Errorf("the link to the rest does not show the older vacancies")
	}
}

// TestVacancyReceiptSaysWhatWasSent: a vacancy's receipt showed its title
// alone (a request's shows its text), under "Titel".
func TestVacancyReceiptSaysWhatWasSent(t *testing.T) {
	env := systemtest.Start(t)
	body := systemtest.VacancyBody(demo.CVR(88))
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	page := html.UnescapeString(string(env.Client().Do("GET", rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):], nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(page, "<dt>Stilling</dt><dd lang=\"da\">"+body["title"].(string)+"</dd>") || !strings.Contains(page, `<dd class="vacancy-text" lang="da">`+body["description"].(string)) {
		t.Errorf("the receipt does not say the vacancy and its text:\n%s", page)
	}
}
