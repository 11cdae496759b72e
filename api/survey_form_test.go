package api_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestSurveyFormSaysWhatIsWrong: a citizen's answer refused (no rating,
// a CPR number in the comment) comes back with the errors summed up at the
// top, each at its field, and what was written kept; the comment's error
// was not shown at all, so the page looked as before and the answer was
// lost.
func TestSurveyFormSaysWhatIsWrong(t *testing.T) {
	env := systemtest.Start(t)
	k, admin, anon := env.Login("konsulent@demo.local"), env.Login("admin@demo.local"), env.Client()
	var cand struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates", cv("SF-1", "Tømrer", nil), &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("POST", "/api/v1/candidates/"+cand.ID+"/survey", nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("survey: %d %s", res.StatusCode, res.Body)
	}
	token := surveyLink.FindStringSubmatch(outbox(t, admin, "survey_citizen")[0].Body)[1]
	post := func(form url.Values) (int, string) {
		res := anon.Do("POST", "/survey/"+token, []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
		return res.StatusCode, html.UnescapeString(string(res.Body))
	}
	code, page := post(url.Values{"service": {"4"}, "comment": {"Mit cpr er 010185-1234"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, `id="errorsummary"`) || !strings.Contains(page, `href="#f-comment"`) ||
		!strings.Contains(page, `id="e-comment"`) || !strings.Contains(page, "CPR") || !strings.Contains(page, `id="f-service"`) || !strings.Contains(page, `value="4" required checked`) {
		t.Fatalf("a CPR number in the comment: %d\n%s", code, page)
	}
	code, page = post(url.Values{"comment": {"God hjælp"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, `href="#f-service"`) || !strings.Contains(page, `id="err-service"`) ||
		!strings.Contains(page, "Vælg, hvor tilfreds du er") ||
		!strings.Contains(page, ">God hjælp</textarea>") {
		t.Fatalf("no rating: %d\n%s", code, page)
	}
	if code, page = post(url.Values{"service": {"4"}, "comment": {"God hjælp"}}); code != http.StatusOK || !strings.Contains(page, "survey-done") {
		t.Fatalf("the answer: %d\n%s", code, page)
	}
}
