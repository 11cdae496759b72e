package api_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestWorkingTime: a CV says the hours the citizen wants (fuldtid, deltid)
// and the times they will work (dag, aften, nat, weekend), as Jobnet's CV
// does. "kok deltid" found nobody before: no CV field said it, and only a
// summary that wrote the word answered. Now the words are read as those
// fields (beside the words), the search filters on them, and a bad value
// is a field error.
func TestWorkingTime(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK-DEL", "Kok", map[string]any{"hours": []string{"part"}, "shifts": []string{"weekend", "evening"}}),
		cv("KOK-FULD", "Kok", map[string]any{"hours": []string{"full"}, "shifts": []string{"day"}}),
		cv("KOK-BEGGE", "Kok", map[string]any{"hours": []string{"part", "full", "part"}}),
		cv("KOK-INTET", "Kok", nil),
		cv("SSH-NAT", "Social- og sundhedshjælper", map[string]any{"hours": []string{"part"}, "shifts": []string{"night", "day"}}),
		cv("SSH-DAG", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"day"}}),
	)
	waitSearch(t, k, "", 6)

	// Stored once each, in the order of a day and a week.
	var r rawResult
	k.Do("GET", "/api/v1/candidates/search?q=kok", nil, &r)
	var both, late map[string]any
	for _, it := range r.Items {
		switch it.Candidate["external_ref"] {
		case "KOK-BEGGE":
			both = it.Candidate
		case "KOK-DEL":
			late = it.Candidate
		}
	}
	if both == nil || late == nil || !sameStrings(both["hours"], "full", "part") || !sameStrings(late["shifts"], "evening", "weekend") {
		t.Fatalf("stored hours %v, shifts %v; want [full part] and [evening weekend]", both["hours"], late["shifts"])
	}

	for q, want := range map[string][]string{
		"kok deltid":           {"KOK-BEGGE", "KOK-DEL"},
		"part-time cook":       {"KOK-BEGGE", "KOK-DEL"},
		"kok fuldtid":          {"KOK-BEGGE", "KOK-FULD"},
		"kok weekend":          {"KOK-DEL"},
		"kok aftenvagter":      {"KOK-DEL"},
		"nattevagt":            {"SSH-NAT"},
		"hjemmehjælper nat":    {"SSH-NAT"}, // a named word no CV writes, and a field
		"hjemmehjælper deltid": {"SSH-NAT"},
		// Weekly hours: below a full-time week part-time, from it full.
		"kok 25 timer":         {"KOK-BEGGE", "KOK-DEL"},
		"kok 30 timer om ugen": {"KOK-BEGGE", "KOK-DEL"},
		"kok 37 timer":         {"KOK-BEGGE", "KOK-FULD"},
	} {
		wantFound(t, k, q, want)
	}

	// The filters: any of the hours, every shift.
	for query, want := range map[string][]string{
		"hours=part":                  {"KOK-BEGGE", "KOK-DEL", "SSH-NAT"},
		"hours=full":                  {"KOK-BEGGE", "KOK-FULD"},
		"hours=full,part":             {"KOK-BEGGE", "KOK-DEL", "KOK-FULD", "SSH-NAT"},
		"shift=evening&shift=weekend": {"KOK-DEL"},
		"shift=day&q=kok":             {"KOK-FULD"},
	} {
		got := search(t, k, query).refs()
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", query, got, want)
		}
	}
	var facets struct {
		Facets map[string][]struct {
			Value string
			Count int
		} `json:"facets"`
	}
	k.Do("GET", "/api/v1/candidates/search?facets=true", nil, &facets)
	if !slices.ContainsFunc(facets.Facets["hours"], func(f struct {
		Value string
		Count int
	}) bool {
		return f.Value == "part" && f.Count == 3
	}) {
		t.Errorf("hours facet %v, want part: 3", facets.Facets["hours"])
	}

	// Bad values: a field error each, on the form's field names.
	for query, field := range map[string]string{"hours=halv": "hours", "shift=morgen": "shift"} {
		res := k.Do("GET", "/api/v1/candidates/search?"+query, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s, want 422 on %s", query, res.StatusCode, res.Body, field)
		}
	}
	res := k.Do("POST", "/api/v1/candidates", cv("KOK-HALV", "Kok", map[string]any{"hours": []string{"halv"}}), nil)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"hours`) {
		t.Errorf("hours [halv]: %d %s, want 422 on hours", res.StatusCode, res.Body)
	}

	// The page says how the word was read, and the CV says what it wants.
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok deltid"), nil, nil).Body)
	if !strings.Contains(page, "«deltid» også læst som ønsket arbejdstid i CV&#39;et: Deltid") || !strings.Contains(page, "· Ønsker deltid") {
		t.Errorf("the page does not say how «deltid» was read, or which hit wants part-time: %.3000s", page)
	}
	page = string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok 25 timer"), nil, nil).Body)
	if !strings.Contains(page, "«25 timer» læst som deltid") {
		t.Errorf("the page does not say how «25 timer» was read")
	}
	id := ""
	for _, it := range search(t, k, "q="+url.QueryEscape("nattevagt")).Items {
		id = it.Candidate.ID
	}
	cvPage := string(k.Do("GET", "/staff/candidates/"+id, nil, nil).Body)
	if !strings.Contains(cvPage, "Ønsket arbejdstid") || !strings.Contains(cvPage, "Dag, nat") {
		t.Errorf("the CV page does not show the working time: %.3000s", cvPage)
	}
}

// TestWorkingTimeOnTheForm: the CV form's boxes for the working time are
// saved, and the form of a saved CV has them ticked again.
func TestWorkingTimeOnTheForm(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	form := url.Values{"external_ref": {"FORM-1"}, "name": {"Hanne Holm"}, "postal_code": {"6400"}, "max_commute_km": {"20"},
		"target_group": {"close_to_job"}, "desired_occupations": {"Kok"}, "hours": {"part"}, "shifts": {"evening", "weekend"},
		// Languages as a consultant writes them: a test of Danish, a
		// mother tongue.
		"languages": {"dansk PD3, arabisk modersmål, en:B1"}}
	newForm := string(k.Do("GET", "/staff/candidates/new", nil, nil, "Accept", "text/html").Body)
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(newForm)
	if m == nil {
		t.Fatalf("no CSRF token on the form: %.2000s", newForm)
	}
	form.Set("_csrf", html.UnescapeString(m[1]))
	res := k.Do("POST", "/staff/candidates/new", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode >= 400 {
		t.Fatalf("save: %d %.2000s", res.StatusCode, res.Body)
	}
	waitSearch(t, k, "hours=part", 1)
	var r rawResult
	k.Do("GET", "/api/v1/candidates/search?hours=part", nil, &r)
	if len(r.Items) != 1 {
		t.Fatalf("saved CV not found by its hours: %+v", r)
	}
	c := r.Items[0].Candidate
	if !sameStrings(c["hours"], "part") || !sameStrings(c["shifts"], "evening", "weekend") {
		t.Fatalf("saved hours %v, shifts %v", c["hours"], c["shifts"])
	}
	if got := fmt.Sprint(c["languages"]); got != "[map[code:da level:B2] map[code:ar level:C2] map[code:en level:B1]]" {
		t.Errorf("saved languages %s, want Danish B2 (PD3), Arabic C2, English B1", got)
	}
	edit := string(k.Do("GET", "/staff/candidates/"+c["id"].(string)+"/edit", nil, nil).Body)
	for _, box := range []string{`value="part" checked`, `value="evening" checked`, `value="weekend" checked`} {
		if !strings.Contains(edit, box) {
			t.Errorf("the edit form lacks %s", box)
		}
	}
	if strings.Contains(edit, `value="full" checked`) || strings.Contains(edit, `value="night" checked`) {
		t.Errorf("the edit form ticks a box the CV does not hold")
	}
}

// rawResult is a search's hits as JSON objects.
type rawResult struct {
	Items []struct {
		Candidate map[string]any `json:"candidate"`
	} `json:"items"`
}

// sameStrings reports whether v (a decoded JSON array) is exactly want.
func sameStrings(v any, want ...string) bool {
	xs, _ := v.([]any)
	if len(xs) != len(want) {
		return false
	}
	for i, x := range xs {
		if x != want[i] {
			return false
		}
	}
	return true
}

// TestNightShiftIsNattevagt: "night shift" is a shift as "nattevagt" is,
// not "night" and a typo of "shift" (skiftehold) asked of every CV: the
// demo's "night shift" found 11 production workers who work in shifts and
// none of the 123 who want nights.
func TestNightShiftIsNattevagt(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("SSH-NAT", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"night"}}),
		cv("PROD-SKIFT", "Produktionsmedarbejder", map[string]any{"summary": "Skiftehold og skifteholdsarbejde i tre år.", "shifts": []string{"day"}}),
		cv("PROD-SKIFT2", "Produktionsmedarbejder", map[string]any{"summary": "Skiftehold.", "shifts": []string{"day"}}),
		cv("PROD-SKIFT3", "Produktionsmedarbejder", map[string]any{"summary": "Skifteholdsarbejde.", "shifts": []string{"evening"}}),
		cv("KOK-AFTEN", "Kok", map[string]any{"shifts": []string{"evening"}}),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"night shift":         {"SSH-NAT"},
		"cook evening shifts": {"KOK-AFTEN"},
	} {
		wantFound(t, k, q, want)
	}
}
