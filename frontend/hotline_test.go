package frontend_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// hotlinePage reads a hotline page as the browser gets it, unescaped.
func hotlinePage(t *testing.T, c *systemtest.Client, path string) string {
	t.Helper()
	res := c.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, res.Body)
	}
	return string(res.Body)
}

// inputValue is the value of the input with that id on page ("" when it
// has none), unescaped.
func inputValue(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`<input [^>]*id="` + id + `"[^>]*value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no input #%s on the page", id)
	}
	return html.UnescapeString(m[1])
}

// TestHotlineMailFromAnUnknownPersonAtAKnownDomain: a mail from someone
// the jobcentre does not know, at a known company's domain, finds the
// company ("skriver fra samme domæne"); its link opened the form without
// the address, so the caller's fields were empty and Enter said "Udfyld
// telefon eller e-mail". The address is the caller's e-mail now, and the
// call a mail.
func TestHotlineMailFromAnUnknownPersonAtAKnownDomain(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(736)
	known := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Sydals Autoværksted ApS", "postal_code": "6470",
		"contact": map[string]any{"name": "Ole Smed", "email": "ole@sydals-autovaerksted.dk"}}, "topic": "subsidy", "channel": "web", "text": "Spørgsmål om IGU"}
	if res := env.Client().Do("POST", "/api/v1/requests", known, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	hot := env.Login("hotline@demo.local")
	q := "/staff/hotline?q=" + url.QueryEscape("ny.person@sydals-autovaerksted.dk")
	page := hotlinePage(t, hot, q)
	// The search learns of the company's contact from the change log: a
	// moment after.
	for i := 0; i < 100 && !strings.Contains(page, "skriver fra samme domæne"); i++ {
		page = hotlinePage(t, hot, q)
	}
	m := regexp.MustCompile(`<a href="(/staff/hotline\?[^"]*cvr=` + cvr + `[^"]*)"`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, "skriver fra samme domæne") {
		t.Fatalf("no hit by the domain: %s", page)
	}
	form := hotlinePage(t, hot, html.UnescapeString(m[1]))
	if got := inputValue(t, form, "h-email"); got != "ny.person@sydals-autovaerksted.dk" {
		t.Errorf("the caller's e-mail on the form: %q", got)
	}
	if !strings.Contains(form, `<option value="email" selected>`) {
		t.Errorf("the call is not a mail")
	}
	// As a mail program shows the sender: the name too.
	form = hotlinePage(t, hot, "/staff/hotline?cvr="+cvr+"&q="+url.QueryEscape("Ny Person <ny.person@sydals-autovaerksted.dk>"))
	if name, email := inputValue(t, form, "h-caller"), inputValue(t, form, "h-email"); name != "Ny Person" || email != "ny.person@sydals-autovaerksted.dk" {
		t.Errorf("from \"Ny Person <…>\": caller %q, e-mail %q", name, email)
	}
}

// TestHotlineCountsAllItsCallsOfToday: after 12 calls today and 3 of
// yesterday logged after them (backdated), the page said "(7)": it counted
// today's among the latest 10 of all the user's calls. It counts all of
// today's now, lists the latest 10 and says how many more there are.
func TestHotlineCountsAllItsCallsOfToday(t *testing.T) {
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano())
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return time.Unix(0, clock.Load()) }})
	hot := env.Login("hotline@demo.local")
	logCall := func(text string) {
		res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": demo.CVR(612), "name": "Vejle Smedie ApS", "postal_code": "7100",
			"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "subsidy", "channel": "phone", "text": text}, nil)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("log request: %d %s", res.StatusCode, res.Body)
		}
	}
	for i := range 12 {
		logCall(fmt.Sprintf("Dagens opkald %d.", i))
	}
	now := clock.Load()
	clock.Store(time.Unix(0, now).AddDate(0, 0, -1).UnixNano())
	for i := range 3 {
		logCall(fmt.Sprintf("Gårsdagens opkald %d.", i))
	}
	clock.Store(now)
	page := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline"))
	if !strings.Contains(page, "Dine registreringer i dag <small>(12)</small>") || !strings.Contains(page, "Og 2 flere i dag.") {
		t.Errorf("today's count: %s", page)
	}
	if n := strings.Count(page, "Dagens opkald"); n != 10 || strings.Contains(page, "Gårsdagens") || !strings.Contains(page, "Dagens opkald 11.") {
		t.Errorf("%d of today's calls listed (want the latest 10), or yesterday's among them: %s", n, page)
	}
}

// TestHotlineAsksForTheTopic: the topic was "Andet" unless changed, and
// the cursor landed on the text, so every quick call counted as "Andet"
// in the figures by topic. No topic is chosen now and the cursor lands on
// it; a call saved without one says so at the topic and keeps the text.
func TestHotlineAsksForTheTopic(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(733)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Haderslev Maskinfabrik A/S", PostalCode: "6100"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	form := hotlinePage(t, hot, "/staff/hotline?cvr="+cvr)
	sel := regexp.MustCompile(`<select [^>]*id="h-topic"[^>]*>`).FindString(form)
	if !strings.Contains(sel, "autofocus") || strings.Contains(form, `<option value="other" selected>`) || strings.Contains(inputTag(form, "h-text"), "autofocus") {
		t.Errorf("the topic is not the first stop, or a topic is chosen: %s", form)
	}
	v := url.Values{"cvr": {cvr}, "channel": {"phone"}, "topic": {""}, "text": {"Spørger om løntilskud"}, "caller_phone": {"22334455"}}
	for _, name := range []string{"_csrf", "_idem"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(form)
		if m == nil {
			t.Fatalf("no %s on the form", name)
		}
		v.Set(name, html.UnescapeString(m[1]))
	}
	res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	page := html.UnescapeString(string(res.Body))
	sel = regexp.MustCompile(`<select [^>]*id="h-topic"[^>]*>`).FindString(page)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="h-topic-err">Vælg, hvad henvendelsen handler om.</span>`) ||
		!strings.Contains(sel, "autofocus") || !strings.Contains(sel, `aria-invalid="true"`) || inputValue(t, page, "h-text") != "Spørger om løntilskud" {
		t.Fatalf("saved without a topic: %d %s", res.StatusCode, page)
	}
	v.Set("topic", "subsidy")
	if res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saved with a topic: %d %s", res.StatusCode, res.Body)
	}
}

// inputTag is the tag of the input with that id on page.
func inputTag(page, id string) string {
	return regexp.MustCompile(`<input [^>]*id="` + id + `"[^>]*>`).FindString(page)
}

// TestHotlineTopicByKeyboard: the call is logged from the keyboard alone,
// the topic first: two arrows down choose "Sygemeldt medarbejder –
// fastholdelse", Tab goes to the text, and the request has that topic.
func TestHotlineTopicByKeyboard(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(733)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Haderslev Maskinfabrik A/S", PostalCode: "6100"}}); err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	var flash string
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/hotline", "hotline@demo.local"),
		chromedp.WaitVisible(`#q`),
		chromedp.Navigate(env.URL+"/staff/hotline?cvr="+cvr),
		chromedp.WaitVisible(`#h-topic`),
		chromedp.Poll(`document.activeElement && document.activeElement.id === "h-topic"`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent("\t"),
		chromedp.KeyEvent("Svend er sygemeldt"),
		chromedp.SendKeys(`#h-phone`, "22334455"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
		chromedp.Text(`p.flash`, &flash),
	)
	if err != nil {
		t.Fatal(err)
	}
	page, err := env.Sys.Intake.Requests(context.Background(), app.ListQuery{Scope: "company:" + cvr})
	if err != nil || len(page.Items) != 1 || page.Items[0].Topic != "retention" || page.Items[0].Text != "Svend er sygemeldt" {
		t.Fatalf("flash %q; requests %v %+v, want one about retention", flash, err, page.Items)
	}
}

// TestHotlineSaysTheContactHasLeft: the company's form said "Kontaktperson:
// Lars Lund" after Lars was deactivated, and the hotline promised the
// caller someone who has left. It says he has, until the company is moved.
func TestHotlineSaysTheContactHasLeft(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(734)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Kolding Rør ApS", PostalCode: "6000"}}); err != nil {
		t.Fatal(err)
	}
	co, err := env.Sys.Companies.Company(context.Background(), cvr)
	if err != nil || co.ConsultantID != "lars@demo.local" {
		t.Fatalf("the company's contact: %+v %v", co, err)
	}
	hot := env.Login("hotline@demo.local")
	if form := hotlinePage(t, hot, "/staff/hotline?cvr="+cvr); !strings.Contains(form, "<b>Lars Lund</b> ·") {
		t.Fatalf("before: no contact person on the form: %s", form)
	}
	if res := env.Login("admin@demo.local").Do("PATCH", "/api/v1/users/lars@demo.local", map[string]any{"active": false}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("deactivate: %d %s", res.StatusCode, res.Body)
	}
	if form := hotlinePage(t, hot, "/staff/hotline?cvr="+cvr); !strings.Contains(form, "<b>Lars Lund</b> (fratrådt)") {
		t.Fatalf("the form does not say Lars has left: %s", form)
	}
	res := hot.Do("GET", "/staff/hotline?lang=en&cvr="+cvr, nil, nil, "Accept", "text/html", "Accept-Language", "en")
	if !strings.Contains(string(res.Body), "<b>Lars Lund</b> (left)") {
		t.Fatalf("in English: %d %s", res.StatusCode, res.Body)
	}
}

// TestHotlineNewCompanyWithoutCVR: "Ukendt virksomhed? Opret den" sent
// with a name and a postal code but no CVR number showed the hits again,
// without a word, and what was typed was gone. It says so at the CVR
// field now, the cursor there, and keeps the name and postal code.
func TestHotlineNewCompanyWithoutCVR(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	for _, lang := range []struct{ code, msg string }{{"da", "Skriv virksomhedens CVR-nummer."}, {"en", "Type the company's CVR number."}} {
		res := hot.Do("GET", "/staff/hotline?lang="+lang.code+"&q=bageriet&cvr=&name="+url.QueryEscape("Bageriet Hansen")+"&postal_code=6400", nil, nil,
			"Accept", "text/html", "Accept-Language", lang.code)
		page := html.UnescapeString(string(res.Body))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `id="e-n-cvr">`+lang.msg+`</span>`) {
			t.Fatalf("%s: no word at the CVR field: %d %s", lang.code, res.StatusCode, page)
		}
		if inputValue(t, page, "n-name") != "Bageriet Hansen" || inputValue(t, page, "n-postal") != "6400" {
			t.Errorf("%s: what was typed is gone: %s", lang.code, page)
		}
		if !strings.Contains(inputTag(page, "n-cvr"), "autofocus") || strings.Contains(inputTag(page, "q"), "autofocus") {
			t.Errorf("%s: the cursor is not at the CVR field: %s", lang.code, page)
		}
	}
}

// TestHotlineTopicByNumber: the hint said "Pil ned eller første bogstav
// vælger", and four of the five topics begin with S. Each topic shows its
// number now, and the number chooses it: 4, Tab, the text, and the call is
// about a lay-off.
func TestHotlineTopicByNumber(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(733)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Haderslev Maskinfabrik A/S", PostalCode: "6100"}}); err != nil {
		t.Fatal(err)
	}
	form := html.UnescapeString(hotlinePage(t, env.Login("hotline@demo.local"), "/staff/hotline?cvr="+cvr))
	for _, want := range []string{"Tast emnets nummer (1–5), Tab går videre", ">1 · Søg medarbejdere", ">2 · Sygemeldt medarbejder", ">3 · Spørgsmål om støtteordninger", ">4 · Større afskedigelser", ">5 · Andet<"} {
		if !strings.Contains(form, want) {
			t.Errorf("no %q on the form: %s", want, form)
		}
	}
	ctx := browser.New(t)
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff/hotline", "hotline@demo.local"),
		chromedp.WaitVisible(`#q`),
		chromedp.Navigate(env.URL+"/staff/hotline?cvr="+cvr),
		chromedp.WaitVisible(`#h-topic`),
		chromedp.Poll(`document.activeElement && document.activeElement.id === "h-topic"`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.KeyEvent("4"),
		chromedp.KeyEvent("\t"),
		chromedp.KeyEvent("Skal afskedige 30"),
		chromedp.SendKeys(`#h-phone`, "22334455"+kb.Enter),
		chromedp.WaitVisible(`p.flash`),
	)
	if err != nil {
		t.Fatal(err)
	}
	page, err := env.Sys.Intake.Requests(context.Background(), app.ListQuery{Scope: "company:" + cvr})
	if err != nil || len(page.Items) != 1 || page.Items[0].Topic != "layoff" || page.Items[0].Text != "Skal afskedige 30" {
		t.Fatalf("requests %v %+v, want one about a lay-off", err, page.Items)
	}
}

// TestHotlineSaysWhoTakesTheCall: after Lars was deactivated the hits
// said "Kontaktperson: Lars Lund", and the form said he had left but not
// who takes the call; the hotline learnt it only from "sendt til …" after
// saving. Hits and form name the stand-in the request is routed to now.
// A contact person who is away reads as a sentence: "Kontaktpersonen Mads
// Mortensen er fraværende – henvendelser går til Fatima Hassan, …".
func TestHotlineSaysWhoTakesTheCall(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	cvr, away := demo.CVR(734), demo.CVR(735)
	if _, _, err := env.Sys.Companies.ImportCompanies(ctx, []companies.CompanyRow{{CVR: cvr, Name: "Kolding Rør ApS", PostalCode: "6000"},
		{CVR: away, Name: "Kolding Tag ApS", PostalCode: "6000"}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.Sys.Companies.Reassign(ctx, away, "mads@demo.local", "admin@demo.local", "test"); err != nil {
		t.Fatal(err)
	}
	admin := env.Login("admin@demo.local")
	if res := admin.Do("PATCH", "/api/v1/users/lars@demo.local", map[string]any{"active": false}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("deactivate: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PUT", "/api/v1/users/mads@demo.local/absence", map[string]any{"away": true, "deputy_id": "fatima@demo.local"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("absence: %d %s", res.StatusCode, res.Body)
	}
	hot := env.Login("hotline@demo.local")
	res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Kolding Rør ApS", "postal_code": "6000",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "subsidy", "channel": "phone", "text": "Løntilskud"}, nil)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	rs, err := env.Sys.Intake.Requests(ctx, app.ListQuery{Scope: "company:" + cvr})
	if err != nil || len(rs.Items) != 1 {
		t.Fatalf("requests: %v %+v", err, rs.Items)
	}
	taker, err := env.Sys.Staff.User(ctx, rs.Items[0].ConsultantID)
	if err != nil || taker.ID == "lars@demo.local" {
		t.Fatalf("routed to %q: %v", rs.Items[0].ConsultantID, err)
	}
	var page string
	for i := 0; i < 100 && !strings.Contains(page, "fratrådt"); i++ {
		page = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q=kolding"))
	}
	if want := "Kontaktpersonen Lars Lund er fratrådt – henvendelser går til " + taker.Name + ", " + taker.Phone; !strings.Contains(page, want) {
		t.Errorf("the hit does not say %q: %s", want, page)
	}
	if want := "Kontaktpersonen Mads Mortensen er fraværende – henvendelser går til Fatima Hassan, "; !strings.Contains(page, want) {
		t.Errorf("the hit does not say %q: %s", want, page)
	}
	form := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
	if want := "<b>Lars Lund</b> (fratrådt) – <span class=\"owner-takes\">henvendelser går nu til <b>" + taker.Name + "</b> · " + taker.Phone; !strings.Contains(form, want) {
		t.Errorf("the form does not say %q: %s", want, form)
	}
	res = hot.Do("GET", "/staff/hotline?lang=en&q=kolding", nil, nil, "Accept", "text/html", "Accept-Language", "en")
	if want := "The contact person Lars Lund has left – requests go to " + taker.Name; !strings.Contains(html.UnescapeString(string(res.Body)), want) {
		t.Errorf("in English, not %q: %s", want, res.Body)
	}
}

// TestHotlineFindsTheCallerAsPasted: an Outlook header line ("Fra: Line
// Larsen <…>", "From:", "Til:", "Sendt af:") found nothing, nor did a
// foreign number written with 00 ("0049 171 1234567"), "klaus muller" for
// Klaus Müller, or a name surname first ("Petersen Jens"). Each finds the
// caller's company with the caller now.
func TestHotlineFindsTheCallerAsPasted(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(737)
	for _, p := range []map[string]any{{"name": "Line Larsen", "email": "line.larsen@roedekro-kundeservice.dk"}, {"name": "Klaus Müller", "phone": "+49 171 1234567"},
		{"name": "Jens Petersen", "phone": "23456781"}} {
		req := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Rødekro Kundeservice ApS", "postal_code": "6230", "contact": p},
			"topic": "subsidy", "channel": "web", "text": "Spørgsmål om løntilskud"}
		if res := env.Client().Do("POST", "/api/v1/requests", req, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
	}
	hot := env.Login("hotline@demo.local")
	for q, caller := range map[string]string{
		"Fra: Line Larsen <line.larsen@roedekro-kundeservice.dk>":      "Line Larsen",
		"From: Line Larsen <line.larsen@roedekro-kundeservice.dk>":     "Line Larsen",
		"Til: line.larsen@roedekro-kundeservice.dk":                    "Line Larsen",
		"Sendt af: Line Larsen <line.larsen@roedekro-kundeservice.dk>": "Line Larsen",
		"0049 171 1234567": "Klaus Müller",
		"klaus muller":     "Klaus Müller",
		"Petersen Jens":    "Jens Petersen",
	} {
		var page string
		for i := 0; i < 100 && !strings.Contains(page, "Ringer/skriver: "+caller); i++ {
			page = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q="+url.QueryEscape(q)))
		}
		if !strings.Contains(page, "Ringer/skriver: "+caller) || !strings.Contains(page, "Rødekro Kundeservice ApS") {
			t.Errorf("%q does not find %s: %s", q, caller, page)
		}
	}
}

// TestHotlineOneHitOneEnterAndWhoHasTodaysCalls: a name that finds one
// company left the cursor in the search box (a CVR or a phone number
// opened the form), and "Dine registreringer i dag" did not say who each
// call went to, so a caller ringing back could not be told. The one hit is
// the first stop now, and each of today's calls names who has it.
func TestHotlineOneHitOneEnterAndWhoHasTodaysCalls(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(738)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Xylofonfabrikken Gråsten ApS", PostalCode: "6300"}}); err != nil {
		t.Fatal(err)
	}
	co, err := env.Sys.Companies.Company(context.Background(), cvr)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := env.Sys.Staff.User(context.Background(), co.ConsultantID)
	if err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	page := hotlinePage(t, hot, "/staff/hotline?q=xylofonfabrikken")
	link := regexp.MustCompile(`<a href="/staff/hotline\?[^"]*cvr=` + cvr + `[^>]*>`).FindString(page)
	if !strings.Contains(link, "autofocus") || strings.Contains(inputTag(page, "q"), "autofocus") {
		t.Errorf("the one hit is not the first stop: %s", page)
	}
	res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": co.Name, "postal_code": "6300",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "subsidy", "channel": "phone", "text": "Ringer tilbage i morgen"}, nil)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	page = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline"))
	if !strings.Contains(page, "<th>Sendt til</th>") || !regexp.MustCompile(`<td [^>]*class="req-text"[^>]*>Ringer tilbage i morgen</td><td [^>]*class="req-owner">`+regexp.QuoteMeta(owner.Name)+`</td>`).MatchString(page) {
		t.Errorf("today's call does not say who has it (%s): %s", owner.Name, page)
	}
}
