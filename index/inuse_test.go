package index

import (
	"errors"
	"testing"
)

// TestInUseAsksWithoutWaiting: InUse says an index open in another
// process (here another open of it) is in use, without Open's wait for
// the lock, and says nothing of an index no one has open or none at all.
func TestInUseAsksWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	if err := InUse(dir); err != nil {
		t.Fatalf("no index yet: %v", err)
	}
	first, _, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := InUse(dir); !errors.Is(err, ErrInUse) {
		first.Close()
		t.Fatalf("index open elsewhere: %v, want ErrInUse", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := InUse(dir); err != nil {
		t.Fatalf("index closed: %v", err)
	}
	again, _, err := Open(dir, nil)
	if err != nil {
		t.Fatalf("open after InUse: %v", err)
	}
	again.Close()
}
