// Package eval measures the product's quality on the evaluation sets in
// ../shared/data with the product's own code: the taxonomy's title
// normaliser (MELO) and the matcher behind the API, on a fresh store and
// index (RJDB). `jobmatch eval` prints what it returns; a test keeps a floor.
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/app/cvs"
	"jobmatch/eval/rjdb"
	"jobmatch/matcher"
	"jobmatch/system"
	"jobmatch/taxonomy"
)

// MELO runs the MELO Danish title-normalisation task on dir.
func MELO(dir string) (taxonomy.MELOResult, error) {
	tax, err := taxonomy.Default()
	if err != nil {
		return taxonomy.MELOResult{}, err
	}
	return taxonomy.EvalMELO(tax, dir, taxonomy.MELOOptions{})
}

// RJDBResult holds the matcher's figures and the BM25 floor of the same run.
type RJDBResult struct {
	Matcher rjdb.Result
	BM25    rjdb.Result
	// Failed is how many résumés the import refused.
	Failed int
}

func (r RJDBResult) String() string {
	return fmt.Sprintf("rjdb jds=%d ndcg@10=%.3f recall@50=%.3f pairwise=%.3f bm25_ndcg@10=%.3f bm25_pairwise=%.3f",
		r.Matcher.JDs, r.Matcher.NDCG10, r.Matcher.Recall50, r.Matcher.Pairwise, r.BM25.NDCG10, r.BM25.Pairwise)
}

// RJDB loads every résumé of file as a candidate into a fresh temporary
// store and index (through the import path), every job description as a
// vacancy, runs the matcher for each and scores the rankings; the BM25
// floor is a plain bleve match query of the job text over the résumé text,
// in the same run.
func RJDB(ctx context.Context, file string, progress io.Writer) (RJDBResult, error) {
	return RJDBWith(ctx, file, nil, progress)
}

// RJDBWith is RJDB with other component weights (nil: the defaults), for
// `jobmatch eval rjdb --weights`.
func RJDBWith(ctx context.Context, file string, weights matcher.Weights, progress io.Writer) (RJDBResult, error) {
	if progress == nil {
		progress = io.Discard
	}
	env, err := OpenRJDB(ctx, file, progress)
	if err != nil {
		return RJDBResult{}, err
	}
	defer env.Close()
	res := RJDBResult{Failed: env.Failed}
	if res.Matcher, err = env.Matcher(weights); err != nil {
		return res, err
	}
	fmt.Fprintf(progress, "rjdb: matcher %s\n", res.Matcher)
	if res.BM25, err = env.BM25(); err != nil {
		return res, err
	}
	fmt.Fprintf(progress, "rjdb: bm25 %s\n", res.BM25)
	return res, nil
}

// RJDBEnv is the RJDB pool loaded into a fresh store and index, ready to
// rank with the matcher (under any weights) and with the BM25 floor.
type RJDBEnv struct {
	Rows   []rjdb.Row
	Failed int // résumés the import refused

	tmp    string
	sys    *system.System
	cancel context.CancelFunc
	docOf  map[string]string
}

// OpenRJDB loads every résumé of file as a candidate into a fresh temporary
// store and index (through the import path).
func OpenRJDB(ctx context.Context, file string, progress io.Writer) (*RJDBEnv, error) {
	if progress == nil {
		progress = io.Discard
	}
	rows, err := rjdb.LoadFile(file)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "jobmatch-eval-*")
	if err != nil {
		return nil, err
	}
	sys, err := system.Open(ctx, system.Config{DataDir: tmp + "/data", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	runCtx, cancel := context.WithCancel(ctx)
	e := &RJDBEnv{Rows: rows, tmp: tmp, sys: sys, cancel: cancel, docOf: map[string]string{}}
	sys.Start(runCtx)

	// The résumés, through the same import (and normalisation) as any CV.
	docs := rjdb.Docs(rows)
	pr, pw := io.Pipe()
	go func() {
		enc := jsonEncoder(pw)
		for _, d := range docs {
			if err := enc.Encode(candidateOf(d)); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.Close()
	}()
	imp, err := sys.CVs.ImportCandidates(ctx, nil, pr, "ndjson", nil)
	if err != nil {
		e.Close()
		return nil, err
	}
	e.Failed = imp.Failed
	fmt.Fprintf(progress, "rjdb: %d résumés imported (%d refused)\n", imp.Created+imp.Updated+imp.Unchanged, imp.Failed)
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		e.Close()
		return nil, err
	}
	if err := sys.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		e.docOf[c.ID] = c.ExternalRef
		return nil
	}); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// Matcher ranks every job description with the product's matcher under
// weights (nil: the defaults) and scores the rankings.
func (e *RJDBEnv) Matcher(weights matcher.Weights) (rjdb.Result, error) {
	return rjdb.Evaluate(e.Rows, &matchRanker{m: e.sys.Matching.Matcher(), docOf: e.docOf, weights: weights}, 100)
}

// BM25 ranks every job description with the BM25 floor.
func (e *RJDBEnv) BM25() (rjdb.Result, error) {
	bm, err := rjdb.NewBM25(e.tmp+"/bm25", e.Rows)
	if err != nil {
		return rjdb.Result{}, err
	}
	defer bm.Close()
	return rjdb.Evaluate(e.Rows, bm, 100)
}

// Close stops the system and removes the temporary store.
func (e *RJDBEnv) Close() {
	e.cancel()
	_ = e.sys.Close(context.Background())
	os.RemoveAll(e.tmp)
}

// matchRanker ranks the pool with the product's matcher.
type matchRanker struct {
	m       *matcher.Matcher
	docOf   map[string]string
	weights matcher.Weights
}

func (r *matchRanker) Rank(row int, jd string, k int) ([]string, error) {
	v := VacancyOf(row, jd)
	p := r.m.Profile(v)
	page, err := r.m.Match(context.Background(), p, matcher.Options{Limit: min(k, 200), Depth: 5000, Weights: r.weights})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(page.Results))
	for _, res := range page.Results {
		if id, ok := r.docOf[res.CandidateID]; ok {
			out = append(out, id)
		}
	}
	return out, nil
}

// VacancyOf reads a job description as a vacancy: its title, its text, its
// required skills, and its required experience as desired qualifications.
func VacancyOf(row int, text string) *jobmatch.Vacancy {
	jd := rjdb.ParseJD(text)
	v := &jobmatch.Vacancy{ID: fmt.Sprintf("jd%d", row), Version: 1, Title: jd.Title, Description: text,
		ExperienceYears: jd.MinYears, EmploymentType: jobmatch.EmploymentOrdinary, Status: jobmatch.VacancyOpen}
	v.SkillsRequired = append(v.SkillsRequired, jd.RequiredSkills...)
	v.SkillsDesired = append(v.SkillsDesired, jd.RequiredExperience...)
	if v.Title == "" {
		v.Title = firstLine(text)
	}
	return v
}

// candidateOf reads a résumé as a CV: its skills, its jobs with years, the
// latest job as the desired occupation, the whole text as the summary.
func candidateOf(d rjdb.Doc) cvs.CandidateInput {
	r := rjdb.ParseResume(d.Text)
	in := cvs.CandidateInput{ExternalRef: d.ID, Name: "Résumé " + d.ID, PostalCode: "8000", TargetGroup: "close_to_job",
		Summary: cut(d.Text, 4000)}
	for _, s := range r.Skills {
		if len(in.Skills) < 60 && strings.TrimSpace(s) != "" {
			in.Skills = append(in.Skills, cut(s, 100))
		}
	}
	for _, j := range r.Experience {
		if len(in.Experience) < 30 && len([]rune(strings.TrimSpace(j.Title))) >= 2 {
			in.Experience = append(in.Experience, cvs.ExperienceInput{Title: cut(j.Title, 120), Employer: cut(j.Employer, 120), Years: min(max(j.Years, 0), 60)})
		}
	}
	if len(in.Experience) > 0 {
		// The latest job is usually listed first.
		in.DesiredOccupations = []string{in.Experience[0].Title}
	}
	return in
}

func cut(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return cut(l, 200)
		}
	}
	return "job"
}

func jsonEncoder(w io.Writer) *json.Encoder {
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	return e
}
