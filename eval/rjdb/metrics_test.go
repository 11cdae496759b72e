package rjdb

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func TestDocID(t *testing.T) {
	if got := DocID(12, true); got != "r12-m" {
		t.Errorf("DocID(12, true) = %q", got)
	}
	if got := DocID(0, false); got != "r0-u" {
		t.Errorf("DocID(0, false) = %q", got)
	}
	docs := Docs([]Row{{"j0", "m0", "u0"}, {"j1", "m1", "u1"}})
	want := []Doc{{"r0-m", 0, true, "m0"}, {"r0-u", 0, false, "u0"}, {"r1-m", 1, true, "m1"}, {"r1-u", 1, false, "u1"}}
	if len(docs) != len(want) {
		t.Fatalf("Docs() = %v", docs)
	}
	for i := range want {
		if docs[i] != want[i] {
			t.Errorf("Docs()[%d] = %v, want %v", i, docs[i], want[i])
		}
	}
}

// ideal is the hand-computed ideal DCG@10: 2/log2(2) + 1/log2(3).
const ideal = 2 + 0.6309297535714574

func TestScore(t *testing.T) {
	filler := func(n int) []string {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("r%d-m", 100+i)
		}
		return ids
	}
	at := func(n int, pos map[int]string) []string {
		ids := filler(n)
		for p, id := range pos {
			ids[p] = id
		}
		return ids
	}
	tests := []struct {
		name string
		ids  []string
		want scores
	}{
		{"perfect", []string{"r0-m", "r0-u", "r5-m"}, scores{1, 1, 1}},
		// 1/log2(2) + 2/log2(3) = 1 + 1.2618595 = 2.2618595
		{"swapped", []string{"r0-u", "r0-m"}, scores{(1 + 2/math.Log2(3)) / ideal, 1, 0}},
		// matched at rank 3: 2/log2(4) = 1
		{"matched third, unmatched missing", []string{"r1-m", "r1-u", "r0-m"}, scores{1 / ideal, 1, 1}},
		{"only unmatched, first", []string{"r0-u", "r1-m"}, scores{1 / ideal, 0, 0}},
		{"both missing", []string{"r1-m", "r1-u"}, scores{0, 0, 0.5}},
		{"empty ranking", nil, scores{0, 0, 0.5}},
		// rank 11 is outside the nDCG cut-off but inside recall@50
		{"matched eleventh", at(20, map[int]string{10: "r0-m", 12: "r0-u"}), scores{0, 1, 1}},
		{"matched fiftieth", at(60, map[int]string{49: "r0-m"}), scores{0, 1, 1}},
		{"matched fifty-first", at(60, map[int]string{50: "r0-m", 0: "r0-u"}), scores{1 / ideal, 0, 0}},
		// only the first occurrence counts
		{"duplicates", []string{"x", "r0-m", "r0-m", "r0-u"}, scores{(2/math.Log2(3) + 1/math.Log2(5)) / ideal, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := score(0, tt.ids)
			if !near(got.ndcg10, tt.want.ndcg10) || got.recall50 != tt.want.recall50 || got.pairwise != tt.want.pairwise {
				t.Errorf("score() = %+v, want %+v", got, tt.want)
			}
		})
	}
	if got := score(0, []string{"r0-u", "r0-m"}).ndcg10; !near(got, 0.8597186998521972) {
		t.Errorf("swapped nDCG@10 = %.16f, want 0.8597186998521972", got)
	}
}

// fixed ranks from a table; rows missing from it get an empty ranking.
type fixed map[int][]string

func (f fixed) Rank(row int, _ string, _ int) ([]string, error) { return f[row], nil }

type failing struct{ row int }

func (f failing) Rank(row int, _ string, _ int) ([]string, error) {
	if row == f.row {
		return nil, errors.New("boom")
	}
	return []string{DocID(row, true)}, nil
}

func TestEvaluate(t *testing.T) {
	rows := make([]Row, 4)
	r := fixed{
		0: {"r0-m", "r0-u"},         // ndcg 1, recall 1, pairwise 1
		1: {"r1-u", "r1-m"},         // ndcg 0.8597…, recall 1, pairwise 0
		2: {"r0-m", "r1-m", "r3-u"}, // ndcg 0, recall 0, pairwise 0.5
		3: {"r3-m", "r0-m", "r3-u"}, // (2 + 1/log2(4)) / ideal, recall 1, pairwise 1
	}
	got, err := Evaluate(rows, r, 50)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{
		JDs:      4,
		NDCG10:   (1 + (1+2/math.Log2(3))/ideal + 0 + 2.5/ideal) / 4,
		Recall50: 3.0 / 4,
		Pairwise: 2.5 / 4,
	}
	if got.JDs != want.JDs || !near(got.NDCG10, want.NDCG10) || !near(got.Recall50, want.Recall50) || !near(got.Pairwise, want.Pairwise) {
		t.Errorf("Evaluate() = %v, want %v", got, want)
	}
	if s := got.String(); !strings.Contains(s, "JDs=4") || !strings.Contains(s, "pairwise=0.6250") || !strings.Contains(s, "recall@50=0.7500") {
		t.Errorf("String() = %q", s)
	}
}

func TestEvaluateTruncatesToK(t *testing.T) {
	ids := make([]string, 60)
	for i := range ids {
		ids[i] = fmt.Sprintf("r%d-m", 100+i)
	}
	ids[55] = "r0-m" // beyond k = 50: must not count
	got, err := Evaluate(make([]Row, 1), fixed{0: ids}, 50)
	if err != nil {
		t.Fatal(err)
	}
	if got.Recall50 != 0 || got.Pairwise != 0.5 {
		t.Errorf("Evaluate() = %v, want recall 0 and pairwise 0.5 (both missing after truncation)", got)
	}
}

func TestEvaluateErrors(t *testing.T) {
	rows := make([]Row, 100)
	if _, err := Evaluate(rows, fixed{}, 49); err == nil {
		t.Errorf("k = 49: no error")
	}
	if _, err := Evaluate(nil, fixed{}, 50); err == nil {
		t.Errorf("no rows: no error")
	}
	_, err := Evaluate(rows, failing{row: 37}, 50)
	if err == nil || !strings.Contains(err.Error(), "row 37") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Evaluate() error = %v, want one naming row 37", err)
	}
}

// TestEvaluateDeterministic checks the concurrent evaluation against a
// sequential one over many rows.
func TestEvaluateDeterministic(t *testing.T) {
	const n = 997
	rows := make([]Row, n)
	r := fixed{}
	for i := range n {
		switch i % 5 {
		case 0:
			r[i] = []string{DocID(i, true), DocID(i, false)}
		case 1:
			r[i] = []string{DocID(i, false), "x", DocID(i, true)}
		case 2:
			r[i] = []string{"x", "y", DocID(i, true)}
		case 3:
			r[i] = []string{DocID(i, false)}
		}
	}
	var sum scores
	for i := range n {
		s := score(i, r[i])
		sum.ndcg10 += s.ndcg10
		sum.recall50 += s.recall50
		sum.pairwise += s.pairwise
	}
	want := Result{JDs: n, NDCG10: sum.ndcg10 / n, Recall50: sum.recall50 / n, Pairwise: sum.pairwise / n}
	for range 5 {
		got, err := Evaluate(rows, r, 50)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("Evaluate() = %v, want exactly %v", got, want)
		}
	}
}
