package companyindex

import (
	"jobmatch"
	"strings"
	"unicode"
)

// legalForms holds the legal-form designations, compacted: lower case,
// without "/" and ".".
var legalForms = map[string]bool{
	"as": true, "aps": true, "is": true, "ivs": true, "ps": true, "ks": true,
	"amba": true, "fmba": true, "smba": true,
}

// bareForms are the legal forms recognised without punctuation. The others
// ("as", "is", "ps", "ks") need their slash or dots: "Is" is also a word.
var bareForms = map[string]bool{
	"aps": true, "ivs": true, "amba": true, "fmba": true, "smba": true,
}

// isLegalPrefix reports whether c is a non-empty prefix of a legal form.
func isLegalPrefix(c string) bool {
	if c == "" {
		return false
	}
	for f := range legalForms {
		if strings.HasPrefix(f, c) {
			return true
		}
	}
	return false
}

// words splits s into raw words: runs of letters, digits, apostrophes,
// slashes and dots. Slashes and dots are kept so that legal forms such as
// "A/S" and "a.m.b.a." can be recognised before tokenisation.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '.' && !isApostrophe(r)
	})
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// compact returns w lower-cased with only its letters and digits, and
// whether w had a slash or a dot.
func compact(w string) (c string, punct bool) {
	var b strings.Builder
	for _, r := range w {
		switch {
		case r == '/' || r == '.':
			punct = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String(), punct
}

// maxFormLen is the length of the longest legal form spelling, "f.m.b.a.".
const maxFormLen = 8

// isLegalForm reports whether the raw word w is a legal-form designation.
func isLegalForm(w string) bool {
	if len(w) > maxFormLen {
		return false
	}
	c, punct := compact(w)
	return legalForms[c] && (punct || bareForms[c])
}

// nameTokens returns the normalised tokens of a company name, legal forms
// left out.
func nameTokens(name string) []string {
	var toks []string
	for _, w := range words(name) {
		if isLegalForm(w) {
			continue
		}
		toks = appendTokens(toks, w)
	}
	return toks
}

// appendTokens folds the raw word w (see the package comment) and appends
// its tokens to toks; slashes and dots inside w separate tokens.
func appendTokens(toks []string, w string) []string {
	buf := make([]byte, 0, len(w)+4)
	flush := func() {
		if len(buf) > 0 {
			toks = append(toks, collapse(buf))
			buf = buf[:0]
		}
	}
	for _, r := range w {
		if isApostrophe(r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune(r); ok {
			buf = append(buf, f...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = appendRune(buf, r)
			continue
		}
		flush()
	}
	flush()
	return toks
}

func appendRune(b []byte, r rune) []byte {
	if r < 0x80 {
		return append(b, byte(r))
	}
	return append(b, string(r)...)
}

// foldRune maps a lower-case letter with a Danish or foreign diacritic to
// its ASCII spelling.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'æ', 'ä':
		return "ae", true
	case 'ø', 'ö', 'œ':
		return "o", true
	case 'å':
		return "a", true
	case 'á', 'à', 'â', 'ã':
		return "a", true
	case 'é', 'è', 'ê', 'ë':
		return "e", true
	case 'í', 'ì', 'î', 'ï':
		return "i", true
	case 'ó', 'ò', 'ô', 'õ':
		return "o", true
	case 'ú', 'ù', 'û', 'ü':
		return "u", true
	case 'ý', 'ÿ':
		return "y", true
	case 'ñ':
		return "n", true
	case 'ç':
		return "c", true
	case 'ð':
		return "d", true
	case 'ß':
		return "ss", true
	}
	return "", false
}

// collapse rewrites the digraphs "aa" → "a" and "oe" → "o", left to right,
// so that "aarhus" (from Aarhus) meets "arhus" (from Århus).
func collapse(b []byte) string {
	out := b[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i+1 < len(b) && (c == 'a' && b[i+1] == 'a' || c == 'o' && b[i+1] == 'e') {
			i++
		}
		out = append(out, c)
	}
	return string(out)
}

// Normalize returns the normalised tokens of a company name as the index
// sees them, legal forms left out, joined by single spaces. It is exported
// for callers that want to compare names the same way.
func Normalize(name string) string {
	return strings.Join(nameTokens(name), " ")
}

// queryToken is one token of a name query.
type queryToken struct {
	text string
	// optional tokens (bare or half-typed legal forms) raise the score of
	// names they match but are not required.
	optional bool
}

// parseQuery splits a name query into tokens. Legal forms are dropped;
// words that are or begin a legal form are optional, unless the query has
// no other tokens.
func parseQuery(q string) []queryToken {
	var toks []queryToken
	required := 0
	for _, w := range words(q) {
		if isLegalForm(w) {
			continue
		}
		c, _ := compact(w)
		optional := isLegalPrefix(c)
		for _, t := range appendTokens(nil, w) {
			toks = append(toks, queryToken{text: t, optional: optional})
			if !optional {
				required++
			}
		}
	}
	if required == 0 {
		for i := range toks {
			toks[i].optional = false
		}
	}
	return toks
}

// cvrQuery reports whether q is a CVR query — digits, grouped by spaces,
// dashes or full stops, after "DK", "CVR" or "CVR-nr." as people write a
// CVR (jobmatch.NormalizeCVR) — and returns its digits.
func cvrQuery(q string) (string, bool) {
	digits := jobmatch.NormalizeCVR(strings.ReplaceAll(q, "\t", " "))
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return "", false
	}
	return digits, true
}

// normalizeCVR trims a CVR and removes the spaces in it.
func normalizeCVR(cvr string) string {
	if !strings.ContainsAny(cvr, " \t") {
		return cvr
	}
	return strings.Join(strings.Fields(cvr), "")
}
