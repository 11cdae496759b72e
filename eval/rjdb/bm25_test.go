package rjdb

import (
	"path/filepath"
	"testing"
	"time"
)

func TestBM25Small(t *testing.T) {
	rows := []Row{
		{JD: "Java developer with Spring and Kafka", Matched: "Java Spring Kafka developer", Unmatched: "Java developer"},
		{JD: "Registered nurse for intensive care", Matched: "Registered nurse, intensive care unit", Unmatched: "Nurse"},
		{JD: "Truck driver with a CDL licence", Matched: "Truck driver, CDL licence holder", Unmatched: "Driver"},
	}
	b, err := NewBM25(t.TempDir(), rows)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i, r := range rows {
		ids, err := b.Rank(i, r.JD, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) == 0 || ids[0] != DocID(i, true) {
			t.Errorf("row %d: ranking %v, want %s first", i, ids, DocID(i, true))
		}
	}
	res, err := Evaluate(rows, b, 50)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pairwise != 1 || res.Recall50 != 1 {
		t.Errorf("Evaluate() = %v, want pairwise and recall 1", res)
	}
}

func TestBM25ExistingIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	rows := []Row{{JD: "a", Matched: "b", Unmatched: "c"}}
	b, err := NewBM25(dir, rows)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if b2, err := NewBM25(dir, rows); err == nil {
		b2.Close()
		t.Errorf("NewBM25 over an existing index: no error")
	}
}

// TestBM25Floor runs the lexical floor over the real file: every JD against
// all 1,332 résumés. The published BM25 pairwise accuracy on the full
// 1,000-row test set is about 0.917.
func TestBM25Floor(t *testing.T) {
	rows := testRows(t)
	start := time.Now()
	b, err := NewBM25(t.TempDir(), rows)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	built := time.Since(start)

	start = time.Now()
	res, err := Evaluate(rows, b, 100)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("bm25: %v (index %v, ranking %v)", res, built.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if res.JDs != len(rows) {
		t.Errorf("JDs = %d, want %d", res.JDs, len(rows))
	}
	if res.Pairwise <= 0.8 {
		t.Errorf("pairwise = %.4f, want > 0.8", res.Pairwise)
	}
	if res.Recall50 < 0.9 {
		t.Errorf("recall@50 = %.4f, want ≥ 0.9", res.Recall50)
	}

	// Same index, same answer.
	again, err := Evaluate(rows, b, 100)
	if err != nil {
		t.Fatal(err)
	}
	if again != res {
		t.Errorf("second evaluation %v differs from first %v", again, res)
	}
}

func TestBreakTies(t *testing.T) {
	hits := []scored{
		{"r1-u", 2}, {"r1-m", 2 + 1e-12}, {"r0-m", 3}, {"r2-m", 1}, {"r2-u", 2 - 1e-12},
	}
	breakTies(hits)
	if hits[0].id != "r0-m" || hits[4].id != "r2-m" {
		t.Fatalf("breakTies() = %v: wrong score order", hits)
	}
	// The three near-equal scores are ordered by idHash, whatever their
	// order going in.
	want := []string{hits[1].id, hits[2].id, hits[3].id}
	for range 10 {
		again := []scored{{"r2-u", 2}, {"r1-m", 2 - 1e-12}, {"r2-m", 1}, {"r1-u", 2 + 1e-12}, {"r0-m", 3}}
		breakTies(again)
		for i, id := range want {
			if again[i+1].id != id {
				t.Fatalf("breakTies() = %v, want ties in order %v", again, want)
			}
		}
	}
	for i := 1; i < len(want); i++ {
		if idHash(want[i-1]) > idHash(want[i]) {
			t.Errorf("ties not in idHash order: %v", want)
		}
	}
}
