package jobmatch

import (
	"regexp"
	"strings"
	"time"
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
// en and em dash, minus sign…) becomes '-', as does a full stop, slash,
// colon, underscore, plus, equals sign, bar, closing bracket or any other
// mark but an opening bracket between digits (spaces around it allowed:
// "010190 / 1234", "(010190) 1234", "010190*1234", "010190·1234"), a comma,
// semicolon or x right between them, and an opening bracket between DDMMYY
// and the serial ("010190 (1234)"); combining marks, variation selectors
// and blanks drawn as nothing (U+034F, U+3164, U+2800) vanish as format
// characters do; a letter O or l between digits is the digit
// it looks like ("01O190-1234"). Then two shapes count:
//
//   - DDMMYY and NNNN with at most one separator between them, bounded by
//     non-digits ("010190-1234", "0101901234", "ring 010190 1234 nu");
//   - a run of digit groups joined by spaces and dashes with exactly ten
//     digits, split only after the day, the month, the year or the second
//     pair of the serial ("01 01 90-1234", "0101 90 1234", "010190 - 1234"),
//     or, without full stops, anywhere in DDMMYY before a whole serial
//     ("010 190 1234") or anywhere in the serial after a whole DDMMYY
//     ("0101901 234").
//
// Both need a valid day (01–31) and month (01–12). Phone numbers (8 digits,
// "+45 12 34 56 78" starts with "45"), CVR numbers (8), dates and amounts
// split at odd places ("31 050-32 100") do not match.
var cprPattern = regexp.MustCompile(`(?:^|[^0-9])([0-3][0-9])([01][0-9])([0-9]{2})[- ]?([0-9]{4})(?:[^0-9]|$)`)

// CPRWithheld stands where a text that held a CPR number is kept anyway
// (the audit log's query, a row error's field name): the number is never
// written.
const CPRWithheld = "[CPR-nummer udeladt]"

// WithoutCPR returns s, or CPRWithheld when s holds a CPR-like number.
func WithoutCPR(s string) string {
	if ContainsCPR(s) {
		return CPRWithheld
	}
	return s
}

// ContainsCPR reports whether s contains a CPR-like number.
func ContainsCPR(s string) bool {
	if !maybeCPR(s) {
		return false
	}
	n := normalizeForCPR(s)
	if !strings.Contains(n, joinMark) {
		return cprShaped(n)
	}
	// The marks read as joins, then as ends: a mark that joins one CPR
	// number's parts ("010190*1234") must not hide another by joining it
	// to a digit before it ("12*01 01 90 1234").
	return cprShaped(strings.ReplaceAll(n, joinMark, "-")) || cprShaped(strings.ReplaceAll(n, joinMark, "~"))
}

// joinMark stands in a normalised text for a mark that may join the parts
// of a CPR number or end a number (normalizeForCPR).
const joinMark = "\x01"

// cprShaped reports whether a normalised text holds one of the two shapes.
func cprShaped(n string) bool {
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
			switch {
			case c >= '0' && c <= '9':
				digits++
			case (c == 'O' || c == 'o' || c == 'l' || c == 'I') && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
				digits++ // a letter typed for a digit (normalizeForCPR)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if d := nfkcDigits(r); d > 0 {
			digits += d
		} else if unicode.IsDigit(r) {
			digits++ // a digit of another script: ٣, ३, ๓
		} else if lookalikeDigit(r) != 0 && i > 0 && isDigit(s[i-1]) && i+size < len(s) && isDigit(s[i+size]) {
			digits++ // a Greek or Cyrillic letter typed for a digit
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
	s = norm.NFKC.String(lettersForDigits(s))
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			out = append(out, ' ')
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case unicode.IsDigit(r):
			out = append(out, digitOf(r))
		case invisible(r):
			// soft hyphen, zero-width space, word joiner, a combining
			// mark on a digit, a blank of its own (Hangul filler,
			// braille blank): nothing to see
		case unicode.IsSpace(r):
			out = append(out, ' ')
		case unicode.Is(unicode.Pd, r), r == '\u2212', r == '\u2043', r == '\uFE63', r == '\uFF0D':
			out = append(out, '-')
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			out = append(out, '~') // "010190·1234", "010190。1234": a mark like any other
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	for i := 1; i+1 < len(out); i++ {
		switch c := out[i]; {
		case c == ',' && isDigit(out[i-1]) && isDigit(out[i+1]):
			out[i] = '-' // "010190,1234"; with a space after, a list
		case strings.IndexByte("/:_+=|\\", c) >= 0 && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == ')' && isDigit(out[i-1]) && digitBeside(out, i, +1):
			// "010190/1234", "010190 : 1234", "(010190) 1234"
			out[i] = '-'
		case c == ';' && isDigit(out[i-1]) && isDigit(out[i+1]),
			(c == 'x' || c == 'X') && isDigit(out[i-1]) && isDigit(out[i+1]) && groupOf(out, i, -1) == 6 && groupOf(out, i, +1) == 4,
			strings.IndexByte(cprMarks, c) >= 0 && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == '.' && out[i-1] == ' ' && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == '(' && groupOf(out, i, -1) == 6 && groupOf(out, i, +1) == 4:
			// "010190;1234", "010190x1234", "010190*1234", "010190·1234",
			// "01 . 01 . 90", "010190 (1234)": a join or an end, both
			// are tried (ContainsCPR). Otherwise an opening bracket
			// begins a group of its own ("Lokale 1204 (2014 - 2016)"),
			// and a full stop right between digits stays one (cprRun
			// reads "01.02.24 10.30" as a date and a time).
			out[i] = joinMark[0]
		}
	}
	return string(out)
}

// cprMarks are the further marks that may join a CPR number's parts when
// a digit is on either side of them (spaces between allowed); '~' stands
// for every mark beyond ASCII.
const cprMarks = "*#~&'\"!?<>@$%^`{}[]"

// invisible reports whether r shows nothing between two digits: a format
// character, a combining mark (NFKC joins none to a digit), a variation
// selector or another default-ignorable code point, or a character drawn
// blank (Hangul fillers, the braille blank).
func invisible(r rune) bool {
	switch r {
	case '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800':
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// groupOf is the number of digits of the group beside b[i] in direction
// step (-1, +1), at most two spaces between; 0 when no digit is there.
func groupOf(b []byte, i, step int) int {
	j := i + step
	for spaces := 0; j >= 0 && j < len(b) && b[j] == ' ' && spaces < 2; j += step {
		spaces++
	}
	n := 0
	for ; j >= 0 && j < len(b) && isDigit(b[j]); j += step {
		n++
	}
	return n
}

// lettersForDigits reads a letter O or l typed between two digits as the
// digit it looks like ("01O190-1234"), in Latin, Greek or Cyrillic letters
// ("01О190", a Cyrillic O); the fast path counts them alike
// (normalisedDigits).
func lettersForDigits(s string) string {
	var b []byte
	for i := 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d := lookalikeDigit(r); d != 0 && isDigit(s[i-1]) && i+size < len(s) && isDigit(s[i+size]) {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, d)
		} else if b != nil {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	if b == nil {
		return s
	}
	return string(b)
}

// lookalikeDigit is the digit a letter looks like, 0 when none: O and o
// (Latin, Greek, Cyrillic) zero; l, I and the Cyrillic and Ukrainian
// ones one.
func lookalikeDigit(r rune) byte {
	switch r {
	case 'O', 'o', '\u039F', '\u03BF', '\u041E', '\u043E':
		return '0'
	case 'l', 'I', '\u0406', '\u0456', '\u04C0', '\u04CF':
		return '1'
	}
	return 0
}

// digitBeside reports whether the first character from b[i] in direction
// step (-1, +1) that is not a space (at most two) is a digit.
func digitBeside(b []byte, i, step int) bool {
	for j, spaces := i+step, 0; j >= 0 && j < len(b) && spaces <= 2; j += step {
		switch {
		case isDigit(b[j]):
			return true
		case b[j] != ' ':
			return false
		}
		spaces++
	}
	return false
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

// cprRun finds a run of digit groups joined by spaces, dashes and full
// stops (at most six separator characters between groups, a full stop
// only right after a digit) with ten digits grouped like a CPR number
// ("01 01 90 12 34", "01.01.90 - 1234", one digit at a time), or twelve
// with the year in full and a dash before the serial ("01-01-1990-1234"),
// and a valid day and month. A full stop between the last two pairs is a
// time ("01.02.24 10.30"), and a year in full followed by more digits a
// date and a time ("15-01-2027 1000"): no CPR numbers.
func cprRun(s string) bool {
	var digits [12]byte
	n, seps := 0, 0     // digits in the run, separators since the last digit
	var splits [13]byte // the separator before digit i: 0 none, else ' ', '-' or '.'
	reset := func() { n, seps, splits = 0, 0, [13]byte{} }
	end := func() bool {
		defer reset()
		if n != 10 && n != 12 || !validDayMonth(string(digits[0:2]), string(digits[2:4])) {
			return false
		}
		single := true // one digit per group
		for i := 1; i < n; i++ {
			single = single && splits[i] != 0
		}
		if single {
			return true
		}
		if n == 12 {
			// DD MM YYYY-SSSS: splits only after the day, the month
			// and the year, a dash before the serial, a year of 19xx
			// or 20xx.
			for i := 1; i < n; i++ {
				if splits[i] != 0 && i != 2 && i != 4 && i != 8 {
					return false
				}
			}
			// A serial after a space: a birth year (19xx, or 20xx of
			// someone 14 or older), not a date to come and a time of day
			// ("15-01-2027 1000").
			y := string(digits[4:6])
			switch {
			case y != "19" && y != "20":
				return false
			case splits[8] == '-', y == "19":
				return true
			}
			return 2000+atoi2(string(digits[6:8])) <= time.Now().Year()-14
		}
		if splits[8] == '.' {
			return false // a time of day ("01.02.24 10.30")
		}
		// Split after the day, the month, the year or the second pair
		// of the serial; or with the serial whole after DDMMYY split
		// anywhere ("010 190 1234"); or DDMMYY whole and the serial split
		// anywhere ("0101901 234"). Amounts split in threes from the
		// right ("31 050-32 100") are none of these.
		// Full stops only at the CPR-like places: a code of dotted
		// parts ("2310.1.7.9992", "1211.1.1,1211") is none.
		cprLike, before, after, dots := true, false, false, false
		for i := 1; i < n; i++ {
			if splits[i] != 0 {
				cprLike = cprLike && (i == 2 || i == 4 || i == 6 || i == 8)
				before = before || i < 6
				after = after || i > 6
				dots = dots || splits[i] == '.'
			}
		}
		return cprLike || !dots && (!after && splits[6] != 0 || !before)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n >= 12 {
				n++ // too long for either shape
				continue
			}
			if seps > 0 && n > 0 && splits[n] == 0 {
				splits[n] = ' '
			}
			seps = 0
			digits[n] = c
			n++
		case (c == ' ' || c == '-' || c == '.' && seps == 0) && n > 0:
			if c == '.' && (i == 0 || !isDigit(s[i-1])) {
				if end() {
					return true
				}
				continue
			}
			seps++
			if c != ' ' && n < len(splits) && (splits[n] == 0 || splits[n] == ' ') {
				splits[n] = c
			}
			if seps > 6 {
				if end() {
					return true
				}
			}
		default:
			if n > 0 && end() {
				return true
			}
			reset()
		}
	}
	return n > 0 && end()
}

func validDayMonth(dd, mm string) bool {
	d, m := atoi2(dd), atoi2(mm)
	return d >= 1 && d <= 31 && m >= 1 && m <= 12
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
