package index_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func candidate(ref, occupation, postal string) *jobmatch.Candidate {
	return &jobmatch.Candidate{
		ID: jobmatch.NewID(), ExternalRef: ref, Name: "Borger " + ref, PostalCode: postal, MaxCommuteKm: 25,
		TargetGroup:        jobmatch.TargetGroup("close_to_job"),
		DesiredOccupations: []jobmatch.Concept{{Label: occupation}},
		Skills:             []jobmatch.Concept{{Label: "kundeservice"}},
		Summary:            "Erfaren " + occupation,
	}
}

func upsert(t *testing.T, st *store.Store, cs ...*jobmatch.Candidate) {
	t.Helper()
	if _, err := st.UpsertCandidates(context.Background(), cs, time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
}

// ids searches the index for text and returns the sorted ids found.
func ids(t *testing.T, ix *index.Index, text string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), index.Query{Text: text, Size: 1000})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out
}

func count(t *testing.T, ix *index.Index) uint64 {
	t.Helper()
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSyncCatchesUpAfterRestart(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	dir := t.TempDir()
	ix, fresh, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !fresh {
		t.Fatal("a new directory should report a fresh index")
	}
	var all []*jobmatch.Candidate
	for i := range 40 {
		occ := "sygeplejerske"
		if i%2 == 1 {
			occ = "tømrer"
		}
		all = append(all, candidate(fmt.Sprintf("R-%d", i), occ, "6400"))
	}
	upsert(t, st, all[:30]...)
	sy := index.NewSyncer(ix, st, quiet, nil)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ix); n != 30 {
		t.Fatalf("indexed %d, want 30", n)
	}
	// Danish stemming: the plural finds the singular.
	if got := len(ids(t, ix, "sygeplejersker")); got != 15 {
		t.Fatalf("sygeplejersker found %d, want 15", got)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	// While the index is down: new CVs, a changed one and an erased one.
	upsert(t, st, all[30:]...)
	changed := *all[0]
	changed.DesiredOccupations = []jobmatch.Concept{{Label: "tømrer"}}
	changed.Summary = "Omskolet til tømrer"
	upsert(t, st, &changed)
	if _, err := st.DeleteCandidate(ctx, all[1].ID, time.Now().UTC()); err != nil {
		t.Fatal(err)
	}

	ix, fresh, err = index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if fresh {
		t.Fatal("reopening the same mapping version must keep the index")
	}
	if n := count(t, ix); n != 30 {
		t.Fatalf("reopened index has %d, want the 30 it had", n)
	}
	sy = index.NewSyncer(ix, st, quiet, nil)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ix); n != 39 {
		t.Fatalf("after catch-up %d indexed, want 39", n)
	}
	for _, id := range ids(t, ix, "tømrer") {
		if id == all[1].ID {
			t.Fatal("erased candidate still in the index")
		}
	}
	if got := ids(t, ix, "omskolet"); len(got) != 1 || got[0] != all[0].ID {
		t.Fatalf("changed CV not re-indexed: %v", got)
	}
	cur, err := st.CurrentSeq(ctx, index.SeqName)
	if err != nil {
		t.Fatal(err)
	}
	if hwm := ix.HighWaterMark(); hwm != cur {
		t.Fatalf("high-water mark %d, want %d", hwm, cur)
	}
	if changes, _ := sy.Lag(); changes != 0 {
		t.Fatalf("lag %d changes after catch-up", changes)
	}
	// Idempotent: another pass applies nothing and changes nothing.
	if n, err := sy.SyncOnce(ctx); err != nil || n != 0 {
		t.Fatalf("second pass applied %d (%v)", n, err)
	}
}

// hiding is the real store with some change-log entries hidden, as when a
// writer has taken a sequence number but not yet committed its log entry.
type hiding struct {
	*store.Store
	mu     sync.Mutex
	hidden map[int64]bool
	// unwritten candidates read as not found (logged, document not yet
	// written).
	unwritten map[string]bool
	// ghosts are candidates still read after their erasure was logged
	// (the erasure logs first, then deletes the document).
	ghosts map[string]*jobmatch.Candidate
	// logReads counts the change-log reads (ChangesAfter, ChangeAt),
	// logEntries the entries they returned, cvReads the CV reads.
	logReads, logEntries, cvReads int
}

// hidingSync is a real store seen through hiding, an index on disk and the
// syncer between them.
func hidingSync(t *testing.T) (*store.Store, *hiding, *index.Index, *index.Syncer) {
	t.Helper()
	st := storetest.Open(t)
	src := &hiding{Store: st, hidden: map[int64]bool{}, unwritten: map[string]bool{}}
	ix, _, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return st, src, ix, index.NewSyncer(ix, src, quiet, nil)
}

func (h *hiding) Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error) {
	h.mu.Lock()
	u, ghost := h.unwritten[id], h.ghosts[id]
	h.cvReads++
	h.mu.Unlock()
	if u {
		return nil, jobmatch.ErrNotFound
	}
	if ghost != nil {
		return ghost, nil
	}
	return h.Store.Candidate(ctx, id)
}

func (h *hiding) hide(seq int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.hidden[seq] = true
}

func (h *hiding) reveal() {
	h.mu.Lock()
	defer h.mu.Unlock()
	clear(h.hidden)
	clear(h.unwritten)
}

func (h *hiding) ChangesAfter(ctx context.Context, seq int64, limit int) ([]index.Change, error) {
	cs, err := h.Store.ChangesAfter(ctx, seq, limit)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.logReads++
	out := cs[:0]
	for _, c := range cs {
		if !h.hidden[c.Seq] {
			out = append(out, c)
		}
	}
	h.logEntries += len(out)
	return out, err
}

func (h *hiding) ChangeAt(ctx context.Context, seq int64) (index.Change, bool, error) {
	h.mu.Lock()
	hid := h.hidden[seq]
	h.logReads++
	h.mu.Unlock()
	if hid {
		return index.Change{}, false, nil
	}
	return h.Store.ChangeAt(ctx, seq)
}

func TestSyncPicksUpOutOfOrderCommits(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)
	sy.GapGrace = time.Hour

	a, b, c := candidate("A", "bager", "8000"), candidate("B", "bager", "8000"), candidate("C", "bager", "8000")
	upsert(t, st, a)
	upsert(t, st, b)
	upsert(t, st, c)
	seqB := ix.HighWaterMark() + 2 // a, b, c took three numbers after the mark
	src.hide(seqB)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	got := ids(t, ix, "bager")
	if len(got) != 2 || contains(got, b.ID) {
		t.Fatalf("with b's log entry not yet visible, found %v", got)
	}
	if hwm := ix.HighWaterMark(); hwm != seqB+1 {
		t.Fatalf("mark %d, want %d: the syncer moves past a gap", hwm, seqB+1)
	}
	src.reveal()
	if _, err := sy.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "bager"); !contains(got, b.ID) {
		t.Fatalf("late commit not indexed: %v", got)
	}

	// A number whose writer died is given up after the grace period.
	d := candidate("D", "bager", "8000")
	upsert(t, st, d)
	e := candidate("E", "bager", "8000")
	upsert(t, st, e)
	src.hide(seqB + 2) // d's entry never shows
	sy.GapGrace = 0
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if _, err := sy.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	src.reveal()
	if _, err := sy.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "bager"); contains(got, d.ID) || !contains(got, e.ID) {
		t.Fatalf("after the grace period the gap is dropped and later changes stay: %v", got)
	}
}

func TestRebuildSwapsInAFreshIndex(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	dir := t.TempDir()
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var cs []*jobmatch.Candidate
	for i := range 25 {
		cs = append(cs, candidate(fmt.Sprintf("X-%d", i), "elektriker", "5000"))
	}
	upsert(t, st, cs...)
	before, _ := filepath.Glob(filepath.Join(dir, "candidates-*"))
	n, err := ix.Rebuild(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n != 25 || count(t, ix) != 25 || len(ids(t, ix, "elektrikere")) != 25 {
		t.Fatalf("rebuild indexed %d (count %d)", n, count(t, ix))
	}
	after, _ := filepath.Glob(filepath.Join(dir, "candidates-*"))
	if len(after) != 1 || len(before) != 1 || after[0] == before[0] {
		t.Fatalf("the old directory should be replaced: before %v, after %v", before, after)
	}
	cur, _ := os.ReadFile(filepath.Join(dir, "current"))
	if filepath.Join(dir, string(cur)) != after[0] {
		t.Fatalf("current points at %q, want %q", cur, after[0])
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Rebuild(ctx, st, nil); err == nil {
		t.Fatal("rebuild after Close should fail, not swap a closed index")
	}
	ix, fresh, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if fresh || count(t, ix) != 25 {
		t.Fatalf("reopened rebuilt index: fresh=%v count=%d", fresh, count(t, ix))
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestSyncWaitsForADocumentLoggedButNotWritten(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)
	a := candidate("W-1", "maler", "4000")
	upsert(t, st, a)
	src.mu.Lock()
	src.unwritten[a.ID] = true // the writer logged the change, the document is on its way
	src.mu.Unlock()
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 0 {
		t.Fatalf("indexed before the document exists: %v", got)
	}
	src.reveal()
	if _, err := sy.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 1 {
		t.Fatalf("the late document was never indexed: %v", got)
	}
}

// TestSyncErasesWhatTheLogErased: an erasure logs its change, then deletes
// the document. A pass that reads the CV between the two found it still
// there and indexed it again, and nothing later removed it: an erased CV
// (the retention purge's, in a CI run) stayed searchable. The log's
// erasure is the last word, whatever the store still holds.
func TestSyncErasesWhatTheLogErased(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)
	a, b := candidate("E-1", "maler", "4000"), candidate("E-2", "maler", "4000")
	upsert(t, st, a, b)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 2 {
		t.Fatalf("before: %v", got)
	}
	stored, err := st.Candidate(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeleteCandidate(ctx, a.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	src.mu.Lock()
	src.ghosts = map[string]*jobmatch.Candidate{a.ID: stored} // read between the log and the delete
	src.mu.Unlock()
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 1 || got[0] != b.ID {
		t.Fatalf("after the erasure of %s: %v, want %s alone", a.ID, got, b.ID)
	}
}

// TestSyncErasureEndsAPendingWrite: a write logged before its document was
// readable waits as pending; when the CV is erased meanwhile, the pending
// write is over too. Kept, a later pass read it again and indexed the CV
// the writer had handed over: the erased CV was back.
func TestSyncErasureEndsAPendingWrite(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)
	a := candidate("P-1", "maler", "4000")
	upsert(t, st, a)
	stored, err := st.Candidate(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	src.mu.Lock()
	src.unwritten[a.ID] = true // logged, the document not readable yet
	src.mu.Unlock()
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeleteCandidate(ctx, a.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	sy.Written([]*jobmatch.Candidate{stored}) // the writer hands it over late
	src.reveal()
	for range 3 {
		if _, err := sy.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(t, ix, "maler"); len(got) != 0 {
		t.Fatalf("the erased CV is searchable: %v", got)
	}
}

// duringScan runs fn when the rebuild's scan has read everything: the moment
// a write can reach the live index but not the new one.
type duringScan struct {
	*store.Store
	fn func()
}

func (d duringScan) EachCandidate(ctx context.Context, f func(*jobmatch.Candidate) error) error {
	if err := d.Store.EachCandidate(ctx, f); err != nil {
		return err
	}
	d.fn()
	return nil
}

func TestRebuildKeepsWhatTheLiveIndexFound(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	ix, _, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sy := index.NewSyncer(ix, st, quiet, nil)
	a, late, gone := candidate("R-1", "snedker", "5000"), candidate("R-2", "snedker", "5000"), candidate("R-3", "snedker", "5000")
	upsert(t, st, a, gone)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	src := duringScan{Store: st, fn: func() {
		upsert(t, st, late)
		if _, err := st.DeleteCandidate(ctx, gone.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := sy.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		if got := ids(t, ix, "snedker"); !contains(got, late.ID) || contains(got, gone.ID) {
			t.Fatalf("live index before the swap: %v", got)
		}
	}}
	if _, err := ix.Rebuild(ctx, src, nil); err != nil {
		t.Fatal(err)
	}
	// No sync after the swap: the new index must already hold both changes.
	if got := ids(t, ix, "snedker"); len(got) != 2 || !contains(got, a.ID) || !contains(got, late.ID) {
		t.Fatalf("after the swap: %v, want %s and %s", got, a.ID, late.ID)
	}
}

// A CV handed over by the writer under the number the log holds for it is
// indexed as given, without reading it back; one handed over under an older
// number (written again since) is read from the store.
func TestSyncIndexesWrittenCVsWithoutReadingThemBack(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)

	a := candidate("H-1", "maler", "4000")
	upsert(t, st, a)
	src.mu.Lock()
	src.unwritten[a.ID] = true // a read-back would find nothing
	src.mu.Unlock()
	sy.Written([]*jobmatch.Candidate{a})
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "maler"); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("the handed-over CV was not indexed as given: %v", got)
	}

	first := candidate("H-2", "murer", "4000")
	upsert(t, st, first)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	again := candidate("H-2", "tømrer", "4000") // the same person, written again
	upsert(t, st, again)
	if again.ID != first.ID || again.Seq <= first.Seq {
		t.Fatalf("second write: id %s seq %d, first %s seq %d", again.ID, again.Seq, first.ID, first.Seq)
	}
	sy.Written([]*jobmatch.Candidate{first})    // the older state, under its older number, handed over late
	if _, err := sy.SyncOnce(ctx); err != nil { // one pass: no later re-read to hide a wrong pick
		t.Fatal(err)
	}
	if got := ids(t, ix, "tømrer"); !contains(got, first.ID) {
		t.Fatalf("the newer state was not read from the store: tømrer finds %v", got)
	}
	if got := ids(t, ix, "murer"); contains(got, first.ID) {
		t.Fatalf("the older handed-over state was indexed: murer finds %v", got)
	}
}

// TestSyncKnowsWhatItLogged: the change-log entries of CVs handed over by
// Written are known to the syncer, so a pass over them reads neither the
// log nor the CVs; a number it was not told of is read from the log.
func TestSyncKnowsWhatItLogged(t *testing.T) {
	ctx := context.Background()
	st, src, ix, sy := hidingSync(t)
	batch := []*jobmatch.Candidate{candidate("K-1", "smed", "4000"), candidate("K-2", "smed", "4000"), candidate("K-3", "smed", "4000")}
	upsert(t, st, batch...)
	other := candidate("K-4", "smed", "4000") // written by someone else: not handed over
	upsert(t, st, other)
	src.mu.Lock()
	src.logReads = 0
	src.mu.Unlock()
	sy.Written(batch)
	n, err := sy.SyncOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src.mu.Lock()
	reads := src.logReads
	src.mu.Unlock()
	if n != 3 || reads != 0 {
		t.Fatalf("the pass over the handed-over CVs consumed %d entries with %d log reads; want 3 and none", n, reads)
	}
	if got := ids(t, ix, "smed"); len(got) != 3 || contains(got, other.ID) {
		t.Fatalf("smed finds %v after the first pass; want the three handed over", got)
	}
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, ix, "smed"); len(got) != 4 {
		t.Fatalf("smed finds %v after catching up; want all four (the fourth read from the log)", got)
	}
}

// TestOlderMappingAnswersUntilRebuilt: after an upgrade that changes the
// mapping, the previous version's index keeps answering with every CV and
// the sync keeps it current, until the rebuild swaps in one of this
// version and removes the old one.
func TestOlderMappingAnswersUntilRebuilt(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	dir := t.TempDir()
	var first []*jobmatch.Candidate
	for i := range 10 {
		first = append(first, candidate(fmt.Sprintf("OLD-%d", i), "elektriker", "5000"))
	}
	upsert(t, st, first...)
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := index.NewSyncer(ix, st, nil, nil).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	// Make it the previous version's index.
	cur, _ := os.ReadFile(filepath.Join(dir, "current"))
	older := fmt.Sprintf("candidates-v%d-1", index.MappingVersion-1)
	if err := os.Rename(filepath.Join(dir, string(cur)), filepath.Join(dir, older)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "current"), []byte(older), 0o640); err != nil {
		t.Fatal(err)
	}
	var later []*jobmatch.Candidate
	for i := range 5 {
		later = append(later, candidate(fmt.Sprintf("NEW-%d", i), "elektriker", "5000"))
	}
	upsert(t, st, later...)
	// A half-built index a killed rebuild left: gone once the index is
	// opened (its lock is this process's).
	leftover := filepath.Join(dir, fmt.Sprintf("candidates-v%d-3", index.MappingVersion))
	if err := os.MkdirAll(filepath.Join(leftover, "store"), 0o750); err != nil {
		t.Fatal(err)
	}

	ix, rebuild, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !rebuild || ix.StandIn() {
		t.Fatalf("an index of an older mapping version: rebuild %v, stand-in %v; want a rebuild beside it, answering meanwhile", rebuild, ix.StandIn())
	}
	if got := len(ids(t, ix, "elektriker")); got != 10 {
		t.Fatalf("the older index finds %d CVs at once, want its 10", got)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Fatalf("a half-built index is left after opening: %v", err)
	}
	if err := index.NewSyncer(ix, st, nil, nil).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := len(ids(t, ix, "elektriker")); got != 15 {
		t.Fatalf("after the sync the older index finds %d CVs, want 15", got)
	}
	// What a rebuild killed by kill -9 leaves behind: a half-built index
	// of the new version, which nothing names.
	partial := filepath.Join(dir, fmt.Sprintf("candidates-v%d-5", index.MappingVersion))
	if err := os.MkdirAll(filepath.Join(partial, "store"), 0o750); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Rebuild(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	if got := len(ids(t, ix, "elektriker")); got != 15 {
		t.Fatalf("after the rebuild %d CVs, want 15", got)
	}
	dirs, _ := filepath.Glob(filepath.Join(dir, "candidates-*"))
	cur, _ = os.ReadFile(filepath.Join(dir, "current"))
	want := fmt.Sprintf("candidates-v%d-", index.MappingVersion)
	if len(dirs) != 1 || !strings.HasPrefix(string(cur), want) || filepath.Base(dirs[0]) != string(cur) {
		t.Fatalf("after the rebuild: directories %v, current %q; want only the new version's", dirs, cur)
	}
}

// TestRoomPacesTheWriter: a writer that has handed the sync more CVs than
// half of what it keeps waits until a pass has indexed some, and every CV
// is then indexed from memory: no change-log entry and no CV is read back
// (a pass with nothing handed over still asks the log whether there is
// more).
func TestRoomPacesTheWriter(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, src, ix, sy := hidingSync(t)
	var all []*jobmatch.Candidate
	for k := range 6 {
		var part []*jobmatch.Candidate
		for i := range 500 {
			part = append(part, candidate(fmt.Sprintf("ROOM-%d-%d", k, i), "tømrer", "8000"))
		}
		upsert(t, st, part...)
		all = append(all, part...)
	}
	src.mu.Lock()
	src.logEntries, src.cvReads = 0, 0
	src.mu.Unlock()
	sy.Written(all)
	go sy.Run(ctx)
	if err := sy.Room(ctx); err != nil {
		t.Fatal(err)
	}
	if n := sy.Applied(); n < 1000 {
		t.Fatalf("Room returned with %d of 3,000 handed-over CVs indexed; want it to wait for a pass", n)
	}
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	src.mu.Lock()
	logEntries, cvReads := src.logEntries, src.cvReads
	src.mu.Unlock()
	if n := sy.Applied(); n != 3000 {
		t.Fatalf("%d CVs indexed, want 3,000", n)
	}
	if got := ids(t, ix, "tømrer"); len(got) == 0 {
		t.Fatal("tømrer finds nobody")
	}
	if logEntries != 0 || cvReads != 0 {
		t.Fatalf("%d change-log entries and %d CVs read back; want none", logEntries, cvReads)
	}
}

// stalling holds every CV read until released, like a pass over another
// replica's bulk import that reads for a long time.
type stalling struct {
	*store.Store
	reading chan struct{}
	release chan struct{}
}

func (s *stalling) Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error) {
	s.reading <- struct{}{}
	<-s.release
	return s.Store.Candidate(ctx, id)
}

// TestLagShowsDuringAPass: while a pass reads the CVs of its changes, the
// lag already counts them (/readyz reads it), not only once the pass ends.
func TestLagShowsDuringAPass(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	ix, _, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	src := &stalling{Store: st, reading: make(chan struct{}, 8), release: make(chan struct{})}
	sy := index.NewSyncer(ix, src, quiet, nil)
	upsert(t, st, candidate("L-1", "murer", "7100"), candidate("L-2", "murer", "7100"))
	done := make(chan error, 1)
	go func() { _, err := sy.SyncOnce(ctx); done <- err }()
	<-src.reading
	if changes, _ := sy.Lag(); changes < 2 {
		close(src.release)
		<-done
		t.Fatalf("lag during the pass: %d changes, want 2", changes)
	}
	close(src.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if changes, secs := sy.Lag(); changes != 0 || secs != 0 {
		t.Fatalf("lag after the pass: %d changes, %.1f s", changes, secs)
	}
}
