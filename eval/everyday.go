package eval

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sort"
	"strings"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/cvs"
	"jobmatch/demo"
	"jobmatch/system"
)

// EverydayQuery is a search as a consultant types it, with the words a CV
// must hold (inside any word) to be one the consultant looks for: the
// query itself and its spellings, for a plural or a typo the word meant,
// for an abbreviation what it stands for.
type EverydayQuery struct {
	Q    string
	Kind string // word, compound, plural, ascii, abbreviation, typo, split, head, part, colloquial, several
	// Literal are the strings of the baseline (lower case, Danish letters);
	// the query itself is always one.
	Literal []string
	// AllOf (kind "several"), instead: the CVs of the baseline hold one
	// string of each list, the query's words a consultant asks of every
	// CV; a word most CVs hold ("erfaring") is in none.
	AllOf [][]string
}

// EverydayQueries are the everyday set: single words, parts of compounds,
// plurals and definite forms, spellings without æ/ø/å, the trade's
// abbreviations, one-typo forms and compounds typed as two words, of the
// words people look for at a Danish jobcentre.
var EverydayQueries = []EverydayQuery{
	// Whole words.
	{"pædagog", "word", nil, nil}, {"sygeplejerske", "word", nil, nil}, {"tømrer", "word", nil, nil},
	{"chauffør", "word", nil, nil}, {"elektriker", "word", nil, nil}, {"kok", "word", nil, nil},
	{"tjener", "word", nil, nil}, {"murer", "word", nil, nil}, {"smed", "word", nil, nil},
	{"mekaniker", "word", nil, nil}, {"gartner", "word", nil, nil}, {"frisør", "word", nil, nil},
	{"lærer", "word", nil, nil}, {"bogholder", "word", nil, nil}, {"receptionist", "word", nil, nil},
	{"socialrådgiver", "word", nil, nil}, {"fysioterapeut", "word", nil, nil}, {"landmand", "word", nil, nil},
	// Parts of compounds.
	{"lager", "compound", nil, nil}, {"truck", "compound", nil, nil}, {"rengøring", "compound", nil, nil},
	{"butik", "compound", nil, nil}, {"salg", "compound", nil, nil}, {"regnskab", "compound", nil, nil},
	{"svejs", "compound", nil, nil}, {"kontor", "compound", nil, nil}, {"køkken", "compound", nil, nil},
	{"pleje", "compound", nil, nil}, {"sundhed", "compound", nil, nil}, {"produktion", "compound", nil, nil},
	{"kunde", "compound", nil, nil}, {"bus", "compound", nil, nil}, {"medhjælp", "compound", nil, nil},
	{"software", "compound", nil, nil}, {"maskin", "compound", nil, nil}, {"lastbil", "compound", nil, nil},
	{"hjælper", "compound", nil, nil}, {"assistent", "compound", nil, nil}, {"service", "compound", nil, nil},
	{"transport", "compound", nil, nil},
	// Plurals and other inflections.
	{"sygeplejersker", "plural", []string{"sygeplejerske"}, nil}, {"pædagoger", "plural", []string{"pædagog"}, nil},
	{"tømrere", "plural", []string{"tømrer"}, nil}, {"chauffører", "plural", []string{"chauffør"}, nil},
	{"elektrikere", "plural", []string{"elektriker"}, nil}, {"lærere", "plural", []string{"lærer"}, nil},
	{"tjenere", "plural", []string{"tjener"}, nil}, {"mekanikere", "plural", []string{"mekaniker"}, nil},
	{"frisører", "plural", []string{"frisør"}, nil}, {"lagerarbejdere", "plural", []string{"lagerarbejder"}, nil},
	{"butiksassistenter", "plural", []string{"butiksassistent"}, nil}, {"gartnere", "plural", []string{"gartner"}, nil},
	{"tømreren", "plural", []string{"tømrer"}, nil}, {"mureren", "plural", []string{"murer"}, nil},
	{"læreren", "plural", []string{"lærer"}, nil}, {"pædagogerne", "plural", []string{"pædagog"}, nil},
	// Without Danish letters.
	{"paedagog", "ascii", []string{"pædagog"}, nil}, {"toemrer", "ascii", []string{"tømrer"}, nil},
	{"chauffoer", "ascii", []string{"chauffør"}, nil}, {"laerer", "ascii", []string{"lærer"}, nil},
	{"frisoer", "ascii", []string{"frisør"}, nil}, {"padagog", "ascii", []string{"pædagog"}, nil},
	{"tomrer", "ascii", []string{"tømrer"}, nil}, {"chauffor", "ascii", []string{"chauffør"}, nil},
	{"rengoering", "ascii", []string{"rengøring"}, nil}, {"kokken", "ascii", []string{"køkken"}, nil},
	{"socialradgiver", "ascii", []string{"socialrådgiver"}, nil}, {"tandlaege", "ascii", []string{"tandlæge"}, nil},
	// Abbreviations.
	{"SOSU", "abbreviation", []string{"social- og sundhed", "sosu"}, nil},
	{"pæd.", "abbreviation", []string{"pæd"}, nil},
	{"HK", "abbreviation", []string{"kontor"}, nil},
	{"SSA", "abbreviation", []string{"sundhedsassistent"}, nil},
	{"SSH", "abbreviation", []string{"sundhedshjælper"}, nil},
	// One typo.
	{"sygeplejeske", "typo", []string{"sygeplejerske"}, nil}, {"tømer", "typo", []string{"tømrer"}, nil},
	{"elektrikker", "typo", []string{"elektriker"}, nil}, {"chaufør", "typo", []string{"chauffør"}, nil},
	{"rengøing", "typo", []string{"rengøring"}, nil}, {"lagerarbjder", "typo", []string{"lagerarbejder"}, nil},
	{"mekanikker", "typo", []string{"mekaniker"}, nil}, {"bogholer", "typo", []string{"bogholder"}, nil},
	{"receptionst", "typo", []string{"receptionist"}, nil}, {"pædagpg", "typo", []string{"pædagog"}, nil},
	{"lagr", "typo", []string{"lager"}, nil}, {"butk", "typo", []string{"butik"}, nil},
	{"pedagog", "typo", []string{"pædagog"}, nil}, {"tømerr", "typo", []string{"tømrer"}, nil},
	// The last part of a title compound ("bygningsmaler" is a maler).
	{"maler", "head", nil, nil}, {"montør", "head", nil, nil}, {"operatør", "head", nil, nil},
	// A compound no CV holds, by its first part.
	{"truckfører", "part", []string{"truck"}, nil}, {"rengøringsdame", "part", []string{"rengøring"}, nil},
	{"kassemedarbejder", "part", []string{"kasse"}, nil},
	// An everyday name of a job that is ESCO's alternative label only.
	{"kassedame", "colloquial", []string{"kasseassistent"}, nil},
	// A compound typed as two words.
	{"lager arbejder", "split", []string{"lagerarbejder"}, nil}, {"social rådgiver", "split", []string{"socialrådgiver"}, nil},
	{"butiks assistent", "split", []string{"butiksassistent"}, nil}, {"rengørings assistent", "split", []string{"rengøringsassistent"}, nil},
	// Several words, each asked of every CV but the common ones.
	{"kok med erfaring", "several", nil, [][]string{{"kok"}}},
	{"erfaren tømrer", "several", nil, [][]string{{"tømrer"}}},
	{"truck lager", "several", nil, [][]string{{"truck"}, {"lager"}}},
	{"rengøring hotel", "several", nil, [][]string{{"rengøring"}, {"hotel"}}},
	{"butik kasse", "several", nil, [][]string{{"butik"}, {"kasse"}}},
	{"sosu medicin", "several", nil, [][]string{{"sosu", "social- og sundhed"}, {"medicin"}}},
	{"svejser mig/mag", "several", nil, [][]string{{"svejs"}, {"mig", "mag"}}},
}

// EverydayQueryResult is one query's figures.
type EverydayQueryResult struct {
	Query    EverydayQuery
	Baseline int // CVs the literal baseline holds
	Found    int // CVs the search returned
	Recall   float64
	P10      float64 // share of the first ten in the baseline
	// Precision is the share of all CVs found that the baseline holds:
	// the search reaches further on purpose (synonyms, the taxonomy's
	// concepts), but a word read as a typo of a common word floods it.
	Precision float64
	// Wanted is how many of the baseline's CVs name one of the query's
	// strings in an occupation they want (not only in a past title or
	// their text); W10 the share of the first ten that do, of at most
	// ten such CVs: whom a consultant can call comes first.
	Wanted int
	W10    float64
}

// EverydayResult sums up the set (queries with an empty baseline are
// listed but not averaged).
type EverydayResult struct {
	CVs       int
	Queries   []EverydayQueryResult
	Counted   int
	Recall    float64
	P10       float64
	Precision float64
	// W10 is the mean of the queries' W10, over those with a CV that
	// wants what was asked (WantedCounted).
	W10           float64
	WantedCounted int
	// Empty are queries the baseline answers with 3 or more CVs that the
	// search answered with nobody.
	Empty []string
}

func (r EverydayResult) String() string {
	return fmt.Sprintf("everyday cvs=%d queries=%d counted=%d recall=%.3f p@10=%.3f precision=%.3f wanted@10=%.3f (of %d) empty=%d",
		r.CVs, len(r.Queries), r.Counted, r.Recall, r.P10, r.Precision, r.W10, r.WantedCounted, len(r.Empty))
}

// Everyday loads n demo CVs (the demo generator, seed 1, as `serve --demo`
// and `jobmatch demo`) into a fresh store and index, restarts, and runs queries
// through the product's search (the service behind the API and the page),
// scoring each against its literal baseline: the CVs whose occupation,
// experience, education, skill or summary text holds one of the query's
// literal strings inside a word, after lower-casing.
func Everyday(ctx context.Context, n int, queries []EverydayQuery, progress io.Writer) (EverydayResult, error) {
	if progress == nil {
		progress = io.Discard
	}
	tmp, err := os.MkdirTemp("", "jobmatch-everyday-*")
	if err != nil {
		return EverydayResult{}, err
	}
	defer os.RemoveAll(tmp)
	sys, err := system.Open(ctx, system.Config{DataDir: tmp + "/data", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return EverydayResult{}, err
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer func() {
		cancel()
		_ = sys.Close(context.Background())
	}()
	sys.Start(runCtx)
	if _, err := demo.LoadCandidates(ctx, sys, n, 1, nil); err != nil {
		return EverydayResult{}, err
	}
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		return EverydayResult{}, err
	}
	// The queries run after a restart, as the service answers most of its
	// searches: what the index reads back from disk (the vocabulary's
	// counts) is then what the search works with, not what the indexing
	// counted in memory. Its segments are merged first, as bleve merges
	// them over time (zap writes some words differently when it merges).
	if err := sys.Index.Merge(ctx); err != nil {
		return EverydayResult{}, err
	}
	cancel()
	if err := sys.Close(context.Background()); err != nil {
		return EverydayResult{}, err
	}
	sys, err = system.Open(ctx, system.Config{DataDir: tmp + "/data", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return EverydayResult{}, err
	}
	runCtx, restarted := context.WithCancel(ctx)
	cancel = restarted
	sys.Start(runCtx)
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		return EverydayResult{}, err
	}
	texts := map[string]string{}
	wants := map[string]string{} // the occupations each CV wants, lower-cased
	if err := sys.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		texts[c.ID] = BaselineText(c)
		wants[c.ID] = WantedText(c)
		return nil
	}); err != nil {
		return EverydayResult{}, err
	}
	fmt.Fprintf(progress, "everyday: %d demo CVs\n", len(texts))
	by := &jobmatch.User{ID: "eval", Role: jobmatch.RoleConsultant}
	out := EverydayResult{CVs: len(texts)}
	for _, q := range queries {
		base := map[string]bool{}
		groups := [][]string{Literals(q)}
		if len(q.AllOf) > 0 {
			groups = groups[:0]
			for _, g := range q.AllOf {
				groups = append(groups, Literals(EverydayQuery{Kind: "abbreviation", Literal: g}))
			}
		}
		for id, t := range texts {
			base[id] = true
			for _, lits := range groups {
				if !slices.ContainsFunc(lits, func(l string) bool { return strings.Contains(t, l) }) {
					delete(base, id)
					break
				}
			}
		}
		ranked, err := searchAll(ctx, sys.CVs, by, q.Q)
		if err != nil {
			return out, fmt.Errorf("everyday %q: %w", q.Q, err)
		}
		r := EverydayQueryResult{Query: q, Baseline: len(base), Found: len(ranked)}
		wanted := map[string]bool{}
		for id := range base {
			for _, lits := range groups {
				if slices.ContainsFunc(lits, func(l string) bool { return strings.Contains(wants[id], l) }) {
					wanted[id] = true
					break
				}
			}
		}
		r.Wanted = len(wanted)
		hit := 0
		for _, id := range ranked {
			if base[id] {
				hit++
			}
		}
		top, topWanted := 0, 0
		for _, id := range ranked[:min(10, len(ranked))] {
			if base[id] {
				top++
			}
			if wanted[id] {
				topWanted++
			}
		}
		if len(wanted) > 0 {
			r.W10 = float64(topWanted) / float64(min(10, len(wanted)))
			out.W10 += r.W10
			out.WantedCounted++
		}
		if len(base) > 0 {
			r.Recall = float64(hit) / float64(len(base))
			r.P10 = float64(top) / float64(min(10, len(base)))
			if len(ranked) > 0 {
				r.Precision = float64(hit) / float64(len(ranked))
			}
			out.Counted++
			out.Recall += r.Recall
			out.P10 += r.P10
			out.Precision += r.Precision
		}
		if len(base) >= 3 && len(ranked) == 0 {
			out.Empty = append(out.Empty, q.Q)
		}
		fmt.Fprintf(progress, "everyday %-13s %-18q baseline=%4d found=%4d recall=%.3f p@10=%.2f precision=%.2f wanted=%4d w@10=%.2f\n", q.Kind, q.Q, r.Baseline, r.Found, r.Recall, r.P10, r.Precision, r.Wanted, r.W10)
		out.Queries = append(out.Queries, r)
	}
	if out.Counted > 0 {
		out.Recall /= float64(out.Counted)
		out.P10 /= float64(out.Counted)
		out.Precision /= float64(out.Counted)
	}
	if out.WantedCounted > 0 {
		out.W10 /= float64(out.WantedCounted)
	}
	return out, nil
}

// BaselineText is the lower-cased text of a CV the literal baseline reads:
// occupations, experience, education, skills, summary.
func BaselineText(c *jobmatch.Candidate) string {
	var parts []string
	for _, o := range c.DesiredOccupations {
		parts = append(parts, o.Label)
	}
	for _, e := range c.Experience {
		parts = append(parts, e.Title, e.Employer)
	}
	for _, e := range c.Education {
		parts = append(parts, e.Field)
	}
	for _, s := range c.Skills {
		parts = append(parts, s.Label)
	}
	parts = append(parts, c.Summary)
	return strings.ToLower(strings.Join(parts, " \n "))
}

// WantedText is the lower-cased labels of the occupations a CV wants.
func WantedText(c *jobmatch.Candidate) string {
	var parts []string
	for _, o := range c.DesiredOccupations {
		parts = append(parts, o.Label)
	}
	return strings.ToLower(strings.Join(parts, " \n "))
}

// Literals are the baseline strings of q: the query (without a trailing
// full stop; not for an abbreviation, whose letters are what other words
// hold too) and its literal forms, each also in the ASCII spellings of æ,
// ø and å.
func Literals(q EverydayQuery) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), ".")
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	forms := q.Literal
	if q.Kind != "abbreviation" {
		forms = append([]string{q.Q}, forms...)
	}
	for _, l := range forms {
		add(l)
		add(strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(strings.ToLower(l)))
	}
	sort.Strings(out)
	return out
}

// searchAll pages through every hit of q, best first.
func searchAll(ctx context.Context, cs *cvs.Service, by *jobmatch.User, q string) ([]string, error) {
	var ids []string
	cursor := ""
	for {
		res, err := cs.Search(ctx, by, cvs.SearchParams{Q: q, Limit: app.MaxPageSize, Cursor: cursor, Why: "eval"})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Items {
			ids = append(ids, h.Candidate.ID)
		}
		if res.NextCursor == "" || len(ids) >= 10000 {
			return ids, nil
		}
		cursor = res.NextCursor
	}
}
