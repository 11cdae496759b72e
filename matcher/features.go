package matcher

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"jobmatch"
	"jobmatch/taxonomy"
)

// Features is everything the matcher knows of a candidate. It is built from
// the CV without the name, contact details, birth year, gender or
// nationality, so none of those can enter a score.
type Features struct {
	ID          string
	Seq         int64 // change-log sequence of the CV it was built from
	Occupations []Occupation
	Skills      []string // concept URIs
	SkillLabels []string // every skill as written (and its concept label)
	// Terms are the terms of the whole CV text (titles, skills, education,
	// summary). TermIn says, for each of them in order, which phrases of
	// the CV hold it (a bit a phrase, phraseBit): a skill, a title, an
	// education, a sentence of the summary; SkillPhrases are the bits of
	// the skills, job titles and educations (courses too). A skill the vacancy asks is met by one phrase that
	// holds its words, not by words of different skills: "arbejde med
	// børn" is not met by "pædagogisk arbejde" and "førstehjælp til børn".
	Terms        TermSet
	TermIn       []uint32
	SkillPhrases uint32
	// Words are the CV's distinct words as written (lower case), so a
	// reason names the words of the CV, never a stem; a phrase Danish
	// borrows ("à la carte") is one, whole (borrowedPhrase).
	Words         []string
	Languages     []jobmatch.Language
	Licences      []string
	Hours         uint8    // the hours the CV wants, a bit each (hoursBit); 0: not stated
	Shifts        uint8    // the times the CV will work, a bit each (shiftBit); 0: not stated
	Education     []string // levels
	PostalCode    string
	Lat, Lon      float64
	HasPoint      bool
	MaxCommuteKm  float64
	AvailableFrom time.Time // zero: available now
	TargetGroup   jobmatch.TargetGroup
	Eligibility   []jobmatch.Scheme
	Consent       bool

	// The IDF-weighted length of Terms, cached by Pool.Norm with the pool
	// size it was computed at.
	norm  atomic.Uint64
	normN atomic.Int64
}

// Occupation is an occupation in a CV: desired, or held for some years.
type Occupation struct {
	URI     string // "" when the title matched no concept
	Label   string
	Years   float64
	Desired bool
}

// Geocoder gives the centre of a postal code.
type Geocoder interface {
	Coordinates(postal string) (lat, lon float64, ok bool)
}

// FromCandidate builds the features of a CV.
func FromCandidate(c *jobmatch.Candidate, tax *taxonomy.Taxonomy, geo Geocoder) *Features {
	f := &Features{ID: c.ID, Seq: c.Seq, PostalCode: c.PostalCode, MaxCommuteKm: float64(c.MaxCommuteKm),
		AvailableFrom: c.AvailableFrom.Time, TargetGroup: c.TargetGroup, Consent: c.Consent.Given,
		Languages: slices.Clone(c.Languages), Licences: slices.Clone(c.DrivingLicences), Eligibility: slices.Clone(c.Eligibility)}
	for _, h := range c.Hours {
		f.Hours |= hoursBit(h)
	}
	for _, s := range c.Shifts {
		f.Shifts |= shiftBit(s)
	}
	if geo != nil {
		f.Lat, f.Lon, f.HasPoint = geo.Coordinates(c.PostalCode)
	}
	var skillText, allText []string
	var phrases []string // the skill and title phrases first, then the text's
	for _, o := range c.DesiredOccupations {
		f.Occupations = append(f.Occupations, Occupation{URI: o.URI, Label: o.Label, Desired: true})
		skillText = append(skillText, o.Label)
	}
	for _, e := range c.Experience {
		f.Occupations = append(f.Occupations, Occupation{URI: e.Occupation, Label: e.Title, Years: e.Years})
		skillText = append(skillText, e.Title)
		allText = append(allText, e.Employer)
	}
	for _, s := range c.Skills {
		if s.URI != "" {
			f.Skills = append(f.Skills, s.URI)
		}
		f.SkillLabels = append(f.SkillLabels, s.Label)
		skillText = append(skillText, s.Label)
		if s.URI != "" && tax != nil {
			if l := tax.ConceptLabel(s.URI, "en"); l != "" && !strings.EqualFold(l, s.Label) {
				skillText = append(skillText, l)
			}
		}
	}
	// An education or a course names what it gave, as a skill does:
	// "Hygiejnebevis (fødevarehygiejne)" under education is the
	// hygiejnebevis a vacancy asks, met in full, not "(delvis)" as the
	// words of a sentence were.
	for _, e := range c.Education {
		f.Education = append(f.Education, e.Level)
		if e.Field != "" {
			skillText = append(skillText, e.Field)
		}
	}
	allText = append(allText, c.Summary)
	phrases = append(phrases, skillText...)
	for i := range skillText {
		f.SkillPhrases |= phraseBit(i)
	}
	for _, t := range allText {
		phrases = append(phrases, sentences(t)...)
	}
	skillTerms := taxonomy.Terms(strings.Join(skillText, " . "))
	f.Terms = NewTermSet(append(skillTerms, taxonomy.Terms(strings.Join(allText, " . "))...))
	f.TermIn = make([]uint32, f.Terms.Len())
	for j, ph := range phrases {
		for _, t := range taxonomy.Terms(ph) {
			if i, ok := f.Terms.Index(t); ok {
				f.TermIn[i] |= phraseBit(j)
			}
		}
	}
	f.Words = distinctWords(strings.Join(skillText, " ") + " " + strings.Join(allText, " "))
	slices.Sort(f.Skills)
	f.Skills = slices.Compact(f.Skills)
	return f
}

// phraseBit is phrase j's bit in Features.TermIn: its own for the first 31,
// the last one shared by the rest (a CV's skills and titles come first,
// and few CVs have 31 of them).
func phraseBit(j int) uint32 { return 1 << min(j, 31) }

// sentences splits a text into its sentences (and lines).
func sentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' })
}

// union returns the sorted distinct terms of a and b.
func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// hasTerm reports whether the sorted terms contain t.
func hasTerm(sorted []string, t string) bool {
	_, ok := slices.BinarySearch(sorted, t)
	return ok
}

// distinctWords returns the distinct words of text in lower case, in the
// order they first appear, a borrowed phrase as one (borrowedPhrase).
func distinctWords(text string) []string {
	seen := map[string]bool{}
	var out []string
	toks := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i < len(toks); {
		n := borrowedPhrase(toks[i:])
		w := strings.Join(toks[i:i+n], " ")
		i += n
		if len(w) < 2 || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// borrowedPhrase is how many of toks make the phrase Danish borrows that
// begins them (1 when none does): a run of borrowed little words that
// holds a foreign one (foreignFunctionWords) with the word after it, and
// the word before it unless the run begins with "à" ("à la carte", "crème
// de la crème", "state of the art"). A reason named "carte" of "à la
// carte" as a word the CV shares with the ad, a fragment of neither
// language; Danish "for de ældre" has no foreign word and stays words.
func borrowedPhrase(toks []string) int {
	run := func(from int) int { // the end of the borrowed words' run at from
		j := from
		for j < len(toks) && borrowedFunctionWords[toks[j]] {
			j++
		}
		if j == from || j == len(toks) || !slices.ContainsFunc(toks[from:j], func(w string) bool { return foreignFunctionWords[w] }) {
			return -1
		}
		return j
	}
	if borrowedFunctionWords[toks[0]] {
		if j := run(0); j > 0 {
			return j + 1
		}
		return 1
	}
	if len(toks) > 1 && toks[1] != "à" {
		if j := run(1); j > 0 {
			return j + 1
		}
	}
	return 1
}

// foreignFunctionWords are the borrowed little words that are no Danish
// words ("de", "du", "for" are).
var foreignFunctionWords = map[string]bool{"à": true, "la": true, "les": true, "des": true, "the": true, "of": true}

// wordsOf returns, for each term (best first), the first word of the CV
// whose term it is, at most n distinct words; a term no word of the CV
// yields as written (it came from a spelled-out abbreviation) is left out.
func (f *Features) wordsOf(terms []string, n int) []string {
	want := make(map[string]int, len(terms))
	for i, t := range terms {
		want[t] = i
	}
	found := make([]string, len(terms))
	for _, w := range f.Words {
		for _, t := range taxonomy.Terms(w) {
			if i, ok := want[t]; ok && found[i] == "" {
				found[i] = w
			}
		}
	}
	var out []string
	for _, w := range found {
		if w != "" && !slices.Contains(out, w) && len(out) < n && !borrowedFunctionWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// borrowedFunctionWords are the little words of phrases Danish borrows ("à
// la carte", "cordon bleu", "state of the art"): they count in the text's
// score with the phrase, but a reason that names "à" and "la" as words the
// CV shares with the ad reads as noise.
var borrowedFunctionWords = map[string]bool{"à": true, "a": true, "la": true, "le": true, "les": true, "de": true, "du": true,
	"des": true, "the": true, "of": true, "and": true, "to": true, "in": true, "on": true, "for": true}
