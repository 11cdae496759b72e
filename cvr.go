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
// name stored for it: they share a word that names it, as people write
// names ("Tømrerfirma Andersen" for "Tømrerfirmaet Andersen ApS", "Padborg
// Hotel" for "Hotel Padborg ApS", "Kbm. Rasmussen" for "Købmand
// Rasmussen"): without case, æ/ø/å or their spellings, the company form
// (A/S, ApS, I/S, …), definite and genitive endings, and words that name
// no company alone (hotel, service, vvs). Lenient on purpose: a warning
// for the company's own people is worse than none for a stranger who
// shares its name's word.
func SameCompanyName(a, b string) bool {
	wa, wb := companyWords(a), companyWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true // nothing to compare
	}
	for w := range wa {
		if wb[w] {
			return true
		}
	}
	return false
}

// companyWords are the words of a company's name that name it, each
// folded and without its definite or genitive ending.
func companyWords(s string) map[string]bool {
	s = strings.ToLower(s)
	s = strings.NewReplacer("æ", "a", "ø", "o", "å", "a", "é", "e", "ü", "u", "ö", "o", "ä", "a").Replace(s)
	s = strings.NewReplacer("ae", "a", "oe", "o", "aa", "a").Replace(s)
	// "A/S", "I.S", "a.m.b.a." as one word before splitting.
	s = strings.NewReplacer("/", "", ".", "").Replace(s)
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if companyNoName[w] {
			continue
		}
		for _, end := range []string{"ens", "ets", "en", "et", "s", "e"} {
			if len(w) > len(end)+3 && strings.HasSuffix(w, end) {
				w = strings.TrimSuffix(w, end)
				break
			}
		}
		if len(w) >= 3 && !companyNoName[w] {
			out[w] = true
		}
	}
	return out
}

// companyNoName are the words of company names that name no company
// alone: the forms, small words, and trades every town has.
var companyNoName = map[string]bool{
	"as": true, "aps": true, "is": true, "ivs": true, "ks": true, "ps": true, "amba": true, "fmba": true, "smba": true,
	"holding": true, "og": true, "i": true, "af": true, "den": true, "det": true, "de": true, "hos": true, "the": true, "and": true,
	"firma": true, "firmaet": true, "service": true, "hotel": true, "hotellet": true, "auto": true, "vvs": true, "el": true,
	"son": true, "sonner": true, "co": true, "company": true, "danmark": true, "dk": true, "int": true,
	"kbm": true, "kobmand": true, "tmr": true, "tomrer": true, "tomrerm": true, "tomrermester": true, "tomrerfirma": true,
	"murer": true, "mester": true, "maler": true, "bager": true, "bageri": true, "vognmand": true, "transport": true,
	"privat": true, "private": true, "plejecent": true, "plejecenter": true, "plejehjem": true, "friplejehjem": true, "bornehav": true, "bornehave": true,
	"maskinfabrik": true, "maskinfabrikk": true, "strandhotel": true,
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
