package jobmatch

import (
	"regexp"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The service must never store a CPR number (the Danish personal id number,
// DDMMYY-SSSS). Free text is checked for anything shaped like one with a
// plausible date; the modulus-11 check is not used because CPR numbers issued
// since 2007 need not pass it.
//
// The text is Unicode-normalised first (NFKC: full-width and other
// compatibility digits become 0–9, and so do the digits of other scripts),
// invisible format characters (soft
// hyphen, zero-width space, word joiner) are dropped, every kind of space
// becomes ' ' and every kind of dash or minus (hyphen, non-breaking hyphen,
// en and em dash, minus sign…) becomes '-', as does a full stop or slash
// between digits. Then two shapes count:
//
//   - DDMMYY and NNNN with at most one separator between them, bounded by
//     non-digits ("010190-1234", "0101901234", "ring 010190 1234 nu");
//   - a run of digit groups joined by spaces and dashes with exactly ten
//     digits, split only after the day, the month, the year or the second
//     pair of the serial ("01 01 90-1234", "0101 90 1234", "010190 - 1234").
//
// Both need a valid day (01–31) and month (01–12). Phone numbers (8 digits,
// "+45 12 34 56 78" starts with "45"), CVR numbers (8), dates and amounts
// split at odd places ("31 050-32 100") do not match.
var cprPattern = regexp.MustCompile(`(?:^|[^0-9])([0-3][0-9])([01][0-9])([0-9]{2})[- ]?([0-9]{4})(?:[^0-9]|$)`)

// ContainsCPR reports whether s contains a CPR-like number.
func ContainsCPR(s string) bool {
	if !maybeCPR(s) {
		return false
	}
	n := normalizeForCPR(s)
	for _, m := range cprPattern.FindAllStringSubmatchIndex(n, -1) {
		if validDayMonth(n[m[2]:m[3]], n[m[4]:m[5]]) {
			return true
		}
	}
	return cprRun(n)
}

// maybeCPR is the fast path: text that holds fewer than ten digits once
// normalised cannot hold one. Each character's digits under NFKC are
// counted without normalising the text (Danish letters and typographic
// punctuation hold none), so most text never reaches the slow path.
func maybeCPR(s string) bool { return normalisedDigits(s) >= 10 }

// normalisedDigits counts the ASCII digits of NFKC(s) without normalising s.
func normalisedDigits(s string) int {
	digits := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= '0' && c <= '9' {
				digits++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if d := nfkcDigits(r); d > 0 {
			digits += d
		} else if unicode.IsDigit(r) {
			digits++ // a digit of another script: ٣, ३, ๓
		}
		i += size
	}
	return digits
}

// nfkcDigits returns how many ASCII digits NFKC makes of r: the digits of
// its compatibility decomposition ("²" 1, "⑳" 2, "㍘" 1), a table lookup.
// A text's NFKC holds no more digits than its characters' together:
// composition joins marks to letters and never makes a digit.
func nfkcDigits(r rune) int {
	var buf [utf8.UTFMax]byte
	return asciiDigits(norm.NFKC.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition())
}

func asciiDigits[T string | []byte](s T) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// normalizeForCPR applies NFKC and folds separators: format characters
// vanish, the digits of every script become 0–9 (Arabic-Indic "٠١٠١٩٠"),
// spaces become ' ', dashes and minus signs '-', and a full stop or slash
// between two digits '-' ("01.01.90-1234", "010190/1234").
func normalizeForCPR(s string) string {
	s = norm.NFKC.String(s)
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case unicode.IsDigit(r):
			out = append(out, digitOf(r))
		case unicode.Is(unicode.Cf, r):
			// soft hyphen, zero-width space, word joiner: invisible
		case unicode.IsSpace(r):
			out = append(out, ' ')
		case unicode.Is(unicode.Pd, r), r == '\u2212', r == '\u2043', r == '\uFE63', r == '\uFF0D':
			out = append(out, '-')
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	for i := 1; i+1 < len(out); i++ {
		if (out[i] == '.' || out[i] == '/') && isDigit(out[i-1]) && isDigit(out[i+1]) {
			out[i] = '-'
		}
	}
	return string(out)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitOf is the ASCII digit of a decimal digit of any script: Unicode
// puts each script's digits zero to nine in a row, so the value is the
// distance from the first digit of the row (rows next to each other, as
// the mathematical digits, count in tens).
func digitOf(r rune) byte {
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	return byte('0' + (r-z)%10)
}

// cprRun finds a run of digit groups joined by spaces and dashes (at most
// three separator characters between groups) with exactly ten digits,
// grouped like a CPR number, and a valid day and month.
func cprRun(s string) bool {
	var digits [10]byte
	n, seps, bad := 0, 0, false // digits in the run, separators since the last digit, run disqualified
	splitOK := func(at int) bool { return at == 2 || at == 4 || at == 6 || at == 8 }
	end := func() bool {
		found := !bad && n == 10 && validDayMonth(string(digits[0:2]), string(digits[2:4]))
		n, seps, bad = 0, 0, false
		return found
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if seps > 0 && n > 0 && !splitOK(n) {
				bad = true
			}
			seps = 0
			if n < 10 {
				digits[n] = c
			}
			n++
		case (c == ' ' || c == '-') && n > 0:
			seps++
			if seps > 3 {
				if end() {
					return true
				}
			}
		default:
			if n > 0 && end() {
				return true
			}
			n, seps, bad = 0, 0, false
		}
	}
	return n > 0 && end()
}

func validDayMonth(dd, mm string) bool {
	d, m := atoi2(dd), atoi2(mm)
	return d >= 1 && d <= 31 && m >= 1 && m <= 12
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
