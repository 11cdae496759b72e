package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/system"
)

// TestImportCandidatesSkipsErased: the CLI import shares the API's path, so
// a citizen erased at their request is skipped there too, the row named
// and the count said apart from the failed rows.
func TestImportCandidatesSkipsErased(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "cv.csv")
	if err := os.WriteFile(file, []byte("external_ref,name,postal_code,target_group\nIMP-016,Dorthe Krag,6400,young\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func() string {
		t.Helper()
		var out, errs bytes.Buffer
		if err := runImport(ctx, []string{"candidates", file, "--data-dir", dir}, &out, &errs); err != nil {
			t.Fatalf("import: %v\n%s%s", err, out.String(), errs.String())
		}
		return out.String()
	}
	if out := run(); !strings.Contains(out, "1 created") {
		t.Fatalf("first import: %s", out)
	}
	sys, err := system.Open(ctx, system.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c, err := sys.Store.CandidateByRef(ctx, "IMP-016")
	if err == nil {
		admin := &jobmatch.User{ID: "admin", Role: jobmatch.RoleAdmin, Active: true}
		err = sys.CVs.Erase(ctx, admin, c.ID, "test")
	}
	if cerr := sys.Close(ctx); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	out := run()
	if !strings.Contains(out, "row 2 (IMP-016): external_ref: The citizen was erased on request; create the CV by hand if they have come back. (erased)") ||
		!strings.Contains(out, "1 rows, 0 created, 0 updated, 0 unchanged, 0 failed, 1 skipped (erased on request) in ") {
		t.Fatalf("import after the erasure: %s", out)
	}
}
