package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIndexInUse: a second process on a data directory in use (a second
// serve, a command) is told so within a few seconds, and leaves the index
// as it was; it waited on the lock for ever, and would have put an empty
// stand-in in the first one's place had the lock failed otherwise.
func TestIndexInUse(t *testing.T) {
	dir := t.TempDir()
	first, _, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	current, _ := os.ReadFile(filepath.Join(dir, "current"))
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 200 * time.Millisecond
	second, _, err := Open(dir, nil)
	if err == nil {
		second.Close()
		t.Fatal("a second open of an index in use succeeded")
	}
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("second open: %v, want ErrInUse naming %s", err, dir)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "current")); string(now) != string(current) {
		t.Fatalf("current index %q → %q", current, now)
	}
}
