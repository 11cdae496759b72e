// Package storetest opens a real embedded store for tests.
package storetest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"

	"jobmatch"
	"jobmatch/store"
)

// Open starts the embedded FerretDB in a temporary directory, or connects to
// JOBMATCH_TEST_MONGODB_URI (a fresh database per test) when that is set, and
// closes it when the test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	cfg := store.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if uri := os.Getenv("JOBMATCH_TEST_MONGODB_URI"); uri != "" {
		cfg.MongoDBURI = uri
		cfg.Database = "jobmatch_test_" + jobmatchID()
	}
	s, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

func jobmatchID() string { return jobmatch.NewID() }
