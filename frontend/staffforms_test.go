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

// TestCloseVacancyFormIsDKFDSAndSaysItsError: "Luk stillingen" was bare
// radios with the "af en kandidat, jobcentret præsenterede" checkbox
// between them and only the browser's popup when none was chosen. It is a
// fieldset with a legend now, the checkbox under "Besat", and the server's
// refusal is said at the radios, the fold open and the title "Fejl: ".
func TestCloseVacancyFormIsDKFDSAndSaysItsError(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(742)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Gram Tømrer ApS", PostalCode: "6510"}}); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	var vac struct {
		ID string `json:"id"`
	}
	if res := k.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &vac); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	get := func() string {
		res := k.Do("GET", "/staff/vacancies/"+vac.ID, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	page := get()
	form := page[strings.Index(page, `<form method="post" action="/staff/vacancies/`+vac.ID+`/close"`):]
	form = form[:strings.Index(form, "</form>")]
	filled, check, closed := strings.Index(form, `id="close-filled"`), strings.Index(form, `id="close-presented"`), strings.Index(form, `id="close-closed"`)
	if !strings.Contains(form, `<legend class="form-label">Hvordan sluttede stillingen?</legend>`) || !strings.Contains(form, `class="form-radio"`) ||
		filled < 0 || !(filled < check && check < closed) || !regexp.MustCompile(`id="close-filled"[^<]*><label for="close-filled">Besat</label>\s*<div class="radio-content"`).MatchString(form) ||
		strings.Contains(form, " required") {
		t.Fatalf("the close form: %s", form)
	}
	if strings.Contains(page, `id="close-err"`) || strings.Contains(page, `<details class="vacancy-close" id="close" open>`) {
		t.Fatalf("an error before anything was sent: %s", form)
	}
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(form)
	v := url.Values{"_csrf": {m[1]}, "note": {""}}
	res := k.Do("POST", "/staff/vacancies/"+vac.ID+"/close", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("close without a choice: %d %s", res.StatusCode, res.Body)
	}
	page = get()
	if !strings.Contains(page, `<details class="vacancy-close" id="close" open>`) || !strings.Contains(page, `<span class="form-error-message" id="close-err" role="alert">Vælg besat eller lukket.</span>`) ||
		!strings.Contains(page, `aria-describedby="close-hint close-err"`) || !strings.HasPrefix(titleOf(page), "Fejl: ") || strings.Count(page, "Vælg besat eller lukket.") != 1 {
		t.Fatalf("the refusal is not at the radios: %s", page)
	}
}

// TestOpenRequestRowsNameTheirReference: each open request's row had the
// same "Hvad blev gjort" field, a placeholder for its label, and the same
// "Afslut": seven alike to a screen reader. Each has a label and a button
// named with the request's reference now.
func TestOpenRequestRowsNameTheirReference(t *testing.T) {
	env := systemtest.Start(t)
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(11))["company"], "topic": "subsidy", "channel": "web", "text": "Spørger om løntilskud"}
	var rec struct {
		Reference string `json:"reference"`
	}
	if res := env.Client().Do("POST", "/api/v1/requests", body, &rec); res.StatusCode != 201 || rec.Reference == "" {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	k := env.Login("konsulent@demo.local")
	page := html.UnescapeString(string(k.Do("GET", "/staff", nil, nil, "Accept", "text/html", "Accept-Language", "da").Body))
	if !regexp.MustCompile(`<label class="form-label" for="res-[^"]+">Hvad blev gjort<span class="sr-only"> \(`+rec.Reference+`\)</span></label><input class="form-input" id="res-`).MatchString(page) ||
		!strings.Contains(page, `Afslut<span class="sr-only"> `+rec.Reference+`</span></button>`) || strings.Contains(page, `placeholder="Hvad blev gjort"`) {
		t.Fatalf("the row's field and button: %s", page)
	}
}
