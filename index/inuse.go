package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// InUse reports at once, without waiting for the lock as Open does,
// whether another process has the index under dir open (ErrInUse). A
// maintenance command asks first: beside a running serve, `jobmatch
// reindex` and `kpi rebuild` waited out Open's lockWait (10 s) before
// they said the directory was in use. An index not yet made, or unread,
// is no one's: Open says what is wrong with it.
func InUse(dir string) error {
	name, err := os.ReadFile(filepath.Join(dir, "current"))
	cur := strings.TrimSpace(string(name))
	if err != nil || !strings.HasPrefix(cur, "candidates-v") {
		return nil
	}
	// The lock Open waits for is bleve's on its bolt file (scorch's
	// store/root.bolt), exclusive while the index is open; a shared
	// one is refused while it is held.
	db, err := bolt.Open(filepath.Join(dir, cur, "store", "root.bolt"), 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Millisecond})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return fmt.Errorf("%w: %s", ErrInUse, dir)
	}
	if err == nil {
		_ = db.Close()
	}
	return nil
}
