package frontend_test

import (
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestStatusPageSaysLanguageLevelsInWords: the employer read bare CEFR
// codes, "Sprog med niveau: Dansk B2, Engelsk B1"; the entry form
// explains the levels ("B2 – taler og skriver godt dansk"), and the status
// page says them in those words, the code after them, in both languages.
func TestStatusPageSaysLanguageLevelsInWords(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 97, func(b map[string]any) {
		b["languages"] = []map[string]string{{"code": "da", "level": "B1"}, {"code": "en", "level": "A2"}}
	}, map[string]any{"languages": []map[string]string{{"code": "da", "level": "B2"}, {"code": "en", "level": "B1"}}})
	pid := ec.json(t, "da").Presented[0].ProfileID
	for lang, want := range map[string]string{
		"da": `class="languages">Dansk: taler og skriver godt (B2), Engelsk: klarer hverdagen (B1)<`,
		"en": `class="languages">Danish: speaks and writes well (B2), English: gets by (B1)<`,
	} {
		page := string(env.Client().Do("GET", ec.status+"?lang="+lang, nil, nil, "Accept", "text/html").Body)
		if a := article(t, page, pid); !strings.Contains(a, want) {
			t.Errorf("the profile (%s) lacks %q: %s", lang, want, a)
		}
	}
}
