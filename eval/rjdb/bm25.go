package rjdb

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
)

const (
	// textField is the one indexed field of a résumé document.
	textField = "text"
	// bm25Scoring is bleve's name for its BM25 scoring model
	// (bleve_index_api.BM25Scoring); the default is TF-IDF.
	bm25Scoring = "bm25"
)

// BM25 is the lexical floor: every résumé's full text in a bleve index with
// English analysis and BM25 scoring, queried with a plain match query of the
// job description's full text (any term may match). It is safe for
// concurrent use.
type BM25 struct {
	idx bleve.Index
}

// NewBM25 builds an on-disk bleve index at dir holding the pool of rows (see
// Docs): field "text" with the "en" analyser (stop words, possessives,
// Porter stemming), BM25 scoring (k1 = 1.2, b = 0.75). dir may exist but
// must not already hold an index. Close the returned BM25 when done.
func NewBM25(dir string, rows []Row) (*BM25, error) {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(textField, text)

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = en.AnalyzerName
	im.DefaultField = textField
	im.ScoringModel = bm25Scoring
	im.StoreDynamic = false
	im.IndexDynamic = false

	idx, err := bleve.New(dir, im)
	if err != nil {
		return nil, fmt.Errorf("rjdb: bm25: create index at %s: %w", dir, err)
	}
	b := idx.NewBatch()
	for _, d := range Docs(rows) {
		if err := b.Index(d.ID, map[string]any{textField: d.Text}); err != nil {
			idx.Close()
			return nil, fmt.Errorf("rjdb: bm25: index %s: %w", d.ID, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, fmt.Errorf("rjdb: bm25: batch: %w", err)
	}
	return &BM25{idx: idx}, nil
}

// Rank returns the ids of the k résumés scoring highest for a match query of
// jd's full text.
//
// Scores that are equal up to floating-point noise (1e-9 relative) are
// ordered by a hash of the id: bleve sums term scores in no fixed order, so
// exact ties (a matched and an unmatched résumé that differ only in years)
// would otherwise swap from one index build to the next, and ordering them by
// id would always put "r12-m" before "r12-u". To apply the same rule at the
// cut-off, 2k hits are fetched and the list is cut to k afterwards.
func (b *BM25) Rank(_ int, jd string, k int) ([]string, error) {
	q := bleve.NewMatchQuery(jd)
	q.SetField(textField)
	req := bleve.NewSearchRequestOptions(q, 2*k, 0, false)
	res, err := b.idx.Search(req)
	if err != nil {
		return nil, fmt.Errorf("rjdb: bm25: search: %w", err)
	}
	hits := make([]scored, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = scored{id: h.ID, score: h.Score}
	}
	breakTies(hits)
	ids := make([]string, 0, min(k, len(hits)))
	for _, h := range hits[:min(k, len(hits))] {
		ids = append(ids, h.id)
	}
	return ids, nil
}

// scored is a hit: a document id and its score.
type scored struct {
	id    string
	score float64
}

// breakTies sorts hits by score, highest first, ordering scores within
// 1e-9 (relative) of the first of a run by idHash.
func breakTies(hits []scored) {
	slices.SortStableFunc(hits, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	for i := 0; i < len(hits); {
		tol := 1e-9 * math.Max(1, math.Abs(hits[i].score))
		j := i + 1
		for j < len(hits) && hits[i].score-hits[j].score <= tol {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(hits[i:j], func(a, b scored) int {
				return cmp.Or(cmp.Compare(idHash(a.id), idHash(b.id)), cmp.Compare(a.id, b.id))
			})
		}
		i = j
	}
}

// idHash is the FNV-1a hash of id: a fixed order unrelated to the id's text.
func idHash(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// Close closes the index; the files stay in dir.
func (b *BM25) Close() error {
	return b.idx.Close()
}
