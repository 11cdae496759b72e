package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/store"
)

// A shortlist kept through two replicas: a person goes on it once; two
// consultants moving the same entry from the same version at once, one on
// each replica, end with one move and one conflict; the consent link, the
// interview and the employer's answer are recorded on the entry, and the
// answer is listed for the consultant; a removed entry leaves the list.
func TestShortlistRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	e := &jobmatch.ShortlistEntry{ID: "V1:C1", VacancyID: "V1", CandidateID: "C1", ProfileID: "P1", Stage: jobmatch.StageSuggested, Version: 1,
		Steps: []jobmatch.Step{{To: jobmatch.StageSuggested, By: "k1", At: now}}, CreatedAt: now, UpdatedAt: now}
	if err := rs[0].Shortlisted(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].Shortlisted(ctx, e); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the same person twice: %v", err)
	}
	if ids, err := rs[1].ShortlistIDs(ctx, "V1"); err != nil || len(ids) != 1 || ids[0] != e.ID {
		t.Fatalf("shortlist %v, %v", ids, err)
	}

	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, to := range []jobmatch.Stage{jobmatch.StageContacted, jobmatch.StageRejected} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := rs[i].ShortlistEntry(ctx, e.ID)
			if err != nil {
				errs[i] = err
				return
			}
			m.Steps = append(m.Steps, jobmatch.Step{From: m.Stage, To: to, By: "k", At: now})
			m.Stage, m.Version = to, 2
			errs[i] = rs[i].MoveShortlistEntry(ctx, m, 1)
		}()
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || !errors.Is(errors.Join(errs...), jobmatch.ErrConflict) {
		t.Fatalf("two moves from version 1: %v", errs)
	}
	got, err := rs[0].ShortlistEntry(ctx, e.ID)
	if err != nil || got.Version != 2 || len(got.Steps) != 2 {
		t.Fatalf("after the moves %+v, %v", got, err)
	}

	if err := rs[1].ConsentLinkSent(ctx, e.ID, jobmatch.ConsentRequestState{ID: "L1", Channel: "sms", Deadline: now.AddDate(0, 0, 7), SentAt: now}); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].ConsentLinkRenewed(ctx, e.ID, "L2", now.Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].ConsentLinkAnswered(ctx, e.ID, "yes", now.Add(50*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].InterviewPlanned(ctx, e.ID, "I1"); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].InterviewPlanned(ctx, e.ID, "I1"); err != nil { // once
		t.Fatal(err)
	}
	if err := rs[1].EmployerAnswered(ctx, e.ID, "k1", jobmatch.EmployerAnswer{Answer: "interview", At: now.Add(72 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	got, err = rs[0].ShortlistEntry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	cr := got.ConsentRequest
	if cr == nil || cr.ID != "L2" || cr.Channel != "sms" || cr.RemindedAt == nil || cr.AnsweredAt == nil || cr.Answer != "yes" {
		t.Fatalf("consent link %+v", cr)
	}
	if len(got.Interviews) != 1 || len(got.Answers) != 1 || got.Answers[0].Answer != "interview" {
		t.Fatalf("interviews %v, answers %+v", got.Interviews, got.Answers)
	}
	if ids, err := rs[0].AnsweredEntryIDs(ctx, "k1", 10); err != nil || len(ids) != 1 || ids[0] != e.ID {
		t.Fatalf("answered entries %v, %v", ids, err)
	}

	if err := rs[1].RemoveFromShortlist(ctx, got); err != nil {
		t.Fatal(err)
	}
	if ids, _ := rs[0].ShortlistIDs(ctx, "V1"); len(ids) != 0 {
		t.Fatalf("after the removal: %v", ids)
	}
	if _, err := rs[0].ShortlistEntry(ctx, e.ID); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("removed entry read: %v", err)
	}
}

// SetRemove removes what it is given and nothing else, one or several.
func TestSetRemove(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	if err := rs[0].SetAdd(ctx, "s", "a", "b", "c", "d", "e"); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].SetRemove(ctx, "s", "b"); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].SetRemove(ctx, "s", "d", "a", "x"); err != nil {
		t.Fatal(err)
	}
	if m, err := rs[1].SetMembers(ctx, "s"); err != nil || len(m) != 2 || m[0] != "c" || m[1] != "e" {
		t.Fatalf("members %v, %v", m, err)
	}
}

// Members added at once through two replicas are all kept (FerretDB's
// non-atomic $addToSet lost up to half of them when both replicas wrote one
// document); one removed through either replica is gone for both, and comes
// back when added again.
func TestSetAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := rs[i%2].SetAdd(ctx, "race", fmt.Sprint("m", i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for _, r := range rs {
		if m, err := r.SetMembers(ctx, "race"); err != nil || len(m) != 40 {
			t.Fatalf("%d of 40 members kept (%v)", len(m), err)
		}
	}
	if err := rs[0].SetRemove(ctx, "race", "m1", "m2"); err != nil { // m1 in replica 1's shard
		t.Fatal(err)
	}
	for _, r := range rs {
		if m, _ := r.SetMembers(ctx, "race"); len(m) != 38 || slices.Contains(m, "m1") || slices.Contains(m, "m2") {
			t.Fatalf("after removing two: %d members", len(m))
		}
	}
	// The listing above pulled m1 from replica 1's own shard, so listings
	// no longer look up its tombstone.
	shard := fmt.Sprintf("race@r%d", rs[1].Slot())
	if rs[1].Slot() == 0 {
		shard = "race"
	}
	var d struct{ Members []string }
	if err := rs[1].C(store.ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: shard}}).Decode(&d); err != nil || slices.Contains(d.Members, "m1") {
		t.Fatalf("replica 1's shard %v (%v) still holds the member removed elsewhere", d.Members, err)
	}
	if err := rs[1].SetAdd(ctx, "race", "m1"); err != nil {
		t.Fatal(err)
	}
	if m, _ := rs[0].SetMembers(ctx, "race"); len(m) != 39 || !slices.Contains(m, "m1") {
		t.Fatalf("added again: %d members", len(m))
	}
}

// TestMoveKeepsWhatWasWrittenMeanwhile: an entry read, then answered by the
// employer and sent a consent link, then moved from what was read: the move
// writes its stage and keeps the answer and the link (a whole replace of
// the entry as read dropped them, the version being unchanged by them).
func TestMoveKeepsWhatWasWrittenMeanwhile(t *testing.T) {
	ctx := context.Background()
	st := twoReplicas(t)[0]
	now := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	e := &jobmatch.ShortlistEntry{ID: "V1:C1", VacancyID: "V1", CandidateID: "C1", ProfileID: "P1", Stage: jobmatch.StagePresented, Version: 3,
		Steps: []jobmatch.Step{{To: jobmatch.StagePresented, By: "k1", At: now}}, CreatedAt: now, UpdatedAt: now}
	if err := st.Shortlisted(ctx, e); err != nil {
		t.Fatal(err)
	}
	read, err := st.ShortlistEntry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EmployerAnswered(ctx, e.ID, "k1", jobmatch.EmployerAnswer{Answer: "interview", At: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := st.ConsentLinkSent(ctx, e.ID, jobmatch.ConsentRequestState{ID: "L1", Channel: "sms", SentAt: now}); err != nil {
		t.Fatal(err)
	}
	read.Steps = append(read.Steps, jobmatch.Step{From: read.Stage, To: jobmatch.StageHired, By: "k1", At: now.Add(2 * time.Minute)})
	read.Stage, read.Version, read.UpdatedAt = jobmatch.StageHired, 4, now.Add(2*time.Minute)
	if err := st.MoveShortlistEntry(ctx, read, 3); err != nil {
		t.Fatal(err)
	}
	got, err := st.ShortlistEntry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Stage != jobmatch.StageHired || got.Version != 4 || len(got.Steps) != 2 {
		t.Fatalf("moved entry: stage %s, version %d, %d steps", got.Stage, got.Version, len(got.Steps))
	}
	if len(got.Answers) != 1 || got.Answers[0].Answer != "interview" || got.ConsentRequest == nil || got.ConsentRequest.ID != "L1" {
		t.Fatalf("the move dropped what was written meanwhile: answers %+v, consent link %+v", got.Answers, got.ConsentRequest)
	}
	// The move is still checked against its version.
	if err := st.MoveShortlistEntry(ctx, read, 3); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("a second move from version 3: %v", err)
	}
}

// A citizen's entries on every vacancy are a set of their own, kept
// through two replicas with the vacancies' sets: added with the entry,
// removed with it, mended by the retry after a crash between the entry and
// its places, and filled once for the entries written before the set
// existed.
func TestCandidateShortlists(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	entry := func(v, c string) *jobmatch.ShortlistEntry {
		return &jobmatch.ShortlistEntry{ID: v + ":" + c, VacancyID: v, CandidateID: c, ProfileID: "P" + v + c, Stage: jobmatch.StageSuggested, Version: 1,
			Steps: []jobmatch.Step{{To: jobmatch.StageSuggested, By: "k1", At: now}}, CreatedAt: now, UpdatedAt: now}
	}
	ids := func(s *store.Store, c string) []string {
		t.Helper()
		got, err := s.CandidateShortlistIDs(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		return got
	}
	for i, e := range []*jobmatch.ShortlistEntry{entry("V1", "C1"), entry("V2", "C1"), entry("V1", "C2")} {
		if err := rs[i%2].Shortlisted(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(rs[0], "C1"); !slices.Equal(got, []string{"V1:C1", "V2:C1"}) {
		t.Fatalf("C1 on %v", got)
	}
	// A crash after the entry, before its places: the retry is told the
	// entry is there, and the places are written.
	lost := entry("V3", "C1")
	if err := rs[0].Insert(ctx, store.ColShortlist, lost); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].Shortlisted(ctx, lost); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the retry: %v", err)
	}
	if got, err := rs[0].ShortlistIDs(ctx, "V3"); err != nil || !slices.Equal(got, []string{"V3:C1"}) {
		t.Fatalf("V3's shortlist after the retry: %v %v", got, err)
	}
	if got := ids(rs[1], "C1"); !slices.Equal(got, []string{"V1:C1", "V2:C1", "V3:C1"}) {
		t.Fatalf("C1 on %v after the retry", got)
	}
	if err := rs[1].RemoveFromShortlist(ctx, entry("V1", "C1")); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].DropFromShortlist(ctx, "V2", "V2:C1"); err != nil {
		t.Fatal(err)
	}
	if got := ids(rs[0], "C1"); !slices.Equal(got, []string{"V3:C1"}) {
		t.Fatalf("C1 on %v after a removal and a drop", got)
	}
	// Entries written before the set existed.
	for _, e := range []*jobmatch.ShortlistEntry{entry("V4", "C3"), entry("V5", "C3")} {
		if err := rs[0].Insert(ctx, store.ColShortlist, e); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(rs[0], "C3"); len(got) != 0 {
		t.Fatalf("C3 on %v before the backfill", got)
	}
	if n, err := rs[1].BackfillCandidateShortlists(ctx, now); err != nil || n < 2 {
		t.Fatalf("backfill: %d %v", n, err)
	}
	if got := ids(rs[0], "C3"); !slices.Equal(got, []string{"V4:C3", "V5:C3"}) {
		t.Fatalf("C3 on %v after the backfill", got)
	}
	if n, err := rs[0].BackfillCandidateShortlists(ctx, now); err != nil || n != 0 {
		t.Fatalf("a second backfill: %d %v", n, err)
	}
}
