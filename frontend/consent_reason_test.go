package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestMatchSaysTheCVsGeneralConsent: the matches list said "Har givet
// samtykke til at blive præsenteret" of the CV's general consent, and the
// step to "præsenteret" was then refused for want of the consent to this
// employer. The reason says it is the CV's general consent, and that the
// citizen is asked before each employer, in Danish and English.
func TestMatchSaysTheCVsGeneralConsent(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(906), "Erik Eriksen")
	for _, tc := range []struct{ lang, want, old string }{
		{"da", "Generelt samtykke i CV'et til at blive præsenteret – spørg borgeren før hver virksomhed", "Har givet samtykke til at blive præsenteret"},
		{"en", "General consent in the CV to be presented – ask the citizen before each employer", "Has consented to be presented"},
	} {
		res := cc.k.Do("GET", "/staff/vacancies/"+cc.vacancyID+"?lang="+tc.lang, nil, nil, "Accept", "text/html")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
		}
		page := html.UnescapeString(string(res.Body))
		at := strings.Index(page, `<li class="match" id="m-`+cc.candidates[0]+`"`)
		if at < 0 {
			t.Fatalf("%s: the citizen is not among the matches", tc.lang)
		}
		card := page[at:]
		card = card[:strings.Index(card, "</li>\n")]
		if !strings.Contains(card, tc.want) || strings.Contains(card, tc.old) {
			t.Fatalf("%s: the match does not say the CV's general consent: %s", tc.lang, card)
		}
	}
}
