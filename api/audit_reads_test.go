package api_test

import (
	"html"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

type auditLine struct {
	Actor, Action string
	Subjects      []string
	VacancyID     string `json:"vacancy_id"`
	MatchRunID    string `json:"match_run_id"`
}

// auditLines reads the audit log as an admin, newest first.
func auditLines(t *testing.T, env *systemtest.Env) []auditLine {
	t.Helper()
	var audit struct {
		Items []auditLine `json:"items"`
	}
	if res := env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &audit); res.StatusCode != http.StatusOK {
		t.Fatalf("audit: %d %s", res.StatusCode, res.Body)
	}
	return audit.Items
}

// TestReadsAreAudited: every read that shows what concerns a citizen is in
// the audit log with who read it and whom it concerned: a vacancy's
// shortlist (names, notes), an entry's interviews and one interview's
// calendar file (name, e-mail, place, time), the match runs that say
// whom the matcher put first, and the consultant's worklist when it names
// citizens.
func TestReadsAreAudited(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(84), cv("AR-1", "Tømrer", map[string]any{"name": "Aske Audit", "email": "aske@example.dk"}))
	cid := es[0].CandidateID
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", "/api/v1/shortlist/"+es[0].ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339),
		"end": start.Add(time.Hour).Format(time.RFC3339), "mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	var run struct {
		MatchRunID string `json:"match_run_id"`
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &run); res.StatusCode != http.StatusOK || run.MatchRunID == "" {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	before := len(auditLines(t, env))

	reads := []struct{ path, action string }{
		{"/api/v1/vacancies/" + vid + "/shortlist", "shortlist.read"},
		{"/api/v1/shortlist/" + es[0].ID + "/interviews", "interview.read"},
		{"/api/v1/shortlist/" + es[0].ID + "/interviews/" + iv.ID, "interview.read"},
		{"/api/v1/shortlist/" + es[0].ID + "/interviews/" + iv.ID + ".ics", "interview.read"},
		{"/api/v1/match-runs/" + run.MatchRunID, "match_run.read"},
		{"/api/v1/vacancies/" + vid + "/match-runs", "match_run.read"},
		{"/api/v1/worklist", "worklist.read"}, // the interview to come names the citizen
	}
	for i, r := range reads {
		if res := k.Do("GET", r.path, nil, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", r.path, res.StatusCode, res.Body)
		}
		lines := auditLines(t, env)
		if len(lines) != before+i+1 {
			t.Fatalf("%s: %d audit lines, want %d (one more)", r.path, len(lines), before+i+1)
		}
		got := lines[0]
		if got.Actor != "konsulent@demo.local" || got.Action != r.action || (got.VacancyID != vid && r.action != "worklist.read") || !slices.Contains(got.Subjects, cid) {
			t.Errorf("%s: audit line %+v, want %s by konsulent@demo.local about %s at vacancy %s", r.path, got, r.action, cid, vid)
		}
	}
	// A reader without the right reads nothing and leaves no line.
	if res := env.Login("hotline@demo.local").Do("GET", "/api/v1/vacancies/"+vid+"/shortlist", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline reading a shortlist: %d", res.StatusCode)
	}
	if n := len(auditLines(t, env)); n != before+len(reads) {
		t.Errorf("%d audit lines after a refused read, want %d", n, before+len(reads))
	}
}

// TestCVReadFromAVacancySaysWhy: a CV opened from a vacancy's matches or
// shortlist is audited with why and for which vacancy (every page read
// said "page", no vacancy), as the link on the vacancy's page says.
func TestCVReadFromAVacancySaysWhy(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(84), cv("AR-2", "Tømrer", map[string]any{"name": "Asta Audit"}))
	cid := es[0].CandidateID
	page := string(k.Do("GET", "/staff/vacancies/"+vid, nil, nil, "Accept", "text/html").Body)
	m := regexp.MustCompile(`href="(/staff/candidates/` + cid + `\?why=shortlist[^"#]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the vacancy's page has no shortlist link to the CV")
	}
	if res := k.Do("GET", html.UnescapeString(m[1]), nil, nil, "Accept", "text/html"); res.StatusCode != http.StatusOK {
		t.Fatalf("CV page: %d", res.StatusCode)
	}
	var audit struct {
		Items []struct {
			Action, Reason string
			VacancyID      string `json:"vacancy_id"`
		} `json:"items"`
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=5", nil, &audit)
	i := slices.IndexFunc(audit.Items, func(l struct {
		Action, Reason string
		VacancyID      string `json:"vacancy_id"`
	}) bool {
		return l.Action == "cv.read"
	})
	if i < 0 || audit.Items[i].Reason != "shortlist" || audit.Items[i].VacancyID != vid {
		t.Fatalf("the read's audit line: %+v, want cv.read for the shortlist of %s", audit.Items, vid)
	}
}

// TestOutboxReadIsAudited: an admin reading the outbox (citizens'
// addresses, what was written to them) leaves an audit line, as every read
// of what concerns a citizen does.
func TestOutboxReadIsAudited(t *testing.T) {
	env := systemtest.Start(t)
	before := len(auditLines(t, env))
	if res := env.Login("admin@demo.local").Do("GET", "/api/v1/outbox?limit=5", nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("outbox: %d %s", res.StatusCode, res.Body)
	}
	lines := auditLines(t, env)
	if len(lines) != before+1 {
		t.Fatalf("%d audit lines after reading the outbox, want %d (one more)", len(lines), before+1)
	}
	if lines[0].Actor != "admin@demo.local" || lines[0].Action != "outbox.read" {
		t.Fatalf("newest audit line %+v: want outbox.read by admin@demo.local", lines[0])
	}
}
