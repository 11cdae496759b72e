package store_test

import (
	"testing"

	"jobmatch/store"
)

// FuzzParseCursor: a cursor either fails or names a positive position that
// formats back to a cursor meaning the same position.
func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"", "1", "zz", "-1", "0", "1y2p0ij32e8e7", "9223372036854775807", " 1", "１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := store.ParseCursor(s)
		if err != nil || s == "" {
			return
		}
		if n <= 0 {
			t.Fatalf("cursor %q parsed to %d", s, n)
		}
		back, err := store.ParseCursor(store.FormatCursor(n))
		if err != nil || back != n {
			t.Fatalf("cursor %q → %d → %q → %d %v", s, n, store.FormatCursor(n), back, err)
		}
	})
}
