package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobmatch/app/screening"
	"jobmatch/demo"
)

// TestCitizenExport: everything held about a citizen in one JSON document
// — CV, consents, shortlist entries, employer answers, consent links,
// interviews, the match runs that ranked them and every audit line naming
// them (who read the CV, when) — audited itself, and as a printable page.
func TestCitizenExport(t *testing.T) {
	_, router := loadSpec(t)
	clk := newClock()
	env := startWithClock(t, clk)
	ck := &checker{t: t, env: env, router: router}
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	vid, status, es := preScreenVacancy(t, env, k, demo.CVR(89), cv("EX-1", "Tømrer", map[string]any{"name": "Eva Eksport", "skills": []string{"tagarbejde"}}),
		cv("EX-2", "Tømrer", map[string]any{"name": "Anden Borger"}))
	e := es[0]
	k.Do("GET", "/api/v1/candidates/"+e.CandidateID+"?why=samtale", nil, nil)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=10", nil, nil)
	k.Do("POST", "/api/v1/shortlist/"+e.ID+"/consent-request", map[string]any{"channel": "email", "deadline": clk.Now().AddDate(0, 0, 5).Format(time.DateOnly)}, nil)
	k.Do("POST", "/api/v1/candidates/"+e.CandidateID+"/consents", map[string]any{"vacancy_id": vid, "channel": "meeting"}, nil)
	for _, to := range []string{"interested", "interviewed", "presented"} {
		cur, _ := env.Sys.Screening.Entry(ctx, e.ID)
		body := map[string]any{"to": to, "version": cur.Version}
		if to == "interviewed" {
			body["interview"] = map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}
		}
		if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", body, nil); res.StatusCode != 200 {
			t.Fatalf("→ %s: %s", to, res.Body)
		}
	}
	start := atTen(clk.Now().Add(48 * time.Hour))
	k.Do("POST", "/api/v1/shortlist/"+e.ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339), "mode": "employer", "place": "Als Tømrer", "invite": []string{"citizen", "employer"}}, nil)
	env.Client().Do("GET", status, nil, nil, "Accept", "application/json")
	env.Client().Do("POST", status+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "invite_to_interview", "text": "Mandag?"}, nil)

	ck.do(env.Login("hotline@demo.local"), "GET", "/api/v1/candidates/"+e.CandidateID+"/export", nil, 403)
	ck.do(k, "GET", "/api/v1/candidates/nobody/export", nil, 404)
	var x screening.CitizenExport
	res := ck.do(k, "GET", "/api/v1/candidates/"+e.CandidateID+"/export", nil, 200)
	_ = jsonDecode(res.Body, &x)
	if x.Candidate == nil || x.Candidate.Name != "Eva Eksport" || len(x.Consents) != 1 || len(x.ShortlistEntries) != 1 || len(x.EmployerAnswers) != 1 ||
		len(x.ConsentRequests) != 1 || len(x.Interviews) != 1 || len(x.MatchRuns) == 0 || x.MatchRuns[0].Rank == 0 {
		t.Fatalf("export: %s", res.Body)
	}
	if strings.Contains(string(res.Body), es[1].CandidateID) || strings.Contains(string(res.Body), "Anden Borger") {
		t.Fatal("the export names another citizen")
	}
	actions := map[string]bool{}
	for _, a := range x.Audit {
		actions[a.Action+"/"+a.Actor+"/"+a.Reason] = true
	}
	for _, want := range []string{"cv.read/konsulent@demo.local/samtale", "shortlist.add/konsulent@demo.local/", "consent.request/konsulent@demo.local/email", "profile.view/employer:" + demo.CVR(89) + "/"} {
		if !actions[want] {
			t.Errorf("export's audit lacks %s: %v", want, actions)
		}
	}
	// The export is audited itself, and shows in the next export.
	_ = jsonDecode(k.Do("GET", "/api/v1/candidates/"+e.CandidateID+"/export", nil, nil).Body, &x)
	found := false
	for _, a := range x.Audit {
		found = found || a.Action == "cv.export" && a.Actor == "konsulent@demo.local"
	}
	if !found {
		t.Fatal("the export is not in the audit log")
	}
	page := k.Do("GET", "/staff/candidates/"+e.CandidateID+"/export", nil, nil, "Accept", "text/html")
	if page.StatusCode != 200 || !strings.Contains(string(page.Body), "Eva Eksport") || !strings.Contains(string(page.Body), "audit-lines") {
		t.Fatalf("printable page: %d", page.StatusCode)
	}
	// The citizen reads words, not the records' codes and ids: the
	// vacancy's title, the stages, the answer, who read the CV.
	if x.VacancyTitles[vid] == "" || x.StaffNames["konsulent@demo.local"] == "" {
		t.Fatalf("export's names: %v %v", x.VacancyTitles, x.StaffNames)
	}
	doc := string(page.Body)
	doc = doc[strings.Index(doc, `class="export-doc"`):]
	for _, code := range []string{"close_to_job", "invite_to_interview", ">presented", "cv.read", "shortlist.add", "consent.request", "employer:", "konsulent@demo.local", vid, ">meeting", ">email", "(email)"} {
		if strings.Contains(doc, code) {
			t.Errorf("the printable export shows %q", code)
		}
	}
	// All the CV holds (the citizen's right of access): the text about
	// them, the licence, the general consent and how it was given.
	for _, words := range []string{x.VacancyTitles[vid] + ": ", x.StaffNames["konsulent@demo.local"], "præsenteret ·", "Læste CV&#39;et", "samtykkelink sendt på e-mail", "<td>Møde</td>", "Arbejdsgiveren (CVR " + demo.CVR(89) + ")",
		`<dd class="exp-summary" lang="da">Erfaren og stabil.</dd>`, `<dd class="exp-licences">B</dd>`, `<dd class="exp-consent">Ja (møde)</dd>`, "30 km"} {
		if !strings.Contains(doc, words) {
			t.Errorf("the printable export lacks %q", words)
		}
	}
	if cvPage := k.Do("GET", "/staff/candidates/"+e.CandidateID+"?why=test", nil, nil, "Accept", "text/html"); !strings.Contains(string(cvPage.Body), "/export") {
		t.Fatal("the CV page does not offer the export")
	}
}
