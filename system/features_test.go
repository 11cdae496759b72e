package system_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/index"
	"jobmatch/matcher"
	"jobmatch/system"
)

// start opens and starts the system on dir and waits until it is ready.
func start(t *testing.T, dir string) (*system.System, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	sys.Start(ctx)
	for deadline := time.Now().Add(5 * time.Minute); !sys.Ready(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("not ready")
		}
	}
	return sys, func() {
		cancel()
		if err := sys.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// samePool compares the pool with features built afresh from every CV in
// the store.
func samePool(t *testing.T, sys *system.System) int {
	t.Helper()
	n := 0
	err := sys.Store.EachCandidate(context.Background(), func(c *jobmatch.Candidate) error {
		n++
		want := matcher.FromCandidate(c, sys.Taxonomy, sys.Places)
		got, ok := sys.Pool.Get(c.ID)
		if !ok {
			t.Fatalf("CV %s missing from the pool", c.ID)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("CV %s: pool features differ from the store's:\n got %+v\nwant %+v", c.ID, got, want)
		}
		if sys.Pool.Name(c.ID) != c.Name {
			t.Fatalf("CV %s: name %q, want %q", c.ID, sys.Pool.Name(c.ID), c.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sys.Pool.Len() != n {
		t.Fatalf("pool holds %d, the store %d", sys.Pool.Len(), n)
	}
	return n
}

func TestFeaturesSnapshot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	snap := filepath.Join(dir, "index", system.FeaturesSnapshotFile)

	// First start: no snapshot, a full load; the close writes one.
	sys, stop := start(t, dir)
	if sys.FeaturesSource() != "store" {
		t.Fatalf("first start loaded features from %q", sys.FeaturesSource())
	}
	if _, err := demo.LoadCandidates(ctx, sys, 80, 7, nil); err != nil {
		t.Fatal(err)
	}
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	stop()
	if _, err := os.Stat(snap); err != nil {
		t.Fatalf("no snapshot after a clean stop: %v", err)
	}

	// Changes while the service is down: the snapshot falls behind.
	sys, err := system.Open(ctx, system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	var some []*jobmatch.Candidate
	_ = sys.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		if len(some) < 6 {
			some = append(some, c)
		}
		return nil
	})
	for _, c := range some[:4] {
		c.Summary = "Skiftet til lagerarbejde " + c.ID
		c.Skills = append(c.Skills, jobmatch.Concept{Label: "truckcertifikat"})
	}
	if _, err := sys.Store.UpsertCandidates(ctx, some[:4], time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	for _, c := range some[4:] {
		if _, err := sys.Store.DeleteCandidate(ctx, c.ID, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
	}
	if err := sys.Close(ctx); err != nil {
		t.Fatal(err)
	}

	// Restart: the snapshot is used and caught up to the change log.
	sys, stop = start(t, dir)
	if sys.FeaturesSource() != "snapshot" {
		t.Fatalf("restart loaded features from %q, want the snapshot", sys.FeaturesSource())
	}
	if n := samePool(t, sys); n != 78 {
		t.Fatalf("%d CVs, want 78", n)
	}
	if _, ok := sys.Pool.Get(some[5].ID); ok {
		t.Fatal("a CV erased after the snapshot is back in the pool")
	}
	stop()

	// A corrupt snapshot (one flipped byte) is detected and rebuilt.
	b, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x40
	if err := os.WriteFile(snap, b, 0o640); err != nil {
		t.Fatal(err)
	}
	sys, stop = start(t, dir)
	if sys.FeaturesSource() != "store" {
		t.Fatalf("a corrupt snapshot was used (%q)", sys.FeaturesSource())
	}
	samePool(t, sys)
	stop()
	if _, _, _, err := matcher.ReadSnapshot(snap); err != nil {
		t.Fatalf("the rebuilt snapshot does not read: %v", err)
	}

	// A stale one (ahead of the change log: another database, a restore)
	// is detected and rebuilt too.
	h, fs, names, err := matcher.ReadSnapshot(snap)
	if err != nil {
		t.Fatal(err)
	}
	h.Seq += 1000
	if err := matcher.WriteSnapshot(snap, h, fs, names); err != nil {
		t.Fatal(err)
	}
	sys, stop = start(t, dir)
	defer stop()
	if sys.FeaturesSource() != "store" {
		t.Fatalf("a snapshot ahead of the change log was used (%q)", sys.FeaturesSource())
	}
	samePool(t, sys)
	cur, _ := sys.Store.CurrentSeq(ctx, index.SeqName)
	if cur == 0 {
		t.Fatal("no changes logged")
	}
}

// A tool that only imports (jobmatch import, demo: Open without Start)
// keeps no match features; a server started on the same data afterwards
// holds every CV's.
func TestImportWithoutStartKeepsNoFeatures(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	sys, err := system.Open(ctx, system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadCandidates(ctx, sys, 300, 3, nil); err != nil {
		t.Fatal(err)
	}
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if sys.Syncer.Applied() == 0 {
		t.Fatal("the import was not indexed")
	}
	if n := sys.Pool.Len(); n != 0 {
		t.Fatalf("the import tool holds %d CVs' match features", n)
	}
	if err := sys.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	served, stop := start(t, dir)
	defer stop()
	for deadline := time.Now().Add(time.Minute); !served.PoolReady(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("match features not loaded")
		}
	}
	if n := samePool(t, served); n != 300 {
		t.Fatalf("the server holds %d CVs' features, want 300", n)
	}
}
