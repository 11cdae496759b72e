package index_test

import (
	"context"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// reopen closes the index and opens it again from its directory, as a
// restart after kill -9 would (bleve persists what its batches returned).
func reopen(t *testing.T, ix *index.Index, dir string) *index.Index {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, fresh, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fresh {
		t.Fatal("reopened index reported fresh")
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// The soak's lost CV: a writer takes number N, a later writer's N+1 is
// logged first and applied, and the process dies before the syncer sees N
// commit. The restarted syncer must still re-check N.
func TestGapSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	st := storeOpen(t)
	src := &hiding{Store: st, hidden: map[int64]bool{}, unwritten: map[string]bool{}}
	dir := t.TempDir()
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sy := index.NewSyncer(ix, src, quiet, nil)
	a, b := candidate("G-1", "bager", "8000"), candidate("G-2", "bager", "8000")
	upsert(t, st, a)
	upsert(t, st, b)
	seqA := ix.HighWaterMark() + 1
	src.hide(seqA) // a's number is taken, its log entry not yet committed
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "bager"); len(got) != 1 || got[0] != b.ID {
		t.Fatalf("before a's entry commits: %v", got)
	}
	if ix.HighWaterMark() != seqA+1 {
		t.Fatalf("mark %d, want %d (past the gap)", ix.HighWaterMark(), seqA+1)
	}
	if ix.Unsettled() != 1 {
		t.Fatalf("persisted unsettled numbers %d, want 1", ix.Unsettled())
	}
	// a commits (and is acknowledged); the process dies before the next pass.
	src.reveal()
	ix = reopen(t, ix, dir)
	sy = index.NewSyncer(ix, st, quiet, nil)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "bager"); len(got) != 2 {
		t.Fatalf("after the restart the late commit was never indexed: %v", got)
	}
	if ix.Unsettled() != 0 {
		t.Fatalf("unsettled after the gap closed: %d", ix.Unsettled())
	}
	if ch, _ := sy.Lag(); ch != 0 {
		t.Fatalf("lag %d", ch)
	}
}

// The same for a change logged whose document was not yet written when read.
func TestPendingWriteSurvivesRestart(t *testing.T) {
	ctx := context.Background()
	st := storeOpen(t)
	src := &hiding{Store: st, hidden: map[int64]bool{}, unwritten: map[string]bool{}}
	dir := t.TempDir()
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sy := index.NewSyncer(ix, src, quiet, nil)
	a, b := candidate("P-1", "maler", "4000"), candidate("P-2", "maler", "4000")
	upsert(t, st, a, b)
	src.mu.Lock()
	src.unwritten[a.ID] = true
	src.mu.Unlock()
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 1 {
		t.Fatalf("before a's document is written: %v", got)
	}
	if ch, _ := sy.Lag(); ch != 1 {
		t.Fatalf("a pending write must count as lag: %d", ch)
	}
	src.reveal()
	ix = reopen(t, ix, dir)
	sy = index.NewSyncer(ix, st, quiet, nil)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 2 {
		t.Fatalf("after the restart the late document was never indexed: %v", got)
	}
}

// hidingAll is hiding with a rebuild scan that misses the unwritten
// documents too (written after the scan passed them).
type hidingAll struct{ *hiding }

func (h hidingAll) EachCandidate(ctx context.Context, fn func(*jobmatch.Candidate) error) error {
	return h.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		h.mu.Lock()
		u := h.unwritten[c.ID]
		h.mu.Unlock()
		if u {
			return nil
		}
		return fn(c)
	})
}

// A rebuild swaps in a new index: what the live index still had open must be
// open in the new one, or a restart right after the swap loses it.
func TestRebuildKeepsUnsettledNumbers(t *testing.T) {
	ctx := context.Background()
	st := storeOpen(t)
	src := &hiding{Store: st, hidden: map[int64]bool{}, unwritten: map[string]bool{}}
	dir := t.TempDir()
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	sy := index.NewSyncer(ix, src, quiet, nil)
	sy.GapGrace = time.Hour
	a, b := candidate("S-1", "murer", "7100"), candidate("S-2", "murer", "7100")
	upsert(t, st, a, b)
	src.mu.Lock()
	src.unwritten[a.ID] = true
	src.mu.Unlock()
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Rebuild(ctx, hidingAll{src}, nil); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "murer"); len(got) != 1 {
		t.Fatalf("rebuilt index: %v", got)
	}
	src.reveal()
	ix = reopen(t, ix, dir)
	sy = index.NewSyncer(ix, st, quiet, nil)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "murer"); len(got) != 2 {
		t.Fatalf("after rebuild and restart the late document was never indexed: %v", got)
	}
}

func storeOpen(t *testing.T) *store.Store { return storetest.Open(t) }
