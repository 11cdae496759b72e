package bench

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain applies the serve command's GC setting (GOGC=400 unless set), so
// the benchmarks measure the service as it runs.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(m.Run())
}
