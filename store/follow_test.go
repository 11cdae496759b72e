package store_test

import (
	"context"
	"slices"
	"testing"

	"jobmatch/store"
)

// TestFollowerPassesOverChangesAppliedHere: a change the writing process
// applied to its own views (LogAppliedChanges) is not applied again by
// that process's follower, but every other replica's follower applies it;
// a plain logged change is applied everywhere.
func TestFollowerPassesOverChangesAppliedHere(t *testing.T) {
	rs := twoReplicas(t)
	ctx := context.Background()
	head, err := rs[0].ChangesHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var seen [2][]string
	var fs [2]*store.Follower
	for k, s := range rs {
		fs[k] = s.NewFollower("test", head, func(ctx context.Context, kind, id string) error {
			seen[k] = append(seen[k], kind+":"+id)
			return nil
		})
	}
	if err := rs[0].LogAppliedChanges(ctx, store.KindVacancy, "v1", "v2"); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].LogChanges(ctx, store.KindCompany, "c1"); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].LogAppliedChanges(ctx, store.KindCompany, "c2"); err != nil {
		t.Fatal(err)
	}
	for k, f := range fs {
		if _, err := f.Once(ctx); err != nil {
			t.Fatalf("replica %d: %v", k, err)
		}
	}
	if want := []string{"company:c1", "company:c2"}; !slices.Equal(seen[0], want) {
		t.Errorf("replica 0 applied %v, want %v", seen[0], want)
	}
	if want := []string{"vacancy:v1", "vacancy:v2", "company:c1"}; !slices.Equal(seen[1], want) {
		t.Errorf("replica 1 applied %v, want %v", seen[1], want)
	}
	// Both followers are at the head.
	now, _ := rs[0].ChangesHead(ctx)
	for k, f := range fs {
		if f.HighWaterMark() != now {
			t.Errorf("replica %d's follower at %d, head %d", k, f.HighWaterMark(), now)
		}
	}
}
