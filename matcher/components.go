package matcher

import (
	"math"
	"slices"
	"sort"
	"strings"

	"jobmatch"
	"jobmatch/i18n"
	"jobmatch/taxonomy"
)

// Part is what one score component (or filter) says of one candidate: a
// value 0..1, the reasons, and the hard filter it trips ("" if none).
type Part struct {
	Value      float64
	Reasons    []Reason
	Exclude    string
	DistanceKm *float64
	raw        float64 // the text component's value before the run's scale
	// cut is the share of the score a filter takes off (workingTimeCut):
	// the candidate stays listed, below an equal one who fits.
	cut float64
}

// say adds a reason when the scorer explains.
func (s *Scorer) say(p *Part, code, kind, key string, args ...any) {
	if s.explain {
		p.Reasons = append(p.Reasons, Reason{Code: code, Kind: kind, Key: key, Args: args})
	}
}

// component is a row of the score table.
type component struct {
	name    string
	applies func(p *Profile) bool
	score   func(s *Scorer, f *Features) Part
	// excludes: the component can trip a hard filter (Scorer.Excluded
	// runs only these).
	excludes bool
}

// table is the score: one small function per component, in display order.
var table = []component{
	{CompOccupation, hasTitle, scoreOccupation, false},
	{CompRequiredSkills, func(p *Profile) bool { return len(p.Required) > 0 }, scoreRequiredSkills, false},
	{CompDesiredSkills, func(p *Profile) bool { return len(p.Desired) > 0 }, scoreDesiredSkills, false},
	{CompExperience, hasTitle, scoreExperience, false},
	{CompDistance, func(p *Profile) bool { return p.HasPoint }, scoreDistance, true},
	{CompAvailability, func(p *Profile) bool { return true }, scoreAvailability, true},
	{CompLanguages, func(p *Profile) bool { return len(p.Languages) > 0 }, scoreLanguages, true},
	{CompLicence, func(p *Profile) bool { return p.Licence != "" }, scoreLicence, true},
	{CompText, func(p *Profile) bool { return len(p.Terms) > 0 }, scoreText, false},
}

// filters say something and may exclude; the working time (filterHours,
// filterShifts) also takes workingTimeCut off the score when the CV says
// it does not fit.
var filters = []func(s *Scorer, f *Features) Part{filterScheme, filterHours, filterShifts, filterEducation, filterConsent}

func hasTitle(p *Profile) bool { return len(p.Targets) > 0 || len(p.TitleTerms) > 0 }

// filterScheme: the candidate may be employed under the vacancy's subsidy
// scheme (rules.go).
func filterScheme(s *Scorer, f *Features) Part {
	var part Part
	t := s.p.EmploymentType
	if Rules[t].Scheme == "" {
		return part
	}
	scheme := i18n.Key("why.scheme." + string(Rules[t].Scheme))
	if ok, how := Eligible(t, f); ok {
		s.say(&part, "scheme_eligible", "match", "why.scheme_eligible", scheme, i18n.Key("why.scheme."+how))
		return part
	}
	s.say(&part, "scheme_not_eligible", "gap", "why.scheme_not_eligible", scheme)
	if s.c.Eligibility {
		part.Exclude = "eligibility"
	}
	return part
}

// hoursBit is an hours value's bit in Features.Hours.
func hoursBit(h jobmatch.Hours) uint8 {
	switch h {
	case jobmatch.HoursFull:
		return 1
	case jobmatch.HoursPart:
		return 2
	}
	return 0
}

// hoursFit says whether the CV wants the vacancy's hours (1), only other
// hours (-1), or either does not say or the vacancy is flexible (0), as
// filterHours tells them apart; the ranking orders equal scores by it.
func (s *Scorer) hoursFit(f *Features) int {
	want := hoursBit(s.p.Hours)
	switch {
	case want == 0 || f.Hours == 0:
		return 0
	case f.Hours&want != 0:
		return 1
	}
	return -1
}

// workingTimeCut is the share of the score a CV loses when it wants other
// hours than the vacancy's, and again when it will not work a time the ad
// names (night, evening, weekend): about what the distance weighs, so of
// two candidates who fit the job alike the one who can take it comes
// first, and a much better fit still stands above. Weighing nothing, on
// "SOSU-hjælper til nattevagt" a CV that can work day, evening and weekend
// stood first at 97 %, the one who works nights fourth, and on a 25-hour
// cleaning job four of the first five wanted only full-time. A cut, not a
// filter: the conversation may settle it (part-time may still be 30
// hours), and the consultant can require the hours (Criteria.Hours).
const workingTimeCut = 0.1

// Cut is the share of the score the reason's filter took off: the working
// time's (workingTimeCut) for other hours or a time the CV will not work,
// 0 for every other reason. The card's table shows it as a row of its own
// ("Ønsker fuldtid – stillingen er på deltid −10 %"): the components'
// points alone added up to more than the score, and a card said 92 % below
// one that said 88 %.
func (r Reason) Cut() float64 {
	if r.Code == "hours_other" || r.Code == "shifts_other" {
		return workingTimeCut
	}
	return 0
}

// filterHours: the CV wants the vacancy's hours. Said only when both say
// (a flexible vacancy suits either); other hours cost workingTimeCut, and
// exclude when the consultant requires it.
func filterHours(s *Scorer, f *Features) Part {
	var part Part
	want := hoursBit(s.p.Hours)
	if want == 0 || f.Hours == 0 {
		return part
	}
	hours := i18n.Key("why.hours." + string(s.p.Hours))
	if f.Hours&want != 0 {
		s.say(&part, "hours", "match", "why.hours", hours)
		return part
	}
	other := jobmatch.HoursFull
	if f.Hours&hoursBit(jobmatch.HoursPart) != 0 {
		other = jobmatch.HoursPart
	}
	s.say(&part, "hours_other", "gap", "why.hours_other", i18n.Key("why.hours."+string(other)), hours)
	part.cut = workingTimeCut
	if s.c.Hours {
		part.Exclude = "hours"
	}
	return part
}

// educationRank orders the education levels a vacancy can ask, and a CV's
// ("other", a course or a Danish module, is below them all).
var educationRank = map[string]int{"primary": 1, "upper_secondary": 2, "vocational": 3, "short_cycle": 4, "bachelor": 5, "master": 6, "phd": 7}

// filterEducation: the CV names the education the vacancy asks, or more
// ("Uddannelse, mindst" on the entry form). It weighs nothing and
// excludes no one: a CV may leave out an education its holder has, and
// experience can stand in for one, which the conversation settles.
func filterEducation(s *Scorer, f *Features) Part {
	var part Part
	want := educationRank[s.p.Education]
	if want == 0 {
		return part
	}
	best := ""
	for _, l := range f.Education {
		if educationRank[l] > educationRank[best] {
			best = l
		}
	}
	asked := i18n.Key("edu." + s.p.Education)
	if educationRank[best] == want {
		s.say(&part, "education", "match", "why.education_same", asked)
		return part
	}
	if educationRank[best] > want {
		s.say(&part, "education", "match", "why.education", i18n.Key("edu."+best), asked)
		return part
	}
	has := i18n.Key("why.education_none")
	if best != "" {
		has = i18n.Key("edu." + best)
	}
	s.say(&part, "education_below", "gap", "why.education_below", asked, has)
	return part
}

// shiftBit is a shift's bit in Features.Shifts and Profile.Shifts.
func shiftBit(s jobmatch.Shift) uint8 {
	if i := slices.Index(jobmatch.Shifts, s); i >= 0 {
		return 1 << i
	}
	return 0
}

// shiftNames are the shifts of bits as reason arguments, in the order of a
// day and a week.
func shiftNames(bits uint8) i18n.List {
	var out i18n.List
	for _, s := range jobmatch.Shifts {
		if bits&shiftBit(s) != 0 {
			out = append(out, i18n.Key("why.shift."+string(s)))
		}
	}
	return out
}

// filterShifts: the CV will work the times the ad names (evening, night,
// weekend; the day is every job's). Said when both say; a time the CV
// will not work costs workingTimeCut, and excludes no one: the times are
// for the conversation too.
func filterShifts(s *Scorer, f *Features) Part {
	var part Part
	named := s.p.Shifts &^ shiftBit(jobmatch.ShiftDay)
	if named == 0 || f.Shifts == 0 {
		return part
	}
	if missing := named &^ f.Shifts; missing != 0 {
		s.say(&part, "shifts_other", "gap", "why.shifts_other", shiftNames(f.Shifts), shiftNames(missing))
		part.cut = workingTimeCut
		return part
	}
	s.say(&part, "shifts", "match", "why.shifts", shiftNames(named))
	return part
}

// filterConsent: the candidate has consented to be presented.
func filterConsent(s *Scorer, f *Features) Part {
	var part Part
	if f.Consent {
		s.say(&part, "consent", "info", "why.consent")
		return part
	}
	s.say(&part, "no_consent", "info", "why.no_consent")
	if s.c.Consent {
		part.Exclude = "consent"
	}
	return part
}

// scoreOccupation: the best match of the CV's occupations (desired or
// held) with the vacancy's (see Scorer.occupation).
func scoreOccupation(s *Scorer, f *Features) Part {
	var part Part
	best := occMatch{}
	desired := false
	for _, o := range f.Occupations {
		// Of equal matches the one the CV holds as a job counts: "Samme
		// stilling" for a job the person has done, "Ønsker samme
		// stilling" for one they only want (it said "Samme stilling"
		// beside "Ingen erfaring i stillingen").
		if m := s.occupation(o); m.value > best.value || (m.value == best.value && m.value > 0 && desired && !o.Desired) {
			best = m
			best.label = o.Label
			desired = o.Desired
		}
	}
	part.Value = best.value
	if best.value <= 0 {
		// Named as the title was read, as the page says above the list
		// ("Titlen læst som: Svejser"); it quoted the whole ad's title,
		// "Svejser til 2-holdsskift". A title read as nothing is quoted.
		var name any = i18n.Quote(s.p.Title)
		if len(s.p.Targets) > 0 && s.p.Targets[0].Title != "" {
			name = s.p.Targets[0].Title
		}
		s.say(&part, "occupation_none", "gap", "why.occupation_none", name)
		return part
	}
	kind := "partial"
	if best.value >= 0.99 || best.kind == "same" || best.kind == "synonym" {
		// The occupation the vacancy was read as is a match ("Samme
		// stilling: Smed" for "Smed til 2-holdsskift"), though the value
		// also weighs how surely the title named it and how much of the
		// title's words the CV's title has.
		kind = "match"
	}
	target := s.targetLabel(best.target)
	switch best.kind {
	case "same":
		key := "why.occupation_same"
		if desired {
			key = "why.occupation_same_desired"
		}
		s.say(&part, "occupation_same", kind, key, target)
	case "synonym":
		if t := s.p.Title; best.target.Via != "star_title" && taxonomy.Normalize(best.target.Form) == taxonomy.Normalize(t) {
			// The employer's own title is the concept's other name
			// ("Salgskonsulent", ESCO's assistent til salgssupport):
			// the occupation is said in their words.
			key := "why.occupation_same"
			if desired {
				key = "why.occupation_same_desired"
			}
			s.say(&part, "occupation_synonym", kind, key, i18n.Both{DA: t, EN: t})
			break
		}
		key := "why.occupation_synonym"
		if desired {
			key = "why.occupation_synonym_desired"
		}
		s.say(&part, "occupation_synonym", kind, key, target, i18n.Key("why.via."+best.target.Via), i18n.Quote(best.target.Form))
	case "related":
		s.say(&part, "occupation_related", kind, "why.occupation_related", best.detail, best.label)
	case "group":
		s.say(&part, "occupation_group", kind, "why.occupation_group", best.detail, best.label)
	case "skills":
		s.say(&part, "occupation_skills", kind, "why.occupation_skills", i18n.Pct(best.share), best.label)
	case "title":
		s.say(&part, "occupation_title", kind, "why.occupation_title", best.label)
	}
	return part
}

// targetLabel names a vacancy occupation in both languages: the STAR/Jobnet
// title Danish people use, in both, where the concept has one; else ESCO's
// Danish and English labels. A Danish occupation is named as the job is
// called here: the English card said "Same occupation: primary school
// teaching assistant" for a Pædagogmedhjælper in a vuggestue (the ESCO
// concept the STAR title is mapped to).
func (s *Scorer) targetLabel(t Target) i18n.Both {
	if s.tax == nil || t.URI == "" {
		return i18n.Both{DA: t.Label, EN: t.Label}
	}
	da := s.tax.DisplayTitle(t.URI, "da")
	if !strings.EqualFold(da, s.tax.ConceptLabel(t.URI, "da")) {
		return i18n.Both{DA: da, EN: da}
	}
	return i18n.Both{DA: da, EN: s.tax.DisplayTitle(t.URI, "en")}
}

// experienceShare is how much a CV's years in an occupation count as
// experience for the vacancy: fully in the same occupation, a synonym, or a
// job whose title says what the vacancy's title says; by half in a related
// one (same ISCO unit group), a quarter in the same minor group, by the
// share of essential skills (at most a quarter) in one of the targets' kind
// that shares many of them (taxonomy.Kin, taxonomy.KinShare: the
// occupations retrieval adds, so the exhaustive scan ranks no one it
// leaves out); not otherwise.
func experienceShare(m occMatch) float64 {
	switch m.kind {
	case "same", "synonym", "title":
		return 1
	case "related":
		return 0.5
	case "group":
		return 0.25
	case "skills":
		// An occupation that shares many of the essential skills (a kok
		// for a Køkkenchef: 31 %): its years count by the share, at most
		// as the minor group's, so among the people no CV names the
		// vacancy's occupation for, the experienced come first.
		if m.kin && m.share >= taxonomy.KinShare {
			return min(0.25, m.share)
		}
	}
	return 0
}

// scoreExperience: the years of the CV's experience lines in the vacancy's
// occupation or a related one, against the years asked (3 when none). A
// related occupation's years count by their share (experienceShare) and
// only up to the years asked, so they give at most their share of the
// points: 24,5 years as a murer, at 17 % for an Elektriker vacancy, counted
// as 4,2 years, more than the 3 that give full points, and the bricklayer
// scored as much experience as an electrician of 9,5 years.
func scoreExperience(s *Scorer, f *Features) Part {
	var part Part
	need := s.p.MinYears
	if need <= 0 {
		need = 3
	}
	years := 0.0
	var lines i18n.List
	seen := map[string]float64{} // a related occupation's years so far
	for _, o := range f.Occupations {
		if o.Desired || o.Years <= 0 {
			continue
		}
		share := experienceShare(s.occupation(o))
		if share == 0 {
			continue
		}
		counted := o.Years
		if share < 1 {
			key := o.URI
			if key == "" {
				key = "title:" + o.Label
			}
			counted = share * min(o.Years, max(0, need-seen[key]))
			seen[key] += o.Years
		}
		years += counted
		if s.explain {
			lines = addYearsLine(lines, yearsLine{o.Label, o.Years, share, counted})
		}
	}
	part.Value = years / need
	asked := s.p.MinYears > 0
	switch {
	case years == 0 && asked:
		s.say(&part, "experience", "gap", "why.experience_none", i18n.Years(s.p.MinYears))
	case years == 0:
	case asked:
		kind := "match"
		if years < s.p.MinYears {
			kind = "gap"
		}
		s.say(&part, "experience", kind, "why.experience_lines_asked", i18n.YearsOf(years), i18n.Years(s.p.MinYears), lines)
	default:
		s.say(&part, "experience", "match", "why.experience_lines", i18n.YearsOf(years), lines)
	}
	return part
}

// yearsLine is an experience line in a reason: "Lagerarbejder (13,5 år)",
// and for a related occupation what its years count as
// ("Softwareudvikler (5 år, tæller som 1,3 år)"), so the sum in front
// reads as the lines add up.
type yearsLine struct {
	title   string
	years   float64
	share   float64
	counted float64 // what the years count as (scoreExperience)
}

// addYearsLine adds y to the reason's lines: the years of one title at two
// workplaces as one line ("Social- og sundhedshjælper (6 år)", not the
// title twice), at most three lines.
func addYearsLine(lines i18n.List, y yearsLine) i18n.List {
	for i, l := range lines {
		if o, ok := l.(yearsLine); ok && o.title == y.title && o.share == y.share {
			o.years += y.years
			o.counted += y.counted
			lines[i] = o
			return lines
		}
	}
	if len(lines) < 3 {
		lines = append(lines, y)
	}
	return lines
}

func (y yearsLine) In(lang i18n.Lang) string {
	in := i18n.Format(lang, i18n.Years(y.years))
	if y.share > 0 && y.share < 1 {
		in += ", " + i18n.Render(lang, "why.counts_as", i18n.Years(y.counted))
	}
	return y.title + " (" + in + ")"
}

// scoreRequiredSkills: the share of the required skills the CV has (see
// Scorer.skills).
func scoreRequiredSkills(s *Scorer, f *Features) Part {
	var part Part
	v, matched, missing := s.skills(s.p.Required, s.reqIDF, f)
	part.Value = v
	if len(matched) > 0 {
		s.say(&part, "required_skills_matched", "match", "why.required_skills_matched", i18n.Count{N: len(matched), Of: len(s.p.Required)}, matched)
	}
	if len(missing) > 0 {
		s.say(&part, "required_skills_missing", "gap", "why.required_skills_missing", missing)
	}
	return part
}

// scoreDesiredSkills: the same for the desired skills.
func scoreDesiredSkills(s *Scorer, f *Features) Part {
	var part Part
	v, matched, _ := s.skills(s.p.Desired, s.desIDF, f)
	part.Value = v
	if len(matched) > 0 {
		s.say(&part, "desired_skills_matched", "match", "why.desired_skills_matched", i18n.Count{N: len(matched), Of: len(s.p.Desired)}, matched)
	}
	return part
}

// scoreDistance: closeness to the workplace, on one scale for everyone:
// 1 − ½·d/scale, 0 from twice the scale, the scale the run's radius or,
// when none is set, the commute of a CV that gives none (30 km). The
// candidate's own max commute (or the radius) stays the bound: beyond it
// the value is halved, said as a gap, and it excludes when distance is
// required. A consultant reads "Afstand" as how near the person lives to
// the workplace; measured against each one's own max commute (1 − ½·d/
// limit), 9,3 km with a max of 10 scored 53 % and 28 km with a max of 60
// scored 76 %: the nearest looked worst.
func scoreDistance(s *Scorer, f *Features) Part {
	var part Part
	p := s.p
	limit := f.MaxCommuteKm
	if s.c.RadiusKm > 0 {
		limit = s.c.RadiusKm
	}
	if limit <= 0 {
		limit = defaultCommuteKm
	}
	scale := float64(defaultCommuteKm)
	if s.c.RadiusKm > 0 {
		scale = s.c.RadiusKm
	}
	if !f.HasPoint {
		part.Value = 0.5
		s.say(&part, "distance_unknown", "info", "why.distance_unknown", f.PostalCode)
		return part
	}
	d := haversineKm(p.Lat, p.Lon, f.Lat, f.Lon)
	dr := round1(d)
	part.DistanceKm = &dr
	part.Value = max(0, 1-0.5*d/scale)
	if d > limit {
		part.Value /= 2
		s.say(&part, "distance_beyond", "gap", "why.distance_beyond", i18n.Km(dr), i18n.Km(limit))
		if s.c.Distance {
			part.Exclude = "distance"
		}
		return part
	}
	if dr == 0 {
		// Both places are their postal code's centre: "0 km" said more
		// than is known.
		s.say(&part, "distance", "match", "why.distance_same_postal", i18n.Km(limit))
		return part
	}
	// The reasons word the distance the result gives (DistanceKm), as the
	// card's header does: the raw distance said "20 km" in the reason
	// where the card said "21 km" for the 20,5 km of distance_km.
	s.say(&part, "distance", "match", "why.distance", i18n.Km(dr), i18n.Km(limit))
	return part
}

// scoreAvailability: 1 when available by the start (today when none),
// falling over the 90 days after; 0 for a citizen hired through the
// jobcentre (Scorer.hired), whatever the CV still says: the candidate
// search does not call them available either, and "Ledig nu" beside the
// badge "ansat via jobcentret" put a person in work first on the list.
// The hire excludes no one, even with availability required: it is known
// only for the people a page shows (Options.Hired), and the consultant
// may still call about a job that suits better; the ranking lists them
// after the free (Matcher.rank).
func scoreAvailability(s *Scorer, f *Features) Part {
	var part Part
	if at, ok := s.hired[f.ID]; ok {
		s.say(&part, "hired", "gap", "why.hired", i18n.Day(at))
		return part
	}
	start := s.p.Start
	if start.IsZero() || start.Before(s.now) {
		// A start date passed is as soon as possible: measured from it,
		// a person free next week counted as months late.
		start = s.now
	}
	switch {
	case f.AvailableFrom.IsZero() || !f.AvailableFrom.After(start):
		part.Value = 1
		if f.AvailableFrom.IsZero() || !f.AvailableFrom.After(s.now) {
			s.say(&part, "available", "match", "why.available_now")
		} else {
			s.say(&part, "available", "match", "why.available_from", i18n.Day(f.AvailableFrom))
		}
	default:
		late := f.AvailableFrom.Sub(start).Hours() / 24
		part.Value = 1 - late/90
		// Said against what it is measured from: the job's start, or,
		// with none or one passed, today ("– efter start" said neither).
		if start.Equal(s.p.Start) {
			s.say(&part, "available_late", "gap", "why.available_late", i18n.Day(f.AvailableFrom), i18n.Day(start))
		} else {
			s.say(&part, "available_late", "gap", "why.available_late_asap", i18n.Day(f.AvailableFrom))
		}
		if s.c.Availability {
			part.Exclude = "availability"
		}
	}
	return part
}

// scoreLanguages: each language asked for at its level or above counts 1,
// one level below ½ (Danish level matters most for the newly arrived).
func scoreLanguages(s *Scorer, f *Features) Part {
	var part Part
	total, allMet := 0.0, true
	for _, want := range s.p.Languages {
		have := ""
		for _, l := range f.Languages {
			if strings.EqualFold(l.Code, want.Code) {
				have = l.Level
			}
		}
		gap := levelRank(want.Level) - levelRank(have)
		lang := i18n.Both{DA: i18n.Language(i18n.DA, want.Code), EN: i18n.Language(i18n.EN, want.Code)}
		switch {
		case have != "" && gap <= 0:
			total++
			s.say(&part, "language", "match", "why.language", lang, levelName(have), levelName(want.Level))
		case have != "" && gap == 1:
			total += 0.5
			allMet = false
			s.say(&part, "language_below", "partial", "why.language_below", lang, levelName(have), levelName(want.Level))
		case have != "":
			allMet = false
			s.say(&part, "language_missing", "gap", "why.language_low", lang, levelName(have), levelName(want.Level))
		default:
			allMet = false
			s.say(&part, "language_missing", "gap", "why.language_missing", lang, levelName(want.Level))
		}
	}
	part.Value = total / float64(len(s.p.Languages))
	if !allMet && s.c.Language {
		part.Exclude = "language"
	}
	return part
}

// levelName words a CEFR level ("native" → modersmål / native).
func levelName(l string) any {
	if strings.EqualFold(l, "native") {
		return i18n.Both{DA: "modersmål", EN: "native"}
	}
	return strings.ToUpper(l)
}

// scoreLicence: holds the vacancy's licence or one that includes it.
func scoreLicence(s *Scorer, f *Features) Part {
	var part Part
	if hasLicence(f.Licences, s.p.Licence) {
		part.Value = 1
		s.say(&part, "licence", "match", "why.licence", s.p.Licence)
		return part
	}
	s.say(&part, "licence_missing", "gap", "why.licence_missing", s.p.Licence)
	if s.c.Licence {
		part.Exclude = "licence"
	}
	return part
}

// scoreText: the words of the vacancy found in the CV, weighted by their
// rarity: the cosine of the two texts' term sets weighted by inverse
// document frequency, so a long CV does not win by containing every word.
// The reason names the rarest shared words as the CV writes them, but
// for the words of the skills the ad asks, which their reasons name.
func scoreText(s *Scorer, f *Features) Part {
	var part Part
	if s.termNorm == 0 {
		return part
	}
	dot := 0.0
	var shared []string
	for _, t := range s.p.Terms {
		if f.Terms.Has(t) {
			w := s.termIDF[t]
			dot += w * w
			// The skills' reasons name the skills the ad asks, whole
			// ("à la carte", not the text's "carte").
			if s.explain && !strings.HasPrefix(t, "en:") && !s.skillTerms[t] {
				shared = append(shared, t)
			}
		}
	}
	if n := s.norm(f); n > 0 {
		part.Value = dot / (s.termNorm * n)
		part.raw = part.Value
		if s.textScale > 0 {
			part.Value /= s.textScale
		}
	}
	if len(shared) == 0 {
		return part
	}
	sort.SliceStable(shared, func(i, j int) bool { return s.termIDF[shared[i]] > s.termIDF[shared[j]] })
	words := f.wordsOf(shared, 6)
	if len(words) > 0 {
		list := make(i18n.List, len(words))
		for i, w := range words {
			list[i] = w
		}
		s.say(&part, "text", "info", "why.text", list)
	}
	return part
}

// occMatch is how well one CV occupation matches the vacancy's.
type occMatch struct {
	value  float64
	kind   string // same, synonym, related, group, skills, title
	target Target
	label  string
	detail string
	share  float64
	kin    bool // of the targets' kind (taxonomy.Kin): retrieval adds it
}

var synonymVia = map[string]bool{"alt_label": true, "hidden_label": true, "star_title": true, "disco_title": true, "english_label": true}

// occupation scores a CV occupation against the vacancy's targets: the same
// concept 1 (reached through a STAR/Jobnet or other synonym: "synonym"); an
// occupation of the same ISCO unit group 0.6; of the same minor group 0.4
// when the two share some essential skills (taxonomy.MinorShare); otherwise by the
// overlap of essential skills, up to 0.5. A title without a
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
	j := -1.0 // the share of essential skills, when both name some
	if s.tax != nil && len(p.essential) > 0 {
		if occ, ok := s.tax.Occupation(o.URI); ok && len(occ.Essential) > 0 {
			shared := 0
			for _, i := range occ.Essential {
				if p.essential[s.tax.SkillAt(i).URI] {
					shared++
				}
			}
			j = float64(shared) / float64(len(occ.Essential)+len(p.essential)-shared)
		}
	}
	// The minor group counts where the two share some essential skills:
	// a køkkenchef's (3434) minor group holds the scenefunktionær (3435),
	// who shares none, and a Køkkenchef vacancy had one as its first match.
	if len(unit) >= 3 && p.minors[unit[:3]] && (j < 0 || j >= taxonomy.MinorShare) {
		return occMatch{value: 0.4, kind: "group", detail: unit[:3], target: s.targetIn(unit[:3])}
	}
	if j >= 0.1 {
		return occMatch{value: math.Min(0.5, j), kind: "skills", share: j, kin: p.kin[o.URI]}
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
// share (by rarity) of the requirement's words that one of the CV's skills
// or job titles has, or, at 0.6, one phrase of all its text (a sentence of
// the summary). The words of different skills do not add up: "arbejde med
// børn" was met in full by "pædagogisk arbejde" and "førstehjælp til
// børn". A requirement counts as matched from 0.5. The requirements are
// named as the vacancy wrote them.
func (s *Scorer) skills(reqs []SkillReq, weights [][]float64, f *Features) (float64, i18n.List, i18n.List) {
	total := 0.0
	var matched, missing i18n.List
	for i, r := range reqs {
		v := 0.0
		if r.URI != "" {
			if _, ok := slices.BinarySearch(f.Skills, r.URI); ok {
				v = 1
			}
		}
		if v < 1 && len(r.Terms) > 0 {
			one, pooled := coverage(r.Terms, weights[i], f, f.SkillPhrases)
			v = math.Max(v, one)
			one, pooledAll := coverage(r.Terms, weights[i], f, ^uint32(0))
			v = math.Max(v, 0.6*one)
			// The words spread over several skills still say something
			// (an English résumé lists "project planning" and "risk
			// management" for "project management"), but never the whole
			// requirement: at most pooledShare, so the reason says
			// "delvis" and the score is below a skill that has it all.
			v = math.Max(v, pooledShare*math.Max(pooled, 0.6*pooledAll))
		}
		total += v
		if s.explain {
			switch {
			case v >= 1:
				matched = append(matched, short(r.Text))
			case v >= 0.5:
				// Met in part (some of its words): said so, or the card's
				// "2 af 2" stood beside a score of 80 %.
				matched = append(matched, partly(short(r.Text)))
			default:
				missing = append(missing, short(r.Text))
			}
		}
	}
	return total / float64(len(reqs)), matched, missing
}

// partly is a skill requirement a CV meets in part, in a reason's list.
type partly string

func (p partly) In(lang i18n.Lang) string {
	if lang == i18n.EN {
		return string(p) + " (partly)"
	}
	return string(p) + " (delvis)"
}

// pooledShare is what a requirement's words spread over several of the
// CV's phrases count for, at most (skills).
const pooledShare = 0.9

// coverage is the largest share (by the weights w) of terms that one
// phrase of the CV among those of the bits in has (Features.TermIn), and
// the share that those phrases have together.
func coverage(terms []string, w []float64, f *Features, in uint32) (one, pooled float64) {
	sum := 0.0
	var masks [8]uint32 // the phrases of each term; a skill has a few words
	held := masks[:0]
	if len(terms) > len(masks) {
		held = make([]uint32, 0, len(terms))
	}
	seen := uint32(0)
	all := 0.0
	for i, t := range terms {
		sum += w[i]
		m := uint32(0)
		if k, ok := f.Terms.Index(t); ok && k < len(f.TermIn) {
			m = f.TermIn[k] & in
			if m != 0 || in == ^uint32(0) {
				all += w[i]
			}
		}
		held = append(held, m)
		seen |= m
	}
	if sum == 0 {
		return 0, 0
	}
	best := 0.0
	for ; seen != 0; seen &= seen - 1 {
		bit := seen & -seen
		hit := 0.0
		for i, m := range held {
			if m&bit != 0 {
				hit += w[i]
			}
		}
		best = max(best, hit)
	}
	return best / sum, all / sum
}

// short cuts a long skill text for a reason line.
func short(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// MatchedSkills returns the vacancy's required and desired skills the CV
// meets, by the same test the match card counts ("1 af 2"), in the
// vacancy's own words, a skill met in part marked so in lang ("(delvis)",
// "(partly)"): it said "(delvis)" on the English employer page.
func (s *Scorer) MatchedSkills(lang i18n.Lang, f *Features) (required, desired []string) {
	explain := s.explain
	s.explain = true
	defer func() { s.explain = explain }()
	words := func(l i18n.List) []string {
		out := make([]string, 0, len(l))
		for _, a := range l {
			out = append(out, i18n.Format(lang, a))
		}
		return out
	}
	if len(s.p.Required) > 0 {
		_, req, _ := s.skills(s.p.Required, s.reqIDF, f)
		required = words(req)
	}
	if len(s.p.Desired) > 0 {
		_, des, _ := s.skills(s.p.Desired, s.desIDF, f)
		desired = words(des)
	}
	return required, desired
}
