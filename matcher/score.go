package matcher

import (
	"math"
	"sort"
	"time"

	"jobmatch/i18n"
	"jobmatch/taxonomy"
)

// defaultCommuteKm is the max commute of a CV that gives none.
const defaultCommuteKm = 30

// Component names, in the order they are shown.
const (
	CompOccupation     = "occupation"
	CompRequiredSkills = "required_skills"
	CompDesiredSkills  = "desired_skills"
	CompExperience     = "experience"
	CompDistance       = "distance"
	CompAvailability   = "availability"
	CompLanguages      = "languages"
	CompLicence        = "licence"
	CompText           = "text"
)

// Components lists the score components in display order.
var Components = []string{CompOccupation, CompRequiredSkills, CompDesiredSkills, CompExperience,
	CompDistance, CompAvailability, CompLanguages, CompLicence, CompText}

// Weights are the relative weights of the components; a consultant can move
// them. Only the components a vacancy gives grounds for count (no required
// skills: no required-skills component), and the weights of those are
// normalised to sum to 1, so a score is always between 0 and 1.
type Weights map[string]float64

// DefaultWeights are the weights a match run starts from; they sum to 1.
// How they were chosen: docs/matching.md ("The score").
func DefaultWeights() Weights {
	return Weights{CompOccupation: 0.08, CompRequiredSkills: 0.12, CompDesiredSkills: 0.04, CompExperience: 0.09,
		CompDistance: 0.10, CompAvailability: 0.05, CompLanguages: 0.05, CompLicence: 0.05, CompText: 0.42}
}

// Criteria are the hard filters of a match run. Defaults come from the
// vacancy (see DefaultCriteria); each can be required or relaxed.
type Criteria struct {
	Distance     bool    `json:"distance"`     // within the candidate's max commute (or RadiusKm)
	RadiusKm     float64 `json:"radius_km"`    // overrides the candidate's max commute when > 0
	Availability bool    `json:"availability"` // available by the start date
	Licence      bool    `json:"licence"`      // holds the vacancy's licence
	Language     bool    `json:"language"`     // meets the vacancy's language levels
	Consent      bool    `json:"consent"`      // has consented to be presented
	Eligibility  bool    `json:"eligibility"`  // eligible for the vacancy's subsidy scheme
	Hours        bool    `json:"hours"`        // wants the vacancy's hours, when the CV says
}

// DefaultCriteria: distance and the scheme always; licence and languages
// when the vacancy asks for them; availability and consent are soft.
func DefaultCriteria(p *Profile) Criteria {
	return Criteria{Distance: p.HasPoint, Licence: p.Licence != "", Language: len(p.Languages) > 0, Eligibility: true}
}

// Component is one part of a score. The contributions add up to the score;
// so do the points, divided by the points possible (Result.MaxPoints).
type Component struct {
	Name         string  `json:"name"`
	Weight       float64 `json:"weight"` // normalised: the component's share of the score
	Value        float64 `json:"value"`  // 0..1
	Contribution float64 `json:"contribution"`
	// SetWeight is the weight as it was set (the default or the
	// consultant's), Points = Value × SetWeight.
	SetWeight float64 `json:"set_weight"`
	Points    float64 `json:"points"`
}

// Reason explains a component or a filter. The matcher gives a code and a
// message with its arguments; i18n words it (DA and EN are filled from it).
// Points is how much the reason moved the score (on the score's 0..1
// scale): what a component added for a match, minus what it missed for a
// gap, 0 for a filter or a plain fact. Reasons are ordered by its size.
type Reason struct {
	Code      string  `json:"code"`
	Kind      string  `json:"kind"` // match, partial, gap, info
	DA        string  `json:"da"`
	EN        string  `json:"en"`
	Component string  `json:"component,omitempty"`
	Points    float64 `json:"points"`
	// Key and Args are the message (i18n.Render).
	Key  string `json:"-"`
	Args []any  `json:"-"`
}

// Text words the reason in lang.
func (r Reason) Text(lang i18n.Lang) string { return i18n.Render(lang, r.Key, r.Args...) }

// Result is one scored candidate.
type Result struct {
	CandidateID string      `json:"candidate_id"`
	Score       float64     `json:"score"`
	Components  []Component `json:"components"`
	Reasons     []Reason    `json:"reasons"`
	DistanceKm  *float64    `json:"distance_km,omitempty"`
	// Points is the sum of the components' points, MaxPoints the sum of
	// the set weights of the components that apply: Score = Points /
	// MaxPoints.
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
	// Excluded names the hard filter that excluded the candidate ("" if none).
	Excluded string `json:"excluded,omitempty"`

	textRaw float64 // the text component before the run's scale
	factor  float64 // what the filters' cuts leave of the score (Part.cut)
}

// IDF gives a term's inverse document frequency among the CVs.
type IDF interface {
	IDF(term string) float64
}

// Scorer scores candidates for one vacancy with one set of criteria and
// weights. It caches per-occupation work, so use one per goroutine.
type Scorer struct {
	p        *Profile
	c        Criteria
	w        map[string]float64 // normalised over the applicable components
	set      map[string]float64 // as set, for the applicable components
	maxPts   float64
	tax      *taxonomy.Taxonomy
	now      time.Time
	occCache map[string]occMatch
	termIDF  map[string]float64
	termNorm float64
	idf      IDF
	reqIDF   [][]float64
	desIDF   [][]float64
	// skillTerms are the terms of the skills the vacancy asks, which the
	// skills' own reasons name: the text's reason leaves them out.
	skillTerms map[string]bool
	explain    bool
	// textScale is the run's best text match among the candidates who
	// pass: the text component is read relative to it (0: not yet known,
	// read as is). See Matcher.rank.
	textScale float64
	// hired are the citizens hired through the jobcentre, with the day:
	// not available now (scoreAvailability).
	hired map[string]time.Time
}

// NewScorer prepares scoring for p.
func NewScorer(p *Profile, c Criteria, w Weights, tax *taxonomy.Taxonomy, idf IDF, now time.Time) *Scorer {
	s := &Scorer{p: p, c: c, tax: tax, now: now, occCache: map[string]occMatch{}, termIDF: map[string]float64{}, explain: true, idf: idf}
	if w == nil {
		w = DefaultWeights()
	}
	sum := 0.0
	for _, k := range table {
		if k.applies(p) && w[k.name] > 0 {
			sum += w[k.name]
		}
	}
	s.w, s.set, s.maxPts = map[string]float64{}, map[string]float64{}, sum
	for _, k := range table {
		if k.applies(p) && w[k.name] > 0 && sum > 0 {
			s.w[k.name] = w[k.name] / sum
			s.set[k.name] = w[k.name]
		}
	}
	get := func(t string) float64 {
		if v, ok := s.termIDF[t]; ok {
			return v
		}
		v := 1.0
		if idf != nil {
			v = idf.IDF(t)
		}
		s.termIDF[t] = v
		return v
	}
	for _, t := range p.Terms {
		w := get(t)
		s.termNorm += w * w
	}
	s.termNorm = math.Sqrt(s.termNorm)
	s.skillTerms = map[string]bool{}
	for _, r := range p.Required {
		s.reqIDF = append(s.reqIDF, termWeights(r.Terms, get))
		for _, t := range r.Terms {
			s.skillTerms[t] = true
		}
	}
	for _, r := range p.Desired {
		s.desIDF = append(s.desIDF, termWeights(r.Terms, get))
		for _, t := range r.Terms {
			s.skillTerms[t] = true
		}
	}
	for _, t := range p.TitleTerms {
		get(t)
	}
	return s
}

func termWeights(terms []string, get func(string) float64) []float64 {
	out := make([]float64, len(terms))
	for i, t := range terms {
		out[i] = get(t)
	}
	return out
}

// Weights returns the normalised weights in use.
func (s *Scorer) Weights() map[string]float64 { return s.w }

// SetWeights returns the weights in use as they were set.
func (s *Scorer) SetWeights() map[string]float64 { return s.set }

// Quiet turns off the reasons (for the exhaustive scan's bulk scoring).
func (s *Scorer) Quiet() { s.explain = false }

// SetHired tells the scorer which citizens were hired through the
// jobcentre, and when (the CV does not say it): they are not available now.
func (s *Scorer) SetHired(hired map[string]time.Time) {
	if s.hired == nil {
		s.hired = map[string]time.Time{}
	}
	for id, at := range hired {
		s.hired[id] = at
	}
}

// SetTextScale reads the text component relative to scale, the best text
// match of the run the score is shown beside (Matcher.TextScale).
func (s *Scorer) SetTextScale(scale float64) { s.textScale = scale }

// Score scores one candidate: each component of the table that applies
// gives a value and its reasons, the filters theirs. A candidate a hard
// filter excludes has Excluded set (and is still scored, so a review can
// see what it missed).
func (s *Scorer) Score(f *Features) Result {
	r := Result{CandidateID: f.ID, MaxPoints: round(s.maxPts)}
	exclude := func(filter string) {
		if filter != "" && r.Excluded == "" {
			r.Excluded = filter
		}
	}
	var reasons []Reason
	relevant := 0.0
	for _, k := range table {
		w := s.w[k.name]
		if w == 0 {
			continue
		}
		part := k.score(s, f)
		v := math.Max(0, math.Min(1, part.Value))
		if s.explain { // a quiet run (ranking, the exhaustive scan) reads only the sums
			r.Components = append(r.Components, Component{Name: k.name, Weight: round(w), Value: round(v), Contribution: round(w * v),
				SetWeight: s.set[k.name], Points: round(s.set[k.name] * v)})
		}
		r.Score += w * v
		r.Points += s.set[k.name] * v
		if part.DistanceKm != nil {
			r.DistanceKm = part.DistanceKm
		}
		if k.name == CompText {
			r.textRaw = part.raw
		}
		exclude(part.Exclude)
		switch k.name {
		case CompOccupation, CompRequiredSkills, CompDesiredSkills:
			relevant += v
		case CompText:
			if v >= 0.05 {
				relevant += v
			}
		}
		if s.explain {
			for _, x := range part.Reasons {
				x.Component = k.name
				if x.Kind == "gap" {
					x.Points = -round(w * (1 - v))
				} else {
					x.Points = round(w * v)
				}
				reasons = append(reasons, x)
			}
		}
	}
	// The filters' cuts scale the score, and with it each contribution
	// and points, so they still add up; a cut's reason says what it took.
	r.factor = 1
	before := r.Score
	for _, fl := range filters {
		part := fl(s, f)
		exclude(part.Exclude)
		if part.cut > 0 {
			r.factor *= 1 - part.cut
			for i := range part.Reasons {
				part.Reasons[i].Points = -round(before * part.cut)
			}
		}
		reasons = append(reasons, part.Reasons...)
	}
	if r.factor < 1 {
		r.Score *= r.factor
		r.Points *= r.factor
		for i := range r.Components {
			r.Components[i].Contribution = round(r.Components[i].Contribution * r.factor)
			r.Components[i].Points = round(r.Components[i].Points * r.factor)
		}
		for i := range reasons {
			if reasons[i].Component != "" {
				reasons[i].Points = round(reasons[i].Points * r.factor)
			}
		}
	}
	// Nothing in common with the vacancy (no occupation, no skill, hardly a
	// word): not a candidate, however near and available.
	if relevant == 0 {
		exclude("relevance")
	}
	if s.explain {
		sort.SliceStable(reasons, func(i, j int) bool { return math.Abs(reasons[i].Points) > math.Abs(reasons[j].Points) })
		for i := range reasons {
			reasons[i].DA = reasons[i].Text(i18n.DA)
			reasons[i].EN = reasons[i].Text(i18n.EN)
		}
		r.Reasons = reasons
	}
	r.Score = round(r.Score)
	r.Points = round(r.Points)
	return r
}

func round(v float64) float64  { return math.Round(v*10000) / 10000 }
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// Normer gives a CV's term-vector length under the current document
// frequencies (Pool caches it).
type Normer interface {
	Norm(f *Features) float64
}

func (s *Scorer) norm(f *Features) float64 {
	if n, ok := s.idf.(Normer); ok {
		return n.Norm(f)
	}
	sum := 0.0
	for t := range f.Terms.All() {
		w := 1.0
		if s.idf != nil {
			w = s.idf.IDF(t)
		}
		sum += w * w
	}
	return math.Sqrt(sum)
}

// Excluded says which hard filter, if any, keeps the candidate out, as Score
// would, without scoring the parts that cannot exclude (text, skills,
// experience): the nearest list checks thousands of CVs this way. Only
// when nothing trips does it need the relevance parts, and then only until
// one of them is non-zero.
func (s *Scorer) Excluded(f *Features) string {
	for _, k := range table {
		if k.excludes && s.w[k.name] != 0 {
			if x := k.score(s, f).Exclude; x != "" {
				return x
			}
		}
	}
	for _, fl := range filters {
		if x := fl(s, f).Exclude; x != "" {
			return x
		}
	}
	for _, k := range table {
		if s.w[k.name] == 0 {
			continue
		}
		switch k.name {
		case CompOccupation, CompRequiredSkills, CompDesiredSkills:
			if v := k.score(s, f).Value; v > 0 {
				return ""
			}
		case CompText:
			if v := math.Min(1, k.score(s, f).Value); v >= 0.05 {
				return ""
			}
		}
	}
	return "relevance"
}
