package main

import (
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestKPIRebuildRefusesBesideReplicas: `jobmatch kpi rebuild` rewrites
// every replica's counters from a scan of the events; run while replicas
// serve, what they counted in between was lost or counted twice for good
// (+2 on 9 counters). With other processes on the database it refuses and
// says why and what to do instead; --dry-run compares as before, and
// --force rewrites anyway.
func TestKPIRebuildRefusesBesideReplicas(t *testing.T) {
	clearStorageEnv(t)
	a := systemtest.Start(t)
	a.Replica()
	db := []string{"--mongodb-uri", a.Sys.Store.URI(), "--database", a.Sys.Store.DB().Name(), "--data-dir", t.TempDir()}
	rebuild := func(args ...string) (string, error) {
		out, _, err := cli(t, append(append([]string{"kpi", "rebuild"}, args...), db...)...)
		return out, err
	}
	out, err := rebuild()
	if err == nil || !strings.Contains(err.Error(), "2 other jobmatch process(es) have this database open") ||
		!strings.Contains(err.Error(), "--dry-run") || !strings.Contains(err.Error(), "--force") || strings.Contains(out, "rewritten") {
		t.Fatalf("kpi rebuild beside two serving processes: err %v, out %q", err, out)
	}
	if out, err := rebuild("--dry-run"); err != nil || !strings.Contains(out, "the counters agree with the events") {
		t.Fatalf("kpi rebuild --dry-run beside them: %v %q", err, out)
	}
	if out, err := rebuild("--force"); err != nil || !strings.Contains(out, "the counters agree with the events") {
		t.Fatalf("kpi rebuild --force: %v %q", err, out)
	}
}
