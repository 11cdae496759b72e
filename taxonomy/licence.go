package taxonomy

import (
	"strings"
)

// trailerLicences are the driving licence categories with a trailer (E)
// by the category they add it to: "C" and "E" are the CE.
var trailerLicences = map[string]string{"B": "BE", "C": "CE", "C1": "C1E", "D": "DE", "D1": "D1E"}

// LicenceSpellings writes a licence with a trailer as the category it is,
// in text as a consultant types it: "C/E", "C+E", "C + E", "C og E",
// "c/e-kørekort", "D/E" and the letters turned about ("EC", "ED") are the
// CE and the DE, as "CE" and "CE-kørekort" are. Split at the slash or the
// plus, "c" and "e" were two words, and "e" found the bookkeepers who know
// e-conomic. Other text is returned as it is.
func LicenceSpellings(text string) string {
	if !strings.ContainsAny(text, "eE") {
		return text
	}
	words := strings.Fields(text)
	changed := false
	for i := 0; i < len(words); i++ {
		w := words[i]
		// "C/E", "C+E", "c/e-kørekort", "EC", "C/E,"
		bare := strings.TrimRight(w, ",.;:!?")
		head, tail, _ := strings.Cut(bare, "-")
		if cat, ok := trailerLicence(head); ok && (tail == "" || licenceWord(tail)) {
			words[i] = cat
			if tail != "" {
				words[i] += "-" + tail
			}
			words[i] += w[len(bare):]
			changed = true
			continue
		}
		// "C og E", "C + E", "C & E", "C / E"
		if i+2 < len(words) && isJoin(words[i+1]) {
			cat, ok := trailerLicences[strings.ToUpper(w)]
			last, rest, _ := strings.Cut(words[i+2], "-")
			if ok && strings.EqualFold(last, "e") && (rest == "" || licenceWord(rest)) {
				if rest != "" {
					cat += "-" + rest
				}
				words = append(words[:i], append([]string{cat}, words[i+3:]...)...)
				changed = true
			}
		}
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}

// trailerLicence reads one word as a licence with a trailer written apart
// ("C/E", "C+E") or turned about ("EC"), not one written as it is ("CE").
func trailerLicence(w string) (string, bool) {
	u := strings.ToUpper(w)
	for _, sep := range []string{"/", "+", "&"} {
		if cat, e, ok := strings.Cut(u, sep); ok && e == "E" {
			full, ok := trailerLicences[cat]
			return full, ok
		}
	}
	if cat, ok := strings.CutPrefix(u, "E"); ok {
		full, ok := trailerLicences[cat]
		return full, ok && cat != "B" // "eb" is no licence anyone writes so
	}
	return "", false
}

// isJoin reports whether w joins two licence categories: "og", "+", "&",
// "/", "and".
func isJoin(w string) bool {
	switch strings.ToLower(w) {
	case "og", "+", "&", "/", "and":
		return true
	}
	return false
}

// licenceWord reports whether w is the word for a driving licence, after
// a category and a hyphen ("C/E-kørekort"): not "e-learning".
func licenceWord(w string) bool {
	switch strings.ToLower(w) {
	case "kørekort", "koerekort", "korekort":
		return true
	}
	return false
}
