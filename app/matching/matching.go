// Package matching owns the match runs: ranked candidates with reasons for
// a vacancy, vacancies for a CV, the explanation of one candidate's score,
// the audit line and the record of every run (erased after six months,
// DropRuns), and the open vacancies the reverse match reads (told of each
// change).
package matching

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/i18n"
	"jobmatch/matcher"
	"jobmatch/store"
	"jobmatch/taxonomy"
)

// Service runs matches for consultants and records every run.
type Service struct {
	env    *app.Env
	st     *store.Store
	places *taxonomy.Places
	m      *matcher.Matcher
	audit  *app.Audit

	mu       sync.Mutex
	profiles map[string]*matcher.Profile  // vacancy id → profile of its current version
	open     map[string]*jobmatch.Vacancy // open vacancies, for reverse matches
	openPos  int64                        // position in the "vacancies" list read so far

	// hired says which citizens were hired through the jobcentre, and
	// when (the shortlists, SetHired): a match list does not call them
	// available now. nil: nobody is known hired.
	hired HiredFunc
}

// HiredFunc says which of ids were hired through the jobcentre, and when.
type HiredFunc func(ctx context.Context, by *jobmatch.User, ids []string) (map[string]time.Time, error)

// SetHired tells the service where the hires are read (screening, which is
// built after it and tells it of its moves).
func (ms *Service) SetHired(f HiredFunc) { ms.hired = f }

// New returns the matching use case: m ranks, audit records each run,
// places names a CV's town on its card (may be nil).
func New(env *app.Env, m *matcher.Matcher, audit *app.Audit, places *taxonomy.Places) *Service {
	return &Service{env: env, st: env.Store(), places: places, m: m, audit: audit, profiles: map[string]*matcher.Profile{}, open: map[string]*jobmatch.Vacancy{}}
}

// Matcher returns the matcher behind the service.
func (ms *Service) Matcher() *matcher.Matcher { return ms.m }

// Query is what a consultant sets on a match run: criteria to require
// or relax (names of matcher.Criteria fields), a radius, weights, a page.
type Query struct {
	Require  []string
	Relax    []string
	RadiusKm float64
	Weights  map[string]float64
	Limit    int
	Cursor   string
	Why      string
}

// CandidateSummary is what a match list shows of a person (staff only).
type CandidateSummary struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	PostalCode    string   `json:"postal_code"`
	Place         string   `json:"place,omitempty"`
	TargetGroup   string   `json:"target_group"`
	Occupations   []string `json:"occupations"`
	AvailableFrom string   `json:"available_from,omitempty"`
	Consent       bool     `json:"consent"`
}

// MatchItem is one ranked candidate.
type MatchItem struct {
	Rank int `json:"rank"`
	matcher.Result
	Candidate CandidateSummary `json:"candidate"`
}

// MatchPage is a page of ranked candidates for a vacancy.
type MatchPage struct {
	Items      []MatchItem `json:"items"`
	NextCursor string      `json:"next_cursor"`
	// Total is how many candidates pass the vacancy's must-haves, the
	// same on every page of the run; TotalAtLeast says retrieval stopped
	// at its depth (matcher.DefaultDepth), so more may pass ("mindst").
	Total        int64              `json:"total"`
	TotalAtLeast bool               `json:"total_at_least"`
	MatchRunID   string             `json:"match_run_id"`
	VacancyID    string             `json:"vacancy_id"`
	Criteria     matcher.Criteria   `json:"criteria"`
	Weights      map[string]float64 `json:"weights"`
	Occupations  []matcher.Target   `json:"occupations"`
	Retrieved    int                `json:"retrieved"`
}

const rankedKept = 200

var criteriaNames = []string{"distance", "availability", "licence", "language", "consent", "eligibility", "hours"}

func (q Query) options(p *matcher.Profile) (matcher.Options, error) {
	verr := &jobmatch.ValidationError{}
	c := matcher.DefaultCriteria(p)
	set := func(field string, names []string, v bool) {
		for _, n := range names {
			switch n {
			case "distance":
				c.Distance = v
			case "availability":
				c.Availability = v
			case "licence", "license":
				c.Licence = v
			case "language":
				c.Language = v
			case "consent":
				c.Consent = v
			case "eligibility":
				c.Eligibility = v
			case "hours":
				c.Hours = v
			default:
				verr.Add(field, "oneof", strings.Join(criteriaNames, " "))
			}
		}
	}
	set("require", q.Require, true)
	set("relax", q.Relax, false)
	if q.RadiusKm < 0 || q.RadiusKm > 500 {
		verr.Add("radius_km", "km", "")
	}
	c.RadiusKm = q.RadiusKm
	w := matcher.DefaultWeights()
	for k, v := range q.Weights {
		if _, ok := w[k]; !ok {
			verr.Add("w_"+k, "oneof", strings.Join(matcher.Components, " "))
			continue
		}
		if v < 0 || v > 1 {
			verr.Add("w_"+k, "lte", "1")
			continue
		}
		w[k] = v
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 25
	}
	if limit > 200 {
		verr.Add("limit", "lte", "200")
	}
	off, err := app.DecodeOffset(q.Cursor)
	if err != nil {
		verr.Add("cursor", "cursor", "")
	}
	return matcher.Options{Criteria: c, Weights: w, Offset: off, Limit: limit}, verr.Err()
}

// profile returns the matcher's reading of a vacancy, cached per version.
func (ms *Service) profile(v *jobmatch.Vacancy) *matcher.Profile {
	ms.mu.Lock()
	p, ok := ms.profiles[v.ID]
	ms.mu.Unlock()
	if ok && p.Version == v.Version {
		return p
	}
	p = ms.m.Profile(v)
	ms.mu.Lock()
	if len(ms.profiles) > 20000 {
		clear(ms.profiles)
	}
	ms.profiles[v.ID] = p
	ms.mu.Unlock()
	return p
}

// VacancyMatches ranks candidates for a vacancy, records the run and audits
// the candidates shown.
func (ms *Service) VacancyMatches(ctx context.Context, by *jobmatch.User, vacancyID string, q Query) (*MatchPage, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	v, err := ms.st.Vacancy(ctx, vacancyID)
	if err != nil {
		return nil, err
	}
	// A filled or closed vacancy is ranked no more: each view of its page
	// recorded a run ranking every citizen for a vacancy nobody can be put
	// on any more. Its recorded runs stay readable (MatchRuns, LastRun).
	if v.Status.Ended() {
		return nil, &jobmatch.ConflictError{Code: "vacancy_closed", Detail: "the vacancy is " + string(v.Status) +
			"; nobody is ranked for it any more (its recorded runs: GET /api/v1/vacancies/" + v.ID + "/match-runs)"}
	}
	p := ms.profile(v)
	o, err := q.options(p)
	if err != nil {
		return nil, err
	}
	if ms.hired != nil {
		o.Hired = func(ids []string) (map[string]time.Time, error) { return ms.hired(ctx, by, ids) }
	}
	res, err := ms.m.Match(ctx, p, o)
	if err != nil {
		return nil, err
	}
	run := &jobmatch.MatchRun{ID: jobmatch.NewID(), At: ms.env.Now().UTC(), By: by.ID, VacancyID: v.ID, Criteria: jobmatch.MatchCriteria(res.Criteria),
		Weights: res.Weights, Occupations: p.TargetURIs(), Total: res.Total, Ranked: head(res.Ranked, rankedKept), Offset: o.Offset}
	page := &MatchPage{Items: make([]MatchItem, 0, len(res.Results)), Total: int64(res.Total), TotalAtLeast: res.TotalAtLeast, MatchRunID: run.ID, VacancyID: v.ID,
		Criteria: res.Criteria, Weights: res.Weights, Occupations: p.Targets, Retrieved: res.Retrieved}
	if next := o.Offset + len(res.Results); next < res.Total && len(res.Results) == o.Limit {
		page.NextCursor = app.EncodeOffset(next)
	}
	ids := make([]string, len(res.Results))
	for i, r := range res.Results {
		ids[i] = r.CandidateID
	}
	// The run record, its audit line and the reads of the people shown go
	// side by side.
	recorded := make(chan error, 1)
	go func() {
		recorded <- ms.record(ctx, run, by, ids, q.Why)
	}()
	sums, err := ms.summaries(ctx, ids)
	for i, r := range res.Results {
		if sums[i] == nil {
			continue
		}
		page.Items = append(page.Items, MatchItem{Rank: o.Offset + i + 1, Result: r, Candidate: *sums[i]})
	}
	if err := errors.Join(err, <-recorded); err != nil {
		return nil, err
	}
	return page, nil
}

func (ms *Service) record(ctx context.Context, run *jobmatch.MatchRun, by *jobmatch.User, shown []string, why string) error {
	if err := ms.st.MatchRunRecorded(ctx, run); err != nil {
		return err
	}
	return ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "match.run", Subjects: shown, Reason: why,
		VacancyID: run.VacancyID, MatchRunID: run.ID, Count: len(shown)})
}

// summaries describes the people on a page from the matcher's in-memory
// features and names, which follow the store as the index does; a CV not
// in memory yet (the features still loading) is loaded into it first.
// Reading 25 whole CVs through the embedded database was a fifth of a
// match's time.
func (ms *Service) summaries(ctx context.Context, ids []string) ([]*CandidateSummary, error) {
	out := make([]*CandidateSummary, len(ids))
	for i, id := range ids {
		f, ok := ms.m.Pool.Get(id)
		name := ms.m.Pool.Name(id)
		if (!ok || name == "") && ms.m.Load != nil {
			var err error
			if f, err = ms.m.Load(ctx, id); errors.Is(err, jobmatch.ErrNotFound) {
				continue // erased since it was ranked
			} else if err != nil {
				return nil, err
			}
			ok, name = true, ms.m.Pool.Name(id)
		}
		if !ok {
			continue
		}
		s := CandidateSummary{ID: f.ID, Name: name, PostalCode: f.PostalCode, TargetGroup: string(f.TargetGroup), Consent: f.Consent, Occupations: []string{}}
		if ms.places != nil {
			s.Place = ms.places.Name(f.PostalCode)
		}
		for _, o := range f.Occupations {
			if o.Desired {
				s.Occupations = append(s.Occupations, o.Label)
			}
		}
		if !f.AvailableFrom.IsZero() {
			s.AvailableFrom = f.AvailableFrom.Format(time.DateOnly)
		}
		out[i] = &s
	}
	return out, nil
}

// MatchRun reads a recorded run (staff who read CVs).
func (ms *Service) MatchRun(ctx context.Context, by *jobmatch.User, id string) (*jobmatch.MatchRun, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	r, err := ms.st.MatchRun(ctx, id)
	if err != nil {
		return nil, err
	}
	// Audited: a run says whom the matcher put first for a vacancy.
	if err := ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "match_run.read", Subjects: r.Ranked, VacancyID: r.VacancyID,
		MatchRunID: r.ID, Count: len(r.Ranked)}); err != nil {
		return nil, err
	}
	return r, nil
}

// MatchRuns lists the runs of a vacancy, newest first.
func (ms *Service) MatchRuns(ctx context.Context, by *jobmatch.User, vacancyID string, q app.ListQuery) (app.Page[*jobmatch.MatchRun], error) {
	if !by.CanReadCVs() {
		return app.Page[*jobmatch.MatchRun]{}, jobmatch.ErrForbidden
	}
	p, err := app.ListPage(ctx, ms.st, store.MatchRunList(vacancyID), q, ms.st.MatchRun)
	if err != nil || len(p.Items) == 0 {
		return p, err
	}
	var ids []string
	for _, r := range p.Items {
		ids = append(ids, r.Ranked...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	err = ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "match_run.read", Subjects: ids, VacancyID: vacancyID, Count: len(p.Items)})
	return p, err
}

// VacancySummary is what a reverse match shows of a vacancy.
type VacancySummary struct {
	ID             string `json:"id"`
	Reference      string `json:"reference"`
	Title          string `json:"title"`
	CompanyName    string `json:"company_name"`
	PostalCode     string `json:"postal_code"`
	EmploymentType string `json:"employment_type"`
	StartDate      string `json:"start_date,omitempty"`
	Status         string `json:"status"`
}

// VacancyMatch is one vacancy that fits a candidate.
type VacancyMatch struct {
	Rank int `json:"rank"`
	matcher.Result
	Vacancy VacancySummary `json:"vacancy"`
}

// CandidateMatchPage is a page of vacancies for a candidate.
type CandidateMatchPage struct {
	Items       []VacancyMatch `json:"items"`
	NextCursor  string         `json:"next_cursor"`
	Total       int64          `json:"total"`
	MatchRunID  string         `json:"match_run_id"`
	CandidateID string         `json:"candidate_id"`
	Considered  int            `json:"considered"`
}

// CandidateMatches ranks the open vacancies for a candidate, with the same
// scoring and reasons as a vacancy's matches; each vacancy's own defaults
// apply, adjusted by q.
func (ms *Service) CandidateMatches(ctx context.Context, by *jobmatch.User, candidateID string, q Query) (*CandidateMatchPage, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	c, err := ms.st.Candidate(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	f := matcher.FromCandidate(c, ms.m.Tax, ms.m.Geo)
	vs, err := ms.openVacancies(ctx)
	if err != nil {
		return nil, err
	}
	type scored struct {
		v *jobmatch.Vacancy
		r matcher.Result
	}
	var pass []scored
	var opts matcher.Options
	for _, v := range vs {
		p := ms.profile(v)
		o, err := q.options(p)
		if err != nil {
			return nil, err
		}
		opts = o
		s := matcher.NewScorer(p, o.Criteria, o.Weights, ms.m.Tax, ms.m.Pool, ms.env.Now())
		r := s.Score(f)
		if r.Excluded == "" && r.Score > 0 {
			pass = append(pass, scored{v, r})
		}
	}
	sort.Slice(pass, func(i, j int) bool {
		if pass[i].r.Score != pass[j].r.Score {
			return pass[i].r.Score > pass[j].r.Score
		}
		return pass[i].v.ID < pass[j].v.ID
	})
	if opts.Limit == 0 {
		opts.Limit = max(q.Limit, 25)
	}
	page := &CandidateMatchPage{Items: []VacancyMatch{}, Total: int64(len(pass)), CandidateID: c.ID, Considered: len(vs)}
	run := &jobmatch.MatchRun{ID: jobmatch.NewID(), At: ms.env.Now().UTC(), By: by.ID, CandidateID: c.ID, Criteria: jobmatch.MatchCriteria(opts.Criteria), Weights: opts.Weights, Total: len(pass), Offset: opts.Offset}
	for i, x := range pass {
		if i < rankedKept {
			run.Ranked = append(run.Ranked, x.v.ID)
		}
		if i >= opts.Offset && i < opts.Offset+opts.Limit {
			page.Items = append(page.Items, VacancyMatch{Rank: i + 1, Result: x.r, Vacancy: VacancySummary{ID: x.v.ID, Reference: x.v.Reference,
				Title: x.v.Title, CompanyName: x.v.CompanyName, PostalCode: x.v.PostalCode, EmploymentType: string(x.v.EmploymentType),
				StartDate: dateString(x.v.StartDate), Status: string(x.v.Status)}})
		}
	}
	if next := opts.Offset + len(page.Items); next < len(pass) && len(page.Items) == opts.Limit {
		page.NextCursor = app.EncodeOffset(next)
	}
	page.MatchRunID = run.ID
	if err := ms.st.MatchRunRecorded(ctx, run); err != nil {
		return nil, err
	}
	if err := ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "match.run", Subjects: []string{c.ID}, Reason: q.Why, MatchRunID: run.ID, Count: 1}); err != nil {
		return nil, err
	}
	return page, nil
}

func dateString(d jobmatch.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// openVacancies follows the vacancies as they are filed (one read per new
// vacancy) and returns the ones still open for candidates.
func (ms *Service) openVacancies(ctx context.Context) ([]*jobmatch.Vacancy, error) {
	ms.mu.Lock()
	from := ms.openPos
	ms.mu.Unlock()
	for {
		refs, pos, err := ms.st.VacancyIDsAfter(ctx, from, 500)
		if err != nil {
			return nil, err
		}
		for _, id := range refs {
			v, err := ms.st.Vacancy(ctx, id)
			if err != nil {
				continue
			}
			ms.VacancyChanged(v)
		}
		ms.mu.Lock()
		if pos > ms.openPos {
			ms.openPos = pos
		}
		ms.mu.Unlock()
		if len(refs) == 0 || pos == from {
			break
		}
		from = pos
	}
	ms.mu.Lock()
	defer ms.mu.Unlock()
	out := make([]*jobmatch.Vacancy, 0, len(ms.open))
	for _, v := range ms.open {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *jobmatch.Vacancy) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// VacancyChanged tells the reverse match of a new or changed vacancy.
func (ms *Service) VacancyChanged(v *jobmatch.Vacancy) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	switch v.Status {
	case jobmatch.VacancyFilled, jobmatch.VacancyClosed:
		delete(ms.open, v.ID)
	default:
		ms.open[v.ID] = v
	}
}

func head(s []string, n int) []string {
	if len(s) > n {
		return slices.Clone(s[:n])
	}
	return slices.Clone(s)
}

// MatchedSkills returns the vacancy's skills (required, then desired) the
// candidate meets exactly as the consultant's match card counts them, in
// Danish (MatchedSkillsIn); false when the candidate's features are not
// loaded.
func (ms *Service) MatchedSkills(v *jobmatch.Vacancy, candidateID string) ([]string, bool) {
	return ms.MatchedSkillsIn(i18n.DA, v, candidateID)
}

// MatchedSkillsIn is MatchedSkills with a skill met in part marked so in
// lang ("(partly)" on an English page, not "(delvis)").
func (ms *Service) MatchedSkillsIn(lang i18n.Lang, v *jobmatch.Vacancy, candidateID string) ([]string, bool) {
	f, ok := ms.m.Pool.Get(candidateID)
	if !ok {
		return nil, false
	}
	p := ms.profile(v)
	s := matcher.NewScorer(p, matcher.DefaultCriteria(p), matcher.DefaultWeights(), ms.m.Tax, ms.m.Pool, time.Now())
	req, des := s.MatchedSkills(lang, f)
	return append(req, des...), true
}

// MinRunDays is the shortest time match runs are kept: the AI Act asks a
// high-risk system's logs to be kept at least six months.
const MinRunDays = 183

// DropRuns erases the match runs older than days (at least MinRunDays),
// with one audit line; it returns how many. For the daily job.
func (ms *Service) DropRuns(ctx context.Context, days int) (int, error) {
	cutoff := ms.env.Now().UTC().AddDate(0, 0, -max(days, MinRunDays))
	n, err := ms.st.DropMatchRunsBefore(ctx, cutoff)
	if err != nil || n == 0 {
		return n, err
	}
	return n, ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: "system", Action: "retention.match_runs", Count: n,
		Reason: "match runs older than the retention period (at least six months) erased"})
}
