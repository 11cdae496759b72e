package frontend_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestAnEmployersQuestionStaysOnTheWorklist: the employer asked "Spørg
// konsulenten" about a candidate and then answered "Ikke relevant" with
// the reason "Kan ikke starte i tide". The worklist (/staff and GET
// /api/v1/worklist) held only the latest answer: the question waiting for
// a reply was gone, and neither the vacancy nor the reason was named (nor
// was the reason on the shortlist). The question now stays, with the
// vacancy and the reason beside it, until the consultant marks it
// answered.
func TestAnEmployersQuestionStaysOnTheWorklist(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 97, nil, nil)
	v, err := env.Sys.Intake.Vacancy(context.Background(), ec.id)
	if err != nil {
		t.Fatal(err)
	}
	pid := ec.json(t, "da").Presented[0].ProfileID
	anon := env.Client()
	const question = "Kan kandidaten arbejde fuldtid fra 1. januar?"
	for _, a := range []map[string]any{
		{"profile_id": pid, "answer": "question", "text": question},
		{"profile_id": pid, "answer": "not_relevant", "reason": "availability"},
	} {
		if res := anon.Do("POST", ec.status+"/answers", a, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("answer %v: %d %s", a, res.StatusCode, res.Body)
		}
	}

	var wl struct {
		EmployerAnswers []struct {
			EntryID      string `json:"entry_id"`
			VacancyTitle string `json:"vacancy_title"`
			Index        int
			Open         bool
			Answer       struct{ Answer, Reason, Text string }
		} `json:"employer_answers"`
	}
	if res := ec.k.Do("GET", "/api/v1/worklist", nil, &wl); res.StatusCode != http.StatusOK {
		t.Fatalf("worklist: %d %s", res.StatusCode, res.Body)
	}
	if len(wl.EmployerAnswers) != 2 {
		t.Fatalf("worklist answers: %+v", wl.EmployerAnswers)
	}
	q, last := wl.EmployerAnswers[0], wl.EmployerAnswers[1]
	if !q.Open || q.Answer.Answer != "question" || q.Answer.Text != question || q.VacancyTitle != v.Title ||
		last.Open || last.Answer.Answer != "not_relevant" || last.Answer.Reason != "availability" || last.VacancyTitle != v.Title {
		t.Fatalf("worklist answers: %+v", wl.EmployerAnswers)
	}

	home := func(lang string) string {
		t.Helper()
		res := ec.k.Do("GET", "/staff?lang="+lang, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("/staff: %d %s", res.StatusCode, res.Body)
		}
		page := html.UnescapeString(string(res.Body))
		i := strings.Index(page, `<ul class="employer-answers">`)
		if i < 0 {
			t.Fatalf("no employers' answers on /staff: %s", page)
		}
		return page[i : i+strings.Index(page[i:], "</ul>")]
	}
	list := home("da")
	for _, want := range []string{question, "Spørgsmål til dig", "venter på dit svar", "Markér som besvaret", v.Title, v.Reference,
		"Ikke relevant (Kan ikke starte i tide)"} {
		if !strings.Contains(list, want) {
			t.Fatalf("/staff's answers without %q: %s", want, list)
		}
	}
	if en := home("en"); !strings.Contains(en, "Question for you") || !strings.Contains(en, "Not relevant (Cannot start in time)") {
		t.Fatalf("/staff in English: %s", en)
	}
	vres := ec.k.Do("GET", "/staff/vacancies/"+ec.id+"?lang=da", nil, nil, "Accept", "text/html")
	vpage := html.UnescapeString(string(vres.Body))
	if vres.StatusCode != http.StatusOK || !strings.Contains(vpage, "Virksomheden: Ikke relevant (Kan ikke starte i tide)") ||
		!strings.Contains(vpage, question) {
		t.Fatalf("the shortlist's answers: %d %s", vres.StatusCode, vpage)
	}

	// The consultant answers the employer by phone and marks it answered.
	action := "/staff/shortlist/" + q.EntryID + "/answers/0/handled"
	form := regexp.MustCompile(`(?s)<form method="post" action="` + regexp.QuoteMeta(action) + `".*?</form>`).FindString(list)
	if form == "" {
		t.Fatalf("no form marking the question answered: %s", list)
	}
	csrf := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(form)
	body := url.Values{"_csrf": {csrf[1]}}
	if res := ec.k.Do("POST", action, []byte(body.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark answered: %d %s", res.StatusCode, res.Body)
	}
	wl.EmployerAnswers = nil
	ec.k.Do("GET", "/api/v1/worklist", nil, &wl)
	if len(wl.EmployerAnswers) != 1 || wl.EmployerAnswers[0].Answer.Answer != "not_relevant" {
		t.Fatalf("worklist after the question was answered: %+v", wl.EmployerAnswers)
	}
	if list := home("da"); strings.Contains(list, question) || strings.Contains(list, "Markér som besvaret") {
		t.Fatalf("the answered question is still on /staff: %s", list)
	}
}
