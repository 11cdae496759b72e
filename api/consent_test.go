package api_test

import (
	"context"
	"jobmatch"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch/app"
	"jobmatch/app/screening"
	"jobmatch/demo"
	"jobmatch/store"
	"jobmatch/system/systemtest"
)

// clock is a test clock the test moves forward by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock                   { return &clock{now: time.Now()} }
func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

var consentLink = regexp.MustCompile(`/consent/([a-z0-9]+)`)

type outboxMail struct {
	Kind, To, Subject, Body, Ref string
	Attachments                  []struct {
		Name        string `json:"name"`
		ContentType string `json:"content_type"`
		Content     string `json:"content"`
	}
}

// outboxOf is the outbox as sent, the links whole (the API masks them).
func outboxOf(t *testing.T, admin *systemtest.Client) []outboxMail {
	t.Helper()
	var box struct{ Items []outboxMail }
	admin.Env().Outbox(&box)
	return box.Items
}

func mailsOf(box []outboxMail, kind string) []outboxMail {
	var out []outboxMail
	for _, m := range box {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// preScreenVacancy makes a vacancy and shortlists new CVs on it.
func preScreenVacancy(t *testing.T, env *systemtest.Env, k *systemtest.Client, cvr string, cvs ...map[string]any) (vacancyID, statusPath string, entries []entry) {
	t.Helper()
	// The skill lexicon is built on first use; build it outside the
	// client's timeout (the test machine is shared).
	env.Sys.Taxonomy.NormalizeSkill("tagarbejde")
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	for _, body := range cvs {
		var c struct{ ID string }
		if res := k.Do("POST", "/api/v1/candidates", body, &c); res.StatusCode != http.StatusCreated {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
		var e entry
		if res := k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
			t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
		}
		entries = append(entries, e)
	}
	return rec.ID, rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):], entries
}

// TestConsentByLink: a consultant sends consent links by e-mail and SMS;
// the citizen sees the vacancy (the employer's name only once the employer
// agreed) and exactly the profile the employer will see, answers once, and
// is then presented under their name on the employer's link. The other
// citizen gets one reminder, and after the deadline the link is gone and
// the consultant's worklist shows it. The token is stored only hashed.
func TestConsentByLink(t *testing.T) {
	_, router := loadSpec(t)
	clk := newClock()
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now})
	ck := &checker{t: t, env: env, router: router}
	ctx := context.Background()
	k, admin, anon := env.Login("konsulent@demo.local"), env.Login("admin@demo.local"), env.Client()
	vid, statusPath, es := preScreenVacancy(t, env, k, demo.CVR(81),
		cv("CL-1", "Tømrer", map[string]any{"name": "Signe Samtykke", "phone": "22445566", "skills": []string{"tagarbejde"}, "hours": []string{"part"}, "experience": []map[string]any{{"title": "Tømrer", "employer": "Byg ApS", "years": 12}}}),
		cv("CL-2", "Tømrer", map[string]any{"name": "Søren Sms", "phone": "33445566", "email": ""}),
		cv("CL-3", "Tømrer", map[string]any{"name": "Nina Nej"}))
	deadline := clk.Now().AddDate(0, 0, 5).Format(time.DateOnly)

	// Refused requests first.
	ck.do(k, "POST", "/api/v1/shortlist/"+es[0].ID+"/consent-request", map[string]any{"channel": "pigeon", "deadline": deadline}, 422)
	ck.do(k, "POST", "/api/v1/shortlist/"+es[0].ID+"/consent-request", map[string]any{"channel": "email", "deadline": "2001-01-01"}, 422)
	ck.do(k, "POST", "/api/v1/shortlist/"+es[1].ID+"/consent-request", map[string]any{"channel": "email", "deadline": deadline}, 422) // no e-mail
	ck.do(env.Login("hotline@demo.local"), "POST", "/api/v1/shortlist/"+es[0].ID+"/consent-request", map[string]any{"channel": "email", "deadline": deadline}, 403)

	var sent screening.ConsentRequestSent
	_ = jsonDecode(ck.do(k, "POST", "/api/v1/shortlist/"+es[0].ID+"/consent-request", map[string]any{"channel": "email", "deadline": deadline}, 201).Body, &sent)
	if sent.To != "cl-1@example.dk" || sent.Channel != "email" || sent.Deadline.IsZero() {
		t.Fatalf("sent: %+v", sent)
	}
	ck.do(k, "POST", "/api/v1/shortlist/"+es[1].ID+"/consent-request", map[string]any{"channel": "sms", "deadline": deadline}, 201)
	ck.do(k, "POST", "/api/v1/shortlist/"+es[2].ID+"/consent-request", map[string]any{"channel": "email", "deadline": deadline, "lang": "en"}, 201)

	box := outboxOf(t, admin)
	mails, sms := mailsOf(box, "consent_request_email"), mailsOf(box, "consent_request_sms")
	if len(mails) != 2 || len(sms) != 1 || sms[0].To != "33445566" || !consentLink.MatchString(sms[0].Body) {
		t.Fatalf("outbox: %d mails, sms %+v", len(mails), sms)
	}
	tokenOf := func(m outboxMail) string { return consentLink.FindStringSubmatch(m.Body)[1] }
	var token, tokenNo string
	for _, m := range mails {
		switch m.To {
		case "cl-1@example.dk":
			token = tokenOf(m)
		case "cl-3@example.dk":
			tokenNo = tokenOf(m)
		}
	}
	smsToken := tokenOf(sms[0])
	if token == "" || tokenNo == "" || len(token) < 30 {
		t.Fatalf("tokens %q %q", token, tokenNo)
	}
	// Only a hash of the token is stored.
	n := 0
	err := store.Each(ctx, env.Sys.Store, store.ColConsentRequests, func(d *bson.M) error {
		n++
		b, _ := bson.MarshalExtJSON(d, false, false)
		for _, tok := range []string{token, tokenNo, smsToken} {
			if strings.Contains(string(b), tok) {
				t.Errorf("a consent token is stored in clear: %s", b)
			}
		}
		return nil
	})
	if err != nil || n != 3 {
		t.Fatalf("consent requests stored: %d %v", n, err)
	}
	// Sending the link is contacting the citizen.
	var list struct{ Items []map[string]any }
	k.Do("GET", "/api/v1/vacancies/"+vid+"/shortlist", nil, &list)
	for _, it := range list.Items {
		cr, _ := it["consent_request"].(map[string]any)
		if it["stage"] != "contacted" || cr == nil || cr["channel"] == nil {
			t.Fatalf("entry after the request: %v", it)
		}
	}

	// The citizen's page: the vacancy without the employer's name (not
	// agreed), the profile fields, three answers.
	var page screening.ConsentPage
	_ = jsonDecode(ck.do(anon, "GET", "/consent/"+token, nil, 200, "Accept", "application/json").Body, &page)
	if page.Vacancy.Title != "Tømrer" || page.Vacancy.EmployerName != "" || len(page.Answers) != 3 || page.NameShown != "Signe Samtykke" {
		t.Fatalf("page: %+v", page)
	}
	if page.Profile.Name != "" || !strings.Contains(strings.Join(page.Fields, ","), "skills") || len(page.Profile.Skills) == 0 {
		t.Fatalf("profile on the page: %+v %v", page.Profile, page.Fields)
	}
	ck.do(k, "PUT", "/api/v1/vacancies/"+vid+"/publication", map[string]any{"show_name": true}, 200)
	_ = jsonDecode(ck.do(anon, "GET", "/consent/"+token, nil, 200, "Accept", "application/json").Body, &page)
	if page.Vacancy.EmployerName != "Als Tømrer ApS" {
		t.Fatalf("employer agreed, but no name: %+v", page.Vacancy)
	}
	html := anon.Do("GET", "/consent/"+token, nil, nil, "Accept", "text/html")
	if html.StatusCode != 200 || !strings.Contains(string(html.Body), "Ja, med mit navn (Signe Samtykke)") || html.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("html page: %d %s", html.StatusCode, html.Header)
	}
	// What the employer will see, all of it: the working time wanted, and
	// that an assessment after an interview comes with the profile.
	// And the job's own working time and kind of employment, to set beside
	// the part-time the citizen wants.
	if b := string(html.Body); !strings.Contains(b, `<dd class="hours">Deltid</dd>`) || !strings.Contains(b, "jobcentrets vurdering af dig efter samtalen") ||
		!strings.Contains(b, `<dd class="vacancy-employment">`) {
		t.Fatalf("the consent page leaves out what the employer sees: %s", b)
	}
	// In English the profile says years (it said "12 år" on the English
	// page), as the employer's English page does.
	var pageEN screening.ConsentPage
	_ = jsonDecode(ck.do(anon, "GET", "/consent/"+token+"?lang=en", nil, 200, "Accept", "application/json").Body, &pageEN)
	if len(page.Profile.Experience) == 0 || len(pageEN.Profile.Experience) != len(page.Profile.Experience) ||
		!strings.Contains(pageEN.Profile.Experience[0], "year") || strings.Contains(strings.Join(pageEN.Profile.Experience, " "), " år") {
		t.Fatalf("experience in Danish %q, in English %q", page.Profile.Experience, pageEN.Profile.Experience)
	}
	ck.do(anon, "GET", "/consent/"+strings.Repeat("x", 32), nil, 404, "Accept", "application/json")

	// The answer, once.
	ck.do(anon, "POST", "/consent/"+token, map[string]any{"answer": "maybe"}, 422)
	ck.do(anon, "POST", "/consent/"+token, map[string]any{"answer": "yes_named"}, 200)
	ck.do(anon, "POST", "/consent/"+token, map[string]any{"answer": "no"}, 410)
	ck.do(anon, "GET", "/consent/"+token, nil, 410, "Accept", "application/json")
	// A second answer from the page (a change of mind, a double click)
	// says it was answered, not that the deadline has passed.
	again := anon.Do("POST", "/consent/"+token, []byte("answer=no"), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	if b := string(again.Body); again.StatusCode != 410 || !strings.Contains(b, "Du har allerede svaret") && !strings.Contains(b, "You have already answered") ||
		strings.Contains(b, "Fristen er udløbet") || strings.Contains(b, "deadline has passed") {
		t.Fatalf("a second answer from the page: %d %s", again.StatusCode, again.Body)
	}
	var c1 struct{ ID string }
	env.Sys.Store.Get(ctx, store.ColShortlist, es[0].ID, &c1)
	kons, err := env.Sys.Screening.Consent(ctx, es[0].CandidateID, vid)
	if err != nil || kons.Channel != "digital" || !kons.RevealIdentity || kons.By != "citizen" || kons.Shown == nil ||
		!strings.Contains(strings.Join(kons.Shown.Fields, ","), "name") || kons.Shown.EmployerName != "Als Tømrer ApS" || kons.GivenAt.IsZero() {
		t.Fatalf("consent: %+v %v", kons, err)
	}
	e, _ := env.Sys.Screening.Entry(ctx, es[0].ID)
	if e.Stage != "interested" || e.ConsentRequest.Answer != "yes_named" {
		t.Fatalf("entry after yes: %s %+v", e.Stage, e.ConsentRequest)
	}
	// The third citizen has an interview booked, and answers no: the
	// interview is cancelled in the consultant's name (no member of staff
	// acted, so it stood).
	ivStart := atTen(clk.Now().AddDate(0, 0, 10))
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", "/api/v1/shortlist/"+es[2].ID+"/interviews", map[string]any{"start": ivStart.Format(time.RFC3339), "end": ivStart.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	form := url.Values{"answer": {"no"}}
	res := anon.Do("POST", "/consent/"+tokenNo, []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode != 200 || !strings.Contains(string(res.Body), "The employer will not see your profile") {
		t.Fatalf("form answer: %d %s", res.StatusCode, res.Body)
	}
	if e, _ := env.Sys.Screening.Entry(ctx, es[2].ID); e.Stage != "not_interested" {
		t.Fatalf("entry after no: %s", e.Stage)
	}
	var ivAfter jobmatch.InterviewInvite
	k.Do("GET", "/api/v1/shortlist/"+es[2].ID+"/interviews/"+iv.ID, nil, &ivAfter)
	if ivAfter.Status != "cancelled" {
		t.Errorf("the interview after the citizen's no: %q", ivAfter.Status)
	}

	// Through to the employer's view: interviewed, presented, named.
	moveTo := func(id, to string, extra map[string]any) {
		t.Helper()
		e, _ := env.Sys.Screening.Entry(ctx, id)
		b := map[string]any{"to": to, "version": e.Version}
		for k, v := range extra {
			b[k] = v
		}
		if res := k.Do("POST", "/api/v1/shortlist/"+id+"/transitions", b, nil); res.StatusCode != 200 {
			t.Fatalf("→ %s: %d %s", to, res.StatusCode, res.Body)
		}
	}
	moveTo(es[0].ID, "interviewed", map[string]any{"interview": map[string]any{"date": "2026-03-02", "by": "Karen", "assessment": "Passer godt."}})
	moveTo(es[0].ID, "presented", nil)
	var st statusJSON
	anon.Do("GET", statusPath, nil, &st, "Accept", "application/json")
	if len(st.Presented) != 1 || st.Presented[0]["name"] != "Signe Samtykke" {
		t.Fatalf("employer's view: %+v", st.Presented)
	}

	// The SMS citizen does not answer: one reminder two days before the
	// deadline, and the first link still opens the request.
	if r, err := env.Sys.Daily(ctx); err != nil || r.ConsentReminders != 0 {
		t.Fatalf("reminder too early: %+v %v", r, err)
	}
	clk.Advance(4 * 24 * time.Hour)
	if r, err := env.Sys.Daily(ctx); err != nil || r.ConsentReminders != 1 {
		t.Fatalf("reminder: %+v %v", r, err)
	}
	if r, _ := env.Sys.Daily(ctx); r.ConsentReminders != 0 {
		t.Fatalf("a second reminder: %+v", r)
	}
	admin = env.Login("admin@demo.local")
	rem := mailsOf(outboxOf(t, admin), "consent_reminder_sms")
	if len(rem) != 1 || rem[0].To != "33445566" || tokenOf(rem[0]) == smsToken {
		t.Fatalf("reminders: %+v", rem)
	}
	ck.do(anon, "GET", "/consent/"+smsToken, nil, 200, "Accept", "application/json")
	ck.do(anon, "GET", "/consent/"+tokenOf(rem[0]), nil, 200, "Accept", "application/json")

	// Past the deadline: gone, and on the consultant's worklist.
	clk.Advance(2 * 24 * time.Hour)
	ck.do(anon, "GET", "/consent/"+tokenOf(rem[0]), nil, 410, "Accept", "application/json")
	ck.do(anon, "POST", "/consent/"+smsToken, map[string]any{"answer": "yes"}, 410)
	k = env.Login("konsulent@demo.local")
	var wl struct {
		OverdueConsents []struct {
			EntryID string `json:"entry_id"`
			Name    string
			Channel string
		} `json:"overdue_consents"`
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if len(wl.OverdueConsents) != 1 || wl.OverdueConsents[0].EntryID != es[1].ID || wl.OverdueConsents[0].Name != "Søren Sms" {
		t.Fatalf("worklist: %+v", wl)
	}
	audit, err := env.Sys.Audit.List(ctx, app.ListQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range audit.Items {
		seen[a.Action+"/"+a.Actor] = true
	}
	for _, want := range []string{"consent.request/konsulent@demo.local", "consent.give/citizen", "consent.decline/citizen", "consent.remind/system"} {
		if !seen[want] {
			t.Errorf("no %s in the audit log %v", want, seen)
		}
	}
}

func startWithClock(t *testing.T, clk *clock) *systemtest.Env {
	return systemtest.Start(t, systemtest.Options{Now: clk.Now})
}
