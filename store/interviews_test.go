package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
)

// An interview through two replicas: on its entry and its consultant's
// list when proposed, off the list when cancelled, gone when dropped.
func TestInterviewRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC)
	e := &jobmatch.ShortlistEntry{ID: "V1:C1", VacancyID: "V1", CandidateID: "C1", Stage: jobmatch.StageContacted, Version: 1, CreatedAt: now}
	if err := rs[0].Shortlisted(ctx, e); err != nil {
		t.Fatal(err)
	}
	iv := &jobmatch.InterviewInvite{ID: "I1", UID: "I1@jobmatch", EntryID: e.ID, VacancyID: "V1", CandidateID: "C1", Consultant: "k1",
		Start: now.Add(48 * time.Hour), End: now.Add(49 * time.Hour), Mode: "jobcentre", Status: "confirmed", CreatedAt: now}
	if err := rs[1].InterviewProposed(ctx, iv); err != nil {
		t.Fatal(err)
	}
	if ids, err := rs[0].ConsultantInterviewIDs(ctx, "k1"); err != nil || len(ids) != 1 || ids[0] != "I1" {
		t.Fatalf("k1's interviews %v, %v", ids, err)
	}
	if got, err := rs[0].ShortlistEntry(ctx, e.ID); err != nil || len(got.Interviews) != 1 || got.Interviews[0] != "I1" {
		t.Fatalf("entry's interviews %+v, %v", got, err)
	}
	iv.Status, iv.Sequence = "cancelled", 1
	if err := rs[0].InterviewChanged(ctx, iv); err != nil {
		t.Fatal(err)
	}
	if ids, _ := rs[1].ConsultantInterviewIDs(ctx, "k1"); len(ids) != 0 {
		t.Fatalf("a cancelled interview is still listed: %v", ids)
	}
	if got, err := rs[1].Interview(ctx, "I1"); err != nil || got.Status != "cancelled" || got.Sequence != 1 {
		t.Fatalf("cancelled interview %+v, %v", got, err)
	}
	if err := rs[1].DropInterview(ctx, "I1"); err != nil {
		t.Fatal(err)
	}
	if _, err := rs[0].Interview(ctx, "I1"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("dropped interview read: %v", err)
	}
}
