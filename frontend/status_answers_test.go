package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestRefusedAnswerLeavesAPageToReload: "Spørg konsulenten" without a
// text shows the status page again from the form's POST, so the address
// bar holds /status/TOKEN/answers; a reload or a bookmark of it said
// "Fejl 405 – Metoden er ikke tilladt her". Asked for by GET it is the
// status page, and the refused page's language link leads there too.
func TestRefusedAnswerLeavesAPageToReload(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 95, nil, nil)
	pid := ec.json(t, "da").Presented[0].ProfileID
	anon := env.Client()
	form := url.Values{"profile_id": {pid}, "answer": {"question"}, "text": {""}}
	res := anon.Do("POST", ec.status+"/answers", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	page := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Svaret er ikke sendt") ||
		!strings.Contains(page, `class="function-link lang-switch" href="`+ec.status+`?lang=en"`) {
		t.Fatalf("a question without its text: %d\n%s", res.StatusCode, page)
	}
	for _, q := range []string{"", "?lang=en"} {
		res = anon.Do("GET", ec.status+"/answers"+q, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != ec.status {
			t.Fatalf("GET %s/answers%s: %d to %q\n%s", ec.status, q, res.StatusCode, res.Header.Get("Location"), res.Body)
		}
	}
}
