package frontend_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestEditingACVKeepsWhatItHolds: a consultant opens a CV's form, changes
// the summary and saves; the experience, education, year of birth, gender
// and citizenship come back as they were (the form had no fields for them
// and saving dropped them), and years that are no number are a message by
// the field, with the text kept.
func TestEditingACVKeepsWhatItHolds(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	body := map[string]any{"external_ref": "ED-1", "name": "Hanne Holm", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"}, "summary": "Tømrer i mange år.",
		"experience": []map[string]any{{"title": "Tømrer", "employer": "Als Byg ApS", "years": 12.5}, {"title": "Tømrerlærling", "years": 4}},
		"education":  []map[string]any{{"level": "vocational", "field": "Tømreruddannelsen"}, {"level": "primary"}},
		"birth_year": 1968, "gender": "female", "nationality": "DK", "available_from": "2026-01-15"}
	if res := k.Do("POST", "/api/v1/candidates", body, &c); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var experience, education, errText, kept, start string
	steps := []chromedp.Action{
		loginAt(env.URL+"/staff/candidates/"+c.ID+"/edit", "konsulent@demo.local"),
		chromedp.WaitVisible(`#f-experience`),
		chromedp.Value(`#f-experience`, &experience),
		chromedp.Value(`#f-education`, &education),
		chromedp.SetValue(`#f-summary`, "Tømrer og tagdækker i mange år."),
		chromedp.Submit(`#f-summary`),
		chromedp.WaitVisible(`ul.cv-education`),
		// A start date gone by reads "Ledig nu", with the date.
		chromedp.Text(`dd.can-start`, &start),
		// Years that are no number: a message by the field, the text kept.
		chromedp.Navigate(env.URL + "/staff/candidates/" + c.ID + "/edit"),
		chromedp.WaitVisible(`#f-experience`),
		chromedp.SetValue(`#f-experience`, "Tømrer; Als Byg ApS; tolv"),
		chromedp.Submit(`#f-summary`),
		chromedp.WaitVisible(`#e-experience`),
		chromedp.Text(`#e-experience`, &errText),
		chromedp.Value(`#f-experience`, &kept),
	}
	runSteps(t, ctx, steps)
	if start != "Ledig nu (siden 15. jan. 2026)" {
		t.Fatalf("available from 2026-01-15 reads %q", start)
	}
	if experience != "Tømrer; Als Byg ApS; 12,5\nTømrerlærling; ; 4" || education != "Erhvervsuddannelse; Tømreruddannelsen\nGrundskole" {
		t.Fatalf("the form shows experience %q and education %q", experience, education)
	}
	var got jobmatch.Candidate
	if res := k.Do("GET", "/api/v1/candidates/"+c.ID, nil, &got); res.StatusCode != http.StatusOK {
		t.Fatalf("get: %d %s", res.StatusCode, res.Body)
	}
	if got.Summary != "Tømrer og tagdækker i mange år." {
		t.Fatalf("the summary was not saved: %q", got.Summary)
	}
	exp := fmt.Sprintf("%+v", got.Experience)
	if len(got.Experience) != 2 || got.Experience[0].Title != "Tømrer" || got.Experience[0].Employer != "Als Byg ApS" || got.Experience[0].Years != 12.5 ||
		got.Experience[1].Title != "Tømrerlærling" || got.Experience[1].Years != 4 {
		t.Fatalf("experience after saving the form: %s", exp)
	}
	if len(got.Education) != 2 || got.Education[0] != (jobmatch.Education{Level: "vocational", Field: "Tømreruddannelsen"}) || got.Education[1] != (jobmatch.Education{Level: "primary"}) {
		t.Fatalf("education after saving the form: %+v", got.Education)
	}
	if got.BirthYear != 1968 || got.Gender != "female" || got.Nationality != "DK" {
		t.Fatalf("birth year %d, gender %q, citizenship %q after saving the form", got.BirthYear, got.Gender, got.Nationality)
	}
	if errText == "" || !strings.Contains(kept, "tolv") {
		t.Fatalf("years that are no number: message %q, text kept %q", errText, kept)
	}
}
