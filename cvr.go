package jobmatch

import (
	"strings"
	"unicode"
)

// CVR numbers are the Danish business register's 8-digit company numbers.
// The check is the modulus-11 rule with weights 2,7,6,5,4,3,2,1: the weighted
// digit sum is divisible by 11 (Erhvervsstyrelsen).

var cvrWeights = [8]int{2, 7, 6, 5, 4, 3, 2, 1}

// SameCompanyName reports whether a sender's name for a company can be the
// name stored for it: the same letters without case, punctuation, spaces
// and the company form (A/S, ApS, I/S, IVS, K/S, P/S, a.m.b.a.), æ/ø/å
// or their spellings alike, "&" as "og", or one within the other
// ("Bageriet Hvede" for "Bageriet Hvede ApS", "Hvede" for it).
func SameCompanyName(a, b string) bool {
	na, nb := companyNameKey(a), companyNameKey(b)
	if na == "" || nb == "" {
		return true // nothing to compare
	}
	return strings.Contains(na, nb) || strings.Contains(nb, na)
}

func companyNameKey(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("&", " og ", "æ", "a", "ø", "o", "å", "a", "é", "e", "ü", "u", "ö", "o", "ä", "a").Replace(s)
	s = strings.NewReplacer("ae", "a", "oe", "o", "aa", "a").Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '.' })
	var b strings.Builder
	for _, w := range words {
		w = strings.Trim(w, "./")
		switch strings.ReplaceAll(strings.ReplaceAll(w, ".", ""), "/", "") {
		case "as", "aps", "is", "ivs", "ks", "ps", "amba", "fmba", "smba", "holding", "":
			continue
		}
		b.WriteString(strings.NewReplacer(".", "", "/", "").Replace(w))
	}
	return b.String()
}

// NormalizeCVR strips spaces, dashes and full stops between the digits, a
// leading "CVR", "CVR-nr." or "cvr:" as people write it before the number,
// and an optional "DK" prefix.
func NormalizeCVR(s string) string {
	orig, t := s, strings.TrimSpace(s)
	for _, p := range []string{"cvr-nr.", "cvr-nr", "cvr nr.", "cvr nr", "cvrnr.", "cvrnr", "cvr.", "cvr"} {
		if len(t) > len(p) && strings.EqualFold(t[:len(p)], p) {
			s = strings.TrimLeft(t[len(p):], " :")
			break
		}
	}
	out := make([]byte, 0, 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			out = append(out, c)
		case c == ' ' || c == '-' || c == '.':
		case (c == 'D' || c == 'd') && i+1 < len(s) && (s[i+1] == 'K' || s[i+1] == 'k') && len(out) == 0:
			i++
		default:
			return orig // leave anything else for ValidCVR to reject
		}
	}
	return string(out)
}

// ValidCVR reports whether s is 8 digits, not starting with 0, passing modulus 11.
func ValidCVR(s string) bool {
	if len(s) != 8 || s[0] == '0' {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * cvrWeights[i]
	}
	return sum%11 == 0
}

// CVRCheckDigit returns the last digit that makes the 7-digit prefix a valid
// CVR, or -1 when none exists. Used by demo data and tests.
func CVRCheckDigit(prefix string) int {
	if len(prefix) != 7 {
		return -1
	}
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(prefix[i]-'0') * cvrWeights[i]
	}
	d := (11 - sum%11) % 11
	if d == 10 {
		return -1
	}
	return d
}
