package main

import (
	"os"
	"path/filepath"
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

// TestCommandsOnTheListenerTakeNoSlot: `kpi rebuild --dry-run`, `reindex`
// and `purge --dry-run` connected to a serving process's database take no
// replica slot and write none in their data directory. A dry run was the
// first process ever on the embedded serve's listener and took slot 1:
// that serve counted itself replicated for good (turns on every update,
// and after a kill -9 it recounted only its own slot's figures).
func TestCommandsOnTheListenerTakeNoSlot(t *testing.T) {
	clearStorageEnv(t)
	a := systemtest.Start(t)
	db := []string{"--mongodb-uri", a.Sys.Store.URI(), "--database", a.Sys.Store.DB().Name()}
	replicated, err := a.Sys.Store.EverReplicated(t.Context())
	if err != nil || replicated {
		t.Fatalf("before the commands: replicated %v, err %v", replicated, err)
	}
	for _, cmd := range [][]string{{"kpi", "rebuild", "--dry-run"}, {"reindex"}, {"purge", "--dry-run", "--inactive-days", "730"}} {
		dir := t.TempDir()
		if _, _, err := cli(t, append(append(cmd, db...), "--data-dir", dir)...); err != nil {
			t.Fatalf("%s: %v", strings.Join(cmd, " "), err)
		}
		if _, err := os.Stat(filepath.Join(dir, "replica-slot-"+a.Sys.Store.DB().Name())); err == nil {
			t.Errorf("%s recorded a replica slot in its data directory", strings.Join(cmd, " "))
		}
		replicated, err := a.Sys.Store.EverReplicated(t.Context())
		if err != nil || replicated {
			t.Fatalf("after %s the serving process counts itself replicated (%v, err %v)", strings.Join(cmd, " "), replicated, err)
		}
	}
}
