package api_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

type entry struct {
	ID, Stage   string
	Version     int64
	CandidateID string `json:"candidate_id"`
	ProfileID   string `json:"profile_id"`
}

type statusJSON struct {
	Status    string
	Presented []map[string]any
}

// TestPreScreeningToHired walks the whole path over the API: shortlist,
// contact, interest, first interview, consent, present; the employer sees
// an anonymised profile on the private link and invites to interview; the
// answer reaches the consultant; hired fills the vacancy. Refused moves,
// stale versions and a withdrawn consent are checked on the way.
func TestPreScreeningToHired(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	var c1, c2 struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("PS-1", "Tømrer", map[string]any{"name": "Hemmelig Hansen", "phone": "22113344",
		"skills": []string{"tagarbejde", "tolk somali-dansk", "halal-slagtning"}, "education": []map[string]any{{"level": "vocational", "field": "tømrer"}},
		"hours": []string{"part"}, "shifts": []string{"day", "weekend"},
		"experience": []map[string]any{{"title": "Tømrer", "employer": "Als Byg ApS", "years": 2}, {"title": "Tømrerlærling", "years": 4},
			{"title": "tømrer", "employer": "Hemmelig Byg ApS", "years": 10.5}}}), &c1)
	k.Do("POST", "/api/v1/candidates", cv("PS-2", "Tømrer", nil), &c2)
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	body := systemtest.VacancyBody(demo.CVR(71))
	body["skills_required"] = []string{"tagarbejde"}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	statusPath := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	// A second tømrer vacancy, whose page ranks the same two.
	var rec2 struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(72)), &rec2); res.StatusCode != http.StatusCreated {
		t.Fatalf("second vacancy: %d %s", res.StatusCode, res.Body)
	}

	var e entry
	if res := k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c1.ID}, &e); res.StatusCode != http.StatusCreated || e.Stage != "suggested" || e.Version != 1 {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	var many struct{ Items []entry }
	k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_ids": []string{c1.ID, c2.ID}}, &many)
	if len(many.Items) != 2 || many.Items[0].ID != e.ID {
		t.Fatalf("bulk shortlist: %+v", many)
	}
	if v, _ := env.Sys.Intake.Vacancy(ctx, rec.ID); v.Status != "screening" {
		t.Fatalf("vacancy after shortlisting: %s", v.Status)
	}
	move := func(to string, extra map[string]any, want int) {
		t.Helper()
		b := map[string]any{"to": to, "version": e.Version, "note": "trin " + to}
		for k, v := range extra {
			b[k] = v
		}
		res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", b, nil)
		if res.StatusCode != want {
			t.Fatalf("→ %s: %d, want %d: %s", to, res.StatusCode, want, res.Body)
		}
		if want == http.StatusOK {
			_ = jsonDecode(res.Body, &e)
		}
	}
	move("presented", nil, http.StatusConflict) // never contacted
	move("contacted", nil, http.StatusOK)
	// Two consultants at once on the same version: one wins, one is told.
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "interested", "version": e.Version}, nil).StatusCode
		}()
	}
	wg.Wait()
	if !(codes[0] == 200 && codes[1] == 409 || codes[0] == 409 && codes[1] == 200) {
		t.Fatalf("concurrent moves: %v", codes)
	}
	e.Version++
	move("interviewed", nil, http.StatusUnprocessableEntity) // no interview
	// An interview held is not one to come.
	move("interviewed", map[string]any{"interview": map[string]any{"date": time.Now().AddDate(0, 1, 0).Format(time.DateOnly), "by": "Karen Konsulent",
		"assessment": "Passer til kravene."}}, http.StatusUnprocessableEntity)
	// The assessment may reach the employer: nothing of family, health or
	// origin ("Hendes mand" became "Vedkommendes mand" on the profile).
	move("interviewed", map[string]any{"interview": map[string]any{"date": "2026-03-02", "by": "Karen Konsulent",
		"assessment": "Erfaren med tagarbejde. Hendes mand bor i Aabenraa."}}, http.StatusUnprocessableEntity)
	move("interviewed", map[string]any{"interview": map[string]any{"date": "2026-03-02", "by": "Karen Konsulent", "notes": "God samtale",
		"assessment": "Hemmelig er erfaren med tagarbejde, kan starte straks. Ring til hende på 22 11 33 44 eller ps-1@example.dk."}}, http.StatusOK)
	move("presented", nil, http.StatusConflict) // no consent yet
	res := k.Do("POST", "/api/v1/candidates/"+c1.ID+"/consents", map[string]any{"vacancy_id": rec.ID, "channel": "phone", "reveal_identity": false}, nil)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("consent: %d %s", res.StatusCode, res.Body)
	}
	move("presented", nil, http.StatusOK)

	// The CV's page says where the citizen is in process: this vacancy,
	// presented.
	if page := string(k.Do("GET", "/staff/candidates/"+c1.ID, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, `<h2 id="cv-processes">På kortlister</h2>`) ||
		!strings.Contains(page, `href="/staff/vacancies/`+rec.ID+`"`) || !strings.Contains(page, `<td class="stage">præsenteret</td>`) ||
		!strings.Contains(page, `<a href="/staff/companies/`+demo.CVR(71)+`">`) {
		t.Errorf("the CV's page does not show the citizen presented on the vacancy: %s", page)
	}

	// The second vacancy's page marks both as in process on the first
	// (suggested is a stage before the end too).
	if page := string(k.Do("GET", "/staff/vacancies/"+rec2.ID, nil, nil, "Accept", "text/html").Body); strings.Count(page, `#cv-processes">i proces på en anden stilling</a>`) != 2 {
		t.Errorf("the second vacancy's page does not mark the two in process on the first: %s", page)
	}

	// The employer's view: anonymised, no name or contact.
	var st statusJSON
	anon := env.Client()
	if res := anon.Do("GET", statusPath, nil, &st, "Accept", "application/json"); res.StatusCode != http.StatusOK || len(st.Presented) != 1 {
		t.Fatalf("status: %d %s", res.StatusCode, res.Body)
	} else if b := string(res.Body); strings.Contains(b, "Hemmelig") || strings.Contains(b, "22113344") || strings.Contains(b, "22 11 33 44") || strings.Contains(b, "ps-1@") || strings.Contains(b, c1.ID) {
		t.Fatalf("the profile shows who it is: %s", b)
	}
	p := st.Presented[0]
	// Nor the consultant's assessment: no phone number, e-mail address or
	// "hende" (the employer never sees the gender).
	if p["profile_id"] != e.ProfileID || p["interview_summary"] != "Kandidaten er erfaren med tagarbejde, kan starte straks. Ring til vedkommende på (telefonnummer fjernet) eller (e-mail fjernet)." || p["distance_band"] == nil {
		t.Fatalf("profile: %v", p)
	}
	if s, _ := p["skills_matched"].([]any); len(s) == 0 {
		t.Fatalf("no matched skills: %v", p)
	}
	// Only the skills asked for, in the JSON as on the page: the CV's
	// others ("tolk somali-dansk") hint at where a person comes from.
	if !sameStrings(p["skills"], "tagarbejde") {
		t.Fatalf("profile skills %v, want only those asked for", p["skills"])
	}
	for _, accept := range []string{"application/json", "text/html"} {
		if b := string(anon.Do("GET", statusPath, nil, nil, "Accept", accept).Body); strings.Contains(b, "somali") || strings.Contains(b, "halal") {
			t.Fatalf("the employer sees a skill not asked for (%s): %s", accept, b)
		}
	}
	// The jobs by title, the years in all, no employer: "Tømrer, 2 år;
	// Tømrer, 10,5 år" traced a path and said no more.
	if !sameStrings(p["experience"], "Tømrer, 12,5 år (2 ansættelser)", "Tømrerlærling, 4 år") {
		t.Fatalf("profile experience %v", p["experience"])
	}
	// In English when English is asked (it came in Danish).
	var en statusJSON
	anon.Do("GET", statusPath, nil, &en, "Accept", "application/json", "Accept-Language", "en")
	if len(en.Presented) != 1 || !sameStrings(en.Presented[0]["experience"], "Tømrer, 12.5 years (2 jobs)", "Tømrerlærling, 4 years") {
		t.Fatalf("profile experience in English: %v", en.Presented)
	}
	if page := unmarked(string(anon.Do("GET", statusPath, nil, nil, "Accept", "text/html").Body)); !strings.Contains(page, "Tømrer, 12,5 år (2 ansættelser); Tømrerlærling, 4 år") || strings.Contains(page, "Byg ApS") {
		t.Fatalf("the employer's page does not show the jobs by title: %s", page)
	}
	// The working time the citizen wants: what an employer asks first.
	if !sameStrings(p["hours"], "part") || !sameStrings(p["shifts"], "day", "weekend") {
		t.Fatalf("profile hours %v, shifts %v", p["hours"], p["shifts"])
	}
	if page := string(anon.Do("GET", statusPath, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, `<dd class="hours">Deltid</dd>`) || !strings.Contains(page, `<dd class="shifts">Dag, weekend</dd>`) {
		t.Fatalf("the employer's page does not show the working time")
	}
	var box struct {
		Items []struct{ Kind, To, Body string }
	}
	env.Outbox(&box)
	if box.Items[0].Kind != "candidates_presented" || !strings.Contains(box.Items[0].Body, statusPath) {
		t.Fatalf("employer not told: %+v", box.Items[0])
	}
	// The mail names the fixed contact person, as the receipt does: whom
	// to call about a candidate.
	var link struct {
		ContactPerson struct{ Name, Phone, Email string } `json:"contact_person"`
	}
	anon.Do("GET", statusPath, nil, &link, "Accept", "application/json")
	if cp := link.ContactPerson; cp.Name == "" || !strings.Contains(box.Items[0].Body, "Din faste kontaktperson: "+cp.Name+", "+cp.Phone+", "+cp.Email) ||
		!strings.Contains(box.Items[0].Body, "Your fixed contact person: "+cp.Name) {
		t.Fatalf("the presented mail does not name the contact person %+v:\n%s", cp, box.Items[0].Body)
	}

	// Withdrawn consent hides the person at once; renewed, they are back.
	k.Do("DELETE", "/api/v1/candidates/"+c1.ID+"/consents/"+rec.ID, nil, nil)
	anon.Do("GET", statusPath, nil, &st, "Accept", "application/json")
	if len(st.Presented) != 0 {
		t.Fatalf("shown after the consent was withdrawn: %v", st.Presented)
	}
	k.Do("POST", "/api/v1/candidates/"+c1.ID+"/consents", map[string]any{"vacancy_id": rec.ID, "channel": "meeting", "reveal_identity": true}, nil)
	anon.Do("GET", statusPath, nil, &st, "Accept", "application/json")
	if len(st.Presented) != 1 || st.Presented[0]["name"] != "Hemmelig Hansen" {
		t.Fatalf("with reveal_identity: %v", st.Presented)
	}
	// The education as the CV words it, not the level's code.
	if ed := fmt.Sprint(st.Presented[0]["education"]); ed != "[tømrer]" {
		t.Fatalf("the employer sees the education as %s, want [tømrer]", ed)
	}

	// The employer answers.
	if res := anon.Do("POST", statusPath+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "not_relevant"}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("not relevant without a reason: %d", res.StatusCode)
	}
	if res := anon.Do("POST", statusPath+"/answers", map[string]any{"profile_id": "nobody", "answer": "invite_to_interview"}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("unknown profile: %d", res.StatusCode)
	}
	// From the page: a question without its text, or with a CPR number in
	// it, shows the page again with the form open, the text kept and the
	// error at its field (it was a bare "Fejl 422" page, the text lost).
	for _, text := range []string{"", "Er det 010190-1234?"} {
		form := url.Values{"profile_id": {e.ProfileID}, "answer": {"question"}, "text": {text}}
		res := anon.Do("POST", statusPath+"/answers", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
		page := html.UnescapeString(string(res.Body))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Svaret er ikke sendt") || !strings.Contains(page, "<details open>") ||
			!strings.Contains(page, `id="e-text-`+e.ProfileID+`"`) || !strings.Contains(page, ">"+text+"</textarea>") || !strings.Contains(page, `class="profile card-profile"`) {
			t.Fatalf("question %q from the page: %d\n%s", text, res.StatusCode, page)
		}
	}
	// From the page, on a profile withdrawn after it was loaded: the page
	// again with the refusal above it (the click did nothing, silently).
	form := url.Values{"profile_id": {"nobody"}, "answer": {"invite_to_interview"}}
	if res := anon.Do("POST", statusPath+"/answers", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a withdrawn profile from the page: %d %s", res.StatusCode, res.Body)
	}
	if page := html.UnescapeString(string(anon.Do("GET", statusPath, nil, nil, "Accept", "text/html").Body)); !strings.Contains(page, `class="alert alert-error" role="alert"`) ||
		!strings.Contains(page, "Kandidaten vises ikke længere") || !strings.Contains(page, "Siden viser nu de kandidater") {
		t.Fatalf("the page after answering on a withdrawn profile:\n%s", page)
	}
	if res := anon.Do("POST", statusPath+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "invite_to_interview", "text": "Tirsdag kl. 10?"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("answer: %d %s", res.StatusCode, res.Body)
	}
	admin.Do("GET", "/api/v1/outbox", nil, &box)
	if box.Items[0].Kind != "employer_answer" || box.Items[0].To != "konsulent@demo.local" && !strings.Contains(box.Items[0].To, "@demo.local") {
		t.Fatalf("consultant not told: %+v", box.Items[0])
	}
	// The mail says what, about whom, in words.
	if b := box.Items[0].Body; !strings.Contains(b, "»Inviter til samtale« om Hemmelig Hansen") || !strings.Contains(b, "Tirsdag kl. 10?") || strings.Contains(b, "invite_to_interview") {
		t.Fatalf("the consultant's mail: %s", b)
	}
	var wl struct {
		EmployerAnswers []struct {
			Name   string
			Answer struct{ Answer, Text string }
		} `json:"employer_answers"`
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if len(wl.EmployerAnswers) != 1 || wl.EmployerAnswers[0].Name != "Hemmelig Hansen" || wl.EmployerAnswers[0].Answer.Answer != "invite_to_interview" {
		t.Fatalf("worklist: %+v", wl)
	}
	var list struct{ Items []map[string]any }
	k.Do("GET", "/api/v1/vacancies/"+rec.ID+"/shortlist", nil, &list)
	if len(list.Items) != 2 || list.Items[0]["stage"] != "suggested" || list.Items[1]["employer_answers"] == nil || list.Items[1]["name"] != "Hemmelig Hansen" {
		t.Fatalf("shortlist after the answer: %v", list.Items)
	}

	// An interview still to come when the citizen is hired is cancelled:
	// it has nothing left to decide.
	ivStart := atTen(time.Now().AddDate(0, 0, 10))
	var iv struct{ ID, Status string }
	if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/interviews", map[string]any{"start": ivStart.Format(time.RFC3339), "end": ivStart.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	move("hired", nil, http.StatusOK)
	if k.Do("GET", "/api/v1/shortlist/"+e.ID+"/interviews/"+iv.ID, nil, &iv); iv.Status != "cancelled" {
		t.Errorf("the interview to come after the hire: %q", iv.Status)
	}
	move("withdrawn", nil, http.StatusConflict) // hired is final
	if v, _ := env.Sys.Intake.Vacancy(ctx, rec.ID); v.Status != "filled" || !v.FilledByPresented {
		t.Fatalf("vacancy after hiring: %s %v", v.Status, v.FilledByPresented)
	}
	// Another tømrer vacancy ranks the citizen hired on this one marked
	// so; the other candidate, only shortlisted here, was in process while
	// the vacancy was open and is no longer (a filled vacancy's process has
	// ended).
	if page := string(k.Do("GET", "/staff/vacancies/"+rec2.ID, nil, nil, "Accept", "text/html").Body); strings.Count(page, `class="badge busy"`) != 1 ||
		!strings.Contains(page, `href="/staff/candidates/`+c1.ID+`?why=match&amp;vacancy=`+rec2.ID+`#cv-processes">ansat via jobcentret</a>`) {
		t.Errorf("the second vacancy's page does not mark the one hired on the first alone: %s", page)
	}
	// The CV search marks them too: the one hired, and the other once
	// shortlisted for the second vacancy (open), in process there; a
	// third, in no process, is not marked.
	var c3 struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("PS-3", "Tømrer", nil), &c3)
	waitSearch(t, k, "q=PS-3", 1)
	if res := k.Do("POST", "/api/v1/vacancies/"+rec2.ID+"/shortlist", map[string]any{"candidate_id": c2.ID}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist on the second vacancy: %d %s", res.StatusCode, res.Body)
	}
	if page := string(k.Do("GET", "/staff/candidates?q=t%C3%B8mrer", nil, nil, "Accept", "text/html").Body); strings.Count(page, `class="badge busy"`) != 2 ||
		!strings.Contains(page, `href="/staff/candidates/`+c1.ID+`?why=search#cv-processes">ansat via jobcentret</a>`) ||
		!strings.Contains(page, `href="/staff/candidates/`+c2.ID+`?why=search#cv-processes">i proces på en stilling</a>`) {
		t.Errorf("the search's hits are not marked hired and in process: %s", page)
	} else {
		// The hired one's line of facts does not say "Ledig nu"; the
		// others' do.
		hit := func(id string) string {
			at := strings.Index(page, `<a href="/staff/candidates/`+id+`?why=search" class="hit-name">`)
			if at < 0 {
				return ""
			}
			end := strings.Index(page[at:], "</li>")
			return page[at : at+end]
		}
		if h := hit(c1.ID); strings.Contains(h, "Ledig nu") || !strings.Contains(h, "hit-facts") {
			t.Errorf("the hired one's hit says Ledig nu: %s", h)
		}
		if h := hit(c3.ID); !strings.Contains(h, "Ledig nu") {
			t.Errorf("the third's hit does not say Ledig nu: %s", h)
		}
	}

	// The CV's shortlists say the employer's answer.
	if page := string(k.Do("GET", "/staff/candidates/"+c1.ID, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, `<span class="employer-answer muted">Virksomheden: Inviter til samtale</span>`) {
		t.Errorf("the CV's page does not say the employer's answer: %s", page)
	}
	// The CV says the hire, and asks for the CV to be brought up to date.
	// Not "Ledig nu" beside it, as the match list and the search say.
	if page := string(k.Do("GET", "/staff/candidates/"+c1.ID, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, "Ansat via jobcentret som tømrer hos ") ||
		!strings.Contains(page, `<dd class="can-start">Ansat via jobcentret – ikke ledig nu</dd>`) {
		t.Errorf("the CV's page does not say the hire: %s", page)
	}
	var audit struct{ Items []struct{ Action string } }
	admin.Do("GET", "/api/v1/audit?limit=100", nil, &audit)
	seen := map[string]bool{}
	for _, a := range audit.Items {
		seen[a.Action] = true
	}
	for _, want := range []string{"shortlist.add", "shortlist.contacted", "shortlist.presented", "shortlist.hired", "consent.give", "consent.withdraw", "profile.view", "employer.answer"} {
		if !seen[want] {
			t.Errorf("no %s in the audit log", want)
		}
	}

	// Revoked, the link is gone.
	if res := k.Do("DELETE", "/api/v1/vacancies/"+rec.ID+"/status-link", nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	if res := anon.Do("GET", statusPath, nil, nil, "Accept", "application/json"); res.StatusCode != http.StatusGone {
		t.Fatalf("revoked link: %d", res.StatusCode)
	}
	// The page of a closed link says whom to ask (it was a bare "Fejl
	// 410"), and nothing of the vacancy or its candidates.
	res = anon.Do("GET", statusPath, nil, nil, "Accept", "text/html")
	if page := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusGone || !strings.Contains(page, "Linket er lukket") ||
		!strings.Contains(page, `class="cp-email" href="mailto:`) || strings.Contains(page, "Hemmelig") || strings.Contains(page, "Tømrer, 12,5 år") {
		t.Fatalf("the closed link's page: %d\n%s", res.StatusCode, page)
	}
}

// TestPositionsFilledAndAnErasedCitizenLeavesTheShortlist: a vacancy for
// two is filled at the second hire, not the first; a filled vacancy takes
// nobody further (presenting on it mailed the employer) though a process
// on it may still end; and an erased citizen leaves the shortlist with
// the consultant's assessment of them (it stayed, and could be moved).
func TestPositionsFilledAndAnErasedCitizenLeavesTheShortlist(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.NormalizeSkill("tagarbejde")
	body := systemtest.VacancyBody(demo.CVR(75))
	body["positions"] = 2
	body["skills_required"], body["skills_desired"] = []string{}, []string{} // none asked
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var ids []string
	names := []string{"Anna Første", "Bent Anden", "Carl Tredje"}
	for i, name := range names {
		var c struct{ ID string }
		if res := k.Do("POST", "/api/v1/candidates", cv(fmt.Sprintf("PF-%d", i), "Tømrer", map[string]any{"name": name}), &c); res.StatusCode != http.StatusCreated {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
		var e entry
		if res := k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
			t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
		}
		ids = append(ids, c.ID)
	}
	entryID := func(i int) string { return rec.ID + ":" + ids[i] }
	move := func(i int, to string, extra map[string]any) *systemtest.Response {
		t.Helper()
		e, err := env.Sys.Screening.Entry(ctx, entryID(i))
		if err != nil {
			t.Fatal(err)
		}
		b := map[string]any{"to": to, "version": e.Version}
		for k, v := range extra {
			b[k] = v
		}
		return k.Do("POST", "/api/v1/shortlist/"+entryID(i)+"/transitions", b, nil)
	}
	hire := func(i int) {
		t.Helper()
		for _, to := range []string{"contacted", "interested", "interviewed", "presented", "hired"} {
			var extra map[string]any
			switch to {
			case "interviewed":
				extra = map[string]any{"interview": map[string]any{"date": "2026-03-02", "by": "Karen", "assessment": strings.Fields(names[i])[0] + " er stærk i tagarbejde."}}
			case "presented":
				if res := k.Do("POST", "/api/v1/candidates/"+ids[i]+"/consents", map[string]any{"vacancy_id": rec.ID, "channel": "phone"}, nil); res.StatusCode != http.StatusCreated {
					t.Fatalf("consent: %d %s", res.StatusCode, res.Body)
				}
			}
			if res := move(i, to, extra); res.StatusCode != http.StatusOK {
				t.Fatalf("%d → %s: %d %s", i, to, res.StatusCode, res.Body)
			}
		}
	}
	// Carl is asked for his consent by link before the vacancy fills.
	if res := k.Do("POST", "/api/v1/shortlist/"+entryID(2)+"/consent-request", map[string]any{"channel": "email", "deadline": time.Now().AddDate(0, 0, 5).Format(time.DateOnly)}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent request: %d %s", res.StatusCode, res.Body)
	}
	hire(0)
	if v, _ := env.Sys.Intake.Vacancy(ctx, rec.ID); v.Status.Ended() {
		t.Fatalf("a vacancy for two filled at the first hire: %s", v.Status)
	}
	hire(1)
	if v, _ := env.Sys.Intake.Vacancy(ctx, rec.ID); v.Status != "filled" {
		t.Fatalf("a vacancy for two after the second hire: %s", v.Status)
	}
	res := move(2, "interested", nil) // contacted by the consent link
	if res.StatusCode != http.StatusConflict || res.Problem(t).Code != "vacancy_closed" {
		t.Fatalf("moved on a filled vacancy: %d %s", res.StatusCode, res.Body)
	}
	if res := move(2, "withdrawn", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("a process on a filled vacancy may end: %d %s", res.StatusCode, res.Body)
	}
	// The employer of a filled vacancy is asked to answer no more (an
	// invitation to interview someone hired was taken).
	statusPath := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	var st statusJSON
	env.Client().Do("GET", statusPath, nil, &st, "Accept", "application/json")
	if len(st.Presented) == 0 {
		t.Fatal("no presented profiles on the filled vacancy's link")
	}
	pid, _ := st.Presented[0]["profile_id"].(string)
	if res := env.Client().Do("POST", statusPath+"/answers", map[string]any{"profile_id": pid, "answer": "invite_to_interview"}, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("an answer on a filled vacancy: %d %s", res.StatusCode, res.Body)
	}
	if page := string(env.Client().Do("GET", statusPath, nil, nil, "Accept", "text/html").Body); strings.Contains(page, `class="answer-form"`) {
		t.Fatal("the filled vacancy's page still asks for answers")
	} else if strings.Contains(page, `class="skills-matched"`) {
		// No skills asked: no "none of the skills you asked for".
		t.Fatal("the page says which of no skills asked the candidates hold")
	}
	// A link checker's HEAD records no employer viewing the profiles.
	views := func() int {
		var a struct{ Items []struct{ Action string } }
		env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &a)
		n := 0
		for _, it := range a.Items {
			if it.Action == "profile.view" {
				n++
			}
		}
		return n
	}
	before := views()
	if res := env.Client().Do("HEAD", statusPath, nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("HEAD on the status link: %d", res.StatusCode)
	}
	if v := views(); v != before {
		t.Fatalf("a HEAD was audited as a view: %d → %d", before, v)
	}
	// Numbers stay with the person: Anna's consent withdrawn, Bent is
	// still "Kandidat 2" (he became "Kandidat 1", the one the employer
	// had phoned about before).
	if len(st.Presented) != 2 {
		t.Fatalf("presented: %v", st.Presented)
	}
	k.Do("DELETE", "/api/v1/candidates/"+ids[0]+"/consents/"+rec.ID, nil, nil)
	var after statusJSON
	env.Client().Do("GET", statusPath, nil, &after, "Accept", "application/json")
	if len(after.Presented) != 1 || after.Presented[0]["number"] != float64(2) {
		t.Fatalf("after Anna's consent was withdrawn: %v", after.Presented)
	}
	// Carl's link no longer asks (a "ja" was recorded for a job taken).
	mails := mailsOf(outboxOf(t, env.Login("admin@demo.local")), "consent_request_email")
	if len(mails) != 1 {
		t.Fatalf("consent mails: %d", len(mails))
	}
	token := consentLink.FindStringSubmatch(mails[0].Body)[1]
	if res := env.Client().Do("GET", "/consent/"+token, nil, nil, "Accept", "text/html", "Accept-Language", "da"); res.StatusCode != http.StatusGone ||
		!strings.Contains(string(res.Body), "Stillingen er besat eller lukket") {
		t.Fatalf("a consent link of the filled vacancy: %d %s", res.StatusCode, res.Body)
	}

	// Anna is erased: her entry, and the assessment of her, are gone; the
	// figures keep the hire.
	if res := k.Do("DELETE", "/api/v1/candidates/"+ids[0]+"?why=sletning", nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("erase: %d %s", res.StatusCode, res.Body)
	}
	list := k.Do("GET", "/api/v1/vacancies/"+rec.ID+"/shortlist", nil, nil)
	if b := string(list.Body); list.StatusCode != http.StatusOK || strings.Contains(b, ids[0]) || strings.Contains(b, "Anna") || !strings.Contains(b, ids[1]) {
		t.Fatalf("the shortlist after the erasure: %d %s", list.StatusCode, list.Body)
	}
	if res := k.Do("POST", "/api/v1/shortlist/"+entryID(0)+"/transitions", map[string]any{"to": "withdrawn", "version": 6}, nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("the erased citizen's entry moved: %d %s", res.StatusCode, res.Body)
	}
	if _, err := env.Sys.Screening.Consent(ctx, ids[0], rec.ID); err == nil {
		t.Fatal("the erased citizen's consent is kept")
	}
	// Bent is still "Kandidat 2": the erased Anna, presented first, is
	// counted (he became "Kandidat 1", and the employer who talks of
	// "Kandidat 1" means Anna).
	after = statusJSON{}
	env.Client().Do("GET", statusPath, nil, &after, "Accept", "application/json")
	if len(after.Presented) != 1 || after.Presented[0]["number"] != float64(2) {
		t.Fatalf("after Anna was erased: %v", after.Presented)
	}
	if page := string(env.Client().Do("GET", statusPath, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, "Kandidat 2") || strings.Contains(page, "Kandidat 1") {
		t.Fatalf("the employer's page after Anna was erased: %s", page)
	}

	// An interview still to come is cancelled at the erasure, and the
	// invited told (the employer and the consultant kept a calendar
	// invitation for a person erased).
	var d struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("PF-9", "Tømrer", map[string]any{"name": "Dorte Fjerde"}), &d)
	body2 := systemtest.VacancyBody(demo.CVR(79))
	var rec2 struct{ ID string }
	env.Client().Do("POST", "/api/v1/vacancies", body2, &rec2)
	k.Do("POST", "/api/v1/vacancies/"+rec2.ID+"/shortlist", map[string]any{"candidate_id": d.ID}, nil)
	eid := rec2.ID + ":" + d.ID
	k.Do("POST", "/api/v1/shortlist/"+eid+"/transitions", map[string]any{"to": "contacted", "version": 1}, nil)
	start := atTen(time.Now().AddDate(0, 0, 7))
	if res := k.Do("POST", "/api/v1/shortlist/"+eid+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("DELETE", "/api/v1/candidates/"+d.ID+"?why=sletning", nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("erase: %d %s", res.StatusCode, res.Body)
	}
	if cm := mailsOf(outboxOf(t, env.Login("admin@demo.local")), "interview_cancel"); len(cm) == 0 {
		t.Fatal("the erased citizen's interview to come was not cancelled")
	}
}

// TestRowButtonShortlistsItsOwnCandidate: a ranked candidate's own
// "Sæt på kortlisten" shares the form of the ticked boxes; it put every
// ticked one on the list with its own ("2 sat på kortlisten").
func TestRowButtonShortlistsItsOwnCandidate(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var a, b struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("RB-1", "Tømrer", nil), &a)
	k.Do("POST", "/api/v1/candidates", cv("RB-2", "Tømrer", nil), &b)
	waitSearch(t, k, "q=RB-2", 1)
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(76)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	page := html.UnescapeString(string(k.Do("GET", "/staff/vacancies/"+rec.ID, nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(page, `name="one" value="`+b.ID+`" class="button button-secondary shortlist-add"`) ||
		!strings.Contains(page, `name="candidate_id" value="`+a.ID+`" form="bulk-shortlist"`) {
		t.Fatalf("the ranked candidates' buttons and boxes: %s", page)
	}
	_, rest, _ := strings.Cut(page, `name="_csrf" value="`)
	csrf, _, _ := strings.Cut(rest, `"`)
	// A ticked, B's own button pressed.
	form := url.Values{"_csrf": {csrf}, "candidate_id": {a.ID}, "one": {b.ID}}
	if res := k.Do("POST", "/staff/vacancies/"+rec.ID+"/shortlist", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the row's button: %d %s", res.StatusCode, res.Body)
	}
	var list struct {
		Items []struct {
			CandidateID string `json:"candidate_id"`
		}
	}
	k.Do("GET", "/api/v1/vacancies/"+rec.ID+"/shortlist", nil, &list)
	if len(list.Items) != 1 || list.Items[0].CandidateID != b.ID {
		t.Fatalf("on the list after B's own button with A ticked: %+v", list.Items)
	}

	// A step refused (a CPR number in the assessment) comes back with
	// what was typed (all of it was wiped).
	id := rec.ID + ":" + b.ID
	for v, to := range []string{"contacted", "interested"} {
		if res := k.Do("POST", "/api/v1/shortlist/"+id+"/transitions", map[string]any{"to": to, "version": v + 1}, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("→ %s: %d %s", to, res.StatusCode, res.Body)
		}
	}
	form = url.Values{"_csrf": {csrf}, "version": {"3"}, "vacancy_id": {rec.ID}, "candidate_id": {b.ID}, "to": {"interviewed"}, "note": {"Samtale i dag"},
		"interview_date": {"2026-03-02"}, "interview_by": {"Karen K"}, "assessment": {"Stærk på tagarbejde, cpr 010190-1234"}, "interview_notes": {"Noter om løn"}}
	if res := k.Do("POST", "/staff/shortlist/"+id+"/move", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the refused step: %d %s", res.StatusCode, res.Body)
	}
	page = html.UnescapeString(string(k.Do("GET", "/staff/vacancies/"+rec.ID, nil, nil, "Accept", "text/html").Body))
	for _, want := range []string{`<option value="interviewed" selected>`, `value="Samtale i dag"`, `value="2026-03-02"`, `value="Karen K"`,
		`aria-invalid="true" aria-describedby="msg-sl-` + b.ID + `">Stærk på tagarbejde, cpr 010190-1234</textarea>`, `rows="2">Noter om løn</textarea>`} {
		if !strings.Contains(page, want) {
			t.Fatalf("after the refused step the form lacks %s:\n%s", want, page)
		}
	}
	// Once: the next visit has the form empty again.
	if page := string(k.Do("GET", "/staff/vacancies/"+rec.ID, nil, nil, "Accept", "text/html").Body); strings.Contains(page, "Noter om løn") {
		t.Fatal("the kept form outlives its page")
	}
}
