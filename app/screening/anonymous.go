package screening

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		out := b.String()
		if lastEnd >= 0 && strings.TrimSpace(out[lastEnd:]) == "" {
			// "Pia Petersen": the second word of the name joins the first.
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

// sentenceStart reports whether what follows s begins a sentence.
func sentenceStart(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '\n'
}
