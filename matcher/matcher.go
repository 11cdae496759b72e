// Package matcher ranks candidates for a vacancy, and vacancies for a
// candidate, with the reasons for each rank.
//
// A match run has two stages. Retrieval asks the bleve index for the few
// hundred CVs that share anything with the vacancy: its occupations (and
// related ones in the same ISCO group), its skills and the occupation's
// essential skills, its words; the hard filters that the index can apply
// (language level, consent, availability, radius) go with it. Scoring then
// reads each retrieved CV's features from memory and computes the score from
// named, weighted components, with a reason for each. The exhaustive scan
// scores every CV with the same function; the benchmark compares the two.
package matcher

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/taxonomy"
)

// Retriever finds the CVs that share anything with a vacancy (the bleve
// index, *index.Index).
type Retriever interface {
	Search(ctx context.Context, q index.Query) (index.Result, error)
}

// FeatureSource holds every CV's features in memory (*Pool): the scorer
// reads them, the exhaustive scan walks them all, the nearest-holders list
// reads them by occupation; IDF weighs the words by rarity among them.
type FeatureSource interface {
	IDF
	Get(id string) (*Features, bool)
	// Name is the CV's name, for display only (never scored).
	Name(id string) string
	Snapshot() []*Features
	WithOccupations(uris []string) []*Features
	MaxCommuteKm() float64
}

// Matcher runs matches.
type Matcher struct {
	Tax *taxonomy.Taxonomy
	Geo Geocoder
	// Index retrieves; Pool holds the features.
	Index Retriever
	Pool  FeatureSource
	// Load reads a CV's features when the pool does not hold them yet
	// (while it is filled at start).
	Load func(ctx context.Context, id string) (*Features, error)
	Now  func() time.Time
}

// Options are what a consultant sets on a match run.
type Options struct {
	Criteria Criteria
	Weights  Weights
	Offset   int
	Limit    int
	// Depth is how many CVs retrieval reads; default DefaultDepth, the
	// same for every page, at most 5000.
	Depth int
	// Hired, when set, says which of ids were hired through the jobcentre,
	// and when: the shortlists know it, the CVs do not. It is asked only of
	// the people ranked up to the page's end (a hire only moves a person
	// down), so a run reads a few shortlists, not thousands (see rank).
	Hired func(ids []string) (map[string]time.Time, error)
}

// Page is a page of a match run.
type Page struct {
	Results []Result `json:"items"`
	// Total is how many retrieved candidates pass the hard filters;
	// TotalAtLeast says retrieval stopped at its depth, so more may pass.
	Total        int                `json:"total"`
	TotalAtLeast bool               `json:"total_at_least"`
	Retrieved    int                `json:"retrieved"`
	Weights      map[string]float64 `json:"weights"`
	// SetWeights are the weights as set (default or the consultant's), of
	// the components that apply.
	SetWeights map[string]float64 `json:"weights_set"`
	Criteria   Criteria           `json:"criteria"`
	// Ranked are the ids of every passing candidate, best first (the run
	// record keeps the first 200).
	Ranked []string `json:"-"`

	textScale float64 // the run's best text match (see rank)
}

func (m *Matcher) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// Profile reads a vacancy.
func (m *Matcher) Profile(v *jobmatch.Vacancy) *Profile { return NewProfile(v, m.Tax, m.Geo) }

// Match retrieves and ranks candidates for p.
func (m *Matcher) Match(ctx context.Context, p *Profile, o Options) (*Page, error) {
	o = o.withDefaults()
	ids, more, err := m.retrieve(ctx, p, o.Criteria, o.Depth)
	if err != nil {
		return nil, err
	}
	feats := make([]*Features, 0, len(ids))
	for _, id := range ids {
		f, ok := m.Pool.Get(id)
		if !ok && m.Load != nil {
			f, err = m.Load(ctx, id)
			if err != nil {
				continue // erased since it was indexed
			}
			ok = true
		}
		if ok {
			feats = append(feats, f)
		}
	}
	page, err := m.rank(p, o, feats)
	if err != nil {
		return nil, err
	}
	page.Retrieved, page.TotalAtLeast = len(ids), more
	return page, nil
}

// DefaultDepth is how many CVs a match run retrieves unless told: the same
// for every page of a run, so the pages are cut from one ranking. The depth
// grew with the page (4×(Offset+Limit)): each page ranked a larger set, the
// total rose as the consultant paged (284, 351, 408 … 698 for one Elektriker
// vacancy), and someone found deeper could rank above the pages already
// seen, shown twice or never.
const DefaultDepth = 500

// TextScale is the best text match among the candidates a match run for p
// finds: one CV scored on its own is read on the scale of that run (a
// "why not" beside the ranked).
func (m *Matcher) TextScale(ctx context.Context, p *Profile, o Options) (float64, error) {
	run, err := m.Match(ctx, p, Options{Criteria: o.Criteria, Weights: o.Weights, Limit: 1})
	if err != nil {
		return 0, err
	}
	return run.textScale, nil
}

// Exhaustive scores every CV in the pool with the same function: the
// reference the retrieval is measured against.
func (m *Matcher) Exhaustive(ctx context.Context, p *Profile, o Options) (*Page, error) {
	o = o.withDefaults()
	all := m.Pool.Snapshot()
	page, err := m.rank(p, o, all)
	if err != nil {
		return nil, err
	}
	page.Retrieved = len(all)
	return page, ctx.Err()
}

func (o Options) withDefaults() Options {
	if o.Limit <= 0 {
		o.Limit = 25
	}
	if o.Limit > 200 {
		o.Limit = 200
	}
	if o.Depth <= 0 {
		o.Depth = DefaultDepth
	}
	o.Depth = min(o.Depth, 5000)
	if o.Weights == nil {
		o.Weights = DefaultWeights()
	}
	return o
}

// rank scores feats quietly, keeps those that pass, sorts them and explains
// the page.
func (m *Matcher) rank(p *Profile, o Options, feats []*Features) (*Page, error) {
	s := NewScorer(p, o.Criteria, o.Weights, m.Tax, m.Pool, m.now())
	s.Quiet()
	type scored struct {
		f     *Features
		score float64
		text  float64
		hired bool
		hours int // hoursFit: the CV wants the vacancy's hours 1, other hours -1
		// factor: what the working time's cuts leave of the score
		// (workingTimeCut), which the text's move is scaled by too.
		factor float64
	}
	pass := make([]scored, 0, len(feats))
	best := 0.0
	for _, f := range feats {
		r := s.Score(f)
		if r.Excluded == "" {
			pass = append(pass, scored{f: f, score: r.Score, text: r.textRaw, hours: s.hoursFit(f), factor: r.factor})
			best = max(best, r.textRaw)
		}
	}
	// The text is read relative to the run's best text match: the words
	// tell who is about this job, the taxonomy orders the people they
	// find (docs/matching.md, "The score"). The quiet scores are moved
	// to that scale; the page's scorer reads it directly.
	// Everyone within textSaturation of the best is read as fully about
	// this job, so the taxonomy (experience, skills, occupation) decides
	// among them.
	best *= textSaturation
	scaled := func(x *scored) {
		if wt := s.w[CompText]; best > 0 && wt > 0 {
			v := math.Max(0, math.Min(1, x.text))
			x.score += x.factor * wt * (math.Min(1, x.text/best) - v)
		}
	}
	for i := range pass {
		scaled(&pass[i])
	}
	// The people hired through the jobcentre come after those who are
	// free, still listed so the consultant sees them: they are not
	// available, and at the availability's weight alone three of them
	// stood above free CNC-operatører of the same fit. Of equal scores
	// the one who wants the vacancy's hours comes first, then the CV that
	// does not say, then the one who wants other hours: the hours weigh
	// nothing (filterHours), and on a 25-hour cleaning job the people who
	// want only full-time stood above an equal one who wants part-time,
	// by their ids.
	order := func() {
		sort.Slice(pass, func(i, j int) bool {
			if pass[i].hired != pass[j].hired {
				return !pass[i].hired
			}
			if pass[i].score != pass[j].score {
				return pass[i].score > pass[j].score
			}
			if pass[i].hours != pass[j].hours {
				return pass[i].hours > pass[j].hours
			}
			return pass[i].f.ID < pass[j].f.ID
		})
	}
	order()
	// The hires: asked of the people up to the page's end, rescored and
	// put after the free, and asked again of whoever moved up in their
	// place, until the page's people are all known. A hire only moves a
	// person down, so nobody below can belong on the page.
	hired := map[string]time.Time{}
	if o.Hired != nil {
		asked := map[string]bool{}
		for {
			var ids []string
			for _, x := range pass[:min(len(pass), o.Offset+o.Limit)] {
				if !asked[x.f.ID] {
					asked[x.f.ID] = true
					ids = append(ids, x.f.ID)
				}
			}
			if len(ids) == 0 {
				break
			}
			h, err := o.Hired(ids)
			if err != nil {
				return nil, err
			}
			if len(h) == 0 {
				break
			}
			s.SetHired(h)
			for id, at := range h {
				hired[id] = at
			}
			for i := range pass {
				if _, ok := h[pass[i].f.ID]; ok {
					r := s.Score(pass[i].f)
					pass[i].score, pass[i].hired = r.Score, true
					scaled(&pass[i])
				}
			}
			order()
		}
	}
	page := &Page{Total: len(pass), Weights: s.Weights(), SetWeights: s.SetWeights(), Criteria: o.Criteria}
	page.Ranked = make([]string, len(pass))
	for i, x := range pass {
		page.Ranked[i] = x.f.ID
	}
	page.textScale = best
	loud := NewScorer(p, o.Criteria, o.Weights, m.Tax, m.Pool, m.now())
	loud.textScale = best
	loud.SetHired(hired)
	for i := o.Offset; i < len(pass) && i < o.Offset+o.Limit; i++ {
		page.Results = append(page.Results, loud.Score(pass[i].f))
	}
	return page, nil
}

// Retrieve returns the ids of up to depth CVs that share anything with the
// vacancy and pass the filters the index can apply.
func (m *Matcher) Retrieve(ctx context.Context, p *Profile, c Criteria, depth int) ([]string, error) {
	ids, _, err := m.retrieve(ctx, p, c, depth)
	return ids, err
}

// retrieve is Retrieve, and says whether it stopped at depth: one of its
// lists had more CVs than it read, so more may pass than it returns.
func (m *Matcher) retrieve(ctx context.Context, p *Profile, c Criteria, depth int) ([]string, bool, error) {
	q := index.Query{Text: p.Text, Occupations: p.TargetURIs(), OccupationBoost: 4,
		RelatedOccupations: p.RelatedURIs(40), RelatedBoost: 1.5, Skills: p.SkillURIs(40), SkillBoost: 1.5,
		ConsentOnly: c.Consent, Size: depth}
	var near *index.Point
	if p.HasPoint {
		near = &index.Point{Lat: p.Lat, Lon: p.Lon}
	}
	if c.Distance && near != nil {
		// Nobody beyond the longest commute in the pool can pass the
		// distance filter, so retrieval looks no further.
		r := c.RadiusKm
		if r <= 0 {
			r = m.Pool.MaxCommuteKm()
		}
		if r > 0 {
			q.Near, q.RadiusKm, q.NearCoarse = near, r+1, true
		}
	}
	// Most people hold a B licence: as a filter it costs more than it
	// saves, so scoring applies it; rarer licences narrow retrieval.
	if c.Licence && p.Licence != "" && p.Licence != "B" {
		q.LicenceAny = licenceImplies[p.Licence]
		if q.LicenceAny == nil {
			q.LicenceAny = []string{p.Licence}
		}
	}
	if r, limited := Rules[p.EmploymentType]; limited && c.Eligibility {
		sf := &index.SchemeFilter{Scheme: string(r.Scheme), AnyGroup: r.AnyGroup}
		for _, g := range r.Groups {
			sf.Groups = append(sf.Groups, string(g))
		}
		q.Scheme = sf
	}
	if c.Availability && !p.Start.IsZero() {
		q.AvailableBefore = p.Start
	}
	if c.Language {
		for _, l := range p.Languages {
			q.Languages = append(q.Languages, l.Code+":"+l.Level)
		}
	}
	if q.Text == "" && len(q.Occupations) == 0 && len(q.Skills) == 0 {
		return nil, false, nil
	}
	// Two lists side by side: the best by relevance, and, when the
	// workplace is known, the nearest CVs with one of the vacancy's own
	// occupations. Among many equally qualified people the nearest score
	// best, and relevance alone would not find them. The nearest list is
	// as deep as the relevance list: with the text read relative to the
	// run, many people share the full text part and distance decides
	// among them (top-25 overlap with the exhaustive scan 0.92 at half
	// the depth, 0.98 at the full depth; docs/benchmarks.md).
	var nearCh chan []string
	if near != nil && c.Distance && len(p.Targets) > 0 {
		nearCh = make(chan []string, 1)
		go func() { nearCh <- m.nearest(p, c, q.RadiusKm, depth) }()
	}
	res, err := m.Index.Search(ctx, q)
	more := res.Total > uint64(len(res.Hits))
	if nearCh != nil {
		ns := <-nearCh
		more = more || len(ns) >= depth
		for _, id := range ns {
			res.Hits = append(res.Hits, index.Hit{ID: id})
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("matcher: retrieve: %w", err)
	}
	seen := make(map[string]bool, len(res.Hits))
	ids := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		if !seen[h.ID] {
			seen[h.ID] = true
			ids = append(ids, h.ID)
		}
	}
	// Room left: the CVs of the occupations of the targets' ISCO minor
	// groups, which the score counts at 0.4 ("bartender", 5132: the
	// tjenere, 5131), and of those that share the most of the targets'
	// essential skills, which it counts by the share ("køkkenchef", 3434:
	// the kokke, 5120, at 0.48). A vacancy whose own occupation and unit
	// group nobody holds found nobody at all, or only by its words; one
	// that fills the depth pays nothing.
	if len(ids) >= depth {
		// The fill is not asked: when the targets have kin, their holders
		// may be left out.
		return ids, more || len(m.nearURIs(p, 1)) > 0, nil
	}
	if minor := m.nearURIs(p, 80); len(minor) > 0 {
		q2 := q
		q2.Text, q2.Occupations, q2.OccupationBoost, q2.RelatedOccupations, q2.Skills = "", minor, 1, nil, nil
		q2.Size = depth - len(ids)
		res2, err := m.Index.Search(ctx, q2)
		if err != nil {
			return nil, false, fmt.Errorf("matcher: retrieve: %w", err)
		}
		more = more || res2.Total > uint64(len(res2.Hits))
		for _, h := range res2.Hits {
			if !seen[h.ID] {
				seen[h.ID] = true
				ids = append(ids, h.ID)
			}
		}
	}
	return ids, more, nil
}

// retrievalKin is how many of the occupations that share the most of a
// target's essential skills retrieval adds (taxonomy.KinN): the search
// offers eight, but a sygeplejerske's eight nearest are specialised nurses
// nobody holds, and the social- og sundhedsassistenter the score ranks were
// left out (the guard's top-25 overlap for a Sygeplejerske 0.31 → 0.92).
const retrievalKin = 24

// nearURIs are the occupations of the kind of p's targets (taxonomy.KinN:
// those that share the most of their essential skills, and of their ISCO
// minor groups those that share some), neither a target nor related to
// one, the most shared first: at most n.
func (m *Matcher) nearURIs(p *Profile, n int) []string {
	if m.Tax == nil {
		return nil
	}
	skip := make(map[string]bool, len(p.related)+len(p.Targets))
	for u := range p.related {
		skip[u] = true
	}
	for _, t := range p.Targets {
		skip[t.URI] = true
	}
	var out []string
	for _, t := range p.Targets {
		for _, k := range m.Tax.KinN(t.URI, retrievalKin) {
			if u := k.Occupation.URI; !skip[u] {
				skip[u] = true
				out = append(out, u)
			}
		}
	}
	return out[:min(n, len(out))]
}

// textSaturation: a text match at 80 % of the run's best counts in full
// (docs/matching.md, "The score").
const textSaturation = 0.8

// nearest returns up to n CVs that hold one of the vacancy's own
// occupations and pass its hard criteria, nearest first, from the pool's
// occupation lists: a sort of a few thousand distances instead of a bleve
// query sorted by geo distance (a tenth of a match's time).
func (m *Matcher) nearest(p *Profile, c Criteria, radiusKm float64, n int) []string {
	type near struct {
		f *Features
		d float64
	}
	var ds []near
	for _, f := range m.Pool.WithOccupations(p.TargetURIs()) {
		if !f.HasPoint {
			continue
		}
		d := haversineKm(p.Lat, p.Lon, f.Lat, f.Lon)
		if radiusKm > 0 && d > radiusKm {
			continue
		}
		ds = append(ds, near{f, d})
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].d != ds[j].d {
			return ds[i].d < ds[j].d
		}
		return ds[i].f.ID < ds[j].f.ID
	})
	s := NewScorer(p, c, nil, m.Tax, m.Pool, m.now())
	s.Quiet()
	out := make([]string, 0, n)
	for _, x := range ds {
		if len(out) >= n {
			break
		}
		if s.Excluded(x.f) == "" {
			out = append(out, x.f.ID)
		}
	}
	return out
}

// Overlap is the share of want found in got (the top-k agreement of the
// retrieval with the exhaustive scan).
func Overlap(got, want []string) float64 {
	if len(want) == 0 {
		return 1
	}
	n := 0
	for _, id := range want {
		if slices.Contains(got, id) {
			n++
		}
	}
	return float64(n) / float64(len(want))
}
