package main

import (
	"context"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestKPIRebuildBesideServeSaysWhatIsInUse: `kpi rebuild --dry-run` on
// the data directory of a running serve is refused, as the embedded
// database is that process's alone, and says so and what to do: the
// service's database listener as --mongodb-uri, or stop serve. It said
// "index: in use by another process … give this one another --data-dir",
// though kpi rebuild does not use the index, and another directory holds
// no database. On an external database it needs a data directory of its
// own, and says that.
func TestKPIRebuildBesideServeSaysWhatIsInUse(t *testing.T) {
	clearStorageEnv(t)
	dir := t.TempDir()
	a := systemtest.Start(t, systemtest.Options{DataDir: dir})
	args := []string{"kpi", "rebuild", "--dry-run", "--data-dir", dir}
	wants := []string{"in use by a running jobmatch (serve)", "embedded database", "--mongodb-uri", "stop serve"}
	if !a.Sys.Store.Embedded() {
		t.Cleanup(func() { _ = a.Sys.Store.DB().Drop(context.Background()) })
		args = append(args, "--mongodb-uri", a.Sys.Store.URI(), "--database", a.Sys.Store.DB().Name())
		wants = []string{"search index", "not the index", "--data-dir of its own"}
	}
	out, _, err := cli(t, args...)
	if err == nil {
		t.Fatalf("kpi rebuild beside serve on its data directory: %q", out)
	}
	for _, w := range wants {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("kpi rebuild beside serve: %v\nlacks %q", err, w)
		}
	}
	if strings.Contains(err.Error(), "give this one another --data-dir") {
		t.Errorf("kpi rebuild beside serve still sends the operator to another data directory: %v", err)
	}
	if a.Sys.Store.Embedded() {
		// The advice works: the service's database socket, named in it,
		// and a data directory of the command's own.
		uri := a.Sys.Store.URI()
		if !strings.Contains(err.Error(), "--mongodb-uri "+uri+" ") {
			t.Fatalf("kpi rebuild beside serve: %v\ndoes not name the service's database %s", err, uri)
		}
		if out, _, err := cli(t, "kpi", "rebuild", "--dry-run", "--mongodb-uri", uri, "--data-dir", t.TempDir()); err != nil || !strings.Contains(out, "the counters agree") {
			t.Fatalf("kpi rebuild as advised: %v %q", err, out)
		}
	}
}
