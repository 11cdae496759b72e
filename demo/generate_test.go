package demo

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"jobmatch/app/cvs"
	"jobmatch/internal/shareddata"
	"jobmatch/taxonomy"
)

// The demo CVs are what a newcomer judges the product by; these tests hold
// them to what a Danish consultant would notice at once.

func demoCVs(t *testing.T, n int, seed uint64) (*taxonomy.Taxonomy, []cvs.CandidateInput) {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator(tax, seed)
	out := make([]cvs.CandidateInput, n)
	for i := range out {
		out[i] = g.Next()
	}
	return tax, out
}

// starTitles reads every STAR/Jobnet title in the shared mapping.
func starTitles(t *testing.T) map[string]bool {
	t.Helper()
	dir, err := shareddata.Find("dk_occupations")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "star_esco_occupation_mapping.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, r := range rows[1:] {
		out[strings.ToLower(r[1])] = true
	}
	return out
}

// TestTitlesAreTheOnesPeopleUse: no CV names a job by ESCO's long
// preferred label where Jobnet has a title for it ("medarbejder i en
// børnepasningsordning", "master lagerarbejder på en skofabrik"), and the
// desired occupations are Jobnet titles or ESCO's everyday Danish words.
func TestTitlesAreTheOnesPeopleUse(t *testing.T) {
	tax, cvs := demoCVs(t, 3000, 7)
	star := starTitles(t)
	longLabel := map[string]bool{} // ESCO Danish labels of 3+ words whose concept has a STAR title
	everyday := map[string]bool{}  // ESCO Danish preferred and alternative labels
	for _, o := range tax.Occupations {
		if len(o.STAR) > 0 && len(strings.Fields(o.LabelDA)) >= 3 && !star[strings.ToLower(o.LabelDA)] {
			longLabel[strings.ToLower(o.LabelDA)] = true
		}
		everyday[strings.ToLower(o.LabelDA)] = true
		for _, a := range o.AltDA {
			everyday[strings.ToLower(a)] = true
		}
	}
	check := func(ref, title string) {
		l := strings.ToLower(title)
		if longLabel[l] {
			t.Fatalf("%s: %q is ESCO's long label, not the title people use", ref, title)
		}
		if n := len(strings.Fields(title)); n > 4 {
			t.Fatalf("%s: %q is no job title anyone writes (%d words)", ref, title, n)
		}
		if strings.Contains(l, " på en ") || strings.Contains(l, " i en ") || strings.Contains(l, " inden for ") {
			t.Fatalf("%s: %q reads as a classification label", ref, title)
		}
	}
	fromStar := 0
	for _, c := range cvs {
		for _, d := range c.DesiredOccupations {
			check(c.ExternalRef, d)
			l := strings.ToLower(d)
			if !star[l] && !everyday[l] {
				t.Fatalf("%s: desired %q is neither a Jobnet title nor an ESCO Danish label", c.ExternalRef, d)
			}
			if star[l] {
				fromStar++
			}
		}
		seen := map[string]bool{}
		for _, e := range c.Experience {
			check(c.ExternalRef, e.Title)
			if e.Employer == "" || strings.ContainsAny(e.Employer, "{}") {
				t.Fatalf("%s: employer %q", c.ExternalRef, e.Employer)
			}
			// One title at one workplace twice reads as one job written twice.
			if k := e.Title + "|" + e.Employer; seen[k] {
				t.Fatalf("%s: %s at %s twice", c.ExternalRef, e.Title, e.Employer)
			}
			seen[e.Title+"|"+e.Employer] = true
		}
	}
	if fromStar < len(cvs)/2 {
		t.Fatalf("only %d desired titles of %d CVs are Jobnet titles", fromStar, len(cvs))
	}
}

var yearsRe = regexp.MustCompile(`(?:^|\s)(\d+½?|½) (år|års)\b`)

// TestExperienceAgreesWithTheSummary: the years a summary claims are the
// years on the experience lines, nobody is "Erfaren … med 0 års
// erfaring", and nobody worked more years than their age allows.
func TestExperienceAgreesWithTheSummary(t *testing.T) {
	tax, cvs := demoCVs(t, 3000, 7)
	withYears := 0
	for _, c := range cvs {
		s := c.Summary
		if strings.Contains(s, " 0 år") || strings.Contains(strings.ToLower(s), "erfaren") && !strings.Contains(s, "erfaren ") {
			t.Fatalf("%s: %q", c.ExternalRef, s)
		}
		if strings.Contains(s, "Erfaren") {
			t.Fatalf("%s: machine-made opening: %q", c.ExternalRef, s)
		}
		want, _, _ := tax.NormalizeOccupation(c.DesiredOccupations[0])
		main, total := 0.0, 0.0
		allowed := map[string]bool{}
		for _, e := range c.Experience {
			total += e.Years
			allowed[yearsDA(e.Years)] = true
			if u, _, _ := tax.NormalizeOccupation(e.Title); u == want {
				main += e.Years
			}
		}
		age := demoYear - c.BirthYear
		if total > float64(age-15) {
			t.Fatalf("%s: %.1f years of work at %d", c.ExternalRef, total, age)
		}
		allowed[yearsDA(main)], allowed[yearsDA(total)], allowed[yearsDA(float64(age))] = true, true, true
		for _, m := range yearsRe.FindAllStringSubmatchIndex(s, -1) {
			n := s[m[2]:m[3]]
			if strings.HasPrefix(s[m[1]:], " siden") { // "kom til Danmark for 4 år siden"
				continue
			}
			if !allowed[n] {
				t.Fatalf("%s: the summary says %q years, the experience lines say %v: %q", c.ExternalRef, n, c.Experience, s)
			}
			if strings.HasPrefix(s[m[1]:], " erfaring") {
				withYears++
				if n != yearsDA(main) {
					t.Fatalf("%s: %s års erfaring, but %s years in the job on the CV: %q", c.ExternalRef, n, yearsDA(main), s)
				}
			}
		}
		if main == 0 && strings.Contains(s, "års erfaring som") {
			t.Fatalf("%s: claims experience it has not: %q", c.ExternalRef, s)
		}
		if !strings.HasPrefix(s, "Jeg ") && !strings.HasPrefix(s, "De sidste") {
			t.Fatalf("%s: not in the first person: %q", c.ExternalRef, s)
		}
	}
	if withYears < len(cvs)/5 {
		t.Fatalf("only %d summaries state their years of experience", withYears)
	}
}

// TestWorkingTimeAgreesWithTheSummary: the hours and shifts a demo CV
// states are those its summary speaks of; a summary never says part-time,
// nights or evenings that the fields do not, and the other way round.
func TestWorkingTimeAgreesWithTheSummary(t *testing.T) {
	_, cvs := demoCVs(t, 3000, 7)
	part, nights, none, shopWeekends := 0, 0, 0, 0
	for _, c := range cvs {
		s := c.Summary
		partOnly := len(c.Hours) == 1 && c.Hours[0] == "part"
		saysPart := strings.Contains(s, "deltid") && !strings.Contains(s, "fuldtid og deltid") || strings.Contains(s, "færre timer")
		if partOnly != saysPart {
			t.Fatalf("%s: hours %v, summary %q", c.ExternalRef, c.Hours, s)
		}
		if strings.Contains(s, "både fuldtid og deltid") && len(c.Hours) != 2 {
			t.Fatalf("%s: hours %v, summary %q", c.ExternalRef, c.Hours, s)
		}
		has := func(shift string) bool { return slices.Contains(c.Shifts, shift) }
		// The sentences that say the shifts (a task "i weekender" is what
		// the person did, not what they will).
		shifts := strings.Contains(s, "dag-, aften- og weekendvagter")
		all := strings.Contains(s, "alle tider af døgnet, også nat og weekend")
		night := all || strings.Contains(s, "møde om natten")
		evening := shifts || all || strings.Contains(s, "om aftenen")
		weekend := shifts || all || strings.Contains(s, "i weekenden")
		if has("night") != night || has("evening") != evening || has("weekend") != weekend {
			t.Fatalf("%s: shifts %v, summary %q", c.ExternalRef, c.Shifts, s)
		}
		if partOnly {
			part++
		}
		if has("weekend") && slices.Contains(c.DesiredOccupations, "Butiksassistent") {
			shopWeekends++
		}
		if has("night") {
			nights++
		}
		if len(c.Hours) == 0 {
			none++
		}
	}
	// Most state it, as Jobnet asks; part-time and nights are the few.
	if part < len(cvs)/20 || part > len(cvs)/4 || nights == 0 || nights > len(cvs)/10 || none > len(cvs)/5 {
		t.Fatalf("part-time only %d, nights %d, not stated %d of %d", part, nights, none, len(cvs))
	}
	// A shop is open at weekends: "butik weekend" found warehouse workers
	// who had been butiksmedhjælpere, and no butiksassistent.
	if shopWeekends < 10 {
		t.Fatalf("%d butiksassistenter work weekends", shopWeekends)
	}
}

// techTerms are skill names Danish CVs write in English.
var techTerms = map[string]bool{"java": true, "sql": true, "go": true, "python": true, "javascript": true, "git": true, "docker": true, "c#": true, "react": true, "php": true, "wordpress": true, "windows": true, "ux": true, "lean": true, "5s": true, "cnc-fræsning": true}

// TestSkillsAreDanish: skills are the Danish words people write, never
// ESCO's English labels ("stock shelves", "apply company policies").
func TestSkillsAreDanish(t *testing.T) {
	tax, cvs := demoCVs(t, 2000, 7)
	english := map[string]bool{}
	for _, s := range tax.Skills {
		english[strings.ToLower(s.LabelEN)] = true
	}
	danishLetters := 0
	for _, c := range cvs {
		if len(c.Skills) < 3 {
			t.Fatalf("%s: %d skills", c.ExternalRef, len(c.Skills))
		}
		for _, s := range c.Skills {
			l := strings.ToLower(s)
			if english[l] && !techTerms[l] {
				t.Fatalf("%s: English ESCO label %q as a skill", c.ExternalRef, s)
			}
			if strings.ContainsAny(l, "æøå") {
				danishLetters++
			}
		}
	}
	if danishLetters < len(cvs)/2 {
		t.Fatalf("only %d skills with æ, ø or å in %d CVs", danishLetters, len(cvs))
	}
}

// TestEverydayWordsFindPeople: the first searches a newcomer tries have
// people to find among the 2,000 CVs of `serve --demo` (seed 7).
func TestEverydayWordsFindPeople(t *testing.T) {
	_, cvs := demoCVs(t, 2000, 7)
	for _, w := range []string{"lager", "sosu", "pædagog", "rengøring", "butik", "chauffør", "tømrer", "kok", "sygeplejerske", "svejs", "regnskab", "salg", "frisør", "lærer"} {
		n := 0
		for _, c := range cvs {
			text := strings.ToLower(strings.Join(c.DesiredOccupations, " ") + " " + c.Summary + " " + strings.Join(c.Skills, " "))
			for _, e := range c.Experience {
				text += " " + strings.ToLower(e.Title)
			}
			for _, e := range c.Education {
				text += " " + strings.ToLower(e.Field)
			}
			if strings.Contains(text, w) {
				n++
			}
		}
		if n < 15 {
			t.Errorf("%q is in %d CVs", w, n)
		}
	}
}

// TestPeopleInBelievableProportions: target groups, languages and
// origins as a jobcentre sees them.
func TestPeopleInBelievableProportions(t *testing.T) {
	_, cvs := demoCVs(t, 4000, 7)
	groups, mother := map[string]int{}, map[string]int{}
	english, german := 0, 0
	for _, c := range cvs {
		groups[c.TargetGroup]++
		if c.Languages[0].Code != "da" {
			t.Fatalf("%s: Danish first: %v", c.ExternalRef, c.Languages)
		}
		for _, l := range c.Languages[1:] {
			switch {
			case l.Code == "en":
				english++
			case l.Code == "de":
				german++
			case l.Level == "C2":
				mother[l.Code]++
			}
		}
		if c.TargetGroup == "refugee_family_reunified" {
			if c.Languages[0].Level > "B2" || len(c.Languages) < 2 || c.Languages[1].Level != "C2" {
				t.Fatalf("%s: a newcomer's languages %v", c.ExternalRef, c.Languages)
			}
		}
		if c.Gender == "" || c.BirthYear == 0 || c.Nationality == "" {
			t.Fatalf("%s: %+v", c.ExternalRef, c)
		}
	}
	share := func(n int) float64 { return float64(n) / float64(len(cvs)) }
	for g, want := range map[string][2]float64{"close_to_job": {0.5, 0.66}, "further_from_job": {0.15, 0.25}, "young": {0.09, 0.17}, "refugee_family_reunified": {0.06, 0.12}} {
		if s := share(groups[g]); s < want[0] || s > want[1] {
			t.Errorf("%s: %.2f of the CVs, want %.2f–%.2f", g, s, want[0], want[1])
		}
	}
	if s := share(english); s < 0.6 || s > 0.85 {
		t.Errorf("English on %.2f of the CVs", s)
	}
	if german == 0 {
		t.Error("nobody near the border speaks German")
	}
	for _, code := range []string{"ar", "uk", "ti", "fa", "so"} {
		if mother[code] == 0 {
			t.Errorf("no %s mother tongue", code)
		}
	}
}

// TestSameSeedSamePeople: generation is deterministic.
func TestSameSeedSamePeople(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	var a, b, c bytes.Buffer
	if err := WriteNDJSON(&a, NewGenerator(tax, 3), 300); err != nil {
		t.Fatal(err)
	}
	_ = WriteNDJSON(&b, NewGenerator(tax, 3), 300)
	_ = WriteNDJSON(&c, NewGenerator(tax, 4), 300)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave other people")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("another seed gave the same people")
	}
}

// TestVacanciesReadLikeAds: every trade's vacancy names a job of the trade
// by its Jobnet title, in Danish ad text with no template left in it.
func TestVacanciesReadLikeAds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	asked := map[bool]bool{}
	for _, c := range Companies(200, r) {
		if strings.ContainsAny(c.Name, "{}") {
			t.Fatalf("company name %q", c.Name)
		}
		v := vacancyFor(c, r, now)
		p := (*profession)(nil)
		for _, tr := range trades {
			if tr.industry == c.Industry {
				for _, j := range tr.jobs {
					if strings.HasPrefix(v.Title, j) {
						p = professionOf(j)
					}
				}
			}
		}
		if p == nil {
			t.Fatalf("%s (%s) posts %q, not a job of its trade", c.Name, c.Industry, v.Title)
		}
		if len(v.Description) < 150 || strings.ContainsAny(v.Description, "{}%") || !strings.Contains(v.Description, "Vi ") && !strings.Contains(v.Description, "vi ") {
			t.Fatalf("%q: %q", v.Title, v.Description)
		}
		if len(v.SkillsRequired) == 0 {
			t.Fatalf("%q: no skills", v.Title)
		}
		for _, s := range append(v.SkillsRequired, v.SkillsDesired...) {
			if !strings.Contains(strings.Join(p.skills, "|"), s) {
				t.Fatalf("%q asks for %q, which the job's CVs never have", v.Title, s)
			}
		}
		// A trade's ad asks its education ("uddannet tømrer"), which its
		// CVs hold; an unskilled job none.
		want := ""
		if e, ok := educations[first(p.edu)]; ok && p.skilled && e.level != "other" && e.level != "primary" && e.level != "upper_secondary" {
			want = e.level
		}
		if v.EducationLevel != want {
			t.Errorf("%q asks education %q, want %q", v.Title, v.EducationLevel, want)
		}
		asked[v.EducationLevel != ""] = true
	}
	if !asked[true] || !asked[false] {
		t.Errorf("the ads ask an education: %v, want some that do and some that do not", asked)
	}
}

// TestCompanyMailDomains: a demo company's contact writes from the
// company's own domain, as the hotline then finds it by ("Sønderborg
// Maskinfabrik A/S" → soenderborg-maskinfabrik.dk), not "firma18.dk".
func TestCompanyMailDomains(t *testing.T) {
	if got := domainOf("Sønderborg Maskinfabrik A/S"); got != "soenderborg-maskinfabrik.dk" {
		t.Errorf("domainOf: %q", got)
	}
	for _, c := range Companies(50, rand.New(rand.NewPCG(1, 2))) {
		_, domain, _ := strings.Cut(c.Contact.Email, "@")
		if domain != domainOf(c.Name) || strings.ContainsFunc(strings.TrimSuffix(domain, ".dk"), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }) {
			t.Errorf("%s: %s", c.Name, c.Contact.Email)
		}
	}
}

// TestEducationFitsTheOccupation: every education a profession or a
// long-tail occupation names is one the generator knows, and a
// professional of the long tail has a post-secondary education of their
// field (a botaniker was a cand.merc., as every professional of the long
// tail was).
func TestEducationFitsTheOccupation(t *testing.T) {
	for _, keys := range tailEduSub {
		for _, k := range keys {
			if e, ok := educations[k]; !ok || e.level == "primary" || e.level == "upper_secondary" || e.level == "other" {
				t.Errorf("tail education %q: %+v, want a known post-secondary education", k, e)
			}
		}
	}
	for _, p := range professions {
		for _, k := range p.edu {
			if _, ok := educations[k]; !ok {
				t.Errorf("%s: education %q unknown", p.title, k)
			}
		}
	}
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator(tax, 7)
	fields := map[string]map[string]bool{} // ISCO sub-major → the fields of the tail's highest educations
	for range 4000 {
		p := g.newPerson()
		_, tail := g.pickJob(p)
		if tail == nil || p.origin != nil {
			continue
		}
		c := g.write(p, g.tailAsJob(tail))
		sub := tail.occ.ISCO[:2]
		if sub[0] > '3' {
			continue
		}
		if fields[sub] == nil {
			fields[sub] = map[string]bool{}
		}
		for _, e := range c.Education {
			if e.Level != "primary" && e.Level != "upper_secondary" && e.Level != "other" {
				fields[sub][e.Field] = true
			}
		}
	}
	if len(fields) < 5 {
		t.Fatalf("the tail's professionals fell in %d sub-major groups, want 5 or more", len(fields))
	}
	if f := fields["21"]; f != nil && f[educations["cand.merc"].field] {
		t.Errorf("a science or engineering professional is a cand.merc.: %v", f)
	}
	for sub, f := range fields {
		if len(f) == 0 {
			t.Errorf("the tail's professionals of %s have no post-secondary education", sub)
		}
	}
}

// TestNamesAsTheirBearersWriteThem: a Polish woman's surname is the
// feminine form (Katarzyna Kamińska, not Kamiński); the demo read as
// careless to anyone who knows Polish names, and a consultant looks a
// citizen up by the name on the papers.
func TestNamesAsTheirBearersWriteThem(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator(tax, 3)
	women := map[string]bool{"Agnieszka": true, "Katarzyna": true, "Marta": true, "Joanna": true}
	seen := 0
	for range 3000 {
		c := g.Next()
		first, last, _ := strings.Cut(c.Name, " ")
		if !women[first] {
			continue
		}
		seen++
		if strings.HasSuffix(last, "ski") || strings.HasSuffix(last, "cki") {
			t.Errorf("%s: a man's form of the surname", c.Name)
		}
	}
	if seen == 0 {
		t.Fatal("no Polish woman among 3,000 CVs")
	}
	if got := polishFeminine("Lewandowski"); got != "Lewandowska" {
		t.Errorf("polishFeminine(Lewandowski) = %s", got)
	}
}

// TestALongWorkingLifeIsOnTheCV: of the demo's CVs over 45 and close to the
// labour market, 60 % showed less than a third of their working life (a
// frisør of 59 with ten years in all); an earlier job fills some of it.
func TestALongWorkingLifeIsOnTheCV(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator(tax, 5)
	older, short := 0, 0
	for range 3000 {
		c := g.Next()
		age := demoYear - c.BirthYear
		if c.TargetGroup != "close_to_job" || age < 45 {
			continue
		}
		older++
		years := 0.0
		for _, e := range c.Experience {
			years += e.Years
		}
		if years < float64(age-18)/3 {
			short++
		}
	}
	if older < 100 {
		t.Fatalf("only %d CVs over 45 close to the labour market", older)
	}
	if share := float64(short) / float64(older); share > 0.25 {
		t.Errorf("%d of %d (%.0f %%) over 45 show less than a third of their working life", short, older, 100*share)
	}
}

// TestSummariesSayNoHealth: a CV is read by employers, and health is no
// business of theirs (GDPR art. 9): a summary says what the work must
// allow ("uden tunge løft", "færre timer"), not an illness or a body's
// trouble ("en periode med sygdom", "min ryg" were in the demo's CVs).
func TestSummariesSayNoHealth(t *testing.T) {
	_, cvs := demoCVs(t, 3000, 7)
	health := []string{"sygdom", "sygemeld", "min ryg", "mit helbred", "helbredet", "en diagnose", "depression", "angst", "smerter", "arbejdsskade", "min skade"}
	for _, c := range cvs {
		s := strings.ToLower(c.Summary)
		for _, w := range health {
			if strings.Contains(s, w) {
				t.Fatalf("%s says %q: %q", c.ExternalRef, w, c.Summary)
			}
		}
	}
}

// TestNewcomersAsTheRulesHaveThem: what a consultant knows at a glance
// holds on the newcomers' CVs. IGU is offered to refugees and the
// family-reunified aged 18 to 40 only; the Danish course they attend
// agrees with the Danish they speak (module 6 of Danskuddannelse 3 is B2,
// not A1); a job before Denmark names a workplace of its kind (a teacher
// at a school, not at a building firm); and a municipality named as an
// employer is one of the 98.
func TestNewcomersAsTheRulesHaveThem(t *testing.T) {
	_, cvs := demoCVs(t, 4000, 11)
	municipalities := map[string]bool{}
	for _, k := range kommuner {
		municipalities[k] = true
	}
	course := regexp.MustCompile(`^Danskuddannelse ([23]), modul ([1-6])$`)
	abroad := regexp.MustCompile(`^(.+), [^,]+ \([^)]+\)$`)
	kommune := regexp.MustCompile(`(\p{L}[\p{L}-]*s? (?:Regions)?[Kk]ommune)\b`)
	newcomers, olderWithoutIGU, courses, abroadJobs := 0, 0, 0, 0
	for _, c := range cvs {
		age := demoYear - c.BirthYear
		if slices.Contains(c.Eligibility, "igu") && (age < 18 || age > 40) {
			t.Errorf("%s: IGU at %d", c.ExternalRef, age)
		}
		for _, e := range c.Experience {
			if m := kommune.FindStringSubmatch(e.Employer); m != nil && !municipalities[m[1]] {
				t.Errorf("%s: employer %q: no such municipality", c.ExternalRef, e.Employer)
			}
		}
		if c.TargetGroup != "refugee_family_reunified" {
			continue
		}
		newcomers++
		if age > 40 {
			olderWithoutIGU++
		}
		danish := c.Languages[0].Level
		for _, e := range c.Education {
			m := course.FindStringSubmatch(e.Field)
			if m == nil {
				continue
			}
			courses++
			want := map[string][]string{"A1": {"1", "2"}, "A2": {"3", "4"}, "B1": {"5", "6"}, "B2": {"6"}}[danish]
			if !slices.Contains(want, m[2]) || (danish == "B2" && m[1] != "3") || (danish == "B1" && m[1]+m[2] != "26" && m[1]+m[2] != "35") {
				t.Errorf("%s: %q beside Danish %s", c.ExternalRef, e.Field, danish)
			}
		}
		for _, e := range c.Experience {
			m := abroad.FindStringSubmatch(e.Employer)
			if m == nil || abroadEmployers[e.Title] == nil {
				continue
			}
			abroadJobs++
			if !slices.Contains(abroadEmployers[e.Title], m[1]) {
				t.Errorf("%s: %s at %q", c.ExternalRef, e.Title, e.Employer)
			}
		}
	}
	if newcomers < 200 || olderWithoutIGU == 0 || courses < newcomers/2 || abroadJobs < newcomers/3 {
		t.Errorf("%d newcomers, %d over 40, %d Danish courses, %d jobs abroad: too few to tell", newcomers, olderWithoutIGU, courses, abroadJobs)
	}
}
