package taxonomy_test

import (
	"os"
	"path/filepath"
	"testing"

	"jobmatch/taxonomy"
)

// SharedData finds ../shared/data from the package directory upwards; the
// repository is cloned next to shared/ in CI. Missing data fails the test.
func sharedData(t *testing.T, sub string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for i := 0; i < 6; i++ {
		p := filepath.Join(dir, "shared", "data", sub)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		p = filepath.Join(dir, "..", "shared", "data", sub)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		dir = filepath.Dir(dir)
	}
	t.Fatalf("shared/data/%s not found above the working directory (CI clones the repo next to shared/)", sub)
	return ""
}

// meloFloor is the recorded baseline (leave-one-out MRR) minus a margin;
// raise it when the method improves.
const meloFloor = 0.645 // measured 0.656 (leave-one-out), 2026-11-23

func TestMELOFloor(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := taxonomy.EvalMELO(tx, sharedData(t, "eval_melo_dnk"), taxonomy.MELOOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if r.MRR < meloFloor {
		t.Fatalf("MELO MRR %.3f fell below the recorded floor %.3f", r.MRR, meloFloor)
	}
	own, _ := taxonomy.EvalMELO(tx, sharedData(t, "eval_melo_dnk"), taxonomy.MELOOptions{KeepOwnSTAR: true})
	t.Log("with the queries' own STAR rows:", own)
}
