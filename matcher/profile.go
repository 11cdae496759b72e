package matcher

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/taxonomy"
)

// Profile is a vacancy as the matcher reads it: its title resolved to
// occupation concepts, its skills to skill concepts and terms, its place to a
// point. It is built once per vacancy version and shared by match runs.
type Profile struct {
	VacancyID string
	Version   int64
	Title     string
	// Targets are the occupations the title names, best first.
	Targets []Target
	// related: occupations of the targets' ISCO unit groups (URI → code);
	// units and minors: the targets' ISCO unit (4-digit) and minor
	// (3-digit) groups; essential: the targets' essential skills.
	related   map[string]string
	units     map[string]bool
	minors    map[string]bool
	essential map[string]bool
	// kin: the occupations of the targets' kind (taxonomy.KinN with
	// retrievalKin neighbours), which retrieval adds and whose years
	// count in part.
	kin map[string]bool

	Required   []SkillReq
	Desired    []SkillReq
	TitleTerms []string // sorted
	// Terms are the terms of the whole vacancy text, for the text component.
	Terms []string

	PostalCode string
	Lat, Lon   float64
	HasPoint   bool
	Start      time.Time
	Languages  []jobmatch.Language
	Licence    string
	Hours      jobmatch.Hours // full, part, flex ("" in older vacancies)
	// Shifts are the times of day and week the ad names ("til
	// aftenvagt", "også weekender"), a bit each (shiftBit).
	Shifts         uint8
	MinYears       float64
	EmploymentType jobmatch.EmploymentType
	// Education is the least education level the vacancy asks ("" none).
	Education string
	// Text is what retrieval searches the CV text with.
	Text string
}

// Target is an occupation concept a vacancy title resolved to.
type Target struct {
	URI   string `json:"uri"`
	Label string `json:"label"` // ESCO's Danish label
	// Title is the STAR/Jobnet title Danish people use for the concept
	// (else ESCO's Danish label); LabelEN ESCO's English label.
	Title   string  `json:"title"`
	LabelEN string  `json:"label_en"`
	Form    string  `json:"form"` // the title, label or synonym that matched
	Via     string  `json:"via"`  // label, alt_label, star_title, disco_title, english_label, given
	Score   float64 `json:"score"`
	ISCO    string  `json:"isco"`
}

// SkillReq is a required or desired skill of a vacancy.
type SkillReq struct {
	Text  string   `json:"text"`
	URI   string   `json:"uri,omitempty"`
	Terms []string `json:"-"`
}

// NewProfile reads a vacancy. tax resolves titles and skills; geo places
// the workplace (both may be nil in tests of the scoring alone).
func NewProfile(v *jobmatch.Vacancy, tax *taxonomy.Taxonomy, geo Geocoder) *Profile {
	title := v.Title
	v = withoutPersonalWords(v)
	p := &Profile{VacancyID: v.ID, Version: v.Version, Title: title, PostalCode: v.PostalCode,
		Start: v.StartDate.Time, Languages: v.Languages, Licence: v.DrivingLicence, Hours: v.Hours,
		MinYears: float64(v.ExperienceYears), EmploymentType: v.EmploymentType, Education: v.EducationLevel,
		related: map[string]string{}, units: map[string]bool{}, minors: map[string]bool{}, essential: map[string]bool{}, kin: map[string]bool{}}
	if geo != nil && v.PostalCode != "" {
		p.Lat, p.Lon, p.HasPoint = geo.Coordinates(v.PostalCode)
	}
	if tax != nil {
		p.resolveTitle(v, tax)
	}
	p.TitleTerms = union(taxonomy.Terms(v.Title), nil)
	for _, s := range v.SkillsRequired {
		p.Required = append(p.Required, skillReq(s, tax))
	}
	for _, s := range v.SkillsDesired {
		p.Desired = append(p.Desired, skillReq(s, tax))
	}
	desc := withoutEmployer(v.Description, v.CompanyName, v.Contact.Name)
	p.Terms = withoutBoilerplate(union(taxonomy.Terms(v.Title+" . "+desc+" . "+strings.Join(v.SkillsRequired, " . ")+" . "+strings.Join(v.SkillsDesired, " . ")), nil))
	if tax != nil && tax.Places != nil && v.PostalCode != "" {
		// The workplace's town ("Vi søger … i Augustenborg") is scored as
		// distance, not as a word the CV shares with the ad.
		town := map[string]bool{}
		for _, t := range taxonomy.Terms(tax.Places.Name(v.PostalCode)) {
			town[t] = true
		}
		p.Terms = slices.DeleteFunc(p.Terms, func(t string) bool { return town[t] })
	}
	p.Text = strings.TrimSpace(v.Title + " " + strings.Join(v.SkillsRequired, " ") + " " + strings.Join(v.SkillsDesired, " "))
	p.Shifts = shiftsNamed(v.Title + " . " + v.Description)
	if p.MinYears == 0 {
		p.MinYears = float64(yearsAsked(v.Description))
	}
	return p
}

// withoutPersonalWords is v with its title, text and skills without the
// words that say gender or ethnic origin ("Kvindelig kassemedarbejder"):
// no candidate is matched, or ranked, by them. v itself when it has none.
func withoutPersonalWords(v *jobmatch.Vacancy) *jobmatch.Vacancy {
	all := strings.Join(slices.Concat([]string{v.Title, v.Description}, v.SkillsRequired, v.SkillsDesired), "\n")
	if jobmatch.WithoutPersonalWords(all) == all {
		return v
	}
	clean := func(s string) string { return strings.Join(strings.Fields(jobmatch.WithoutPersonalWords(s)), " ") }
	c := *v
	c.Title, c.Description = clean(v.Title), jobmatch.WithoutPersonalWords(v.Description)
	c.SkillsRequired, c.SkillsDesired = nil, nil
	for _, s := range v.SkillsRequired {
		if s = clean(s); s != "" {
			c.SkillsRequired = append(c.SkillsRequired, s)
		}
	}
	for _, s := range v.SkillsDesired {
		if s = clean(s); s != "" {
			c.SkillsDesired = append(c.SkillsDesired, s)
		}
	}
	if c.Title == "" {
		c.Title = v.Title
	}
	return &c
}

// yearsAsked reads the years of experience an ad asks when the vacancy's
// field says none ("Du har mindst 3 års erfaring", "minimum 2 years of
// experience"): the first sentence whose years are asked at least
// ("mindst", "minimum", "at least") or of the reader ("du", "you"), not
// one of the company's own ("vi har over 30 års erfaring"). 0 when none.
func yearsAsked(text string) int {
	text = strings.NewReplacer("min.", "min", "Min.", "min").Replace(text)
	sentences := strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' })
	for _, sentence := range sentences {
		_, years, term, lead, ok := index.YearsOfExperience(sentence)
		if !ok || years == 0 {
			continue
		}
		words := index.Words(sentence)
		has := func(ws ...string) bool {
			return slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(words, w) })
		}
		if has("vi", "vores", "we", "our", "virksomheden", "firmaet") {
			continue // the company's years
		}
		first := strings.ToLower(strings.Fields(term)[0])
		if lead && first != "over" && first != "mere" || has("du", "you") {
			return years
		}
	}
	return 0
}

// notWords are the words before a working time that say the job has none
// of it ("ingen weekendarbejde", "fri i weekenden").
var notWords = map[string]bool{"ingen": true, "ikke": true, "uden": true, "fri": true, "no": true, "without": true}

// shiftsNamed are the shifts a text names, as bits (shiftBit).
func shiftsNamed(text string) uint8 {
	var bits uint8
	words := index.Words(text)
	for i, w := range words {
		fv, ok := index.WorkTime(w)
		if !ok || fv.Field != "shifts" {
			continue
		}
		if i > 0 && notWords[words[i-1]] || i > 1 && notWords[words[i-2]] {
			continue
		}
		bits |= shiftBit(jobmatch.Shift(fv.Value))
	}
	return bits
}

func skillReq(s string, tax *taxonomy.Taxonomy) SkillReq {
	r := SkillReq{Text: s, Terms: union(taxonomy.Terms(s), nil)}
	if tax != nil {
		if strings.HasPrefix(s, taxonomy.SkillURIPrefix) {
			r.URI, r.Text = s, tax.ConceptLabel(s, "en")
		} else if uri, _, ok := tax.NormalizeSkill(s); ok {
			r.URI = uri
		}
	}
	return r
}

// resolveTitle finds the occupations the title names: the one the vacancy
// was tagged with, else the title's best matches within reach of the top.
func (p *Profile) resolveTitle(v *jobmatch.Vacancy, tax *taxonomy.Taxonomy) {
	add := func(t Target) {
		for _, have := range p.Targets {
			if have.URI == t.URI {
				return
			}
		}
		t.ISCO = tax.ISCOOf(t.URI)
		t.Title, t.LabelEN = tax.DisplayTitle(t.URI, "da"), tax.ConceptLabel(t.URI, "en")
		// Read through a STAR title, the concept is named by it: STAR's
		// "Produktionsmedarbejder" maps to the pasta factory's worker
		// too, whose own STAR title is "Operatør, fødevarer", which the
		// employer never wrote.
		if t.Via == "star_title" {
			if s := tax.STARTitle(t.URI, t.Form); s != "" {
				t.Title = s
			}
		}
		p.Targets = append(p.Targets, t)
	}
	if v.Occupation != "" {
		// Set by whoever posted it or by the consultant (a title such as
		// "Chauffør" names many occupations): the one target.
		add(Target{URI: v.Occupation, Label: tax.ConceptLabel(v.Occupation, "da"), Form: v.Title, Via: "given", Score: 1})
	}
	var ms []taxonomy.Match
	if v.Occupation == "" {
		ms = tax.ResolveOccupation(v.Title, 5, taxonomy.ResolveOptions{OccupationsOnly: true})
	}
	// A title that is a concept's own name (its preferred label or its
	// STAR title) names that concept: the same words as another concept's
	// alternative label are a loose synonym there (ESCO's Danish labels
	// list "sygeplejerske" among the names of "lægeassistent"). A STAR
	// title that names its concepts only closely (skos:closeMatch) is no
	// own name: "Salgskonsulent" is close to the handelsagent and two
	// others, and ESCO's own label of it, the one a CV titled so is
	// normalised to (NormalizeOccupation), is assistent til salgssupport.
	title, named := taxonomy.Normalize(v.Title), false
	for _, m := range ms {
		if ownName(m.Kind) && taxonomy.Normalize(m.Form) == title && !(m.Kind == "star_title" && tax.NamesLoosely(m.URI, v.Title)) {
			named = true
		}
	}
	for i, m := range ms {
		if m.Score < 0.5 || (i > 0 && m.Score < 0.85*ms[0].Score) || len(p.Targets) >= 3 {
			break
		}
		// Nor, then, a STAR title that names a concept only closely:
		// STAR's "Social- og sundhedshjælper" is close to two social
		// workers of ISCO 2635 besides its own concept, and their group
		// made a socialpædagog a related occupation of the hjælper's job.
		if named && (!ownName(m.Kind) || m.Kind == "star_title" && tax.NamesLoosely(m.URI, v.Title)) {
			continue
		}
		add(Target{URI: m.URI, Label: tax.ConceptLabel(m.URI, "da"), Form: m.Form, Via: m.Kind, Score: m.Score})
	}
	for _, t := range p.Targets {
		if t.ISCO != "" {
			p.units[t.ISCO] = true
			if len(t.ISCO) >= 3 {
				p.minors[t.ISCO[:3]] = true
			}
			for _, r := range tax.RelatedOccupations(t.URI) {
				if _, ok := p.related[r.URI]; !ok {
					p.related[r.URI] = r.ISCO
				}
			}
		}
		if o, ok := tax.Occupation(t.URI); ok {
			for _, i := range o.Essential {
				p.essential[tax.SkillAt(i).URI] = true
			}
		}
		for _, k := range tax.KinN(t.URI, retrievalKin) {
			p.kin[k.Occupation.URI] = true
		}
	}
	for _, t := range p.Targets {
		delete(p.related, t.URI)
	}
}

// ownName reports whether a title resolved by kind is the concept's own
// name rather than one of its alternatives.
func ownName(kind string) bool { return kind == "label" || kind == "star_title" }

// TargetURIs returns the URIs of the targets.
func (p *Profile) TargetURIs() []string {
	out := make([]string, len(p.Targets))
	for i, t := range p.Targets {
		out[i] = t.URI
	}
	return out
}

// RelatedURIs returns the related occupations (same ISCO unit group), in a
// stable order, at most n.
func (p *Profile) RelatedURIs(n int) []string {
	out := make([]string, 0, len(p.related))
	for u := range p.related {
		out = append(out, u)
	}
	slices.Sort(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// SkillURIs returns the required and desired skill concepts, then the
// targets' essential skills, at most n.
func (p *Profile) SkillURIs(n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range append(slices.Clone(p.Required), p.Desired...) {
		if r.URI != "" && !seen[r.URI] {
			seen[r.URI] = true
			out = append(out, r.URI)
		}
	}
	ess := make([]string, 0, len(p.essential))
	for u := range p.essential {
		if !seen[u] {
			ess = append(ess, u)
		}
	}
	slices.Sort(ess)
	out = append(out, ess...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// boilerplate are the terms of the words every job ad uses ("Vi søger en
// … til fast stilling", "Danmarks største …", "We are looking for a candidate to join our
// team", "Som … kommer du til at arbejde med …", "erfaring"), and the
// Danish function words: they say nothing of the job, so they neither
// score nor show as words the CV shares with the ad ("Ord fra opslaget i
// CV'et: …, kom, erfaring" before); not those that are English words too
// ("end" of "front end", "her", "ad"), nor numbers. The forms of a company ("ApS",
// "AMBA") are in every employer's name. English's general words are stop
// words of taxonomy.Terms already.
var boilerplate = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range taxonomy.Terms(`søger søges søg tilbyder tilbyde stilling stillingen stillinger ansøgning ansøgninger
		ansøg ansøge ansøger kandidat kandidaten kandidater ansættelse ansat fast fastansat gerne snarest hurtigst muligt mulig
		ny nye kollega kolleger kollegaer arbejdsplads arbejdspladsen hverdag hverdagen tiltrædelse virksomhed virksomheden
		os vores dig din dine dit søgning interesseret hører glæder brænder
		erfaring erfaringer erfaren erfarne arbejde arbejdet arbejder arbejdsopgaver opgaver opgave kommer komme kom
		uddannet tilsvarende fordel forventer forventninger timer ugen uge løn overenskomst samtaler samtale løbende
		spørgsmål velkommen kontakte kort lyst blive travlt dygtig dygtige uformel omgangstone
		jeg mig han hun min mit havde ham nu da ud dem op hvor hvad selv ind når dog noget jo ned denne
		dette hende vor disse hvis jer sådan især senest derfor både
		skabe sikre bidrage deltage indgå sørge tage gøre give holde løse
		stor store større største god gode godt bedre bedste mange flere flest hele helt meget mere mest
		altid egen eget egne anden andet andre alle alt hver enhver glad glade spændende dejlig blandt
		aps amba smba ivs
		år års faget fag del team teamet taler skriver
		så få brug omkring siden tider dag dage periode vant beskriver området danmark daglige dagligt
		seeking seek looking candidate candidates applicant applicants join company opportunity position ideal successful
		apply offer offering hiring hire`) {
		m[t] = true
	}
	return m
}()

// legalForms end a Danish company's name ("Nybøl Revision ApS").
var legalForms = []string{"aps", "a/s", "i/s", "ivs", "k/s", "p/s", "amba", "a.m.b.a.", "smba", "s.m.b.a.", "fmba", "f.m.b.a."}

// withoutEmployer is the ad's text without the employer's name and its
// contact person's, which say who posts it, not what the job is: in
// "Købmand Rasmussen søger en butiksassistent" the rarest word was
// "rasmussen", and the CVs of people who had worked for some other
// Rasmussen came first, sharing it ("Ring til Jens Petersen" the same).
// The company's name is taken without its legal form and only as a whole
// ("Restaurant Havnen"; "restaurant" elsewhere in the ad still counts);
// the person's each name of three letters or more, also in the genitive.
func withoutEmployer(text, company, person string) string {
	lower := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	n := strings.Join(strings.Fields(strings.ToLower(company)), " ")
	for _, f := range legalForms {
		n = strings.TrimSpace(strings.TrimSuffix(n, " "+f))
	}
	changed := false
	if utf8.RuneCountInString(n) >= 3 && strings.Contains(lower, n) {
		lower, changed = strings.ReplaceAll(lower, n, " . "), true
	}
	names := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(person)) {
		if utf8.RuneCountInString(w) >= 3 {
			names[w], names[w+"s"] = true, true
		}
	}
	if len(names) > 0 {
		words := strings.Fields(lower)
		for i, w := range words {
			if names[strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })] {
				words[i], changed = ".", true
			}
		}
		lower = strings.Join(words, " ")
	}
	if !changed {
		return text
	}
	return lower
}

func withoutBoilerplate(terms []string) []string {
	out := terms[:0]
	for _, t := range terms {
		if !boilerplate[t] && !smallNumber(strings.TrimPrefix(t, "en:")) {
			out = append(out, t)
		}
	}
	return out
}

// smallNumber reports a number of one or two digits: hours, weeks, days of
// a month or ages ("15 timer", "uge 12", "børn i alderen 3-6"), no word of
// the job. Longer numbers stay ("Microsoft 365", a year, a model).
func smallNumber(t string) bool {
	return len(t) <= 2 && t != "" && strings.Trim(t, "0123456789") == ""
}
