package screening

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/taxonomy"
)

// anonymised is a text about a citizen as an employer may read it on a
// profile without the name: a consultant's assessment ("Ring til Ib på
// 22 99 44 55, han bor på Strandvejen 12") said the name, the phone number,
// the e-mail address, where the person lives and, by "han" or "hun", the
// gender, which the consent page promises the employer never sees. With
// named, the citizen said yes to their name: only the name stays.
func anonymised(text string, c *jobmatch.Candidate, places *taxonomy.Places, named bool) string {
	if text == "" {
		return text
	}
	if !named {
		text = withoutName(text, c.Name)
	}
	text = withoutContact(text, places)
	return withoutGender(text)
}

var (
	// An e-mail address.
	mailRE = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`)
	// A Danish phone number as people write it: eight digits together,
	// in pairs or in fours, with +45 or 0045 before them or not.
	phoneRE = regexp.MustCompile(`(?:(?:\+|00)45[ .-]?)?\b(?:\d{8}|\d{2}[ .-]\d{2}[ .-]\d{2}[ .-]\d{2}|\d{4}[ -]\d{4})\b`)
	// Two years ("2010-2018", "1998 2004") are no phone number.
	yearsRE = regexp.MustCompile(`^(19|20)\d\d[ -](19|20)\d\d$`)
	// A street and its number ("Strandvejen 12", "Nørregade 4B, 2. tv."),
	// with the postal code and town after it.
	streetRE = regexp.MustCompile(`\b[\p{Lu}][\p{L}]*(?:vej|vejen|gade|gaden|allé|alle|allée|vænge|vænget|stræde|strædet|plads|boulevard|torv|torvet|have|haven|park|parken|bakke|bakken|toft|toften|sti|stien|kvarter|kvarteret|løkke|løkken|hegn|hegnet|mark|marken|høj|højen|vang|vangen|tofte|huse|husene)\s+\d{1,4}\s?[A-Za-z]?\b(?:,?\s*\d{1,2}\.?\s*(?:th|tv|mf|sal)\.?)?(?:,?\s*\d{4}(?:\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)?)?`)
	// A postal code and its town ("6400 Sønderborg").
	postalRE = regexp.MustCompile(`\b(\d{4})\s+([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)`)
)

// withoutContact takes the ways to reach or find the person out of a
// text: e-mail addresses, phone numbers, street addresses, and a postal
// code with its town's name (a year before a capital is no postal code:
// the town must be the code's).
func withoutContact(text string, places *taxonomy.Places) string {
	text = mailRE.ReplaceAllString(text, "(e-mail fjernet)")
	text = phoneRE.ReplaceAllStringFunc(text, func(m string) string {
		if yearsRE.MatchString(m) {
			return m
		}
		return "(telefonnummer fjernet)"
	})
	text = streetRE.ReplaceAllString(text, "(adresse fjernet)")
	if places != nil {
		text = postalRE.ReplaceAllStringFunc(text, func(m string) string {
			sub := postalRE.FindStringSubmatch(m)
			town := strings.ToLower(places.Name(sub[1]))
			if town != "" && strings.HasPrefix(strings.ToLower(sub[2]), strings.Fields(town)[0]) {
				return "(adresse fjernet)"
			}
			return m
		})
	}
	return text
}

// withoutGender says "vedkommende" for the Danish personal pronouns that
// tell a man from a woman: han, hun, ham, hende; hans and hendes are
// "vedkommendes". "Hans" with a capital mid-sentence is a name, kept.
func withoutGender(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := text[i:j]
		lower := strings.ToLower(w)
		capital := unicode.IsUpper(r)
		repl := ""
		switch lower {
		case "han", "hun", "ham", "hende":
			repl = "vedkommende"
		case "hans", "hendes":
			repl = "vedkommendes"
		}
		if repl != "" && capital && !sentenceStart(b.String()) {
			repl = "" // a name ("Hans") or a title, not the pronoun
		}
		if repl != "" && w == strings.ToUpper(w) && len(w) > 1 {
			repl = "" // an abbreviation
		}
		switch {
		case repl == "":
			b.WriteString(w)
		case capital:
			b.WriteString("V" + repl[1:])
		default:
			b.WriteString(repl)
		}
		i = j
	}
	return b.String()
}

// withoutName says "kandidaten" where a text written about a citizen names
// them: a consultant's assessment ("Pia har 11 års erfaring …") shown on
// an anonymous profile named the person the profile hides. Each word of
// the name written with a capital, alone or with a genitive s ("Pias"), is
// replaced (in lower case many names are words: hans, per, smed);
// the name's words written together ("Pia Petersen") become one
// "kandidaten", capitalised at the start of a sentence.
func withoutName(text, name string) string {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 2 {
			words[strings.ToLower(w)] = true
		}
	}
	if len(words) == 0 || text == "" {
		return text
	}
	var b strings.Builder
	lastEnd := -1 // where the last replacement ended in b, to join "Pia Petersen"
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := strings.ToLower(text[i:j])
		if !unicode.IsUpper(r) {
			// A name is written with a capital; "hans", "smed", "per"
			// in lower case are words ("hans erfaring", "uddannet smed").
			w = ""
		}
		genitive := false
		if !words[w] && strings.HasSuffix(w, "s") && words[strings.TrimSuffix(w, "s")] {
			genitive = true
		} else if !words[w] {
			b.WriteString(text[i:j])
			i = j
			continue
		}
		if rest := text[j:]; (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")) && strings.ContainsAny(w[len(w)-1:], "sxz") {
			// "Zacharias' erfaring": the genitive of a name in s.
			_, n := utf8.DecodeRuneInString(rest)
			genitive, j = true, j+n
		}
		out := b.String()
		if loc := namePrefixRE.FindStringSubmatchIndex(out); loc != nil {
			// "O'Brien", "Hr. Holm": the prefix or title goes with the
			// name.
			out = out[:loc[2]] + out[loc[3]:]
			b.Reset()
			b.WriteString(out)
			if lastEnd > len(out) {
				lastEnd = -1
			}
		}
		if lastEnd >= 0 && strings.Trim(out[lastEnd:], " -‐") == "" {
			// "Pia Petersen", "Anne-Mette": the next word of the name
			// joins the first.
			b.Reset()
			b.WriteString(out[:lastEnd])
			if genitive && !strings.HasSuffix(out[:lastEnd], "s") {
				b.WriteString("s")
			}
		} else {
			repl := "kandidaten"
			if genitive {
				repl = "kandidatens"
			}
			if sentenceStart(out) {
				repl = "K" + repl[1:]
			}
			b.WriteString(repl)
		}
		lastEnd = b.Len()
		i = j
	}
	return b.String()
}

// namePrefixRE is a title or a name's prefix just before a name: "Hr. ",
// "fru ", "O'".
var namePrefixRE = regexp.MustCompile(`(?:^|[^\p{L}])((?:[Hh]r|[Ff]ru|[Ff]rk)\.?\s+|\p{Lu}['’])$`)

// sentenceStart reports whether what follows s begins a sentence.
func sentenceStart(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '\n'
}
