package frontend_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/i18n"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

func citizenCV(ref, name string, extra map[string]any) map[string]any {
	m := map[string]any{"external_ref": ref, "name": name, "email": strings.ToLower(ref) + "@example.dk", "postal_code": "6400",
		"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"},
		"languages": []map[string]string{{"code": "da", "level": "C2"}}, "available_from": "2026-01-15"}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// shortlisted makes a vacancy with the CVs on its shortlist.
func shortlisted(t *testing.T, env *systemtest.Env, k *systemtest.Client, cvs ...map[string]any) (vacancyID string, entryIDs, candidateIDs []string) {
	t.Helper()
	env.Sys.Taxonomy.NormalizeSkill("tagarbejde") // build the lexicon outside the client's timeout
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(95)), &rec); res.StatusCode != 201 {
		t.Fatalf("vacancy: %s", res.Body)
	}
	for _, body := range cvs {
		var c, e struct{ ID string }
		if res := k.Do("POST", "/api/v1/candidates", body, &c); res.StatusCode != 201 {
			t.Fatalf("cv: %s", res.Body)
		}
		k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, &e)
		entryIDs, candidateIDs = append(entryIDs, e.ID), append(candidateIDs, c.ID)
	}
	return rec.ID, entryIDs, candidateIDs
}

// TestConsentPageOnAPhone: the citizen opens the consent link on a phone
// (390×844): nothing wider than the screen, answer buttons big enough to
// tap, and the answer with their name is recorded.
func TestConsentPageOnAPhone(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	from := time.Now().AddDate(0, 2, 0)
	_, entries, _ := shortlisted(t, env, k, citizenCV("BR-1", "Bente Browser", map[string]any{"available_from": from.Format(time.DateOnly)}))
	if res := k.Do("POST", "/api/v1/shortlist/"+entries[0]+"/consent-request", map[string]any{"channel": "email", "deadline": time.Now().AddDate(0, 0, 5).Format(time.DateOnly)}, nil); res.StatusCode != 201 {
		t.Fatalf("consent request: %s", res.Body)
	}
	var box struct{ Items []struct{ Kind, Body string } }
	env.Outbox(&box)
	token := ""
	for _, m := range box.Items {
		if m.Kind == "consent_request_email" {
			token = regexp.MustCompile(`/consent/([a-z0-9]+)`).FindStringSubmatch(m.Body)[1]
		}
	}
	ctx := browser.New(t)
	var overflow bool
	var btnHeight float64
	var title, profile, done string
	var looks []string
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile),
		chromedp.Navigate(env.URL+"/consent/"+token),
		chromedp.WaitVisible(`.consent-form`),
		chromedp.Text(`.consent-title`, &title),
		chromedp.Text(`.consent-profile`, &profile),
		chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow),
		chromedp.Evaluate(`document.querySelector('.consent-btn.yes-named').getBoundingClientRect().height`, &btnHeight),
		chromedp.Evaluate(`[...document.querySelectorAll('.consent-btn')].map(b => { const s = getComputedStyle(b); return s.backgroundColor + " " + s.color + " " + s.borderColor })`, &looks),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "consent-phone")
	// The three answers look alike: no answer is dressed as the way on
	// (both yeses were primary buttons, the no a pale one).
	if len(looks) != 3 || looks[0] != looks[1] || looks[1] != looks[2] {
		t.Errorf("the answers' looks (background, text, border): %q", looks)
	}
	if title != "Tømrer" || overflow || btnHeight < 44 {
		t.Fatalf("phone page: title %q, wider than the screen %v, button %.0f px", title, overflow, btnHeight)
	}
	// The profile as a person reads it: the language by its name, the day
	// as a Danish date, not codes.
	if !strings.Contains(profile, "Dansk C2") || !strings.Contains(profile, i18n.Date(i18n.DA, from)) || strings.Contains(profile, from.Format(time.DateOnly)) {
		t.Errorf("the profile on the consent page:\n%s", profile)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`.consent-btn.yes-named`),
		chromedp.WaitVisible(`.consent-done`),
		chromedp.Text(`.consent-done`, &done),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "consent-phone-done")
	if !strings.Contains(done, "med dit navn") {
		t.Fatalf("answer page: %q", done)
	}
	e, _ := env.Sys.Screening.Entry(t.Context(), entries[0])
	if e.Stage != "interested" || e.ConsentRequest.Answer != "yes_named" {
		t.Fatalf("entry after the answer: %s %+v", e.Stage, e.ConsentRequest)
	}
}

// TestWhyNotPanel: from the vacancy page a consultant opens "Why not …?",
// picks a CV and sees the criterion that left it out and the parts of its
// score beside the last shortlisted candidate's.
func TestWhyNotPanel(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	vid, _, _ := shortlisted(t, env, k, citizenCV("BR-2", "Nanna Nær", nil))
	var far struct{ ID string }
	k.Do("POST", "/api/v1/candidates", citizenCV("BR-3", "Frede Fjern", map[string]any{"postal_code": "9000", "max_commute_km": 10, "summary": "Erfaren med spærkonstruktioner og tagrenovering."}), &far)
	ctx := browser.New(t)
	var excluded, head, page, score string
	var found []string
	var parts int
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/vacancies/"+vid, "konsulent@demo.local"),
		chromedp.WaitVisible(`a.whynot-link`),
		chromedp.Click(`a.whynot-link`),
		chromedp.WaitVisible(`#wn-q`),
		chromedp.SendKeys(`#wn-q`, "spærkonstruktioner"),
		chromedp.Click(`.whynot-form button[type=submit]`),
		chromedp.WaitVisible(`ul.whynot-found`),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('ul.whynot-found li')).map(li => li.textContent)`, &found),
		chromedp.Click(`ul.whynot-found a[href*="candidate_id=`+far.ID+`"]`),
		chromedp.WaitVisible(`#whynot`),
		chromedp.Text(`#wn-excluded`, &excluded),
		chromedp.Text(`#whynot thead`, &head),
		chromedp.Evaluate(`document.querySelectorAll('#whynot tr.wn-part').length`, &parts),
		chromedp.Text(`main`, &page),
		chromedp.Text(`#wn-score`, &score),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "whynot")
	if len(found) != 1 || !strings.Contains(found[0], "Frede Fjern") || !strings.Contains(found[0], "9000 Aalborg") {
		t.Fatalf("the search for a word of Frede's CV found %q (want his name and 9000 Aalborg)", found)
	}
	if !strings.Contains(excluded, "afstand") || !strings.Contains(head, "Frede Fjern") || !strings.Contains(head, "Nanna Nær") || parts < 3 {
		t.Fatalf("panel: %q %q %d parts", excluded, head, parts)
	}
	// The person picked is no search that found nobody; the score reads
	// as on the match cards (0,73, not 73,0); a person left out by a
	// criterion is not told "the system never rejects anyone" below it.
	if strings.Contains(page, "Ingen CV'er fundet") || !strings.HasPrefix(score, "0,") || strings.Contains(page, "afviser aldrig nogen") {
		t.Fatalf("panel of the person picked: score %q in %q", score, page)
	}
}
