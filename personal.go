package jobmatch

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// personalWords say a person's gender or ethnic origin, which may not
// decide whom the jobcentre finds or proposes for a job
// (ligebehandlingsloven, forskelsbehandlingsloven). True: the word says
// nothing else, even in an employer's running text; false: it does in a
// sentence ("vi er 20 mand", "damer og herrer"), and only as a search
// word is it the person's gender. Words that also name work ("ældre" of
// ældrepleje, "ung" of the young target group, "dansk" the language,
// "herre" of herrefrisør typed apart) are not among them.
var personalWords = map[string]bool{
	"mandlig": true, "mandlige": true, "kvindelig": true, "kvindelige": true, "pige": true, "piger": true,
	"dreng": true, "drenge": true, "etnisk": true, "etniske": true, "hudfarve": true, "dansker": true, "danskere": true,
	"male": true, "female": true, "girl": true, "girls": true, "boy": true, "boys": true, "ethnic": true,
	"mand": false, "mænd": false, "maend": false, "kvinde": false, "kvinder": false, "dame": false, "damer": false,
	"fyr": false, "fyre": false, "woman": false, "women": false, "men": false, "guy": false,
}

// IsPersonalWord reports whether w (any case, with punctuation around it)
// says a person's gender or ethnic origin as a search word: "mand",
// "kvindelig", "etnisk".
func IsPersonalWord(w string) bool {
	_, ok := personalWords[strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))]
	return ok
}

// PersonalWordsIn returns the words of text that say a person's gender or
// ethnic origin whatever the sentence ("kvindelig", "piger", "etnisk"),
// each once as first written; none when text names both genders
// ("mandlig eller kvindelig"), which asks for either.
func PersonalWordsIn(text string) []string {
	var out, seen []string
	male, female := false, false
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		if !personalWords[lw] || slices.Contains(seen, lw) {
			continue
		}
		seen = append(seen, lw)
		out = append(out, w)
		switch lw {
		case "mandlig", "mandlige", "dreng", "drenge", "male", "boy", "boys":
			male = true
		case "kvindelig", "kvindelige", "pige", "piger", "female", "girl", "girls":
			female = true
		}
	}
	if male && female {
		out = slices.DeleteFunc(out, func(w string) bool {
			switch strings.ToLower(w) {
			case "etnisk", "etniske", "hudfarve", "dansker", "danskere", "ethnic":
				return false
			}
			return true
		})
	}
	return out
}

// WithoutPersonalWords returns text without the words that say a person's
// gender or ethnic origin whatever the sentence (those PersonalWordsIn
// finds, also beside each other), and the word an "etnisk" qualifies
// ("etnisk dansk"): what a vacancy is matched by.
func WithoutPersonalWords(text string) string {
	origin := false // the word before was "etnisk"
	return MapWords(text, func(w string) string {
		lw := strings.ToLower(w)
		drop := personalWords[lw] || origin
		origin = lw == "etnisk" || lw == "etniske" || lw == "ethnic"
		if drop {
			return strings.Repeat(" ", len(w))
		}
		return w
	})
}

// MapWords returns text with each word (a run of letters) replaced by what
// f returns for it, in order, and everything between the words as it is.
func MapWords(text string, f func(word string) string) string {
	var b strings.Builder
	b.Grow(len(text))
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b.WriteString(f(text[start:i]))
			start = -1
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		b.WriteString(f(text[start:]))
	}
	return b.String()
}

// PersonalWords returns the words of the vacancy's title, text and skills
// that say gender or ethnic origin (PersonalWordsIn).
func (v *Vacancy) PersonalWords() []string {
	return PersonalWordsIn(strings.Join(slices.Concat([]string{v.Title, v.Description}, v.SkillsRequired, v.SkillsDesired), "\n"))
}

// DiscriminationIn returns what text asks of a person's gender, age or
// ethnic origin, each once as first written: the words PersonalWordsIn
// finds ("kvindelig", "etnisk"), a job title that names one gender
// ("kassedame", "servitrice", "opvaskerdreng"; "sygeplejerske",
// "flyttemand" are everyone's), an origin ("dansk af oprindelse", "af
// dansk herkomst", "danskfødt") and an age as a demand ("max 25 år",
// "under 30 år", "mellem 20 og 35 år", "ung og frisk", "yngre
// medarbejder"). A job advert may ask none of them
// (ligebehandlingsloven § 6, forskelsbehandlingsloven § 4), so the entry
// point refuses them. A least age passes ("min. 18 år", "over 18 år", "må
// ikke være under 18 år": serving alcohol, driving), as do years of
// experience ("25 års erfaring"), the people the work is with ("arbejde
// med unge under 25 år") and what is said after "uanset" ("uanset køn,
// alder og etnisk baggrund").
func DiscriminationIn(text string) []string {
	text = regardlessRE.ReplaceAllStringFunc(text, func(s string) string { return strings.Repeat(" ", len(s)) })
	var hits []hit
	lower := strings.ToLower(text)
	for _, w := range PersonalWordsIn(text) {
		if lw := strings.ToLower(w); (lw == "etnisk" || lw == "etniske") && diverseRE.MatchString(text) && !originDemandRE.MatchString(text) {
			continue // "etnisk mangfoldighed", "forskellige etniske baggrunde"
		}
		hits = append(hits, hit{strings.Index(text, w), w})
	}
	at := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		i := strings.Index(lower[at:], strings.ToLower(w)) + at
		at = i + len(w)
		if genderedTitle(strings.ToLower(w)) {
			hits = append(hits, hit{i, w})
		}
	}
	hits = append(hits, demandsIn(text)...)
	for _, m := range ageBareRE.FindAllStringSubmatchIndex(text, -1) {
		if !ageOfOthers(text[:m[0]], submatch(text, m, 1), text[m[2]:m[5]]) {
			hits = append(hits, hit{m[2], strings.Join(strings.Fields(text[m[2]:m[5]]), " ")})
		}
	}
	for _, re := range []*regexp.Regexp{originRE, ageRE, youngRE} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if re == ageRE && ageOfOthers(text[:m[0]], submatch(text, m, 1), text[m[0]:m[1]]) {
				continue
			}
			found := strings.TrimFunc(text[m[0]:m[1]], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			hits = append(hits, hit{m[0] + strings.Index(text[m[0]:m[1]], found), strings.Join(strings.Fields(found), " ")})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, h.what) }) {
			out = append(out, h.what)
		}
	}
	return out
}

// hit is a thing DiscriminationIn found and where in the text.
type hit struct {
	at   int
	what string
}

// The words of what the discrimination laws protect beyond gender, age
// and origin, shared by the vacancy's check here and the check of a
// consultant's assessment (app/screening), which refuses them whatever
// the sentence. Lower case; Danish and English.
const (
	// ReligionWords say a person's religion or belief.
	ReligionWords = "religiøs muslim muslimsk kristen jøde jødisk hindu buddhist ateist troende religious christian jewish"
	// PregnancyWords say a pregnancy.
	PregnancyWords = "gravid graviditet pregnant pregnancy"
	// HealthWords say a person's health: an illness, a diagnosis, a
	// disability.
	HealthWords = "syg sygdom sygdommen sygdomsforløb sygemeldt sygemelding sygefravær sygeorlov langtidssygemeldt stressramt stresssygemeldt stresset " +
		"diagnose diagnosen diagnoser diagnosticeret depressiv deprimeret kræft gigt diabetes sklerose ptsd adhd autist " +
		"handicappet alkoholiker alkoholproblemer medicineret ondt smerter rygproblemer rygskade ryg ryggen ordblind ordblindhed " +
		"sick illness diagnosis diagnosed anxiety disabled cancer dyslexic dyslexia medication"
)

var (
	religionSet  = wordSet(ReligionWords)
	pregnancySet = wordSet(PregnancyWords)
	// healthSet adds the words that are also the people a job is with
	// ("borgere med handicap"): after "med", "for", "til" or "af" they
	// are those people, not a demand.
	healthSet = wordSet(HealthWords + " handicap handicaps sygdomme funktionsnedsættelse funktionsnedsættelser kronisk disability disabilities")
	// genderNouns name a gender only in a demand ("skal være en mand";
	// "vi er 20 mand", "manden bag virksomheden" are not):
	// personalWords' false ones.
	genderNouns = wordSet("mand mænd kvinde kvinder dame damer fyr fyre woman women men guy")
	maleNouns   = wordSet("mand mænd fyr fyre men guy")
	// demandWords make what follows them a requirement: "skal være", "må
	// ikke være", "kun", "søger en".
	demandWords = wordSet("skal må bør kun søger must should only seeking")
	negations   = wordSet("ikke uden ingen aldrig not without no never")
	peopleWith  = wordSet("med for til af with of")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// demandsIn finds what a text demands of a gender ("skal være en mand"),
// a pregnancy ("må ikke være gravid"), a religion ("skal være kristen")
// and health ("er uden handicap", "skal være rask"): such a word within
// four words after a demand ("skal", "må", "kun", "søger", "du er") in
// the same sentence; health only as a demand for none ("uden", "ikke")
// or for being "rask". A text that names both genders ("en mand eller en
// kvinde") asks for either in that sentence. What is found runs from the demand to the
// word. Work with people ("borgere med handicap", "vi har mange kvinder
// og mænd ansat"), a workplace ("handicapvenlig") and "fleksjob" pass.
func demandsIn(text string) []hit {
	type tok struct {
		lw         string
		start, end int
	}
	var hits []hit
	for _, sentence := range sentenceRE.FindAllStringIndex(text, -1) {
		male, female := false, false
		var gender []hit
		var toks []tok
		s := text[sentence[0]:sentence[1]]
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				i += n
				continue
			}
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			toks = append(toks, tok{strings.ToLower(s[i:j]), sentence[0] + i, sentence[0] + j})
			i = j
		}
		for i, t := range toks {
			if genderNouns[t.lw] && !maleNouns[t.lw] {
				female = true
			} else if genderNouns[t.lw] {
				male = true
			}
			cue := -1
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if demandWords[toks[k].lw] || toks[k].lw == "er" && k > 0 && (toks[k-1].lw == "du" || toks[k-1].lw == "ansøgeren") || toks[k].lw == "are" && k > 0 && toks[k-1].lw == "you" {
					cue = k
					break
				}
			}
			if cue < 0 {
				continue
			}
			found := hit{toks[cue].start, strings.Join(strings.Fields(text[toks[cue].start:t.end]), " ")}
			negated := false
			for k := cue; k < i; k++ {
				negated = negated || negations[toks[k].lw]
			}
			switch {
			case genderNouns[t.lw]:
				if i+1 < len(toks) && toks[i+1].lw == "for" {
					continue // "være mand for": be up to it
				}
				gender = append(gender, found)
			case religionSet[t.lw] || pregnancySet[t.lw]:
				hits = append(hits, found)
			case t.lw == "rask" || t.lw == "raske" || healthSet[t.lw] && negated && !peopleWith[toks[i-1].lw]:
				hits = append(hits, found)
			}
		}
		if !(male && female) {
			hits = append(hits, gender...)
		}
	}
	return hits
}

// sentenceRE is a sentence or a clause of a list: up to a full stop, a
// question or exclamation mark, a semicolon or a line's end.
var sentenceRE = regexp.MustCompile(`[^.!?;\n]+`)

// submatch is group i of a match's indexes m in text, "" when it took
// no part.
func submatch(text string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

// genderedTitle reports whether w (lower case) is a job title that names
// one gender: a compound on -dame, -pige, -dreng, -jomfru ("kassedame",
// "barpige", "opvaskerdreng", "smørrebrødsjomfru") or a female form of a
// title ("servitrice", "ekspeditrice", "lærerinde"). "-mand" is not among
// them: "flyttemand", "håndværksmand", "formand" are titles for anyone,
// as are "sygeplejerske" and "syerske".
func genderedTitle(w string) bool {
	if femaleTitles[w] || femaleTitles[strings.TrimSuffix(w, "r")] || femaleTitles[strings.TrimSuffix(w, "er")] {
		return true
	}
	for _, suf := range []string{"dame", "damer", "pige", "piger", "dreng", "drenge", "jomfru", "jomfruer"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len([]rune(stem)) >= 3 && !notGenderedCompounds[w] {
			return true
		}
	}
	return false
}

// femaleTitles are female forms of job titles whose common form is
// everyone's (servitrice: tjener; lærerinde: lærer).
var femaleTitles = map[string]bool{
	"servitrice": true, "ekspeditrice": true, "direktrice": true, "lærerinde": true, "sekretærinde": true,
	"værtinde": true, "tjenerinde": true, "forstanderinde": true, "frisørinde": true, "husholderske": true,
	"kokkepige": true, "stuepige": true, "barnepige": true, "waitress": true, "barmaid": true, "saleswoman": true,
}

// notGenderedCompounds end like a gendered title and are none.
var notGenderedCompounds = map[string]bool{"madame": true}

var (
	// regardlessRE is a clause that says who may apply whatever their
	// gender, age or origin: "uanset køn, alder og etnisk baggrund", up
	// to the sentence's end.
	regardlessRE = regexp.MustCompile(`(?i)(uanset|uagtet|regardless of|irrespective of)[^.!?\n]*`)
	// diverseRE is origin said of the workplace's diversity.
	diverseRE      = regexp.MustCompile(`(?i)etniske?\s+mangfold|(forskellige|mange)\s+etniske`)
	originDemandRE = regexp.MustCompile(`(?i)etniske?\s+dansk`)
	// originRE is an origin as a demand: "dansk af oprindelse", "af
	// dansk herkomst", "danskfødt", "født i Danmark", "indfødt dansker".
	originRE = regexp.MustCompile(`(?i)\p{L}+ske?\s+af\s+(oprindelse|herkomst|afstamning|fødsel)|\baf\s+\p{L}+ske?\s+(oprindelse|herkomst|afstamning)|\b(dansk|nordisk|vestlig|europæisk)e?\s+(oprindelse|herkomst|afstamning)|danskfødt\p{L}*|født\s+(og\s+opvokset\s+)?i\s+danmark|\bindfødt\p{L}*|\bof\s+danish\s+(origin|descent)|\bdanish[- ]born|\bnative\s+danes?\b`)
	// ageRE is a most age or an age range: "max 25 år", "maks. 30 år",
	// "højst 40 år", "under 30 år", "ikke over 40 år", "mellem 20 og 35
	// år", "20-35 år", "20-30-årig", "i alderen 20", "aged 20 to 35",
	// "under 30 years". Group 1 is the word before the age, to tell "unge
	// under 25 år" and "ikke under 18 år" (ageOfOthers).
	ageRE = regexp.MustCompile(`(?i)(max\.?|maks\.?|maksimalt|maximalt|højst|under|over|ikke\s+ældre\s+end|mellem|i\s+alderen|alder(?:en)?:?|aged|no\s+older\s+than|maximum|younger\s+than)?\s*\b(1[5-9]|[2-9]\d)\s*(?:(?:-|–|og|til|to|and)\s*(?:1[5-9]|[2-9]\d)\s*)?(?:[-–]\s*årige?|år\b|år(?:[^\p{L}]|$)|years?\s+old|years?\b)`)
	// ageBareRE is a most age without "år": "nyuddannet og under 30",
	// "max 35.", the number ending the clause (a unit after it, "under
	// 25 kg", "max 30 minutter", is no age). Group 1 is the word before
	// it, group 2 the age.
	ageBareRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(max\.?|maks\.?|maksimalt|højst|under|ikke\s+over|ikke\s+ældre\s+end|yngre\s+end|younger\s+than|no\s+older\s+than)\s*(1[5-9]|[2-9]\d)(?:\s*[.,;:!?)](?:[^\p{N}]|$)|\s+(?:og|eller|or|and)\b|\s*$)`)
	// youngRE is youth as a demand: "ung og frisk", "ung, energisk",
	// "yngre medarbejder", "ung kollega", "young and dynamic".
	youngRE = regexp.MustCompile(`(?i)(^|[^\p{L}])(ung|unge|yngre)\s*(og|,)\s*(frisk|energisk|dynamisk|sprudlende|livlig|smilende|frejdig|kvik)\p{L}*|(^|[^\p{L}])(ung|unge|yngre)\s+(medarbejder|kollega|kolleger|kollegaer|kandidat|ansøger|person|profil|pige|fyr|mand|kvinde|kræfter)\p{L}*|\byoung\s+(and|,)\s*(dynamic|energetic|fresh)|\byounger\s+(colleague|candidate|person)`)
)

// ageOfOthers reports whether an age ageRE found is no demand: a least
// age ("over 18 år", "ikke under 18 år"), one age with no word saying
// most or range ("25 år" of a company's history, "min. 18 år"), or the
// age of the people the work is with ("unge under 25 år"). before is the
// text before the match, word its first group (the word before the age).
func ageOfOthers(before, word, match string) bool {
	q := strings.ToLower(strings.Join(strings.Fields(word), " "))
	prev := strings.Fields(strings.ToLower(before))
	last := func(n int) string {
		if len(prev) < n {
			return ""
		}
		return strings.Trim(prev[len(prev)-n], ".,:;()")
	}
	switch {
	case othersAges[last(1)]:
		return true
	case q == "over":
		return true
	case q == "under" && (last(1) == "ikke" || last(2) == "ikke" && last(1) == "være"):
		return true // a least age: "må ikke være under 18 år"
	case q == "":
		return len(ageNumberRE.FindAllString(match, -1)) < 2 // a range says an age: "20-35 år"
	}
	return false
}

var ageNumberRE = regexp.MustCompile(`\d+`)

// othersAges are the people an age after them belongs to, not the one the
// job is for: "unge under 25 år", "børn mellem 3 og 6 år".
var othersAges = map[string]bool{
	"unge": true, "børn": true, "elever": true, "borgere": true, "ledige": true, "kunder": true, "brugere": true,
	"personer": true, "patienter": true, "beboere": true, "mennesker": true, "målgruppen": true, "drenge": true,
	"piger": true, "ældre": true, "pensionister": true, "young": true, "children": true, "people": true,
}
