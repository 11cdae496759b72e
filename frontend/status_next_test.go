package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestStatusPageSaysWhatHappensAfterTheAnswers: when every presented
// candidate had an answer, "Hvad sker der nu?" still said "Svar på hver
// enkelt: inviter til samtale …". It says who does what next: the contact
// person, named, calls to book the interview.
func TestStatusPageSaysWhatHappensAfterTheAnswers(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 99, nil, nil, nil)
	st := ec.json(t, "da")
	next := func() string {
		page := html.UnescapeString(string(env.Client().Do("GET", ec.status+"?lang=da", nil, nil, "Accept", "text/html").Body))
		i := strings.Index(page, `class="next-presented">`)
		if i < 0 {
			t.Fatalf("no next step: %s", page)
		}
		return page[i : i+strings.Index(page[i:], "</p>")]
	}
	answer := func(pid string, a map[string]any) {
		a["profile_id"] = pid
		if res := env.Client().Do("POST", ec.status+"/answers", a, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("answer: %d %s", res.StatusCode, res.Body)
		}
	}
	answer(st.Presented[0].ProfileID, map[string]any{"answer": "invite_to_interview"})
	if n := next(); !strings.Contains(n, "Svar på hver enkelt") {
		t.Errorf("one candidate still unanswered: %s", n)
	}
	answer(st.Presented[1].ProfileID, map[string]any{"answer": "not_relevant", "reason": "availability"})
	if n := next(); strings.Contains(n, "Svar på hver enkelt") || !strings.Contains(n, "Karen Konsulent, ringer til dig for at aftale tid til samtale") {
		t.Errorf("every candidate answered: %s", n)
	}
}
