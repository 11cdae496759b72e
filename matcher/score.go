package matcher

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

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

// DefaultWeights are the weights a match run starts from.
func DefaultWeights() Weights {
	return Weights{CompOccupation: 0.15, CompRequiredSkills: 0.20, CompDesiredSkills: 0.05, CompExperience: 0.10,
		CompDistance: 0.10, CompAvailability: 0.05, CompLanguages: 0.05, CompLicence: 0.05, CompText: 0.35}
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
}

// DefaultCriteria: distance and the scheme always; licence and languages
// when the vacancy asks for them; availability and consent are soft.
func DefaultCriteria(p *Profile) Criteria {
	return Criteria{Distance: p.HasPoint, Licence: p.Licence != "", Language: len(p.Languages) > 0, Eligibility: true}
}

// Component is one part of a score.
type Component struct {
	Name         string  `json:"name"`
	Weight       float64 `json:"weight"` // normalised
	Value        float64 `json:"value"`  // 0..1
	Contribution float64 `json:"contribution"`
}

// Reason explains a component or a filter in Danish and English.
type Reason struct {
	Code string `json:"code"`
	Kind string `json:"kind"` // match, partial, gap, info
	DA   string `json:"da"`
	EN   string `json:"en"`
}

// Result is one scored candidate.
type Result struct {
	CandidateID string      `json:"candidate_id"`
	Score       float64     `json:"score"`
	Components  []Component `json:"components"`
	Reasons     []Reason    `json:"reasons"`
	DistanceKm  *float64    `json:"distance_km,omitempty"`
	// Excluded names the hard filter that excluded the candidate ("" if none).
	Excluded string `json:"excluded,omitempty"`
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
	tax      *taxonomy.Taxonomy
	now      time.Time
	occCache map[string]occMatch
	termIDF  map[string]float64
	termNorm float64
	idf      IDF
	reqIDF   [][]float64
	desIDF   [][]float64
	explain  bool
}

// NewScorer prepares scoring for p.
func NewScorer(p *Profile, c Criteria, w Weights, tax *taxonomy.Taxonomy, idf IDF, now time.Time) *Scorer {
	s := &Scorer{p: p, c: c, tax: tax, now: now, occCache: map[string]occMatch{}, termIDF: map[string]float64{}, explain: true, idf: idf}
	if w == nil {
		w = DefaultWeights()
	}
	applicable := map[string]bool{
		CompOccupation: len(p.Targets) > 0 || len(p.TitleTerms) > 0, CompRequiredSkills: len(p.Required) > 0,
		CompDesiredSkills: len(p.Desired) > 0, CompExperience: len(p.Targets) > 0 || len(p.TitleTerms) > 0,
		CompDistance: p.HasPoint, CompAvailability: true, CompLanguages: len(p.Languages) > 0,
		CompLicence: p.Licence != "", CompText: len(p.Terms) > 0,
	}
	sum := 0.0
	for _, n := range Components {
		if applicable[n] && w[n] > 0 {
			sum += w[n]
		}
	}
	s.w = map[string]float64{}
	for _, n := range Components {
		if applicable[n] && w[n] > 0 && sum > 0 {
			s.w[n] = w[n] / sum
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
	for _, r := range p.Required {
		s.reqIDF = append(s.reqIDF, termWeights(r.Terms, get))
	}
	for _, r := range p.Desired {
		s.desIDF = append(s.desIDF, termWeights(r.Terms, get))
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

// Quiet turns off the reasons (for the exhaustive scan's bulk scoring).
func (s *Scorer) Quiet() { s.explain = false }

// Score scores one candidate. A candidate a hard filter excludes has
// Excluded set (and is still scored, so a review can see what it missed).
func (s *Scorer) Score(f *Features) Result {
	r := Result{CandidateID: f.ID}
	p := s.p
	add := func(name string, v float64) {
		w := s.w[name]
		if w == 0 {
			return
		}
		v = math.Max(0, math.Min(1, v))
		r.Components = append(r.Components, Component{Name: name, Weight: round(w), Value: round(v), Contribution: round(w * v)})
		r.Score += w * v
	}
	why := func(code, kind, da, en string) {
		if s.explain {
			r.Reasons = append(r.Reasons, Reason{Code: code, Kind: kind, DA: da, EN: en})
		}
	}
	exclude := func(filter string) {
		if r.Excluded == "" {
			r.Excluded = filter
		}
	}

	// Subsidy scheme.
	if ok, how := Eligible(p.EmploymentType, f); Rules[p.EmploymentType].Scheme != "" {
		name := string(p.EmploymentType)
		switch {
		case ok:
			why("scheme_eligible", "match", "Kan ansættes med "+name+" ("+schemeWhyDA[how]+")", "Eligible for "+name+" ("+schemeWhyEN[how]+")")
		default:
			why("scheme_not_eligible", "gap", "Ikke visiteret til "+name, "Not eligible for "+name)
			if s.c.Eligibility {
				exclude("eligibility")
			}
		}
	}

	// Occupation and relevant experience.
	if s.w[CompOccupation] > 0 || s.w[CompExperience] > 0 {
		best, years := occMatch{}, 0.0
		for _, o := range f.Occupations {
			m := s.occupation(o)
			if m.value > best.value {
				best = m
				best.label = o.Label
			}
			if !o.Desired && m.value >= 0.6 {
				years += o.Years
			}
		}
		add(CompOccupation, best.value)
		if best.value > 0 {
			why("occupation_"+best.kind, kindOf(best.value), occupationDA(best), occupationEN(best))
		} else {
			why("occupation_none", "gap", "Ingen af CV'ets stillinger ligner "+quote(p.Title), "None of the CV's occupations resembles "+quote(p.Title))
		}
		need := p.MinYears
		if need <= 0 {
			need = 3
		}
		add(CompExperience, years/need)
		if p.MinYears > 0 || years > 0 {
			kind := "match"
			if years < p.MinYears {
				kind = "gap"
			}
			why("experience", kind, fmtYears(years, "da")+" relevant erfaring"+wantYears(p.MinYears, "da"), fmtYears(years, "en")+" of relevant experience"+wantYears(p.MinYears, "en"))
		}
	}

	// Skills.
	if len(p.Required) > 0 {
		v, matched, missing := s.skills(p.Required, s.reqIDF, f)
		add(CompRequiredSkills, v)
		if len(matched) > 0 {
			why("required_skills_matched", "match", "Krævede kompetencer: "+countOf(len(matched), len(p.Required))+" – "+strings.Join(matched, ", "),
				"Required skills: "+countOfEN(len(matched), len(p.Required))+" – "+strings.Join(matched, ", "))
		}
		if len(missing) > 0 {
			why("required_skills_missing", "gap", "Mangler: "+strings.Join(missing, ", "), "Missing: "+strings.Join(missing, ", "))
		}
	}
	if len(p.Desired) > 0 {
		v, matched, _ := s.skills(p.Desired, s.desIDF, f)
		add(CompDesiredSkills, v)
		if len(matched) > 0 {
			why("desired_skills_matched", "match", "Ønskede kompetencer: "+countOf(len(matched), len(p.Desired))+" – "+strings.Join(matched, ", "),
				"Desired skills: "+countOfEN(len(matched), len(p.Desired))+" – "+strings.Join(matched, ", "))
		}
	}

	// Distance from the workplace against the candidate's max commute.
	if p.HasPoint {
		limit := f.MaxCommuteKm
		if s.c.RadiusKm > 0 {
			limit = s.c.RadiusKm
		}
		if limit <= 0 {
			limit = defaultCommuteKm
		}
		if f.HasPoint {
			d := haversineKm(p.Lat, p.Lon, f.Lat, f.Lon)
			dr := round1(d)
			r.DistanceKm = &dr
			v := 1 - 0.5*d/limit
			if d > limit {
				v = 0.5 * (1 - (d-limit)/limit)
				why("distance_beyond", "gap", km(d)+" fra arbejdsstedet – over "+km(limit)+" transport", km(d)+" from the workplace – beyond "+km(limit)+" commute")
				if s.c.Distance {
					exclude("distance")
				}
			} else {
				why("distance", "match", km(d)+" fra arbejdsstedet (højst "+km(limit)+")", km(d)+" from the workplace (max "+km(limit)+")")
			}
			add(CompDistance, v)
		} else {
			add(CompDistance, 0.5)
			why("distance_unknown", "info", "Afstand ukendt (postnummer "+f.PostalCode+")", "Distance unknown (postal code "+f.PostalCode+")")
		}
	}

	// Availability by the start date.
	start := p.Start
	if start.IsZero() {
		start = s.now
	}
	switch {
	case f.AvailableFrom.IsZero() || !f.AvailableFrom.After(start):
		add(CompAvailability, 1)
		if f.AvailableFrom.IsZero() || !f.AvailableFrom.After(s.now) {
			why("available", "match", "Ledig nu", "Available now")
		} else {
			why("available", "match", "Ledig fra "+f.AvailableFrom.Format("2.1.2006")+", før start", "Available from "+f.AvailableFrom.Format("2 Jan 2006")+", before the start")
		}
	default:
		late := f.AvailableFrom.Sub(start).Hours() / 24
		add(CompAvailability, 1-late/90)
		why("available_late", "gap", "Først ledig "+f.AvailableFrom.Format("2.1.2006")+" – efter start", "Not available until "+f.AvailableFrom.Format("2 Jan 2006")+" – after the start")
		if s.c.Availability {
			exclude("availability")
		}
	}

	// Languages (Danish level matters most for newly arrived).
	if len(p.Languages) > 0 {
		total, allMet := 0.0, true
		for _, want := range p.Languages {
			have := ""
			for _, l := range f.Languages {
				if strings.EqualFold(l.Code, want.Code) {
					have = l.Level
				}
			}
			gap := levelRank(want.Level) - levelRank(have)
			lang := languageName(want.Code)
			switch {
			case have != "" && gap <= 0:
				total++
				why("language", "match", lang.da+" "+have+" (krav "+want.Level+")", lang.en+" "+have+" (asked "+want.Level+")")
			case have != "" && gap == 1:
				total += 0.5
				allMet = false
				why("language_below", "partial", lang.da+" "+have+" – et niveau under "+want.Level, lang.en+" "+have+" – one level below "+want.Level)
			default:
				allMet = false
				lvl := have
				if lvl == "" {
					lvl = "intet"
				}
				why("language_missing", "gap", lang.da+": "+lvl+" (krav "+want.Level+")", lang.en+": "+strings.Replace(lvl, "intet", "none", 1)+" (asked "+want.Level+")")
			}
		}
		add(CompLanguages, total/float64(len(p.Languages)))
		if !allMet && s.c.Language {
			exclude("language")
		}
	}

	// Driving licence.
	if p.Licence != "" {
		if hasLicence(f.Licences, p.Licence) {
			add(CompLicence, 1)
			why("licence", "match", "Kørekort "+p.Licence, "Driving licence "+p.Licence)
		} else {
			add(CompLicence, 0)
			why("licence_missing", "gap", "Mangler kørekort "+p.Licence, "No "+p.Licence+" driving licence")
			if s.c.Licence {
				exclude("licence")
			}
		}
	}

	// Words of the vacancy found in the CV, weighted by their rarity: the
	// cosine of the two texts' term sets weighted by inverse document
	// frequency, so a long CV does not win by containing every word.
	if s.termNorm > 0 && s.w[CompText] > 0 {
		dot := 0.0
		var shared []string
		for _, t := range p.Terms {
			if hasTerm(f.Terms, t) {
				w := s.termIDF[t]
				dot += w * w
				if s.explain && !strings.HasPrefix(t, "en:") {
					shared = append(shared, t)
				}
			}
		}
		v := 0.0
		if n := s.norm(f); n > 0 {
			v = dot / (s.termNorm * n)
		}
		add(CompText, v)
		if len(shared) > 0 {
			sort.SliceStable(shared, func(i, j int) bool { return s.termIDF[shared[i]] > s.termIDF[shared[j]] })
			if len(shared) > 6 {
				shared = shared[:6]
			}
			why("text", "info", "Ord fra opslaget i CV'et: "+strings.Join(shared, ", "), "Words of the vacancy in the CV: "+strings.Join(shared, ", "))
		}
	}

	// Consent to be presented.
	if f.Consent {
		why("consent", "info", "Har givet samtykke til at blive præsenteret", "Has consented to be presented")
	} else {
		why("no_consent", "info", "Intet samtykke til præsentation endnu", "No consent to be presented yet")
		if s.c.Consent {
			exclude("consent")
		}
	}
	// Nothing in common with the vacancy (no occupation, no skill, hardly a
	// word): not a candidate, however near and available.
	relevant := 0.0
	for _, c := range r.Components {
		switch c.Name {
		case CompOccupation, CompRequiredSkills, CompDesiredSkills:
			relevant += c.Value
		case CompText:
			if c.Value >= 0.05 {
				relevant += c.Value
			}
		}
	}
	if relevant == 0 {
		exclude("relevance")
	}
	r.Score = round(r.Score)
	return r
}

// occMatch is how well one CV occupation matches the vacancy's.
type occMatch struct {
	value  float64
	kind   string // same, synonym, related, group, skills, title
	target Target
	label  string
	detail string
}

var synonymVia = map[string]bool{"alt_label": true, "hidden_label": true, "star_title": true, "disco_title": true, "english_label": true}

// occupation scores a CV occupation against the vacancy's targets: the same
// concept 1 (reached through a STAR/Jobnet or other synonym: "synonym"); an
// occupation of the same ISCO unit group 0.6; of the same minor group 0.4;
// otherwise by the overlap of essential skills, up to 0.5. A title without a
// concept is compared word by word with the vacancy title, up to 0.8.
func (s *Scorer) occupation(o Occupation) occMatch {
	key := o.URI
	if key == "" {
		key = "title:" + o.Label
	}
	if m, ok := s.occCache[key]; ok {
		return m
	}
	m := s.occupationUncached(o)
	s.occCache[key] = m
	return m
}

func (s *Scorer) occupationUncached(o Occupation) occMatch {
	title := s.titleOverlap(o.Label)
	m := s.conceptMatch(o)
	if m.kind == "" {
		if title < 0.5 {
			return occMatch{}
		}
		return occMatch{value: 0.8 * title, kind: "title"}
	}
	// A concept match counts by how surely the vacancy title named that
	// concept, and the title's own words add the rest: of two candidates
	// with the same concept, the one whose title says what the vacancy
	// says comes first.
	conf := 1.0
	if m.target.URI != "" && m.target.Via != "given" {
		conf = math.Max(0.5, math.Min(1, m.target.Score))
	}
	m.value = 0.8*m.value*conf + 0.2*title
	if t := 0.8 * title; t > m.value && title >= 0.5 {
		return occMatch{value: t, kind: "title"}
	}
	return m
}

// titleOverlap is the share (by rarity) of the vacancy title's words in a
// CV's occupation title.
func (s *Scorer) titleOverlap(label string) float64 {
	if len(s.p.TitleTerms) == 0 || label == "" {
		return 0
	}
	terms := union(taxonomy.Terms(label), nil)
	sum, hit := 0.0, 0.0
	for _, t := range s.p.TitleTerms {
		w, ok := s.termIDF[t]
		if !ok {
			w = 1
		}
		sum += w
		if hasTerm(terms, t) {
			hit += w
		}
	}
	if sum == 0 {
		return 0
	}
	return hit / sum
}

// conceptMatch compares occupation concepts (see occupation).
func (s *Scorer) conceptMatch(o Occupation) occMatch {
	p := s.p
	if o.URI == "" {
		return occMatch{}
	}
	for _, t := range p.Targets {
		if t.URI == o.URI {
			if synonymVia[t.Via] {
				return occMatch{value: 1, kind: "synonym", target: t}
			}
			return occMatch{value: 1, kind: "same", target: t}
		}
	}
	var unit string
	if s.tax != nil {
		unit = s.tax.ISCOOf(o.URI)
	}
	if code, ok := p.related[o.URI]; ok || (unit != "" && p.units[unit]) {
		if code == "" {
			code = unit
		}
		return occMatch{value: 0.6, kind: "related", detail: code, target: s.targetIn(code)}
	}
	if len(unit) >= 3 && p.minors[unit[:3]] {
		return occMatch{value: 0.4, kind: "group", detail: unit[:3], target: s.targetIn(unit[:3])}
	}
	if s.tax != nil && len(p.essential) > 0 {
		if occ, ok := s.tax.Occupation(o.URI); ok && len(occ.Essential) > 0 {
			shared := 0
			for _, i := range occ.Essential {
				if p.essential[s.tax.SkillAt(i).URI] {
					shared++
				}
			}
			j := float64(shared) / float64(len(occ.Essential)+len(p.essential)-shared)
			if j >= 0.1 {
				return occMatch{value: math.Min(0.5, j), kind: "skills", detail: pct(j)}
			}
		}
	}
	return occMatch{}
}

func (s *Scorer) targetIn(isco string) Target {
	for _, t := range s.p.Targets {
		if strings.HasPrefix(t.ISCO, isco) {
			return t
		}
	}
	return Target{}
}

// skills scores skill requirements: a concept the CV has counts 1; else the
// share (by rarity) of the requirement's words among the CV's skill and
// title words, or, at 0.6, among all its words. A requirement counts as
// matched from 0.5.
func (s *Scorer) skills(reqs []SkillReq, weights [][]float64, f *Features) (float64, []string, []string) {
	total := 0.0
	var matched, missing []string
	for i, r := range reqs {
		v := 0.0
		if r.URI != "" {
			if _, ok := slices.BinarySearch(f.Skills, r.URI); ok {
				v = 1
			}
		}
		if v < 1 && len(r.Terms) > 0 {
			v = math.Max(v, coverage(r.Terms, weights[i], f.SkillTerms))
			v = math.Max(v, 0.6*coverage(r.Terms, weights[i], f.Terms))
		}
		total += v
		if s.explain {
			if v >= 0.5 {
				matched = append(matched, short(r.Text))
			} else {
				missing = append(missing, short(r.Text))
			}
		}
	}
	return total / float64(len(reqs)), matched, missing
}

// MatchedSkills returns the vacancy's required and desired skills the CV
// meets, by the same test the match card counts ("1 af 2"), in the
// vacancy's own words.
func (s *Scorer) MatchedSkills(f *Features) (required, desired []string) {
	explain := s.explain
	s.explain = true
	defer func() { s.explain = explain }()
	if len(s.p.Required) > 0 {
		_, required, _ = s.skills(s.p.Required, s.reqIDF, f)
	}
	if len(s.p.Desired) > 0 {
		_, desired, _ = s.skills(s.p.Desired, s.desIDF, f)
	}
	return required, desired
}

func coverage(terms []string, w []float64, have []string) float64 {
	sum, hit := 0.0, 0.0
	for i, t := range terms {
		sum += w[i]
		if hasTerm(have, t) {
			hit += w[i]
		}
	}
	if sum == 0 {
		return 0
	}
	return hit / sum
}

func kindOf(v float64) string {
	if v >= 0.99 {
		return "match"
	}
	return "partial"
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
	for _, t := range f.Terms {
		w := 1.0
		if s.idf != nil {
			w = s.idf.IDF(t)
		}
		sum += w * w
	}
	return math.Sqrt(sum)
}
