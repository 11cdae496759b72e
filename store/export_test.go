package store_test

import (
	"context"
	"testing"
	"time"

	"jobmatch"
)

// The records of a citizen's export: each kind that names them, read
// through the other replica, and nothing about anyone else; a citizen with
// no records gets empty lists, not nil ones.
func TestCitizenRecords(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 6, 3, 9, 0, 0, 0, time.UTC)
	st := rs[0]
	for _, cid := range []string{"C1", "C2"} {
		if err := st.ConsentRecorded(ctx, &jobmatch.Consent{ID: cid + ":V1", CandidateID: cid, VacancyID: "V1", Channel: "phone", By: "k1", GivenAt: now}); err != nil {
			t.Fatal(err)
		}
		if err := st.Shortlisted(ctx, &jobmatch.ShortlistEntry{ID: "V1:" + cid, VacancyID: "V1", CandidateID: cid, Stage: jobmatch.StageSuggested, Version: 1, CreatedAt: now,
			Answers: []jobmatch.EmployerAnswer{{Answer: "interview", At: now}}}); err != nil {
			t.Fatal(err)
		}
		if err := st.ConsentRequestCreated(ctx, &jobmatch.ConsentRequest{ID: "h-" + cid, EntryID: "V1:" + cid, VacancyID: "V1", CandidateID: cid, Deadline: now}); err != nil {
			t.Fatal(err)
		}
		if err := st.InterviewProposed(ctx, &jobmatch.InterviewInvite{ID: "I-" + cid, EntryID: "V1:" + cid, VacancyID: "V1", CandidateID: cid, Consultant: "k1", Status: "confirmed"}); err != nil {
			t.Fatal(err)
		}
	}
	runs := []*jobmatch.MatchRun{
		{ID: "R1", At: now, VacancyID: "V1", Ranked: []string{"C2", "C1"}}, // ranked C1
		{ID: "R2", At: now, CandidateID: "C1", Ranked: []string{"V1"}},     // about C1
		{ID: "R3", At: now, VacancyID: "V2", Ranked: []string{"C2"}},       // not C1
	}
	for _, r := range runs {
		if err := st.MatchRunRecorded(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []jobmatch.AuditEvent{{ID: "A1", Subjects: []string{"C1", "C2"}}, {ID: "A2", Subjects: []string{"C2"}}} {
		if err := st.RecordAudit(ctx, &l); err != nil {
			t.Fatal(err)
		}
	}

	x, err := rs[1].CitizenRecords(ctx, "C1")
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Consents) != 1 || x.Consents[0].ID != "C1:V1" || len(x.ShortlistEntries) != 1 || x.ShortlistEntries[0].ID != "V1:C1" ||
		len(x.ShortlistEntries[0].Answers) != 1 || len(x.ConsentRequests) != 1 || x.ConsentRequests[0].ID != "h-C1" ||
		len(x.Interviews) != 1 || x.Interviews[0].ID != "I-C1" {
		t.Fatalf("C1's records %+v", x)
	}
	ids := map[string]bool{}
	for _, r := range x.MatchRuns {
		ids[r.ID] = true
	}
	if len(x.MatchRuns) != 2 || !ids["R1"] || !ids["R2"] {
		t.Fatalf("C1's match runs %v, want R1 and R2", ids)
	}
	lines, err := rs[1].AuditAbout(ctx, "C1")
	if err != nil || len(lines) != 1 || lines[0].ID != "A1" {
		t.Fatalf("C1's audit lines %+v, %v", lines, err)
	}

	none, err := rs[1].CitizenRecords(ctx, "C9")
	if err != nil || none.Consents == nil || none.ShortlistEntries == nil || none.ConsentRequests == nil || none.Interviews == nil || none.MatchRuns == nil ||
		len(none.Consents)+len(none.ShortlistEntries)+len(none.ConsentRequests)+len(none.Interviews)+len(none.MatchRuns) != 0 {
		t.Fatalf("a citizen with no records: %+v, %v", none, err)
	}
	if lines, err := rs[0].AuditAbout(ctx, "C9"); err != nil || lines == nil || len(lines) != 0 {
		t.Fatalf("no audit lines: %#v, %v", lines, err)
	}
}
