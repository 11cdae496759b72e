package jobmatch_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPackageSeams checks, with go list, which packages may import which:
// the store does not know the index or the use cases; the index and the
// matcher do not know the store; the API and the pages are siblings on the
// web kernel (neither imports the other, and only the three import echo);
// and the database driver stays in the store
// and the wiring: the use cases say what changes (store.Change, store.Fields)
// and the store how it is written; the domain package knows no BSON (the
// store's codec writes its Date).
func TestPackageSeams(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		imports[f[0]] = f[1:]
	}
	if len(imports) < 10 {
		t.Fatalf("go list found only %d packages", len(imports))
	}
	never := map[string][]string{
		"jobmatch/store":    {"jobmatch/index", "jobmatch/app", "jobmatch/api", "jobmatch/frontend", "jobmatch/matcher", "jobmatch/system"},
		"jobmatch/index":    {"jobmatch/store", "jobmatch/app", "jobmatch/api", "jobmatch/frontend", "jobmatch/matcher"},
		"jobmatch/matcher":  {"jobmatch/store", "jobmatch/app", "jobmatch/api", "jobmatch/frontend"},
		"jobmatch/api":      {"jobmatch/frontend", "jobmatch/store"},
		"jobmatch/frontend": {"jobmatch/api", "jobmatch/store"},
		"jobmatch/web":      {"jobmatch/api", "jobmatch/frontend", "jobmatch/store"},
		"jobmatch":          {"jobmatch/store", "jobmatch/index", "jobmatch/app"},
	}
	for pkg, banned := range never {
		for _, imp := range imports[pkg] {
			for _, b := range banned {
				if imp == b || strings.HasPrefix(imp, b+"/") {
					t.Errorf("%s imports %s", pkg, imp)
				}
			}
		}
	}
	driverAllowed := []string{"jobmatch/store", "jobmatch/system", "jobmatch/system/systemtest", "jobmatch/cmd/jobmatch", "jobmatch/cmd/ferretdb-pg"}
	for pkg, imps := range imports {
		for _, imp := range imps {
			if strings.HasPrefix(imp, "go.mongodb.org/mongo-driver") && !slices.Contains(driverAllowed, pkg) {
				t.Errorf("%s imports the database driver (%s): only the store and the wiring may", pkg, imp)
			}
			// The web kernel and its two siblings, the API and the pages,
			// are the only users of echo, so a move to echo v5 stays there.
			if strings.HasPrefix(imp, "github.com/labstack/echo") && !slices.Contains([]string{"jobmatch/web", "jobmatch/api", "jobmatch/frontend"}, pkg) {
				t.Errorf("%s imports echo (%s): only the web kernel, the API and the pages may", pkg, imp)
			}
		}
	}
}

// TestUseCaseRooms checks the use cases' own seams with go list: the
// shared kernel (app) knows no use case; each use case imports only the
// use cases listed for it here (for their input types; what it calls of
// them is a small interface it declares itself), so the graph stays a
// tree that points one way; and none knows the web, the pages, the API or
// the wiring.
func TestUseCaseRooms(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./app/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	may := map[string][]string{
		"jobmatch/app":           {},
		"jobmatch/app/staff":     {},
		"jobmatch/app/surveys":   {},
		"jobmatch/app/cvs":       {},
		"jobmatch/app/matching":  {},
		"jobmatch/app/companies": {"jobmatch/app/surveys"},
		"jobmatch/app/intake":    {"jobmatch/app/companies", "jobmatch/app/surveys"},
		"jobmatch/app/screening": {"jobmatch/app/intake"},
		"jobmatch/app/followup":  {"jobmatch/app/screening"},
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		allowed, ok := may[f[0]]
		if !ok {
			t.Errorf("%s: a package under app that this test does not know; add it to the map", f[0])
			continue
		}
		seen++
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, "jobmatch/app/") && !slices.Contains(allowed, imp) {
				t.Errorf("%s imports the use case %s", f[0], imp)
			}
			for _, up := range []string{"jobmatch/web", "jobmatch/api", "jobmatch/frontend", "jobmatch/system", "github.com/labstack/echo"} {
				if imp == up || strings.HasPrefix(imp, up+"/") {
					t.Errorf("%s imports %s", f[0], imp)
				}
			}
		}
	}
	if seen != len(may) {
		t.Errorf("go list found %d of the %d packages", seen, len(may))
	}
}

// TestStoreOwnsTheSchema: outside the store (and the wiring), no package
// names a collection (store.Col…), builds a stored document (store.Fields,
// store.Change) or says how a field is stored (a bson tag).
func TestStoreOwnsTheSchema(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.Dir}} {{.ImportPath}} {{join .GoFiles " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := []string{"jobmatch/store", "jobmatch/store/storetest", "jobmatch/system", "jobmatch/system/systemtest", "jobmatch/cmd/jobmatch", "jobmatch/cmd/ferretdb-pg", "jobmatch"}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || slices.Contains(allowed, f[1]) {
			continue
		}
		for _, name := range f[2:] {
			b, err := os.ReadFile(filepath.Join(f[0], name))
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			for _, bad := range []string{"store.Col", "store.Fields{", "store.Change{", "bson:\""} {
				if strings.Contains(src, bad) {
					t.Errorf("%s/%s names the storage schema (%s)", f[1], name, bad)
				}
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d files checked", checked)
	}
}
