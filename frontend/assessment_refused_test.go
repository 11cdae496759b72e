package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRefusedAssessmentIsMarkedInvalid: an assessment refused for writing
// about the citizen's family came back in the row's form as typed, but the
// textarea was not aria-invalid nor tied to the message: a screen reader
// heard the message and found nothing wrong in the form.
func TestRefusedAssessmentIsMarkedInvalid(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var cand struct{ ID string }
	cv := map[string]any{"external_ref": "AS-1", "name": "Aske Assessment", "postal_code": "6400", "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}}
	if res := k.Do("POST", "/api/v1/candidates", cv, &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	var vac struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(43)), &vac); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var e struct {
		ID      string
		Version int64
	}
	if res := k.Do("POST", "/api/v1/vacancies/"+vac.ID+"/shortlist", map[string]any{"candidate_id": cand.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	for _, to := range []string{"contacted", "interested"} {
		if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version}, &e); res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", to, res.StatusCode, res.Body)
		}
	}
	page := func() string {
		t.Helper()
		res := k.Do("GET", "/staff/vacancies/"+vac.ID, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
		}
		return string(res.Body)
	}
	textarea := regexp.MustCompile(`<textarea name="assessment"[^>]*>`)
	before := page()
	if ta := textarea.FindString(before); ta == "" || strings.Contains(ta, "aria-invalid") {
		t.Fatalf("the form before the refusal: %q", ta)
	}
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(before)
	if m == nil {
		t.Fatal("no _csrf on the page")
	}
	v := url.Values{"_csrf": {html.UnescapeString(m[1])}, "version": {strconv.FormatInt(e.Version, 10)}, "vacancy_id": {vac.ID}, "candidate_id": {cand.ID}, "to": {"interviewed"},
		"interview_date": {"2026-03-02"}, "interview_by": {"Karen Konsulent"}, "assessment": {"Erfaren med tagarbejde. Hendes mand bor i Aabenraa."}}
	if res := k.Do("POST", "/staff/shortlist/"+e.ID+"/move", []byte(v.Encode()), nil,
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d %s", res.StatusCode, res.Body)
	}
	after := page()
	ta := textarea.FindString(after)
	msg := `id="msg-sl-` + cand.ID + `"`
	if !strings.Contains(ta, `aria-invalid="true"`) || !strings.Contains(ta, `aria-describedby="msg-sl-`+cand.ID+`"`) || !strings.Contains(after, msg) ||
		!strings.Contains(html.UnescapeString(after), "Skriv ikke om familie, helbred eller herkomst: »mand«.") {
		t.Fatalf("the refused form: %q\n%s", ta, after)
	}
}
