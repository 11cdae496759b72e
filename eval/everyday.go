package eval

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
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
	Kind string // word, compound, plural, ascii, abbreviation, typo, split, head, part, colloquial
	// Literal are the strings of the baseline (lower case, Danish letters);
	// the query itself is always one.
	Literal []string
}

// EverydayQueries are the everyday set: single words, parts of compounds,
// plurals and definite forms, spellings without æ/ø/å, the trade's
// abbreviations, one-typo forms and compounds typed as two words, of the
// words people look for at a Danish jobcentre.
var EverydayQueries = []EverydayQuery{
	// Whole words.
	{"pædagog", "word", nil}, {"sygeplejerske", "word", nil}, {"tømrer", "word", nil},
	{"chauffør", "word", nil}, {"elektriker", "word", nil}, {"kok", "word", nil},
	{"tjener", "word", nil}, {"murer", "word", nil}, {"smed", "word", nil},
	{"mekaniker", "word", nil}, {"gartner", "word", nil}, {"frisør", "word", nil},
	{"lærer", "word", nil}, {"bogholder", "word", nil}, {"receptionist", "word", nil},
	{"socialrådgiver", "word", nil}, {"fysioterapeut", "word", nil}, {"landmand", "word", nil},
	// Parts of compounds.
	{"lager", "compound", nil}, {"truck", "compound", nil}, {"rengøring", "compound", nil},
	{"butik", "compound", nil}, {"salg", "compound", nil}, {"regnskab", "compound", nil},
	{"svejs", "compound", nil}, {"kontor", "compound", nil}, {"køkken", "compound", nil},
	{"pleje", "compound", nil}, {"sundhed", "compound", nil}, {"produktion", "compound", nil},
	{"kunde", "compound", nil}, {"bus", "compound", nil}, {"medhjælp", "compound", nil},
	{"software", "compound", nil}, {"maskin", "compound", nil}, {"lastbil", "compound", nil},
	{"hjælper", "compound", nil}, {"assistent", "compound", nil}, {"service", "compound", nil},
	{"transport", "compound", nil},
	// Plurals and other inflections.
	{"sygeplejersker", "plural", []string{"sygeplejerske"}}, {"pædagoger", "plural", []string{"pædagog"}},
	{"tømrere", "plural", []string{"tømrer"}}, {"chauffører", "plural", []string{"chauffør"}},
	{"elektrikere", "plural", []string{"elektriker"}}, {"lærere", "plural", []string{"lærer"}},
	{"tjenere", "plural", []string{"tjener"}}, {"mekanikere", "plural", []string{"mekaniker"}},
	{"frisører", "plural", []string{"frisør"}}, {"lagerarbejdere", "plural", []string{"lagerarbejder"}},
	{"butiksassistenter", "plural", []string{"butiksassistent"}}, {"gartnere", "plural", []string{"gartner"}},
	{"tømreren", "plural", []string{"tømrer"}}, {"mureren", "plural", []string{"murer"}},
	{"læreren", "plural", []string{"lærer"}}, {"pædagogerne", "plural", []string{"pædagog"}},
	// Without Danish letters.
	{"paedagog", "ascii", []string{"pædagog"}}, {"toemrer", "ascii", []string{"tømrer"}},
	{"chauffoer", "ascii", []string{"chauffør"}}, {"laerer", "ascii", []string{"lærer"}},
	{"frisoer", "ascii", []string{"frisør"}}, {"padagog", "ascii", []string{"pædagog"}},
	{"tomrer", "ascii", []string{"tømrer"}}, {"chauffor", "ascii", []string{"chauffør"}},
	{"rengoering", "ascii", []string{"rengøring"}}, {"kokken", "ascii", []string{"køkken"}},
	{"socialradgiver", "ascii", []string{"socialrådgiver"}}, {"tandlaege", "ascii", []string{"tandlæge"}},
	// Abbreviations.
	{"SOSU", "abbreviation", []string{"social- og sundhed", "sosu"}},
	{"pæd.", "abbreviation", []string{"pæd"}},
	{"HK", "abbreviation", []string{"kontor"}},
	{"SSA", "abbreviation", []string{"sundhedsassistent"}},
	{"SSH", "abbreviation", []string{"sundhedshjælper"}},
	// One typo.
	{"sygeplejeske", "typo", []string{"sygeplejerske"}}, {"tømer", "typo", []string{"tømrer"}},
	{"elektrikker", "typo", []string{"elektriker"}}, {"chaufør", "typo", []string{"chauffør"}},
	{"rengøing", "typo", []string{"rengøring"}}, {"lagerarbjder", "typo", []string{"lagerarbejder"}},
	{"mekanikker", "typo", []string{"mekaniker"}}, {"bogholer", "typo", []string{"bogholder"}},
	{"receptionst", "typo", []string{"receptionist"}}, {"pædagpg", "typo", []string{"pædagog"}},
	{"lagr", "typo", []string{"lager"}}, {"butk", "typo", []string{"butik"}},
	{"pedagog", "typo", []string{"pædagog"}}, {"tømerr", "typo", []string{"tømrer"}},
	// The last part of a title compound ("bygningsmaler" is a maler).
	{"maler", "head", nil}, {"montør", "head", nil}, {"operatør", "head", nil},
	// A compound no CV holds, by its first part.
	{"truckfører", "part", []string{"truck"}}, {"rengøringsdame", "part", []string{"rengøring"}},
	{"kassemedarbejder", "part", []string{"kasse"}},
	// An everyday name of a job that is ESCO's alternative label only.
	{"kassedame", "colloquial", []string{"kasseassistent"}},
	// A compound typed as two words.
	{"lager arbejder", "split", []string{"lagerarbejder"}}, {"social rådgiver", "split", []string{"socialrådgiver"}},
	{"butiks assistent", "split", []string{"butiksassistent"}}, {"rengørings assistent", "split", []string{"rengøringsassistent"}},
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
	// Empty are queries the baseline answers with 3 or more CVs that the
	// search answered with nobody.
	Empty []string
}

func (r EverydayResult) String() string {
	return fmt.Sprintf("everyday cvs=%d queries=%d counted=%d recall=%.3f p@10=%.3f precision=%.3f empty=%d",
		r.CVs, len(r.Queries), r.Counted, r.Recall, r.P10, r.Precision, len(r.Empty))
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
	if err := sys.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		texts[c.ID] = BaselineText(c)
		return nil
	}); err != nil {
		return EverydayResult{}, err
	}
	fmt.Fprintf(progress, "everyday: %d demo CVs\n", len(texts))
	by := &jobmatch.User{ID: "eval", Role: jobmatch.RoleConsultant}
	out := EverydayResult{CVs: len(texts)}
	for _, q := range queries {
		base := map[string]bool{}
		lits := Literals(q)
		for id, t := range texts {
			for _, l := range lits {
				if strings.Contains(t, l) {
					base[id] = true
					break
				}
			}
		}
		ranked, err := searchAll(ctx, sys.CVs, by, q.Q)
		if err != nil {
			return out, fmt.Errorf("everyday %q: %w", q.Q, err)
		}
		r := EverydayQueryResult{Query: q, Baseline: len(base), Found: len(ranked)}
		hit := 0
		for _, id := range ranked {
			if base[id] {
				hit++
			}
		}
		top := 0
		for _, id := range ranked[:min(10, len(ranked))] {
			if base[id] {
				top++
			}
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
		fmt.Fprintf(progress, "everyday %-13s %-18q baseline=%4d found=%4d recall=%.3f p@10=%.2f precision=%.2f\n", q.Kind, q.Q, r.Baseline, r.Found, r.Recall, r.P10, r.Precision)
		out.Queries = append(out.Queries, r)
	}
	if out.Counted > 0 {
		out.Recall /= float64(out.Counted)
		out.P10 /= float64(out.Counted)
		out.Precision /= float64(out.Counted)
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
