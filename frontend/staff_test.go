package frontend_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestConsultantSeesCompanyAndOpenRequest: an employer's request lands on the
// contact consultant's overview after login.
func TestConsultantSeesCompanyAndOpenRequest(t *testing.T) {
	env := systemtest.Start(t)
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(11))["company"], "topic": "retention", "channel": "web", "text": "Medarbejder sygemeldt i 3 uger"}
	if res := env.Client().Do("POST", "/api/v1/requests", body, nil); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var open, companies, role string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff", "konsulent@demo.local"),
		chromedp.WaitVisible(`table.open-requests`),
		chromedp.Text(`table.open-requests tbody`, &open),
		chromedp.Text(`table.companies tbody`, &companies),
		chromedp.Text(`.jm-role`, &role),
	)
	if err != nil {
		t.Fatal(err)
	}
	if role != "(virksomhedskonsulent)" {
		t.Errorf("role in the header: %q", role)
	}
	browser.Screenshot(t, ctx, "staff-home")
	if !strings.Contains(open, "Fastholdelse") || !strings.Contains(open, "Als Tømrer ApS") {
		t.Fatalf("open requests table: %q", open)
	}
	if !strings.Contains(companies, demo.CVR(11)) {
		t.Fatalf("companies table: %q", companies)
	}
}

// TestConsultantMatchesAVacancy: a consultant opens a vacancy from the
// overview, sees ranked candidates with reasons, relaxes the distance and
// sees more.
func TestConsultantMatchesAVacancy(t *testing.T) {
	env := systemtest.Start(t)
	if _, err := demo.LoadCandidates(context.Background(), env.Sys, 600, 5, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Three assistants near Aarhus, one in Copenhagen (beyond commuting).
	k := env.Login("konsulent@demo.local")
	for i, postal := range []string{"8000", "8200", "8210", "2100"} {
		cv := map[string]any{"external_ref": "B-" + postal, "name": "Borger " + postal, "postal_code": postal, "max_commute_km": 30,
			"target_group": "close_to_job", "desired_occupations": []string{"Social- og sundhedsassistent"},
			"skills": []string{"personlig pleje"}, "experience": []map[string]any{{"title": "SOSU-assistent", "years": i + 2}}}
		if res := k.Do("POST", "/api/v1/candidates", cv, nil); res.StatusCode != 201 {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
	}
	if err := env.Sys.Syncer.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	body := systemtest.VacancyBody(demo.CVR(21))
	body["title"], body["postal_code"] = "Social- og sundhedsassistent", "8000"
	body["description"] = "Plejecenter søger social- og sundhedsassistent til aftenvagt."
	body["skills_required"] = []string{"personlig pleje"}
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	ctx := browser.New(t)
	var first, heading, relaxed, reasons string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff", "konsulent@demo.local"),
		chromedp.WaitVisible(`table.vacancies a[href="/staff/vacancies/`+rec.ID+`"]`),
		chromedp.Navigate(env.URL+"/staff/vacancies/"+rec.ID),
		chromedp.WaitVisible(`ol.matches li.match`),
		chromedp.Text(`#matches-h`, &heading),
		chromedp.Text(`ol.matches li.match:first-child .match-head`, &first),
		chromedp.Text(`ol.matches li.match:first-child ul.reasons`, &reasons),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "vacancy-matches")
	if !strings.Contains(reasons, "sundhedsassistent") || !strings.Contains(reasons, "km fra arbejdsstedet") {
		t.Fatalf("first candidate's reasons (Danish): %q", reasons)
	}
	total := func(h string) int {
		i := strings.Index(h, "(")
		n, _ := strconv.Atoi(strings.Trim(strings.Fields(h[i+1:])[0], " )"))
		return n
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`details.settings-fold summary`),
		chromedp.Click(`input[name=require][value=distance]`),
		// Take the old list away, so the wait below sees the new page.
		chromedp.Evaluate(`document.querySelector('ol.matches').remove()`, nil),
		chromedp.Click(`form.match-settings button[type=submit]`),
		chromedp.WaitVisible(`ol.matches li.match`),
		chromedp.Text(`#matches-h`, &relaxed),
	)
	if err != nil {
		t.Fatal(err)
	}
	if total(relaxed) <= total(heading) {
		t.Fatalf("relaxing the distance did not widen the list: %q → %q", heading, relaxed)
	}
	if first == "" {
		t.Fatal("no first candidate")
	}
}

// TestHotlineFlowInBrowser: the hotline types four CVR digits, picks the
// company with the keyboard, logs a call with Enter, sees who owns it; the
// company's contact consultant finds it on their overview.
func TestHotlineFlowInBrowser(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(733)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Haderslev Maskinfabrik A/S", PostalCode: "6100"}}); err != nil {
		t.Fatal(err)
	}
	co, err := env.Sys.Companies.Company(context.Background(), cvr)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	var hits, flash string
	err = chromedp.Run(ctx,
		loginAt(env.URL+"/staff/hotline", "hotline@demo.local"),
		chromedp.WaitVisible(`#q`),
		chromedp.Navigate(env.URL+"/staff/hotline"),
		chromedp.WaitVisible(`#q`),
		chromedp.SendKeys(`#q`, cvr[:4]+kb.Enter),
		chromedp.WaitVisible(`ol.company-hits`),
		chromedp.Text(`ol.company-hits`, &hits),
		chromedp.Focus(`ol.company-hits a[href$="cvr=`+cvr+`"]`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`#h-text`),
		chromedp.SetValue(`#h-topic`, "retention"),
		// The caller did not say their name: the first Enter saves.
		chromedp.SendKeys(`#h-phone`, "22334455"),
		chromedp.SendKeys(`#h-text`, "Svend er sygemeldt"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &flash),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "hotline")
	if !strings.Contains(hits, "Haderslev Maskinfabrik") {
		t.Fatalf("hits: %q", hits)
	}
	owner, err := env.Sys.Staff.User(context.Background(), co.ConsultantID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(flash, "JM-") || !strings.Contains(flash, owner.Name) {
		t.Fatalf("confirmation %q should name the reference and %s", flash, owner.Name)
	}
	// A bad phone number: the message is next to the field, which has the
	// focus; the text typed is kept.
	var focused, phoneErr, kept string
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/hotline?q="+cvr[:4]+"&cvr="+cvr),
		chromedp.WaitVisible(`#h-text`),
		chromedp.SetValue(`#h-topic`, "subsidy"),
		chromedp.SendKeys(`#h-phone`, "1"),
		chromedp.SendKeys(`#h-text`, "Spørger om løntilskud"+kb.Enter),
		chromedp.WaitVisible(`#h-phone-err`),
		chromedp.Text(`#h-phone-err`, &phoneErr),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The browser applies autofocus after the page has loaded: wait (bounded)
	// for the focus to settle, then read where it is.
	_ = chromedp.Run(ctx, chromedp.Poll(`document.activeElement && document.activeElement.id === "h-phone"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		chromedp.Value(`#h-text`, &kept),
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused != "h-phone" || phoneErr == "" || kept != "Spørger om løntilskud" {
		t.Fatalf("after a bad phone number: focus on %q, message %q, text kept %q", focused, phoneErr, kept)
	}
	// The whole CVR as the caller says it ("DK 12 34 56 78"), Enter: the
	// company's form at once, the cursor on the topic.
	spaced := "DK " + cvr[:2] + " " + cvr[2:4] + " " + cvr[4:6] + " " + cvr[6:]
	var owner1 string
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/hotline"),
		chromedp.WaitVisible(`#q`),
		chromedp.SendKeys(`#q`, spaced+kb.Enter),
		chromedp.WaitVisible(`#h-text`),
		chromedp.Text(`.hotline-log h2`, &owner1),
	)
	if err != nil {
		t.Fatal(err)
	}
	_ = chromedp.Run(ctx, chromedp.Poll(`document.activeElement && document.activeElement.id === "h-topic"`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement.id`, &focused)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(owner1, "Haderslev Maskinfabrik") || focused != "h-topic" {
		t.Fatalf("%q: form for %q, focus on %q", spaced, owner1, focused)
	}
	// The number on the display of the first call, which is now one of
	// the company's contacts: its form at once, the number filled in.
	var owner2, phone string
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/hotline"),
		chromedp.WaitVisible(`#q`),
		chromedp.SendKeys(`#q`, "+45 22 33 44 55"+kb.Enter),
		chromedp.WaitVisible(`#h-text`),
		chromedp.Text(`.hotline-log h2`, &owner2),
		chromedp.Value(`#h-phone`, &phone),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(owner2, "Haderslev Maskinfabrik") || phone != "22334455" {
		t.Fatalf("the caller's number: form for %q, phone %q", owner2, phone)
	}
	// The owner sees it on their overview.
	ctx2 := browser.New(t)
	var open string
	err = chromedp.Run(ctx2,
		loginAt(env.URL+"/staff", owner.Email),
		chromedp.WaitVisible(`table.open-requests`),
		chromedp.Text(`table.open-requests tbody`, &open),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(open, "Haderslev Maskinfabrik") || !strings.Contains(open, "Telefon") {
		t.Fatalf("owner's open requests: %q", open)
	}
	// The owner resolves it from the overview: what was done, and the outcome.
	var target, done string
	err = chromedp.Run(ctx2,
		chromedp.Text(`#contacts-target`, &target),
		chromedp.SendKeys(`form.resolve input[name=resolution]`, "Aftalt gradvis tilbagevenden"),
		chromedp.SetValue(`form.resolve select[name=outcome]`, "partial_return"),
		chromedp.Click(`form.resolve button`),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &done),
	)
	if err != nil {
		t.Fatal(err)
	}
	// No target set for the year: a share of the default, said so.
	if !strings.Contains(target, "(min andel af standardmålet ") || !strings.Contains(target, "/") || !strings.Contains(done, "afsluttet") {
		t.Fatalf("target %q, flash %q", target, done)
	}
	if open, err := env.Sys.Intake.OpenRequests(context.Background(), owner.ID); err != nil || len(open) != 0 {
		t.Fatalf("still open after resolving: %v %d", err, len(open))
	}

	// The owner is away: the hotline sees who answers meanwhile, and its
	// confirmation names the deputy, whose list the request is on (it
	// named the absent owner).
	admin := env.Login("admin@demo.local")
	deputy := "fatima@demo.local"
	if deputy == owner.Email {
		deputy = "mads@demo.local"
	}
	if res := admin.Do("PUT", "/api/v1/users/"+owner.Email+"/absence", map[string]any{"away": true, "deputy_id": deputy}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("absence: %d %s", res.StatusCode, res.Body)
	}
	dep, err := env.Sys.Staff.User(context.Background(), deputy)
	if err != nil {
		t.Fatal(err)
	}
	var awayHit, awayFlash string
	// The search learns of the absence from the change log, as every
	// replica does: a moment after.
	for i := 0; i < 100 && !strings.Contains(awayHit, dep.Name); i++ {
		err = chromedp.Run(ctx,
			chromedp.Navigate(env.URL+"/staff/hotline?q="+url.QueryEscape("Haderslev Maskinfabrik")),
			chromedp.WaitVisible(`ol.company-hits`),
			chromedp.Text(`ol.company-hits`, &awayHit),
		)
		if err != nil {
			t.Fatal(err)
		}
	}
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/hotline?cvr="+cvr),
		chromedp.WaitVisible(`#h-text`),
		chromedp.SetValue(`#h-topic`, "subsidy"),
		// Another caller than the company's contact, filled in.
		chromedp.SetValue(`#h-phone`, "22334455"),
		chromedp.SendKeys(`#h-text`, "Spørger om fleksjob"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &awayFlash),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(awayHit, dep.Name) || !strings.Contains(awayFlash, dep.Name) || !strings.Contains(awayFlash, dep.Phone) ||
		!strings.Contains(awayFlash, "fraværende") {
		t.Fatalf("owner away, deputy %s: hit %q, confirmation %q", dep.Name, awayHit, awayFlash)
	}

	// Found by the address a mail came from: the call is a mail.
	mailer := map[string]any{"company": map[string]any{"cvr": demo.CVR(734), "name": "Mailfirma ApS", "postal_code": "6100",
		"contact": map[string]any{"name": "Eva Holm", "email": "eva@mailfirma.dk"}}, "topic": "subsidy", "channel": "web", "text": "Spørgsmål om IGU"}
	if res := env.Client().Do("POST", "/api/v1/requests", mailer, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	var channel string
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff/hotline?q="+url.QueryEscape("eva@mailfirma.dk")),
		chromedp.WaitVisible(`#h-text`),
		chromedp.Value(`#h-channel`, &channel),
	)
	if err != nil || channel != "email" {
		t.Fatalf("found by a mail address: channel %q (%v)", channel, err)
	}
}

// TestHotlineCreatesAnUnknownCompany: a company the jobcentre does not know
// is created inline (CVR, name and postal code checked on "Videre", where
// they can still be corrected; on the call's form they were hidden fields
// and the error a dead end) when the call is saved, and gets a contact
// person. Eight digits grouped as a phone number are not offered as a CVR.
func TestHotlineCreatesAnUnknownCompany(t *testing.T) {
	env := systemtest.Start(t)
	ctx := browser.New(t)
	var flash, badCVR, typedCVR, keptName, focused, phoneCVR, phoneHint, noName, noNameCVR string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/hotline", "hotline@demo.local"),
		chromedp.WaitVisible(`#q`),
		chromedp.Navigate(env.URL+"/staff/hotline?q=nyfirma"),
		chromedp.WaitVisible(`#n-cvr`),
		// A CVR that fails modulus 11 is refused on "Videre", the rest kept.
		chromedp.SendKeys(`#n-cvr`, "12345678"),
		chromedp.SendKeys(`#n-name`, "Nyt Firma ApS"),
		chromedp.SendKeys(`#n-postal`, "7100"+kb.Enter),
		chromedp.WaitVisible(`#e-n-cvr`),
		chromedp.Text(`#e-n-cvr`, &badCVR),
		chromedp.Value(`#n-name`, &keptName),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		// Eight digits grouped as a phone number: no new company with them
		// as its CVR, and a word that it may be a phone number.
		chromedp.Navigate(env.URL+"/staff/hotline?q="+url.QueryEscape("22 33 44 09")),
		chromedp.WaitVisible(`#n-cvr`),
		chromedp.Value(`#n-cvr`, &phoneCVR),
		chromedp.Text(`p.phone-like`, &phoneHint),
		// A whole CVR no company has: the new company's form, with it.
		chromedp.Navigate(env.URL+"/staff/hotline?q="+demo.CVR(950)),
		chromedp.WaitVisible(`#n-name`),
		chromedp.Value(`#n-cvr`, &typedCVR),
		// Enter before the name is typed: the name is asked for (was
		// "page not found", all typed lost).
		chromedp.SendKeys(`#n-name`, kb.Enter),
		chromedp.WaitVisible(`#e-n-name`),
		chromedp.Text(`#e-n-name`, &noName),
		chromedp.Value(`#n-cvr`, &noNameCVR),
		chromedp.Navigate(env.URL+"/staff/hotline?cvr="+demo.CVR(950)+"&name=Nyt+Firma+ApS&postal_code=7100"),
		chromedp.WaitVisible(`#h-text`),
		chromedp.SetValue(`#h-topic`, "subsidy"),
		chromedp.SendKeys(`#h-caller`, "Ib Nielsen"),
		chromedp.SendKeys(`#h-phone`, "22334455"),
		chromedp.SendKeys(`#h-text`, "Vil gerne høre om IGU"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &flash),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(badCVR, "CVR") || keptName != "Nyt Firma ApS" || focused != "n-cvr" {
		t.Fatalf("invalid CVR on Videre: message %q, name kept %q, focus on %q", badCVR, keptName, focused)
	}
	if phoneCVR != "" || !strings.Contains(phoneHint, "telefonnummer") {
		t.Fatalf("a phone number as a new company's CVR: %q, hint %q", phoneCVR, phoneHint)
	}
	if typedCVR != demo.CVR(950) {
		t.Fatalf("a new company's CVR typed in the search: %q in its form", typedCVR)
	}
	if noName == "" || noNameCVR != demo.CVR(950) {
		t.Fatalf("a new company without a name: message %q, CVR kept %q", noName, noNameCVR)
	}
	co, err := env.Sys.Companies.Company(context.Background(), demo.CVR(950))
	if err != nil || co.ConsultantID == "" {
		t.Fatalf("company not created with a contact person: %v %+v", err, co)
	}
	if !strings.Contains(flash, "JM-") {
		t.Fatalf("confirmation: %q", flash)
	}
}

// TestCompanyPageTimelineAndContactLog: the consultant logs a visit on the
// company's page and sees it on the timeline next to the company's request.
func TestCompanyPageTimelineAndContactLog(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(960)
	body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Tidslinje ApS", "postal_code": "6400",
		"contact": map[string]any{"name": "Ole", "email": "ole@tidslinje.dk"}}, "topic": "subsidy", "channel": "web", "text": "Spørgsmål om løntilskud"}
	if res := env.Client().Do("POST", "/api/v1/requests", body, nil); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	co, _ := env.Sys.Companies.Company(context.Background(), cvr)
	owner, _ := env.Sys.Staff.User(context.Background(), co.ConsultantID)
	ctx := browser.New(t)
	var timeline, flash string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/companies/"+cvr, owner.Email),
		chromedp.WaitVisible(`#c-note`), // back on the company's page after login
		chromedp.SendKeys(`#c-note`, "Besøg hos direktøren"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &flash),
		chromedp.Text(`ol.timeline`, &timeline),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "company")
	if !strings.Contains(timeline, "Besøg hos direktøren") || !strings.Contains(timeline, "Henvendelse") {
		t.Fatalf("timeline: %q", timeline)
	}
}

// loginAt opens url, is sent to the login page, and signs in as email
// (password "demo"); the login returns to url.
// runSteps runs each browser step with a time limit of its own and stops
// the test at the first that fails, naming it.
func runSteps(t *testing.T, ctx context.Context, steps []chromedp.Action) {
	t.Helper()
	for i, st := range steps {
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		err := chromedp.Run(sctx, st)
		cancel()
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

func loginAt(url, email string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Navigate(url),
		chromedp.WaitVisible(`#f-email`), // redirected to the login page
		chromedp.SendKeys(`#f-email`, email),
		chromedp.SendKeys(`#f-password`, "demo"),
		chromedp.Click(`button[type=submit]`),
	}
}

// TestSearchAgainAfterBack: a search, Back, and the search form works
// again. The browser shows the page from its back-forward cache as it was
// left, and the double-submit guard had disabled "Søg" on every form:
// Enter did nothing until the page was reloaded.
func TestSearchAgainAfterBack(t *testing.T) {
	env := systemtest.Start(t)
	ctx := browser.New(t)
	var disabled, cached bool
	runSteps(t, ctx, []chromedp.Action{
		loginAt(env.URL+"/staff/hotline", "hotline@demo.local"),
		chromedp.WaitVisible(`#q`),
		chromedp.Navigate(env.URL + "/staff/hotline"),
		chromedp.WaitVisible(`#q`),
		chromedp.Evaluate(`window.jmLeft = true`, nil),
		chromedp.SendKeys(`#q`, "Maskin"+kb.Enter),
		chromedp.WaitVisible(`form.hotline-search ~ p, ol.company-hits`),
		chromedp.Evaluate(`history.back()`, nil),
		// Back may come from the cache without a load event (NavigateBack
		// waits for one), and the page's nodes are new to the driver: ask
		// by script until the page is the search's start again.
		chromedp.ActionFunc(func(ctx context.Context) error {
			for {
				var res []bool
				if err := chromedp.Evaluate(`location.search === "" && document.readyState === "complete" ? [true, window.jmLeft === true, document.querySelector('form.hotline-search button[type=submit]').disabled] : [false]`, &res).Do(ctx); err == nil && res[0] {
					cached, disabled = res[1], res[2]
					return nil
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
			}
		}),
	})
	t.Logf("page shown from the back-forward cache: %v", cached)
	if disabled {
		t.Fatal("after Back the search button is disabled: Enter does nothing")
	}
}
