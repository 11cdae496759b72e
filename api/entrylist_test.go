package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestSkillsAsTheLabelSays: a list pasted from Word kept its bullets and
// tabs ("•\tHACCP", "- Kørekort B"), and "one per line" split a line at
// its commas ("Excel, Word og Outlook" was two skills). A line is a skill,
// without its bullet or its number; a list on one line is read at its
// commas, as the field's hint says.
func TestSkillsAsTheLabelSays(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	k := env.Login("konsulent@demo.local")
	for i, tc := range []struct {
		required, desired string
		want, wantDesired []string
	}{
		{"•\tHACCP\r\n•\tÀ la carte\r\n- Kørekort B\n* Excel, Word og Outlook\n–  Truckcertifikat", "1.\tSvejsning\n2) -20 °C på frostlager",
			[]string{"HACCP", "À la carte", "Kørekort B", "Excel, Word og Outlook", "Truckcertifikat"}, []string{"Svejsning", "-20 °C på frostlager"}},
		{"HACCP, à la carte; kørekort B", "1. hjælp\nTruck",
			[]string{"HACCP", "à la carte", "kørekort B"}, []string{"1. hjælp", "Truck"}},
	} {
		v := url.Values{"topic": {"vacancy"}, "title": {"Kok"}, "description": {"Vi søger en kok til vores restaurant."},
			"skills_required": {tc.required}, "skills_desired": {tc.desired}, "positions": {"1"}, "hours": {"full"}, "employment_type": {"ordinary"},
			"company.cvr": {demo.CVR(970 + i)}, "company.name": {"Als Tømrer ApS"}, "company.postal_code": {"6400"},
			"company.contact.name": {"Ole Olsen"}, "company.contact.email": {"ole@example.dk"}}
		form, page := postEntryForm(t, anon, v)
		if i == 0 && !strings.Contains(form, "Skriver du alle på én linje, så adskil dem med komma") {
			t.Fatal("the skills' hint does not say how a line is read")
		}
		if page.StatusCode != http.StatusSeeOther {
			t.Fatalf("the form: %d %s", page.StatusCode, page.Body)
		}
		var list struct {
			Items []struct {
				SkillsRequired []string `json:"skills_required"`
				SkillsDesired  []string `json:"skills_desired"`
			} `json:"items"`
		}
		if res := k.Do("GET", "/api/v1/vacancies?cvr="+demo.CVR(970+i), nil, &list); res.StatusCode != http.StatusOK || len(list.Items) != 1 {
			t.Fatalf("vacancies: %d %s", res.StatusCode, res.Body)
		}
		if got := list.Items[0]; !slices.Equal(got.SkillsRequired, tc.want) || !slices.Equal(got.SkillsDesired, tc.wantDesired) {
			t.Errorf("%q / %q stored as %q / %q, want %q / %q", tc.required, tc.desired, got.SkillsRequired, got.SkillsDesired, tc.want, tc.wantDesired)
		}
	}
}
