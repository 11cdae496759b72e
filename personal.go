package jobmatch

import (
	"slices"
	"strings"
	"unicode"
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
