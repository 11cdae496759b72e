package store

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"jobmatch"
)

// TestChangesHeldWhileWritten: change-log entries this process is still
// writing CVs for are not read by ChangesAfter (the writer hands them to
// the index's sync itself), nor is anything logged after them; once
// released, all of it is read. Runs on the external backend too when
// JOBMATCH_TEST_MONGODB_URI is set.
func TestChangesHeldWhileWritten(t *testing.T) {
	ctx := context.Background()
	cfg := Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if uri := os.Getenv("JOBMATCH_TEST_MONGODB_URI"); uri != "" {
		cfg.MongoDBURI, cfg.Database = uri, "jobmatch_test_"+jobmatch.NewID()
	}
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cfg.MongoDBURI != "" {
			_ = s.DB().Drop(ctx)
		}
		_ = s.Close(ctx)
	})
	now := time.Now().UTC()
	read := func() []int64 {
		t.Helper()
		cs, err := s.ChangesAfter(ctx, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, c := range cs {
			out = append(out, c.Seq)
		}
		return out
	}
	first, err := s.appendChanges(ctx, []changeEntry{{CandidateID: "a", Op: "upsert", At: now}}, false)
	if err != nil {
		t.Fatal(err)
	}
	held, err := s.appendChanges(ctx, []changeEntry{{CandidateID: "b", Op: "upsert", At: now}, {CandidateID: "c", Op: "upsert", At: now}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.appendChanges(ctx, []changeEntry{{CandidateID: "d", Op: "delete", At: now}}, false); err != nil {
		t.Fatal(err)
	}
	if got := read(); len(got) != 1 || got[0] != first[0] {
		t.Fatalf("while %v are written: read %v, want only %v", held, got, first)
	}
	s.releaseChanges(held)
	if got := read(); len(got) != 4 {
		t.Fatalf("after the write: read %v, want all four", got)
	}
}
