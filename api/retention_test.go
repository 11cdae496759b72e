package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/screening"
	"jobmatch/demo"
	"jobmatch/store"
)

// TestDataMinimisation: the daily job erases exactly the pre-screening of
// vacancies closed longer than the retention period ago — entries with
// interview notes and employer answers, consents, consent links, interview
// invitations — keeps anonymous counts the figures agree with, leaves open
// and recently closed vacancies alone, keeps match runs six months and then
// erases them, and writes it all in the audit log.
func TestDataMinimisation(t *testing.T) {
	clk := newClock()
	env := startWithClock(t, clk)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	vA, statusA, a := preScreenVacancy(t, env, k, demo.CVR(87),
		cv("RM-1", "Tømrer", map[string]any{"target_group": "refugee_family_reunified", "skills": []string{"tagarbejde"}}),
		cv("RM-2", "Tømrer", nil))
	vB, _, b := preScreenVacancy(t, env, k, demo.CVR(87), cv("RM-3", "Tømrer", nil))
	vC, _, c := preScreenVacancy(t, env, k, demo.CVR(87), cv("RM-4", "Tømrer", nil))
	move := func(e entry, to string) {
		t.Helper()
		cur, _ := env.Sys.Screening.Entry(ctx, e.ID)
		body := map[string]any{"to": to, "version": cur.Version}
		if to == "interviewed" {
			body["interview"] = map[string]any{"date": "2026-03-03", "by": "Karen", "notes": "Fortrolige noter", "assessment": "Passer til kravene."}
		}
		if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", body, nil); res.StatusCode != 200 {
			t.Fatalf("→ %s: %s", to, res.Body)
		}
	}
	// A: the first citizen goes all the way, with an interview invitation,
	// a consent and an employer's answer; the second gets a consent link.
	k.Do("POST", "/api/v1/candidates/"+a[0].CandidateID+"/consents", map[string]any{"vacancy_id": vA, "channel": "meeting"}, nil)
	move(a[0], "contacted")
	move(a[0], "interested")
	start := atTen(clk.Now().Add(72 * time.Hour))
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", "/api/v1/shortlist/"+a[0].ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != 201 {
		t.Fatalf("interview: %s", res.Body)
	}
	move(a[0], "interviewed")
	move(a[0], "presented")
	if res := env.Client().Do("POST", statusA+"/answers", map[string]any{"profile_id": a[0].ProfileID, "answer": "question", "text": "Kørekort?"}, nil); res.StatusCode != 201 {
		t.Fatalf("answer: %s", res.Body)
	}
	if res := k.Do("POST", "/api/v1/shortlist/"+a[1].ID+"/consent-request", map[string]any{"channel": "email", "deadline": clk.Now().AddDate(0, 0, 5).Format(time.DateOnly)}, nil); res.StatusCode != 201 {
		t.Fatalf("consent request: %s", res.Body)
	}
	token := consentLink.FindStringSubmatch(mailsOf(outboxOf(t, env.Login("admin@demo.local")), "consent_request_email")[0].Body)[1]
	move(a[0], "hired") // fills A
	// B stays open with a consent; a match run on B.
	k.Do("POST", "/api/v1/candidates/"+b[0].CandidateID+"/consents", map[string]any{"vacancy_id": vB, "channel": "meeting"}, nil)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	var page struct {
		MatchRunID string `json:"match_run_id"`
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+vB+"/matches?limit=5", nil, &page); res.StatusCode != 200 || page.MatchRunID == "" {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}

	// 100 days on, C closes; 181 days after A closed, the daily job runs.
	clk.Advance(100 * 24 * time.Hour)
	k = env.Login("konsulent@demo.local")
	vc, _ := env.Sys.Intake.Vacancy(ctx, vC)
	if res := env.Login(vc.ConsultantID).Do("PATCH", "/api/v1/vacancies/"+vC, map[string]any{"status": "closed"}, nil); res.StatusCode != 200 {
		t.Fatalf("close C: %s", res.Body)
	}
	clk.Advance(81 * 24 * time.Hour)
	r, err := env.Sys.Daily(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep := r.Retention.(screening.RetentionReport)
	if rep != (screening.RetentionReport{Vacancies: 1, Entries: 2, Consents: 1, ConsentRequests: 1, Interviews: 1}) {
		t.Fatalf("retention: %+v", rep)
	}
	gone := func(col, id string) bool {
		var x bson.M
		return errors.Is(env.Sys.Store.Get(ctx, col, id, &x), jobmatch.ErrNotFound)
	}
	for _, e := range a {
		if !gone(store.ColShortlist, e.ID) {
			t.Errorf("entry %s of the closed vacancy kept", e.ID)
		}
	}
	if !gone(store.ColConsents, a[0].CandidateID+":"+vA) || !gone(store.ColInterviews, iv.ID) {
		t.Error("consent or interview of the closed vacancy kept")
	}
	if res := env.Client().Do("GET", "/consent/"+token, nil, nil, "Accept", "application/json"); res.StatusCode != 404 {
		t.Errorf("consent link after erasure: %d", res.StatusCode)
	}
	// What is left of A names nobody and keeps the steps.
	anon := 0
	err = store.Each(ctx, env.Sys.Store, store.ColShortlist, func(e *jobmatch.ShortlistEntry) error {
		if e.VacancyID != vA {
			return nil
		}
		anon++
		if !strings.HasPrefix(e.ID, "anon:") || e.CandidateID != "" || e.ProfileID != "" || e.Interview != nil || len(e.Answers) != 0 || e.ConsentRequest != nil || len(e.Steps) == 0 {
			t.Errorf("anonymous entry keeps too much: %+v", e)
		}
		for _, s := range e.Steps {
			if s.By != "" || s.Note != "" {
				t.Errorf("step keeps who or a note: %+v", s)
			}
		}
		return nil
	})
	if err != nil || anon != 2 {
		t.Fatalf("anonymous entries of A: %d %v", anon, err)
	}
	// The open vacancy and the recently closed one are untouched.
	if gone(store.ColShortlist, b[0].ID) || gone(store.ColConsents, b[0].CandidateID+":"+vB) || gone(store.ColShortlist, c[0].ID) {
		t.Error("erased the pre-screening of an open or recently closed vacancy")
	}
	// The figures still agree with a rebuild from what is left.
	if rb, err := env.Sys.Followup.RebuildKPI(ctx, false); err != nil || len(rb.Diffs) != 0 {
		t.Fatalf("rebuild after erasure: %+v %v", rb, err)
	}
	// The match run is kept six months, then erased.
	if gone(store.ColMatchRuns, page.MatchRunID) {
		t.Fatal("match run erased before six months")
	}
	clk.Advance(3 * 24 * time.Hour)
	r, _ = env.Sys.Daily(ctx)
	if rep := r.Retention.(screening.RetentionReport); rep.MatchRuns != 1 || rep.Entries != 0 {
		t.Fatalf("second run: %+v", rep)
	}
	if !gone(store.ColMatchRuns, page.MatchRunID) {
		t.Fatal("match run kept after six months")
	}
	if res := env.Login("konsulent@demo.local").Do("GET", "/api/v1/match-runs/"+page.MatchRunID, nil, nil); res.StatusCode != 404 {
		t.Fatalf("erased match run: %d", res.StatusCode)
	}
	audit, err := env.Sys.Audit.List(ctx, app.ListQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, a := range audit.Items {
		if strings.HasPrefix(a.Action, "retention.") {
			seen[a.Action] += a.Count
		}
	}
	if seen["retention.shortlist"] != 2 || seen["retention.match_runs"] != 1 {
		t.Fatalf("audit: %v", seen)
	}
}
