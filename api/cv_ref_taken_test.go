package api_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"jobmatch/system/systemtest"
)

// TestCreateWithCaseNumberInUseIsRefused: a new CV (the "Ny CV" form,
// POST /api/v1/candidates with If-None-Match: *) with the case number of
// an existing CV is refused with 409 ref_taken on external_ref, naming
// that CV, and changes nothing. The form replaced the other citizen's CV
// with the new one (a 303 to the same id, phone, summary and occupations
// gone). Without the header the API updates the CV of the case number, as
// documented for case systems (200, the same id). Two creates of one new
// case number at once through two replicas make one CV: one is created,
// the other refused.
func TestCreateWithCaseNumberInUseIsRefused(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var orig struct {
		ID      string
		Name    string
		Phone   string
		Summary string
		Version int64
	}
	if res := k.Do("POST", "/api/v1/candidates", cv("SAG-777", "kok", map[string]any{"name": "Mette Original", "phone": "20304050"}), &orig); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	unchanged := func(when string) {
		t.Helper()
		var now struct {
			ID, Name, Phone, Summary string
			Version                  int64
			DesiredOccupations       []struct{ Label string } `json:"desired_occupations"`
		}
		k.Do("GET", "/api/v1/candidates/"+orig.ID, nil, &now)
		if now.Name != "Mette Original" || now.Phone != "20304050" || now.Summary != orig.Summary || now.Version != orig.Version || len(now.DesiredOccupations) != 1 {
			t.Fatalf("%s: the CV is now %+v", when, now)
		}
	}
	for lang, want := range map[string]string{"da": "Sagsnummeret hører allerede til et andet CV (" + orig.ID + ")", "en": "The case number already belongs to another CV (" + orig.ID + ")"} {
		res := k.Do("POST", "/api/v1/candidates", map[string]any{"external_ref": "SAG-777", "name": "Jonas Ny", "postal_code": "6400", "target_group": "close_to_job"}, nil, "Accept-Language", lang, "If-None-Match", "*")
		p := res.Problem(t)
		code, msg := p.Field("external_ref")
		if res.StatusCode != http.StatusConflict || p.Code != "ref_taken" || code != "ref_taken" || !strings.Contains(msg, want) {
			t.Fatalf("%s: an API create with a case number in use: %d %s", lang, res.StatusCode, res.Body)
		}
	}
	unchanged("after the API create")

	page := string(k.Do("GET", "/staff/candidates/new", nil, nil, "Accept", "text/html").Body)
	var csrf string
	if _, rest, ok := strings.Cut(page, `name="_csrf" value="`); ok {
		csrf, _, _ = strings.Cut(rest, `"`)
		csrf = html.UnescapeString(csrf)
	}
	form := url.Values{"_csrf": {csrf}, "external_ref": {"SAG-777"}, "name": {"Jonas Ny"}, "postal_code": {"6400"}, "max_commute_km": {"30"}, "target_group": {"close_to_job"}}
	res := k.Do("POST", "/staff/candidates/new", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	body := html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Sagsnummeret hører allerede til et andet CV") ||
		!strings.Contains(body, `href="/staff/candidates/`+orig.ID+`"`) || !strings.Contains(body, "Jonas Ny") {
		t.Fatalf("the form with a case number in use: %d\n%s", res.StatusCode, body)
	}
	unchanged("after the form")

	// Without If-None-Match the API updates the CV of the case number.
	var upd struct {
		ID      string
		Name    string
		Version int64
	}
	if res := k.Do("POST", "/api/v1/candidates", cv("SAG-777", "kok", map[string]any{"name": "Mette Original Hansen", "phone": "20304050"}), &upd); res.StatusCode != http.StatusOK ||
		upd.ID != orig.ID || upd.Name != "Mette Original Hansen" || upd.Version != orig.Version+1 {
		t.Fatalf("an API save of the case number without If-None-Match: %d %+v, want 200, the same CV %s at version %d", res.StatusCode, upd, orig.ID, orig.Version+1)
	}

	// One new case number, two replicas, at once, a few times over.
	k2 := env.Replica().Login("konsulent@demo.local")
	for round := range 5 {
		ref := fmt.Sprintf("SAG-RACE-%d", round)
		codes := make([]int, 2)
		var wg sync.WaitGroup
		for i, c := range []*systemtest.Client{k, k2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = c.Do("POST", "/api/v1/candidates", cv(ref, "kok", map[string]any{"name": fmt.Sprintf("Borger %d", i)}), nil, "If-None-Match", "*").StatusCode
			}()
		}
		wg.Wait()
		if !(codes[0] == http.StatusCreated && codes[1] == http.StatusConflict || codes[0] == http.StatusConflict && codes[1] == http.StatusCreated) {
			t.Fatalf("%s through two replicas at once: %v, want one 201 and one 409", ref, codes)
		}
	}
}
