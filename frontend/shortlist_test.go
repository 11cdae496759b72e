package frontend_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestPreScreeningInBrowser is the whole path in a real browser: an
// employer posts a vacancy on the public form; a consultant shortlists from
// the matches, records contact, interest, the first interview and consent,
// and presents; the employer opens the private link, sees the anonymised
// profile without the name and invites to interview; the consultant sees
// the answer and marks the person hired; the vacancy shows as filled.
func TestPreScreeningInBrowser(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	// A few synthetic CVs first: the first candidate write on a fresh
	// store can take longer than the API client's timeout on a busy machine.
	if _, err := demo.LoadCandidates(ctx, env.Sys, 3, 5, nil); err != nil {
		t.Fatal(err)
	}
	var cand struct{ ID string }
	cv := map[string]any{"external_ref": "BR-1", "name": "Skjult Sørensen", "email": "skjult@example.dk", "postal_code": "6400", "max_commute_km": 40,
		"target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"},
		"experience": []map[string]any{{"title": "Tømrer", "employer": "Byg ApS", "years": 6}}}
	if res := env.Login("konsulent@demo.local").Do("POST", "/api/v1/candidates", cv, &cand); res.StatusCode != 201 {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}

	// The employer posts on the one entry point.
	emp := browser.NewTimeout(t, 6*time.Minute)
	var statusURL string
	err := chromedp.Run(emp,
		chromedp.Navigate(env.URL+"/"),
		chromedp.WaitVisible(`form.entry`),
		chromedp.SendKeys(`#f-company\.cvr`, demo.CVR(7)),
		chromedp.SendKeys(`#f-company\.name`, "Als Tømrer ApS"),
		chromedp.SendKeys(`#f-company\.postal_code`, "6400"),
		chromedp.SendKeys(`#f-company\.contact\.name`, "Ole Olsen"),
		chromedp.SendKeys(`#f-company\.contact\.email`, "ole@als-toemrer.dk"),
		chromedp.SendKeys(`#f-title`, "Tømrer"),
		chromedp.SendKeys(`#f-description`, "Vi søger en dygtig tømrer til tagarbejde på Als."),
		chromedp.SendKeys(`#f-skills_required`, "tagarbejde"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`a.status-link`),
		chromedp.Text(`a.status-link`, &statusURL),
	)
	if err != nil {
		t.Fatal(err)
	}
	token := statusURL[strings.LastIndex(statusURL, "/")+1:]
	l, err := env.Sys.Intake.ResolveLink(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	vid := l.ID
	row := `#sl-` + cand.ID

	// The consultant pre-screens.
	k := browser.NewTimeout(t, 6*time.Minute)
	step := func(stage string, extra ...chromedp.Action) chromedp.Tasks {
		// The step is chosen (the select starts on "Vælg næste trin"), and
		// a hire confirmed.
		ts := chromedp.Tasks{chromedp.WaitVisible(row + ` .move-form`), chromedp.SetValue(row+` .move-form select[name=to]`, stage)}
		if stage == "hired" {
			ts = append(ts, chromedp.Click(row+` input[name=confirm_hire]`))
		}
		ts = append(ts, extra...)
		return append(ts, chromedp.Click(row+` .move-form button[type=submit]`), chromedp.WaitVisible(row+`.stage-`+stage))
	}
	// Without JavaScript the page still works: shortlisting posts, and the
	// browser lands at the message, which sits in the shortlist just above
	// the row.
	nojs := browser.NewTimeout(t, 3*time.Minute)
	var added, landed, moved, refused, focused string
	var scrolled bool
	err = chromedp.Run(nojs,
		emulation.SetScriptExecutionDisabled(true),
		loginAt(env.URL+"/staff/vacancies/"+vid, "konsulent@demo.local"),
		chromedp.WaitVisible(`#m-`+cand.ID+` .shortlist-add`),
		chromedp.Click(`#m-`+cand.ID+` .shortlist-add`),
		chromedp.WaitVisible(`#msg-sl-`+cand.ID),
		chromedp.Text(`#msg-sl-`+cand.ID, &added),
		chromedp.Location(&landed),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(added, "1 sat på kortlisten") || !strings.HasSuffix(landed, "#msg-sl-"+cand.ID) {
		t.Fatalf("without JavaScript: message %q, landed at %q", added, landed)
	}

	// With JavaScript the row updates in place: the view stays, the
	// message is in the row and has the focus.
	err = chromedp.Run(k,
		loginAt(env.URL+"/staff/vacancies/"+vid, "konsulent@demo.local"),
		chromedp.WaitVisible(row+`.stage-suggested`),
		// A marker on the window: a full reload would lose it.
		chromedp.Evaluate(`window.jmKept = true`, nil),
		step("contacted", chromedp.SendKeys(row+` input[name=note]`, "Ringet op")),
		chromedp.WaitVisible(`#msg-sl-`+cand.ID),
		chromedp.Text(`#msg-sl-`+cand.ID, &moved),
		chromedp.Evaluate(`document.activeElement && document.activeElement.id`, &focused),
		chromedp.Evaluate(`window.jmKept === true && location.hash === ""`, &scrolled),
		step("interested"),
		step("interviewed", chromedp.SendKeys(row+` textarea[name=assessment]`, "Seks års erfaring med tagarbejde; kan starte straks.")),
		chromedp.WaitVisible(row+` .consent-form`),
		// Presenting before the consent is refused, in the row, in Danish.
		chromedp.SetValue(row+` .move-form select[name=to]`, "presented"),
		chromedp.Click(row+` .move-form button[type=submit]`),
		chromedp.WaitVisible(`#msg-sl-`+cand.ID+`.alert-error`),
		chromedp.Text(`#msg-sl-`+cand.ID, &refused),
		chromedp.WaitVisible(row+` .consent-form`),
		chromedp.Click(row+` .consent-form button[type=submit]`),
		chromedp.WaitVisible(row+` .consent-ok`),
		step("presented"),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, k, "shortlist")
	if !strings.Contains(moved, "Flyttet til: kontaktet") || focused != "msg-sl-"+cand.ID || !scrolled {
		t.Fatalf("in place: message %q, focus on %q, view kept without a reload %v", moved, focused, scrolled)
	}
	if !strings.Contains(refused, "Ikke muligt: registrér først borgerens samtykke") || strings.Contains(refused, "record") {
		t.Fatalf("refusal not in Danish: %q", refused)
	}

	// The employer sees an anonymised profile and invites to interview.
	// What happens next says what to do with the profiles, not that
	// candidates are still being found, nor by when an answer comes.
	var profile, flash, next string
	var answerBy []*cdp.Node
	err = chromedp.Run(emp,
		chromedp.Navigate(statusURL),
		chromedp.WaitVisible(`article.profile`),
		chromedp.Text(`article.profile`, &profile),
		chromedp.Text(`section.next-steps`, &next),
		chromedp.Nodes(`p.answer-by`, &answerBy, chromedp.AtLeast(0)),
		chromedp.Click(`article.profile button.invite`),
		chromedp.WaitVisible(`.flash`),
		chromedp.Text(`.flash`, &flash),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, emp, "employer-view")
	if !strings.Contains(next, "præsenteret kandidater herunder") || strings.Contains(next, "finder kandidater") || len(answerBy) > 0 {
		t.Errorf("what happens next, with a profile presented: %q (answer by shown: %d)", next, len(answerBy))
	}
	if strings.Contains(profile, "Skjult") || strings.Contains(profile, "skjult@") || strings.Contains(profile, "Byg ApS") ||
		!strings.Contains(profile, "tagarbejde") || !strings.Contains(profile, "Seks års erfaring") ||
		!strings.Contains(profile, "Kandidat 1") || !strings.Contains(profile, "Ledig nu") || !strings.Contains(profile, "6 år") {
		t.Fatalf("employer's profile: %q", profile)
	}

	// The consultant sees the answer on the overview and on the vacancy,
	// and marks the person hired.
	var onHome, answer, status string
	err = chromedp.Run(k,
		chromedp.Navigate(env.URL+"/staff"),
		chromedp.WaitVisible(`ul.employer-answers`),
		chromedp.Text(`ul.employer-answers`, &onHome),
		chromedp.Navigate(env.URL+"/staff/vacancies/"+vid),
		chromedp.WaitVisible(row+` .employer-answer`),
		chromedp.Text(row+` .employer-answer`, &answer),
		step("hired"),
		chromedp.Text(`main > p.muted`, &status),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(onHome, "Skjult Sørensen") || !strings.Contains(answer, "Inviter til samtale") || !strings.Contains(status, "Besat") {
		t.Fatalf("overview %q, answer %q, vacancy line %q", onHome, answer, status)
	}
	if v, _ := env.Sys.Intake.Vacancy(ctx, vid); v.Status != "filled" || !v.FilledByPresented {
		t.Fatalf("vacancy: %s", v.Status)
	}
}
