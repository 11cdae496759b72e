package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app/cvs"
	"jobmatch/system"
	"jobmatch/taxonomy"
)

// Synthetic CVs that read like the ones a Danish jobcentre holds: the job
// titles people and Jobnet use (professions.go), experience lines at
// believable employers near where the person lives whose years add up to
// what the summary says, Danish educations, Danish skill phrases, languages
// and target groups in believable proportions, and a summary in the first
// person. Postal codes come from all over Denmark with extra weight on
// Southern Jutland. The same seed gives the same people; generating a CV is
// a handful of random picks and string joins, so 150,000 take seconds.

// demoYear is the year the demo CVs are written in (ages, years in Denmark).
const demoYear = 2026

var (
	southPostals = []string{"6400", "6400", "6400", "6430", "6440", "6470", "6310", "6300", "6320", "6200", "6200", "6330", "6340", "6270", "6100", "6100", "6500", "6230", "6000", "6360", "6392", "6240"}
	alsPostals   = map[string]bool{"6400": true, "6430": true, "6440": true, "6470": true}
)

// job is a profession as the generator uses it: the table row plus the
// titles that name the same occupation concept.
type job struct {
	*profession
	uri   string   // the concept the title normalises to
	same  []string // titles (the title first) that normalise to uri
	entry bool
}

// Generator makes synthetic CVs.
type Generator struct {
	r        *rand.Rand
	seed     uint64
	tax      *taxonomy.Taxonomy
	jobs     []*job
	byTitle  map[string]*job
	cum      []int // cumulative weights over jobs
	tail     []tailJob
	postal   []string
	n        int
	entryIdx []int // jobs a newcomer or young person starts in
}

// tailJob is an occupation outside the table, named by its STAR title.
type tailJob struct {
	title string
	occ   *taxonomy.Occupation
}

// NewGenerator returns a generator with a fixed seed.
func NewGenerator(tax *taxonomy.Taxonomy, seed uint64) *Generator {
	g := &Generator{r: rand.New(rand.NewPCG(seed, 4242)), seed: seed, tax: tax, byTitle: map[string]*job{}}
	total := 0
	for i := range professions {
		p := &professions[i]
		j := &job{profession: p, same: []string{p.title}, entry: p.entry}
		j.uri, _, _ = tax.NormalizeOccupation(p.title)
		for _, a := range p.also {
			if u, _, _ := tax.NormalizeOccupation(a); u == j.uri {
				j.same = append(j.same, a)
			}
		}
		g.jobs = append(g.jobs, j)
		g.byTitle[p.title] = j
		total += p.weight
		g.cum = append(g.cum, total)
		if p.entry {
			g.entryIdx = append(g.entryIdx, i)
		}
	}
	g.tail = tailJobs(tax, g.byTitle)
	for _, c := range tax.Places.Codes() {
		if p, ok := tax.Places.Postal(c); ok && !p.Business && p.HasPoint {
			g.postal = append(g.postal, c)
		}
	}
	return g
}

// tailJobs are the long tail: ESCO occupations with a short STAR/Jobnet
// title (never ESCO's long preferred label), outside the table.
func tailJobs(tax *taxonomy.Taxonomy, known map[string]*job) []tailJob {
	var out []tailJob
	for i, o := range tax.Occupations {
		if i%3 != 0 || len(o.STAR) == 0 {
			continue
		}
		t := o.STAR[0]
		lt := strings.ToLower(t)
		if known[t] != nil || len(strings.Fields(t)) > 2 || strings.ContainsAny(t, ",/()") ||
			strings.HasSuffix(lt, "elev") || strings.HasSuffix(lt, "lærling") || strings.Contains(lt, "arbejde") ||
			strings.HasPrefix(o.ISCO, "0") || strings.HasPrefix(o.ISCO, "11") {
			continue
		}
		out = append(out, tailJob{title: t, occ: o})
	}
	return out
}

// person is who the CV belongs to, drawn before the CV is written.
type person struct {
	first, last, gender, nationality string
	mother                           string // mother tongue when not Danish
	origin                           *origin
	birth                            int
	group                            string
	postal, town, kommune            string
}

func (g *Generator) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := g.r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func (g *Generator) one(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *Generator) newPerson() person {
	r := g.r
	p := person{group: []string{"close_to_job", "further_from_job", "young", "refugee_family_reunified"}[g.weighted(58, 20, 13, 9)]}
	p.postal = g.postal[r.IntN(len(g.postal))]
	if r.IntN(10) < 6 {
		p.postal = southPostals[r.IntN(len(southPostals))]
	}
	p.town = townName(g.tax.Places.Name(p.postal))
	p.kommune = p.town + " Kommune"
	if pc, ok := g.tax.Places.Postal(p.postal); ok && len(pc.Municipalities) > 0 {
		if k, ok := kommuner[pc.Municipalities[0]]; ok {
			p.kommune = k
		}
	}
	female := r.IntN(2) == 0
	switch {
	case p.group == "refugee_family_reunified":
		ws := make([]int, len(origins))
		for i, o := range origins {
			ws[i] = o.weight
		}
		o := &origins[g.weighted(ws...)]
		p.origin, p.mother, p.nationality = o, o.lang, o.nationality
		if o.nationality == "UA" {
			female = r.IntN(4) != 0 // most who came from Ukraine are women
		}
		if female {
			p.first = g.one(o.female)
		} else {
			p.first = g.one(o.male)
		}
		p.last = g.one(o.last)
		p.birth = demoYear - 22 - r.IntN(34)
	default:
		if r.IntN(100) < 9 {
			o := otherResidents[r.IntN(len(otherResidents))]
			p.mother, p.nationality = o.lang, o.nationality
			if female {
				p.first = g.one(o.female)
			} else {
				p.first = g.one(o.male)
			}
			p.last = g.one(o.last)
			if female && o.lang == "pl" {
				p.last = polishFeminine(p.last)
			}
		} else {
			p.nationality = "DK"
			if female {
				p.first = g.one(danishFemale)
			} else {
				p.first = g.one(danishMale)
			}
			p.last = g.one(danishLast)
			if r.IntN(6) == 0 { // a double surname, as many Danes have
				if l2 := g.one(danishLast); l2 != p.last {
					p.last = l2 + " " + p.last
				}
			}
		}
		if p.group == "young" {
			p.birth = demoYear - 18 - r.IntN(12)
		} else {
			p.birth = demoYear - 24 - r.IntN(40)
		}
	}
	p.gender = "male"
	if female {
		p.gender = "female"
	}
	return p
}

// townName drops a district suffix ("Aarhus C" → "Aarhus").
func townName(n string) string {
	f := strings.Fields(n)
	if len(f) > 1 && len([]rune(f[len(f)-1])) <= 2 {
		return strings.Join(f[:len(f)-1], " ")
	}
	return n
}

// pickJob draws the person's profession: newcomers and young people mostly
// start in entry jobs; the skilled need the age to have learnt the trade.
func (g *Generator) pickJob(p person) (*job, *tailJob) {
	r := g.r
	age := demoYear - p.birth
	if (p.group == "refugee_family_reunified" && r.IntN(10) < 8) || (p.group == "young" && r.IntN(10) < 7) || (p.group == "further_from_job" && r.IntN(10) < 5) {
		return g.jobs[g.entryIdx[r.IntN(len(g.entryIdx))]], nil
	}
	if age >= 27 && len(g.tail) > 0 && r.IntN(100) < 7 {
		return nil, &g.tail[r.IntN(len(g.tail))]
	}
	for {
		x := r.IntN(g.cum[len(g.cum)-1])
		i, _ := slices.BinarySearch(g.cum, x+1)
		if j := g.jobs[i]; !j.skilled || age >= 23 {
			return j, nil
		}
	}
}

// Next returns the next CV.
func (g *Generator) Next() cvs.CandidateInput {
	g.n++
	p := g.newPerson()
	j, tail := g.pickJob(p)
	if tail != nil {
		j = g.tailAsJob(tail)
	}
	return g.write(p, j)
}

// tailAsJob dresses a long-tail occupation as a table row: its STAR title,
// generic Danish skills and an education of its skill level.
func (g *Generator) tailAsJob(t *tailJob) *job {
	major := t.occ.ISCO[:1]
	p := &profession{title: t.title, sector: "generic", skills: tailSkills[major], edu: tailEducation(t.occ.ISCO, t.title), skilled: major <= "3",
		place: ""}
	return &job{profession: p, uri: t.occ.URI, same: []string{t.title}}
}

var tailSkills = map[string][]string{
	"1": {"ledelse", "budgetansvar", "strategi", "personaleledelse", "projektledelse"},
	"2": {"projektledelse", "analyse", "formidling", "rådgivning", "faglig sparring", "Microsoft Office"},
	"3": {"teknisk dokumentation", "kvalitetssikring", "planlægning", "kundekontakt", "Microsoft Office"},
	"4": {"administration", "Microsoft Office", "kundeservice", "journalisering", "fakturering"},
	"5": {"kundeservice", "salg", "service", "kassebetjening", "hygiejne"},
	"6": {"maskinkørsel", "pasning af dyr", "markarbejde", "vedligehold af maskiner"},
	"7": {"tegningslæsning", "håndværk", "montage", "reparation", "værktøjer"},
	"8": {"maskinbetjening", "kvalitetskontrol", "skifteholdsarbejde", "truckcertifikat B"},
	"9": {"rengøring", "tunge løft", "pakning", "sortering"},
}

// tailEducation is the education of a long-tail occupation: one a
// professional or technician of its ISCO sub-major group takes (a
// botaniker is no cand.merc.), the first of them chosen by the title so
// that an occupation's CVs agree and the generator's draws stay as they
// were; by its major group below that.
func tailEducation(isco, title string) []string {
	edu, ok := tailEduSub[isco[:min(2, len(isco))]]
	if !ok {
		return tailEdu[isco[:1]]
	}
	h := fnv.New32a()
	h.Write([]byte(title))
	k := int(h.Sum32() % uint32(len(edu)))
	return slices.Concat(edu[k:], edu[:k])
}

// tailEduSub are the educations of the ISCO sub-major groups of managers,
// professionals and technicians (post-secondary only: the level of the
// first one decides when working life began).
var tailEduSub = map[string][]string{
	"11": {"cand.merc", "cand.soc", "diplomledelse"}, "12": {"cand.merc", "ha", "diplomledelse"},
	"13": {"bygkon", "diplomledelse", "cand.polyt"}, "14": {"diplomledelse", "servicok"},
	"21": {"cand.polyt", "cand.scient", "ing"}, "22": {"cand.scient.san", "syge"},
	"23": {"laerer", "cand.mag"}, "24": {"cand.merc", "ha", "cand.soc"},
	"25": {"cand.it", "datamatiker", "pba-sw"}, "26": {"cand.jur", "cand.mag", "cand.soc"},
	"31": {"byggetek", "produktionstek", "laborant", "maskinmester"}, "32": {"bioanalyt", "sosua"},
	"33": {"markedsok", "finansok", "kontor"}, "34": {"multimedie", "kontor", "kok"},
	"35": {"datamatiker", "it-sup"},
}

var tailEdu = map[string][]string{
	"1": {"cand.merc", "ha"}, "2": {"cand.merc", "ha", "stx"}, "3": {"markedsok", "finansok", "htx"},
	"4": {"kontor", "hhx"}, "5": {"detail", "fs9"}, "6": {"landbrug", "fs9"}, "7": {"industri", "fs9"},
	"8": {"procesop", "fs9"}, "9": {"fs9", "fs10"},
}

// line is one experience line in the making.
type line struct {
	title, employer string
	years           float64
}

// years draws a working span: whole years mostly, a half year at times.
func (g *Generator) years(max float64) float64 {
	if max < 1 {
		return 0
	}
	y := float64(1 + g.r.IntN(int(max)))
	if y < max && g.r.IntN(4) == 0 {
		y += 0.5
	}
	return y
}

func (g *Generator) write(p person, j *job) cvs.CandidateInput {
	r := g.r
	age := demoYear - p.birth
	in := cvs.CandidateInput{
		ExternalRef:   fmt.Sprintf("SAG-%07d", g.n),
		Name:          p.first + " " + p.last,
		Email:         fmt.Sprintf("%s.%s%d@example.dk", lower(firstWord(p.first)), lower(lastWord(p.last)), g.n),
		PostalCode:    p.postal,
		MaxCommuteKm:  []int{10, 15, 20, 25, 30, 40, 50, 60}[r.IntN(8)],
		TargetGroup:   p.group,
		AvailableFrom: time.Date(demoYear, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
		BirthYear:     p.birth,
		Gender:        p.gender,
		Nationality:   p.nationality,
	}
	// Working life: from the end of school or the trade's education to now.
	start := 18
	if j.skilled {
		start = 22
		if len(j.edu) > 0 {
			switch educations[j.edu[0]].level {
			case "bachelor":
				start = 25
			case "master":
				start = 27
			}
		}
	}
	span := float64(age - start)
	var yearsInDK int
	if p.origin != nil {
		arrived := demoYear - 2 - r.IntN(10)
		if p.origin.nationality == "UA" {
			arrived = 2022 + r.IntN(2)
		}
		yearsInDK = demoYear - arrived
		span = float64(min(yearsInDK-1, age-18))
	}
	if p.group == "young" {
		span = min(span, 3)
	}
	if p.group == "further_from_job" && r.IntN(3) == 0 {
		span = 0 // long out of work, or never in steady work
	}
	var lines []line
	// another is an employer none of the lines so far has: two jobs of
	// one title at one workplace read as one job written twice.
	another := func(sector string) string {
		e := g.employer(sector, p)
		for try := 0; try < 5 && slices.ContainsFunc(lines, func(l line) bool { return l.employer == e }); try++ {
			e = g.employer(sector, p)
		}
		return e
	}
	main := 0.0
	if span >= 1 && !(p.group == "young" && r.IntN(3) == 0) {
		y1 := g.years(min(span, 14))
		lines = append(lines, line{g.one(j.same), g.employer(j.sector, p), y1})
		main = y1
		if rest := span - y1; rest >= 2 && r.IntN(2) == 0 {
			y2 := g.years(min(rest-1, 10))
			if e := another(j.sector); e == lines[0].employer && j.title == lines[0].title {
				lines[0].years += y2 // a sector of few workplaces: the same job, longer
			} else {
				lines = append(lines, line{j.title, e, y2})
			}
			main += y2
			span -= y2
		}
		if rest := span - y1; rest >= 1 && len(j.before) > 0 && r.IntN(3) == 0 {
			if b := g.byTitle[g.one(j.before)]; b != nil && b.uri != j.uri {
				if e := another(b.sector); !slices.ContainsFunc(lines, func(l line) bool { return l.employer == e && l.title == b.title }) {
					lines = append(lines, line{b.title, e, g.years(min(rest, 6))})
				}
			}
		}
	}
	// A long working life is on the CV: of those over 45 and close to the
	// labour market, 60 % showed less than a third of it (a 59-year-old
	// frisør with ten years in all). An earlier job in the trade, or one
	// of the trade's usual ways in, fills some of the rest.
	covered := 0.0
	for _, l := range lines {
		covered += l.years
	}
	if rest := span - covered; p.group == "close_to_job" && len(lines) > 0 && rest >= 8 {
		t, sector := j.title, j.sector
		if len(j.before) > 0 && r.IntN(3) == 0 {
			if b := g.byTitle[g.one(j.before)]; b != nil && b.uri != j.uri {
				t, sector = b.title, b.sector
			}
		}
		y := math.Round(rest*(0.4+0.4*r.Float64())*2) / 2
		e := another(sector)
		if i := slices.IndexFunc(lines, func(l line) bool { return l.employer == e && l.title == t }); i >= 0 {
			lines[i].years += y // a sector of few workplaces: the same job, longer
		} else {
			lines = append(lines, line{t, e, y})
		}
		if t == j.title {
			main += y
		}
	}
	// A young person's spare-time job; a newcomer's work before Denmark.
	var youth *line
	if p.group == "young" && len(lines) == 0 && age >= 17 && r.IntN(3) != 0 {
		t := []string{"Butiksmedhjælper", "Køkkenmedhjælper", "Postbud", "Rengøringsassistent"}[r.IntN(4)]
		youth = &line{t, g.employer(g.byTitle[t].sector, p), float64(1 + r.IntN(2))}
		lines = append(lines, *youth)
	}
	var abroad *line
	if p.origin != nil && age-yearsInDK >= 22 && r.IntN(10) < 7 {
		t := g.one(abroadJobs)
		abroad = &line{t, fmt.Sprintf("%s, %s (%s)", g.one(abroadEmployers[t]), p.origin.city, p.origin.country), g.years(float64(min(age-yearsInDK-18, 15)))}
		lines = append(lines, *abroad)
		if u, _, _ := g.tax.NormalizeOccupation(t); u == j.uri {
			main += abroad.years // the same work, before Denmark
		}
	}
	total := 0.0
	for _, l := range lines {
		in.Experience = append(in.Experience, cvs.ExperienceInput{Title: l.title, Employer: l.employer, Years: l.years})
		total += l.years
	}

	// Desired occupations: the job, and for some a second one nearby.
	in.DesiredOccupations = []string{j.title}
	if len(j.wants) > 0 && r.IntN(5) < 2 {
		in.DesiredOccupations = append(in.DesiredOccupations, g.one(j.wants))
	}

	// Education: school, then the trade or degree (some have the trade's
	// course only, or not yet).
	in.Education = g.education(p, j, age)

	// Skills: a handful of the job's, a personal quality or two.
	in.Skills = append(in.Skills, pickStrings(r, j.skills, 3+r.IntN(4))...)
	for _, s := range pickStrings(r, softSkills, 1+r.IntN(2)) {
		if !slices.Contains(in.Skills, s) {
			in.Skills = append(in.Skills, s)
		}
	}

	in.Languages, in.Eligibility, in.DrivingLicences = g.languages(p), g.eligibility(p, j), g.licences(p, j, age)
	if r.IntN(10) < 8 {
		in.Consent = &cvs.ConsentInput{Given: true, Channel: []string{"phone", "meeting", "meeting", "digital"}[r.IntN(4)]}
	}
	danish := ""
	for _, l := range in.Languages {
		if l.Code == "da" {
			danish = l.Level
		}
	}
	for i, e := range in.Education {
		if strings.HasPrefix(e.Field, "Danskuddannelse ") {
			in.Education[i].Field = danishCourse(e.Field, danish)
		}
	}
	var said summarySaid
	in.Summary, said = g.summary(p, j, summaryFacts{age: age, danish: danish, lines: lines, main: main, total: total, yearsInDK: yearsInDK, youth: youth, abroad: abroad,
		licences: in.DrivingLicences, commute: in.MaxCommuteKm, wants: in.DesiredOccupations, edu: in.Education})
	g.workingTime(&in, j, said)
	return in
}

// abroadJobs are work newcomers did before they came (the title they write).
var abroadJobs = []string{"Lærer", "Frisør", "Tømrer", "Bogholder", "Butiksassistent", "Landmand", "Elektriker", "Sygeplejerske", "Kok", "Lastbilchauffør", "Syerske", "Automekaniker", "Sælger", "Murer"}

// abroadEmployers are the kinds of workplace a newcomer names for a job
// before Denmark (a teacher at a school, not at a building firm).
var abroadEmployers = map[string][]string{
	"Lærer":           {"Offentlig skole", "Privatskole", "Gymnasium"},
	"Frisør":          {"Frisørsalon", "Eget firma", "Familievirksomhed"},
	"Tømrer":          {"Byggefirma", "Eget firma", "Familievirksomhed"},
	"Bogholder":       {"Privat virksomhed", "Revisionsfirma", "Handelsfirma"},
	"Butiksassistent": {"Supermarked", "Tøjbutik", "Familievirksomhed"},
	"Landmand":        {"Familiens landbrug", "Landbrug", "Frugtplantage"},
	"Elektriker":      {"Byggefirma", "Elinstallatør", "Eget firma"},
	"Sygeplejerske":   {"Hospital", "Sundhedsklinik", "Privathospital"},
	"Kok":             {"Restaurant", "Hotel", "Familievirksomhed"},
	"Lastbilchauffør": {"Vognmand", "Transportfirma", "Eget firma"},
	"Syerske":         {"Tekstilfabrik", "Systue", "Familievirksomhed"},
	"Automekaniker":   {"Autoværksted", "Eget firma", "Familievirksomhed"},
	"Sælger":          {"Handelsfirma", "Bilforhandler", "Familievirksomhed"},
	"Murer":           {"Byggefirma", "Eget firma", "Familievirksomhed"},
}

func (g *Generator) education(p person, j *job, age int) []cvs.EducationInput {
	r := g.r
	var out []cvs.EducationInput
	add := func(key string) {
		if e, ok := educations[key]; ok && !slices.ContainsFunc(out, func(x cvs.EducationInput) bool { return x.Field == e.field }) {
			out = append(out, cvs.EducationInput{Level: e.level, Field: e.field})
		}
	}
	if p.origin != nil {
		if age >= 24 && r.IntN(3) == 0 {
			out = append(out, cvs.EducationInput{Level: "upper_secondary", Field: "Gymnasial uddannelse fra " + p.origin.country})
		}
		out = append(out, cvs.EducationInput{Level: "other", Field: fmt.Sprintf("Danskuddannelse %d, modul %d", 2+r.IntN(2), 3+r.IntN(4))})
		if len(j.edu) > 1 && r.IntN(3) == 0 {
			add(j.edu[len(j.edu)-1])
		}
		return out
	}
	switch {
	case len(j.edu) == 0:
		add("fs9")
	case j.skilled:
		if educations[j.edu[0]].level == "vocational" || educations[j.edu[0]].level == "other" {
			add([]string{"fs9", "fs10", "hf"}[r.IntN(3)])
		} else {
			add([]string{"stx", "hhx", "htx", "hf"}[r.IntN(4)])
		}
		add(j.edu[0])
		if len(j.edu) > 1 && r.IntN(4) == 0 {
			add(j.edu[1])
		}
	default:
		for _, k := range j.edu {
			if k == "fs9" || k == "fs10" || r.IntN(3) == 0 {
				add(k)
			}
		}
		if len(out) == 0 {
			add(j.edu[0])
		}
	}
	if r.IntN(5) == 0 {
		add("forst")
	}
	return out
}

// danishCourse makes the Danish course a newcomer attends agree with the
// Danish they speak: modules 1–2 of Danskuddannelse 2 or 3 are A1, 3–4
// A2, the last of Danskuddannelse 2 and module 5 of 3 B1, the last of
// Danskuddannelse 3 B2. The course (2 or 3) is kept where it can be.
func danishCourse(field, level string) string {
	var du, mod int
	if _, err := fmt.Sscanf(field, "Danskuddannelse %d, modul %d", &du, &mod); err != nil {
		return field
	}
	switch level {
	case "A1":
		mod = 1 + mod%2
	case "A2":
		mod = 3 + mod%2
	case "B1":
		mod = 6
		if du == 3 {
			mod = 5
		}
	case "B2":
		du, mod = 3, 6
	default:
		return field
	}
	return fmt.Sprintf("Danskuddannelse %d, modul %d", du, mod)
}

func (g *Generator) languages(p person) []jobmatch.Language {
	r := g.r
	var out []jobmatch.Language
	switch {
	case p.origin != nil:
		out = append(out, jobmatch.Language{Code: "da", Level: []string{"A1", "A2", "A2", "B1", "B1", "B2"}[r.IntN(6)]},
			jobmatch.Language{Code: p.mother, Level: "C2"})
		if r.IntN(3) == 0 {
			out = append(out, jobmatch.Language{Code: "en", Level: []string{"A2", "B1", "B2"}[r.IntN(3)]})
		}
	case p.mother != "":
		out = append(out, jobmatch.Language{Code: "da", Level: []string{"B1", "B2", "C1"}[r.IntN(3)]},
			jobmatch.Language{Code: p.mother, Level: "C2"}, jobmatch.Language{Code: "en", Level: []string{"B1", "B2"}[r.IntN(2)]})
	default:
		out = append(out, jobmatch.Language{Code: "da", Level: "C2"})
		if r.IntN(100) < 80 {
			out = append(out, jobmatch.Language{Code: "en", Level: []string{"A2", "B1", "B1", "B2", "B2", "C1"}[r.IntN(6)]})
		}
		// German is common near the border.
		if strings.HasPrefix(p.postal, "6") && r.IntN(100) < 30 || r.IntN(100) < 8 {
			out = append(out, jobmatch.Language{Code: "de", Level: []string{"A2", "B1", "B2", "C1"}[r.IntN(4)]})
		}
	}
	return out
}

func (g *Generator) eligibility(p person, j *job) []string {
	r := g.r
	switch p.group {
	case "refugee_family_reunified":
		// IGU is for refugees and the family-reunified aged 18 to 40.
		if demoYear-p.birth <= 40 {
			return []string{"igu", "virksomhedspraktik", "loentilskud"}
		}
		return []string{"virksomhedspraktik", "loentilskud"}
	case "further_from_job":
		out := []string{"virksomhedspraktik", "loentilskud"}
		if r.IntN(4) == 0 {
			out = append(out, "fleksjob")
		}
		return out
	case "young":
		if r.IntN(3) == 0 {
			return []string{"loentilskud", "virksomhedspraktik"}
		}
		return nil
	}
	var out []string
	if r.IntN(5) == 0 {
		out = append(out, "loentilskud")
	}
	if !j.skilled && demoYear-p.birth >= 25 && r.IntN(6) == 0 {
		out = append(out, "voksenlaerling")
	}
	return out
}

func (g *Generator) licences(p person, j *job, age int) []string {
	r := g.r
	switch j.licence {
	case "C":
		return []string{"B", "C", "CE"}
	case "D":
		return []string{"B", "D"}
	case "B":
		return []string{"B"}
	}
	odds := 80
	switch {
	case p.origin != nil:
		odds = 25
	case age < 20:
		odds = 40
	}
	if r.IntN(100) >= odds {
		return nil
	}
	if r.IntN(12) == 0 {
		return []string{"B", "BE"}
	}
	return []string{"B"}
}

func pickStrings(r *rand.Rand, xs []string, n int) []string {
	if n >= len(xs) {
		return append([]string(nil), xs...)
	}
	idx := r.Perm(len(xs))[:n]
	slices.Sort(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func firstWord(s string) string { return strings.Fields(s)[0] }
func lastWord(s string) string  { f := strings.Fields(s); return f[len(f)-1] }

// WriteNDJSON writes n CVs as NDJSON, the import format.
func WriteNDJSON(w io.Writer, g *Generator, n int) error {
	enc := json.NewEncoder(w)
	for i := 0; i < n; i++ {
		if err := enc.Encode(g.Next()); err != nil {
			return err
		}
	}
	return nil
}

// LoadCandidates generates n CVs and imports them through the import path.
func LoadCandidates(ctx context.Context, sys *system.System, n int, seed uint64, progress func(jobmatch.ImportProgress)) (jobmatch.ImportProgress, error) {
	g := NewGenerator(sys.Taxonomy, seed)
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(WriteNDJSON(pw, g, n)) }()
	return sys.CVs.ImportCandidates(ctx, nil, pr, "ndjson", progress)
}

// polishFeminine is a Polish surname as a woman bears it: Kowalski is
// Kowalska, Kamiński Kamińska; Nowak and Wójcik are the same.
func polishFeminine(last string) string {
	for _, m := range []string{"ski", "cki", "dzki"} {
		if b, ok := strings.CutSuffix(last, m); ok {
			return b + strings.TrimSuffix(m, "i") + "a"
		}
	}
	return last
}
