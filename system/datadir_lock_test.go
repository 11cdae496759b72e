package system_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"jobmatch/index"
	"jobmatch/system"
)

// TestDataDirInUse: a second process on a data directory in use (a
// `kpi rebuild --dry-run` or `reindex` beside the running serve) is refused
// before it starts the embedded database on the live SQLite files; it used
// to start it and only then hear that the index is in use.
func TestDataDirInUse(t *testing.T) {
	dir := t.TempDir()
	var quiet bytes.Buffer
	first, err := system.Open(t.Context(), system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&quiet, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close(context.Background())
	var logs bytes.Buffer
	second, err := system.Open(t.Context(), system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err == nil {
		second.Close(context.Background())
		t.Fatal("a second process opened a data directory in use")
	}
	if !errors.Is(err, index.ErrInUse) {
		t.Fatalf("second open: %v, want index.ErrInUse", err)
	}
	if strings.Contains(logs.String(), "embedded database started") {
		t.Fatalf("the second process started the embedded database on the live files:\n%s", logs.String())
	}
}
