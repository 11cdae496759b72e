package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"jobmatch/internal/shareddata"
)

// Floors are the recorded figures minus a margin; raise them as the method
// improves (figures and history in docs/benchmarks.md).
const (
	rjdbPairwiseFloor = 0.965 // measured 0.970, 2026-12-04 (target 0.97)
	// nDCG@10 must be at or above BM25 in the same run: measured 0.978
	// against 0.974 on 2026-12-04 (relative, saturated text; docs/matching.md).
	rjdbNDCGFloor = 0.95
	meloMRRFloor  = 0.645 // measured 0.656
)

func TestQualityFloors(t *testing.T) {
	mdir, err := shareddata.Find("eval_melo_dnk")
	if err != nil {
		t.Fatal(err)
	}
	m, err := MELO(mdir)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(m)
	if m.MRR < meloMRRFloor {
		t.Errorf("MELO MRR %.3f below the floor %.3f", m.MRR, meloMRRFloor)
	}
	rdir, err := shareddata.Find("eval_rjdb")
	if err != nil {
		t.Fatal(err)
	}
	var progress *os.File
	if testing.Verbose() {
		progress = os.Stderr
	}
	r, err := RJDB(context.Background(), filepath.Join(rdir, "test.jsonl"), progress)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if r.Failed > 0 {
		t.Errorf("%d résumés refused by the import", r.Failed)
	}
	if r.Matcher.Pairwise < rjdbPairwiseFloor {
		t.Errorf("RJDB pairwise %.3f below the floor %.3f", r.Matcher.Pairwise, rjdbPairwiseFloor)
	}
	if r.Matcher.NDCG10 < rjdbNDCGFloor {
		t.Errorf("RJDB nDCG@10 %.3f below the floor %.3f", r.Matcher.NDCG10, rjdbNDCGFloor)
	}
	if r.Matcher.NDCG10 < r.BM25.NDCG10 {
		t.Errorf("RJDB nDCG@10 %.4f below plain BM25's %.4f in the same run", r.Matcher.NDCG10, r.BM25.NDCG10)
	}
}

// Everyday-query floors (issue 11): the recorded figures minus a margin.
const (
	everydayRecallFloor = 0.95
	everydayP10Floor    = 0.80
	// everydayPrecisionFloor: 0.869 after a restart (2026-12-05); 0.839
	// when the vocabulary read back after a restart made every word look
	// rare ("smed" found 1,597 CVs, 436 hold it).
	everydayPrecisionFloor = 0.85
	// everydayWantedFloor: 0.997 when a wanted occupation weighs twice a
	// past title (2026-12-05); 0.930 before, when for "lærer" seven of
	// the first ten had taught once and now wanted other work.
	everydayWantedFloor = 0.95
)

func TestEverydayQueries(t *testing.T) {
	var progress *os.File
	if testing.Verbose() {
		progress = os.Stderr
	}
	r, err := Everyday(context.Background(), 2000, EverydayQueries, progress)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if len(EverydayQueries) < 60 {
		t.Errorf("only %d everyday queries", len(EverydayQueries))
	}
	if r.Recall < everydayRecallFloor {
		t.Errorf("everyday recall %.3f below the floor %.3f", r.Recall, everydayRecallFloor)
	}
	if r.P10 < everydayP10Floor {
		t.Errorf("everyday precision@10 %.3f below the floor %.3f", r.P10, everydayP10Floor)
	}
	if r.Precision < everydayPrecisionFloor {
		t.Errorf("everyday precision %.3f below the floor %.3f", r.Precision, everydayPrecisionFloor)
	}
	if r.W10 < everydayWantedFloor {
		t.Errorf("everyday wanted@10 %.3f below the floor %.3f", r.W10, everydayWantedFloor)
	}
	if len(r.Empty) > 0 {
		t.Errorf("no CV found for %v, which the baseline answers with 3 or more", r.Empty)
	}
}
