package api_test

import (
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRefusalsInTheReadersLanguage: a 409's detail is in the language the
// request asks for (Danish by default), stages by their Danish names; it
// was English whatever was asked.
func TestRefusalsInTheReadersLanguage(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	_, _, es := preScreenVacancy(t, env, k, demo.CVR(86), cv("CF-1", "Tømrer", nil))
	path := "/api/v1/shortlist/" + es[0].ID + "/transitions"
	skip := map[string]any{"to": "presented", "version": es[0].Version}
	for lang, want := range map[string][]string{
		"da": {"foreslået → præsenteret er ikke et trin i forhåndsscreeningen", "kontaktet"},
		"":   {"foreslået → præsenteret er ikke et trin i forhåndsscreeningen"},
		"en": {"suggested → presented is not a step of the pre-screening", "contacted"},
	} {
		var h []string
		if lang != "" {
			h = []string{"Accept-Language", lang}
		}
		res := k.Do("POST", path, skip, nil, h...)
		p := res.Problem(t)
		if res.StatusCode != 409 || p.Code != "transition_refused" {
			t.Fatalf("%s: %d %s", lang, res.StatusCode, res.Body)
		}
		for _, w := range want {
			if !strings.Contains(p.Detail, w) {
				t.Errorf("%q: detail %q lacks %q", lang, p.Detail, w)
			}
		}
	}
	res := k.Do("POST", path, map[string]any{"to": "contacted", "version": es[0].Version + 5}, nil, "Accept-Language", "da")
	if p := res.Problem(t); res.StatusCode != 409 || p.Code != "stale_version" || !strings.Contains(p.Detail, "Nogen har ændret") {
		t.Errorf("stale version in Danish: %d %+v", res.StatusCode, p)
	}
}
