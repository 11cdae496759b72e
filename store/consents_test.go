package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
)

// A consent link through two replicas: open when created, moved by a
// reminder to the renewed link (the old one points at it), closed by the
// answer, and gone when dropped.
func TestConsentRequestRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	r := &jobmatch.ConsentRequest{ID: "h1", EntryID: "V1:C1", VacancyID: "V1", CandidateID: "C1", Consultant: "k1", Channel: "email",
		Deadline: now.AddDate(0, 0, 7), By: "k1", CreatedAt: now, Lang: "da"}
	if err := rs[0].ConsentRequestCreated(ctx, r); err != nil {
		t.Fatal(err)
	}
	open := func(want ...string) {
		t.Helper()
		for _, st := range rs {
			ids, err := st.OpenConsentRequestIDs(ctx)
			if err != nil || len(ids) != len(want) || (len(want) == 1 && ids[0] != want[0]) {
				t.Fatalf("open links %v, want %v (%v)", ids, want, err)
			}
		}
	}
	open("h1")
	renewed := *r
	renewed.ID, renewed.Previous = "h2", []string{"h1"}
	if err := rs[1].ConsentRequestRenewed(ctx, "h1", &renewed); err != nil {
		t.Fatal(err)
	}
	open("h2")
	if old, err := rs[0].ConsentRequest(ctx, "h1"); err != nil || old.SupersededBy != "h2" {
		t.Fatalf("old link %+v, %v", old, err)
	}
	if err := rs[0].ConsentRequestAnswered(ctx, "h2", "yes", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	open()
	if got, err := rs[1].ConsentRequest(ctx, "h2"); err != nil || got.Answer != "yes" || got.AnsweredAt == nil || got.Expired(now) {
		t.Fatalf("answered link %+v, %v", got, err)
	}
	for _, id := range []string{"h1", "h2"} {
		if err := rs[1].DropConsentRequest(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rs[0].ConsentRequest(ctx, "h2"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("dropped link read: %v", err)
	}
}
