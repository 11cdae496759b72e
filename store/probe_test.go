package store

import (
	"errors"
	"math/bits"
	"testing"
)

// TestProbeEnd: from any known position, the probe finds exactly the last
// position that exists, with one lookup when nothing was added and at most
// about twice the bits of the distance when much was (it took one lookup
// per position before: another replica's bulk import left a replica
// minutes behind).
func TestProbeEnd(t *testing.T) {
	for _, end := range []int64{0, 1, 2, 3, 7, 8, 9, 100, 1000, 18000, 1 << 20} {
		for _, from := range []int64{0, 1, end / 2, end - 1, end} {
			if from < 0 || from > end {
				continue
			}
			lookups := 0
			got, err := probeEnd(from, func(n int64) (bool, error) {
				lookups++
				if n <= from {
					t.Fatalf("end %d from %d: looked up %d, at or below the known position", end, from, n)
				}
				return n <= end, nil
			})
			if err != nil || got != end {
				t.Fatalf("end %d from %d: got %d, %v", end, from, got, err)
			}
			limit := 2*bits.Len64(uint64(end-from)) + 1
			if end == from {
				limit = 1
			}
			if lookups > limit {
				t.Errorf("end %d from %d: %d lookups, want at most %d", end, from, lookups, limit)
			}
		}
	}
	boom := errors.New("boom")
	if _, err := probeEnd(5, func(int64) (bool, error) { return false, boom }); !errors.Is(err, boom) {
		t.Fatalf("a lookup's error is returned: %v", err)
	}
}
