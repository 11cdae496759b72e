// Package storetest opens a real store for tests: the embedded FerretDB in a
// temporary directory, or, when JOBMATCH_TEST_MONGODB_URI is set (as the
// second pass of .ci/run sets it to FerretDB on PostgreSQL), a fresh
// database on that external server.
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

// EnvURI names the environment variable that switches the integration tests
// to an external MongoDB or FerretDB.
const EnvURI = "JOBMATCH_TEST_MONGODB_URI"

// ExternalURI returns the external database the tests should use, or "".
func ExternalURI() string { return os.Getenv(EnvURI) }

// Backend names the backend the tests run on, for test names and logs.
func Backend() string {
	if ExternalURI() != "" {
		return "external"
	}
	return "embedded"
}

// Open starts the embedded FerretDB in a temporary directory, or connects to
// JOBMATCH_TEST_MONGODB_URI (a fresh database per test) when that is set, and
// closes it when the test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	cfg := Config(t)
	s := OpenConfig(t, cfg)
	if cfg.MongoDBURI != "" {
		// Registered after OpenConfig's close, so it runs before it.
		t.Cleanup(func() { _ = s.DB().Drop(context.Background()) })
	}
	return s
}

// Config returns the store configuration Open uses: a fresh data directory
// and, on the external backend, a fresh database name. A second store opened
// with the same MongoDBURI and Database (and its own DataDir) is a second
// replica on the same database.
func Config(t testing.TB) store.Config {
	cfg := store.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if uri := ExternalURI(); uri != "" {
		cfg.MongoDBURI = uri
		cfg.Database = "jobmatch_test_" + jobmatch.NewID()
		cfg.PostgreSQLURL = PostgreSQLURL()
	}
	return cfg
}

// PostgreSQLURL is JOBMATCH_TEST_POSTGRESQL_URL: the PostgreSQL database
// behind the FerretDB at JOBMATCH_TEST_MONGODB_URI (CI's second pass sets
// both), so the store adds its _id indexes there as in production.
func PostgreSQLURL() string { return os.Getenv("JOBMATCH_TEST_POSTGRESQL_URL") }

// OpenEmbedded always starts the embedded backend, for tests of what only
// it has (the SQLite expression indexes).
func OpenEmbedded(t testing.TB) *store.Store {
	t.Helper()
	return OpenConfig(t, store.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// OpenConfig opens a store with cfg and closes it when the test ends.
func OpenConfig(t testing.TB, cfg store.Config) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}
