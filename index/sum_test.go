package index

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"jobmatch"
)

// TestSumSearcherAgreesWithBleve: the sum searcher walks its clauses itself;
// the reference reads the same sum back from bleve's own disjunction and
// its explanation (how it was done before). Over generated CVs and
// everyday queries, with and without filters, both must find the same CVs
// in the same order with the same scores and totals.
func TestSumSearcherAgreesWithBleve(t *testing.T) {
	ix, _, err := Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	titles := []string{"Lagermedarbejder", "Lagerarbejder", "Pædagog", "Pædagogmedhjælper", "Social- og sundhedsassistent",
		"Social- og sundhedshjælper", "Tømrer", "Kok", "Køkkenmedhjælper", "Rengøringsassistent", "Chauffør", "Buschauffør",
		"Gaffeltruckfører", "Butiksassistent", "Sygeplejerske", "Elektriker", "Bogholder", "Kontorassistent"}
	words := []string{"lager", "truck", "ordrer", "børn", "hjemmepleje", "køkken", "kunder", "regnskab", "kørekort", "svend",
		"rengøring", "butik", "plejehjem", "og", "med", "erfaring"}
	r := rand.New(rand.NewPCG(1, 2))
	docs := map[string]Doc{}
	for i := 0; i < 400; i++ {
		summary := ""
		for j := 0; j < 6; j++ {
			summary += words[r.IntN(len(words))] + " "
		}
		c := cvOf(titles[r.IntN(len(titles))], summary)
		if i%3 == 0 {
			c.DrivingLicences = []string{"B"}
		}
		docs[c.ID] = ix.DocOf(c, nil)
	}
	if err := ix.batch(docs, nil, 1, unsettled{}, nil); err != nil {
		t.Fatal(err)
	}
	b := *ix.cur.Load()
	for _, text := range []string{"lager", "lagermedarbejder", "social- og sundhedsassistent", "SOSU", "paedagog",
		"pæd.", "kok", "regnskab bogholder", "truck kørekort", "lagr", "og"} {
		for _, licence := range [][]string{nil, {"B"}} {
			t.Run(fmt.Sprintf("%s/%v", text, licence), func(t *testing.T) {
				q, _ := ix.build(Query{Text: text, Everyday: true, Licences: licence, Synonyms: []string{"lagerarbejder"}})
				got, err := b.Search(bleve.NewSearchRequestOptions(q, 400, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				want, err := b.Search(bleve.NewSearchRequestOptions(asReference(q), 400, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				if got.Total == 0 {
					t.Fatal("nothing found")
				}
				sameRanking(t, got, want)
			})
		}
	}
}

// sameRanking fails unless got and want hold the same hits with the same
// scores in the same order (hits of equal score may swap).
func sameRanking(t *testing.T, got, want *bleve.SearchResult) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Fatalf("total %d, reference %d (hits %d, %d)", got.Total, want.Total, len(got.Hits), len(want.Hits))
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if math.Abs(g.Score-w.Score) > 1e-9*math.Max(1, w.Score) {
			t.Fatalf("hit %d: %s scored %v, reference %s %v", i, g.ID, g.Score, w.ID, w.Score)
		}
		if g.ID != w.ID && (i+1 >= len(got.Hits) || got.Hits[i+1].Score != g.Score) && (i == 0 || got.Hits[i-1].Score != g.Score) {
			t.Fatalf("hit %d: %s, reference %s (score %v)", i, g.ID, w.ID, g.Score)
		}
	}
}

// asReference rebuilds q with every sumQuery replaced by the reference.
func asReference(q query.Query) query.Query {
	switch q := q.(type) {
	case *sumQuery:
		r := &refSumQuery{max: q.max}
		for _, c := range q.clauses {
			r.clauses = append(r.clauses, asReference(c))
		}
		if len(q.scoreOnly) == 0 {
			return r
		}
		// Clauses that only score: the sum over all clauses, of the CVs
		// the others find (a filter scores nothing).
		admit := &refSumQuery{clauses: r.clauses, max: q.max}
		all := &refSumQuery{clauses: slices.Clone(r.clauses), max: q.max}
		for _, c := range q.scoreOnly {
			all.clauses = append(all.clauses, asReference(c))
		}
		return bleve.NewConjunctionQuery(all, &constScore{inner: admit, filter: true})
	case *query.BooleanQuery:
		out := *q
		if q.Must != nil {
			out.Must = asReference(q.Must)
		}
		if q.Should != nil {
			out.Should = asReference(q.Should)
		}
		if q.MustNot != nil {
			out.MustNot = asReference(q.MustNot)
		}
		return &out
	case *query.ConjunctionQuery:
		out := *q
		out.Conjuncts = nil
		for _, c := range q.Conjuncts {
			out.Conjuncts = append(out.Conjuncts, asReference(c))
		}
		return &out
	case *query.DisjunctionQuery:
		out := *q
		out.Disjuncts = nil
		for _, c := range q.Disjuncts {
			out.Disjuncts = append(out.Disjuncts, asReference(c))
		}
		return &out
	}
	return q
}

// refSumQuery is the sum as it was computed before: bleve's disjunction,
// its sum read back from the explanation (without the coord factor).
type refSumQuery struct {
	clauses []query.Query
	max     bool
}

func (q *refSumQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	subs := make([]search.Searcher, 0, len(q.clauses))
	inner := options
	if q.max {
		inner.Explain = true
	}
	for _, c := range q.clauses {
		s, err := c.Searcher(ctx, i, m, inner)
		if err != nil {
			for _, s := range subs {
				_ = s.Close()
			}
			return nil, err
		}
		subs = append(subs, s)
	}
	o := options
	o.Explain = true
	d, err := searcher.NewDisjunctionSearcher(ctx, i, subs, 1, o)
	if err != nil {
		for _, s := range subs {
			_ = s.Close()
		}
		return nil, err
	}
	return &refSumSearcher{Searcher: d, explain: options.Explain, max: q.max}, nil
}

type refSumSearcher struct {
	search.Searcher
	explain, max bool
}

func (s *refSumSearcher) fix(dm *search.DocumentMatch) {
	if dm == nil || dm.Expl == nil {
		return
	}
	if len(dm.Expl.Children) == 2 && dm.Expl.Children[0] != nil {
		raw := dm.Expl.Children[0]
		dm.Score = raw.Value
		if s.max {
			best := 0.0
			for _, c := range raw.Children {
				if c != nil && c.Value > best {
					best = c.Value
				}
			}
			dm.Score = best
		}
	} else if s.max && dm.Expl.Message == constMessage {
		dm.Score = dm.Expl.Value // a single clause: no disjunction around it
	}
	if !s.explain {
		dm.Expl = nil
	} else {
		// What a max around this clause reads (a sum nested in a max:
		// the words, or the synonyms).
		dm.Expl = &search.Explanation{Value: dm.Score, Message: constMessage}
	}
}

func (s *refSumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.fix(dm)
	return dm, err
}

func (s *refSumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.fix(dm)
	return dm, err
}

// With filters, the words are one more required clause instead of a should
// clause beside them (build): the hits, their order and their scores must be
// the same both ways, for the everyday search and the matcher's retrieval.
func TestFiltersWithTheWords(t *testing.T) {
	ix, _, err := Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	titles := []string{"Lagermedarbejder", "Pædagog", "Social- og sundhedsassistent", "Tømrer", "Kok", "Rengøringsassistent",
		"Chauffør", "Sygeplejerske", "Bogholder"}
	words := []string{"lager", "truck", "børn", "hjemmepleje", "køkken", "kunder", "regnskab", "kørekort", "og", "erfaring"}
	r := rand.New(rand.NewPCG(3, 4))
	docs := map[string]Doc{}
	for i := 0; i < 600; i++ {
		summary := ""
		for j := 0; j < 6; j++ {
			summary += words[r.IntN(len(words))] + " "
		}
		c := cvOf(titles[r.IntN(len(titles))], summary)
		if r.IntN(3) > 0 {
			c.DrivingLicences = []string{"B"}
		}
		c.Consent.Given = r.IntN(2) == 0
		c.AvailableFrom = jobmatch.Date{Time: time.Date(2026, 11+time.Month(r.IntN(3)), 1, 0, 0, 0, 0, time.UTC)}
		docs[c.ID] = ix.DocOf(c, nil)
	}
	if err := ix.batch(docs, nil, 1, unsettled{}, nil); err != nil {
		t.Fatal(err)
	}
	b := *ix.cur.Load()
	before := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	queries := map[string]Query{
		"everyday, licence":          {Text: "lager", Everyday: true, Licences: []string{"B"}},
		"everyday, consent, date":    {Text: "social- og sundhedsassistent", Everyday: true, ConsentOnly: true, AvailableBefore: before},
		"everyday, two words":        {Text: "regnskab bogholder", Everyday: true, Licences: []string{"B"}, ConsentOnly: true},
		"retrieval, licence":         {Text: "Lagermedarbejder truckkørsel", LicenceAny: []string{"B"}, Size: 500},
		"retrieval, consent, date":   {Text: "Kok madlavning", ConsentOnly: true, AvailableBefore: before, Size: 500},
		"retrieval, target group":    {Text: "Pædagog pædagogik", TargetGroups: []string{string(jobmatch.TargetCloseToJob)}, Size: 500},
		"retrieval, scheme, licence": {Text: "Tømrer tagarbejde", Scheme: &SchemeFilter{Scheme: "loentilskud", Groups: []string{string(jobmatch.TargetCloseToJob)}}, LicenceAny: []string{"B"}},
		"retrieval, licences":        {Text: "Chauffør kørekort", LicenceAny: []string{"B", "C", "D"}, TargetGroups: []string{string(jobmatch.TargetCloseToJob), "refugee"}, Size: 500},
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			if q.Size == 0 {
				q.Size = 600
			}
			joined, _ := ix.build(q)
			q.shouldBeside = true
			beside, _ := ix.build(q)
			got, err := b.Search(bleve.NewSearchRequestOptions(joined, q.Size, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			want, err := b.Search(bleve.NewSearchRequestOptions(beside, q.Size, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			if want.Total == 0 || want.Total == 600 {
				t.Fatalf("the filters let %d of 600 through: the case tests nothing", want.Total)
			}
			sameRanking(t, got, want)

			// A filter only admits: each hit scores as it does with no
			// filter at all. (Scored with boost 0, as they were before,
			// the filters' terms still entered bleve's query norm and moved
			// the words' scores against the constant clauses.)
			free := Query{Text: q.Text, Everyday: q.Everyday, Size: 600}
			fq, _ := ix.build(free)
			all, err := b.Search(bleve.NewSearchRequestOptions(fq, 600, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			score := map[string]float64{}
			for _, h := range all.Hits {
				score[h.ID] = h.Score
			}
			for i, h := range got.Hits {
				w, ok := score[h.ID]
				if !ok || math.Abs(h.Score-w) > 1e-9*math.Max(1, w) {
					t.Fatalf("hit %d: %s scored %v with the filters, %v (found %v) without", i, h.ID, h.Score, w, ok)
				}
			}
		})
	}
}

// TestTieBreakBelowEveryStep: what the analysed fields add to a hit's
// score orders the CVs a word holds the same way, and stays below tieCap,
// under the steps between the ways a word is held (10 and 9, 5 and 4.5).
// Uncapped it grew with the word's rarity: up to 4 for "tjener" on the
// demo, so a past title's whole word came level with a wanted
// occupation's compound.
func TestTieBreakBelowEveryStep(t *testing.T) {
	ix, _, err := Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	titles := []string{"Tjener", "Overtjener", "Kok", "Køkkenmedhjælper", "Lagermedarbejder", "Pædagog", "Smed", "Klejnsmed"}
	words := []string{"tjener", "servering", "køkken", "lager", "børn", "smed", "svejsning", "kunder", "og"}
	r := rand.New(rand.NewPCG(5, 6))
	docs := map[string]Doc{}
	for i := 0; i < 300; i++ {
		summary := ""
		for j := 0; j < 1+r.IntN(8); j++ {
			summary += words[r.IntN(len(words))] + " "
		}
		c := cvOf(titles[r.IntN(len(titles))], summary)
		if i%4 == 0 {
			c.Skills = []jobmatch.Concept{{Label: titles[r.IntN(len(titles))]}}
		}
		docs[c.ID] = ix.DocOf(c, nil)
	}
	if err := ix.batch(docs, nil, 1, unsettled{}, nil); err != nil {
		t.Fatal(err)
	}
	most := 0.0
	for _, text := range []string{"tjener", "smed", "kok", "lager", "pædagog", "tjener kok", "svejsning"} {
		scores := func(q Query) map[string]float64 {
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]float64{}
			for _, h := range res.Hits {
				m[h.ID] = h.Score
			}
			return m
		}
		with := scores(Query{Text: text, Everyday: true, Size: 300})
		without := scores(Query{Text: text, Everyday: true, Size: 300, noTieBreak: true})
		if len(with) == 0 || len(with) != len(without) {
			t.Fatalf("%s: %d hits, %d without the tie-break", text, len(with), len(without))
		}
		for id, s := range with {
			d := s - without[id]
			most = max(most, d)
			if d < 0 || d >= tieCap {
				t.Errorf("%s: the tie-break adds %.3f to %s (%.3f → %.3f)", text, d, id, without[id], s)
			}
		}
	}
	t.Logf("the most the tie-break added: %.3f", most)
}
