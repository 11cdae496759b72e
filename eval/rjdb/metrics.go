package rjdb

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// Ranker ranks the résumé pool for one job description.
type Ranker interface {
	// Rank returns up to k résumé ids (see DocID), best first, for the job
	// description jd of the given row. The row is passed only so a ranker can
	// log or cache; using it to look up the answer defeats the evaluation.
	Rank(row int, jd string, k int) ([]string, error)
}

// DocID is the id of a row's matched ("r12-m") or unmatched ("r12-u")
// résumé in the pool.
func DocID(row int, matched bool) string {
	s := "r" + strconv.Itoa(row)
	if matched {
		return s + "-m"
	}
	return s + "-u"
}

// Doc is one résumé of the pool.
type Doc struct {
	ID      string // DocID(Row, Matched)
	Row     int
	Matched bool
	Text    string
}

// Docs returns the pool: every row's matched and unmatched résumé, 2×len(rows)
// documents in row order, matched first.
func Docs(rows []Row) []Doc {
	docs := make([]Doc, 0, 2*len(rows))
	for i, r := range rows {
		docs = append(docs,
			Doc{ID: DocID(i, true), Row: i, Matched: true, Text: r.Matched},
			Doc{ID: DocID(i, false), Row: i, Matched: false, Text: r.Unmatched})
	}
	return docs
}

// Result holds the mean metrics over the job descriptions of an evaluation.
type Result struct {
	JDs      int     // job descriptions evaluated
	NDCG10   float64 // mean nDCG@10
	Recall50 float64 // share of JDs with their matched résumé in the top 50
	Pairwise float64 // share of JDs ranking their matched above their unmatched résumé
}

// String formats the result on one line.
func (r Result) String() string {
	return fmt.Sprintf("JDs=%d ndcg@10=%.4f recall@50=%.4f pairwise=%.4f", r.JDs, r.NDCG10, r.Recall50, r.Pairwise)
}

// idealDCG10 is the best possible DCG@10: gain 2 at rank 1, gain 1 at rank 2.
var idealDCG10 = 2/math.Log2(2) + 1/math.Log2(3)

// scores holds the metrics of one job description.
type scores struct {
	ndcg10, recall50, pairwise float64
}

// score computes the metrics of one ranking for the job description of row.
// Only the first occurrence of an id counts; ids not in the pool are
// ordinary non-relevant entries.
func score(row int, ids []string) scores {
	m, u := DocID(row, true), DocID(row, false)
	posM, posU := -1, -1 // 0-based rank, -1 when absent
	for i, id := range ids {
		switch {
		case id == m && posM < 0:
			posM = i
		case id == u && posU < 0:
			posU = i
		}
	}
	var s scores
	dcg := 0.0
	if posM >= 0 && posM < 10 {
		dcg += 2 / math.Log2(float64(posM)+2)
	}
	if posU >= 0 && posU < 10 {
		dcg += 1 / math.Log2(float64(posU)+2)
	}
	s.ndcg10 = dcg / idealDCG10
	if posM >= 0 && posM < 50 {
		s.recall50 = 1
	}
	switch {
	case posM >= 0 && (posU < 0 || posM < posU):
		s.pairwise = 1
	case posM < 0 && posU < 0:
		s.pairwise = 0.5
	}
	return s
}

// Evaluate ranks the pool for every row's job description with r and
// returns the mean metrics.
//
// Each job description is a query over the pool of all 2×len(rows) résumés
// (see Docs); its own matched résumé has gain 2, its own unmatched résumé
// gain 1, every other résumé 0. k is how many ids to ask for and must be at
// least 50 (recall@50). Rankings are requested concurrently from
// runtime.GOMAXPROCS(0) workers, so r must be safe for concurrent use; the
// result does not depend on the scheduling. A ranking error stops the
// evaluation and is returned (the lowest failing row among those ranked).
func Evaluate(rows []Row, r Ranker, k int) (Result, error) {
	if k < 50 {
		return Result{}, fmt.Errorf("rjdb: k = %d, need at least 50 for recall@50", k)
	}
	if len(rows) == 0 {
		return Result{}, errors.New("rjdb: no rows to evaluate")
	}
	per := make([]scores, len(rows))
	errs := make([]error, len(rows))
	var failed atomic.Bool
	next := atomic.Int64{}
	workers := min(runtime.GOMAXPROCS(0), len(rows))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(rows) {
					return
				}
				ids, err := r.Rank(i, rows[i].JD, k)
				if err != nil {
					errs[i] = fmt.Errorf("rjdb: rank row %d: %w", i, err)
					failed.Store(true)
					return
				}
				if len(ids) > k {
					ids = ids[:k]
				}
				per[i] = score(i, ids)
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		for _, err := range errs {
			if err != nil {
				return Result{}, err
			}
		}
	}
	// Sum in row order so the floating-point result is reproducible.
	var sum scores
	for _, s := range per {
		sum.ndcg10 += s.ndcg10
		sum.recall50 += s.recall50
		sum.pairwise += s.pairwise
	}
	n := float64(len(rows))
	return Result{
		JDs:      len(rows),
		NDCG10:   sum.ndcg10 / n,
		Recall50: sum.recall50 / n,
		Pairwise: sum.pairwise / n,
	}, nil
}
