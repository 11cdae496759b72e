package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedDatabaseListensOnItsUsersSocket: the embedded FerretDB
// (SQLite, no authentication) listens on a Unix socket in the data
// directory that only the service's user may use, not on loopback TCP,
// where any user or process on the host read and changed every CV. A
// socket a killed process left is replaced; a data directory whose path
// is too long for a socket gets one in a temporary directory of its own,
// removed at Close. A second process connects by the URI (a replica, a
// command of the same user).
func TestEmbeddedDatabaseListensOnItsUsersSocket(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	sock := filepath.Join(dir, "run", "mongodb.sock")
	if err := os.MkdirAll(filepath.Dir(sock), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sock, nil, 0o644); err != nil { // a killed process's
		t.Fatal(err)
	}
	s, err := Open(ctx, Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if s.URI() != EmbeddedURI(dir) || !strings.HasPrefix(s.URI(), "mongodb://%2F") || strings.Contains(s.URI(), "127.0.0.1") {
		t.Fatalf("embedded database at %q, want the socket %s (%q)", s.URI(), sock, EmbeddedURI(dir))
	}
	for path, want := range map[string]os.FileMode{filepath.Dir(sock): 0o700, sock: 0o600} {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, st.Mode().Perm(), want)
		}
	}
	other, err := Open(ctx, Config{MongoDBURI: s.URI(), DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("a second process on the socket: %v", err)
	}
	other.Close(ctx)

	long := filepath.Join(t.TempDir(), strings.Repeat("lang-sti-", 12))
	l, err := Open(ctx, Config{DataDir: long})
	if err != nil {
		t.Fatalf("data directory with a long path: %v", err)
	}
	if EmbeddedURI(long) != "" || !strings.HasPrefix(l.URI(), "mongodb://%2F") {
		t.Fatalf("long path: URI %q, EmbeddedURI %q", l.URI(), EmbeddedURI(long))
	}
	tmp := l.sockTmp
	if st, err := os.Stat(tmp); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("the long path's socket directory %s: %v", tmp, err)
	}
	if err := l.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); err == nil {
		t.Errorf("the socket's temporary directory %s is left after Close", tmp)
	}
}
