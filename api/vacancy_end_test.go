package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// moveTo moves a shortlist entry through the stages given, at the version
// it is at.
func moveTo(t *testing.T, env *systemtest.Env, k *systemtest.Client, entryID string, stages ...string) {
	t.Helper()
	for _, to := range stages {
		e, err := env.Sys.Screening.Entry(context.Background(), entryID)
		if err != nil {
			t.Fatal(err)
		}
		body := map[string]any{"to": to, "version": e.Version}
		if to == "interviewed" {
			body["interview"] = map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}
		}
		if res := k.Do("POST", "/api/v1/shortlist/"+entryID+"/transitions", body, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("move to %s: %d %s", to, res.StatusCode, res.Body)
		}
	}
}

// TestFillingCancelsEveryComingInterview: hiring one candidate filled the
// vacancy and cancelled that person's interview only; Torben's interview,
// and the employer's job interview with another candidate, stayed booked,
// on the entry and under "Samtaler" on /staff. A booking on the filled
// vacancy was taken (201, an invitation mailed). Now filling or closing a
// vacancy cancels every interview still to come on it, each party is told
// as when one entry's process ends, and a booking on it is a 409 in the
// caller's language.
func TestFillingCancelsEveryComingInterview(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(79),
		cv("END-1", "Tømrer", map[string]any{"name": "Hanne Hyret", "email": "hanne@example.dk"}),
		cv("END-2", "Tømrer", map[string]any{"name": "Torben Tilbage", "email": "torben@example.dk"}),
		cv("END-3", "Tømrer", map[string]any{"name": "Jens Jobsamtale", "email": "jens@example.dk"}))
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	at := func(h int) string {
		return time.Date(day.Year(), day.Month(), day.Day(), h, 0, 0, 0, jobmatch.Copenhagen).Format(time.RFC3339)
	}
	book := func(entryID string, h int, invite ...string) jobmatch.InterviewInvite {
		t.Helper()
		var iv jobmatch.InterviewInvite
		if res := k.Do("POST", "/api/v1/shortlist/"+entryID+"/interviews", map[string]any{"start": at(h), "end": at(h + 1),
			"mode": "jobcentre", "place": "Jobcentret", "invite": invite}, &iv); res.StatusCode != http.StatusCreated {
			t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
		}
		return iv
	}
	for _, e := range []entry{es[0], es[2]} {
		k.Do("POST", "/api/v1/candidates/"+e.CandidateID+"/consents", map[string]any{"vacancy_id": vid, "channel": "meeting"}, nil)
		moveTo(t, env, k, e.ID, "contacted", "interested", "interviewed", "presented")
	}
	hanne := book(es[0].ID, 9, "citizen", "employer")
	torben := book(es[1].ID, 11, "citizen")
	jens := book(es[2].ID, 13, "citizen", "employer")

	moveTo(t, env, k, es[0].ID, "hired")
	if v, _ := env.Sys.Intake.Vacancy(ctx, vid); v.Status != jobmatch.VacancyFilled {
		t.Fatalf("the vacancy after the hire: %s", v.Status)
	}
	for _, iv := range []jobmatch.InterviewInvite{hanne, torben, jens} {
		var got jobmatch.InterviewInvite
		k.Do("GET", "/api/v1/shortlist/"+iv.EntryID+"/interviews/"+iv.ID, nil, &got)
		if got.Status != "cancelled" {
			t.Errorf("%s's interview after the vacancy was filled: %q", iv.CandidateID, got.Status)
		}
	}
	told := map[string]int{}
	for _, m := range mailsOf(outboxOf(t, admin), "interview_cancel") {
		told[m.To]++
		if !strings.Contains(m.Attachments[0].ContentType, "method=CANCEL") {
			t.Errorf("cancellation to %s: %s", m.To, m.Attachments[0].ContentType)
		}
	}
	for _, to := range []string{"hanne@example.dk", "torben@example.dk", "jens@example.dk"} {
		if told[to] != 1 {
			t.Errorf("%s told of the cancellation %d times", to, told[to])
		}
	}
	if told["ole@als-toemrer.dk"] != 2 {
		t.Errorf("the employer told of %d cancellations, want 2 (Hanne's and Jens's job interviews)", told["ole@als-toemrer.dk"])
	}
	var wl struct{ Interviews []struct{ ID string } }
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if len(wl.Interviews) != 0 {
		t.Errorf("the worklist still lists interviews on the filled vacancy: %+v", wl.Interviews)
	}

	// Booking on the filled vacancy: refused in the caller's language,
	// nothing mailed.
	before := len(mailsOf(outboxOf(t, admin), "interview_invite"))
	body := map[string]any{"start": at(15), "end": at(16), "mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}
	res := k.Do("POST", "/api/v1/shortlist/"+es[1].ID+"/interviews", body, nil)
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(res.Body), "Stillingen er lukket") {
		t.Errorf("booking on a filled vacancy: %d %s", res.StatusCode, res.Body)
	}
	res = k.Do("POST", "/api/v1/shortlist/"+es[1].ID+"/interviews", body, nil, "Accept-Language", "en")
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(res.Body), "the vacancy is filled") {
		t.Errorf("booking on a filled vacancy, in English: %d %s", res.StatusCode, res.Body)
	}
	if after := len(mailsOf(outboxOf(t, admin), "interview_invite")); after != before {
		t.Errorf("%d invitations mailed for a filled vacancy", after-before)
	}
}

// TestClosingCancelsTheComingInterviews: closing a vacancy unfilled by
// hand cancels its interviews still to come, and tells the citizen.
func TestClosingCancelsTheComingInterviews(t *testing.T) {
	env := systemtest.Start(t)
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(78), cv("END-4", "Tømrer", map[string]any{"name": "Lis Lukket", "email": "lis@example.dk"}))
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", "/api/v1/shortlist/"+es[0].ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("PATCH", "/api/v1/vacancies/"+vid, map[string]any{"status": "closed", "note": "Arbejdsgiveren har trukket stillingen"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	var got jobmatch.InterviewInvite
	k.Do("GET", "/api/v1/shortlist/"+es[0].ID+"/interviews/"+iv.ID, nil, &got)
	if got.Status != "cancelled" {
		t.Fatalf("the interview after the vacancy was closed: %q", got.Status)
	}
	if cm := mailsOf(outboxOf(t, admin), "interview_cancel"); len(cm) != 2 {
		t.Errorf("cancellations (the consultant and the citizen): %d", len(cm))
	}
}
