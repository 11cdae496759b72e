package jobmatch

import (
	"bytes"
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
// "010190 / 1234", "(010190) 1234", "010190*1234", "010190·1234"), and so
// does an x with a space on either side (typed for a "×": "010190 x
// 1234"); a comma or semicolon right between them, an x touching DDMMYY
// or the serial ("010190x1234", "010190 x1234") or after a date written
// with marks ("01.01.90x1234"), and an opening bracket between DDMMYY
// and the serial ("010190 (1234)"); combining marks, variation selectors
// and blanks drawn as nothing (U+034F, U+3164, U+2800) vanish as format
// characters do; a letter drawn as a dash between digits is one
// ("010190ー1234"); a letter O or l between digits is the digit it looks
// like ("01O190-1234"), and so is one at the edge of a word that becomes a
// whole part ("O10190-l234", lettersForDigits); several marks in a row
// between digits are one join ("010190..1234", "(010190)-(1234)",
// joinRuns). Then two shapes count:
//
//   - DDMMYY and NNNN with at most one separator between them, bounded by
//     non-digits ("010190-1234", "0101901234", "ring 010190 1234 nu");
//   - whole groups of a run of digit groups joined by spaces, dashes and
//     full stops, however long the run ("postnr 6400 01 01 90 12 34"),
//     with DDMMYY and the serial grouped any way ("01 01 90 1 2 3 4",
//     "010 190 12 34", "0101901 234"), the year in full
//     ("01-01-1990-1234") or the day or month in one digit ("1.1.90
//     1234", "1/1-90-1234", "1 1 90 1234"); cprRun gives the rules.
//
// Both need a date of the calendar (validDate: a month 01–12 and a day of
// that month, 29 February in a year divisible by four). Phone numbers (8
// digits, "+45 12 34 56 78" starts with "45", side by side "20 11 45 67 /
// 89 12 34 56"), CVR numbers (8), amounts ("1 234 567 890"), decimals,
// periods ("01.08.2005-2012"), dates with a time ("01.03.26 10:05") and
// dates with a postal code ("1.8.24 8000 Aarhus C") do not match.
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
	return maybeCPR(s) && cprIn(normalizeForCPR(withoutTimesAfterPhones(withoutSpansOfTheDay(withoutTimeRanges(s)))))
}

// timeAfter is a time of the day ("12.30", "08:00") right after a phone
// number: four pairs (split by spaces or by dashes) or eight digits, the
// first 2–9 as every Danish subscriber number's is. The phone's last pair
// and the time's hour read as a CPR number's serial in pairs ("Tlf. 20 11
// 45 67 12.30": 20.11.45-6712), as a span of the day after it did
// (spanAfter). The first digit keeps a CPR number of the 1st to the 19th
// of a month refused whatever follows it, and a time of the day is no way
// to write the rest of a serial.
var timeAfter = regexp.MustCompile(`(^|[^0-9.:])([2-9][0-9](?: [0-9]{2}){3}|[2-9][0-9](?:-[0-9]{2}){3}|[2-9][0-9]{7}) +([0-9]{2}[.:][0-9]{2})(\.?(?:[^0-9.:]|$))`)

// withoutTimesAfterPhones blanks the times of the day timeAfter finds
// (an hour up to 24, minutes up to 59), leaving the phone number: digits
// before it are still read with it ("01 01 90 12 34 20 11 45 67 12.30").
func withoutTimesAfterPhones(s string) string {
	if !strings.ContainsAny(s, ".:") {
		return s
	}
	return timeAfter.ReplaceAllStringFunc(s, func(m string) string {
		g := timeAfter.FindStringSubmatch(m)
		if _, ok := minuteOfDay(g[3]); !ok {
			return m
		}
		return g[1] + g[2] + " tid" + g[4]
	})
}

// spanAfter is a span of the day ("10-14", "10.00-12.00", "1000-1200")
// right after a phone number (four pairs or eight digits) or a date with
// full stops: the phone's last pairs and the span's first hour read as a
// date and a serial ("26 10 33 44 10-14": 26.10.33-4410), as did a date
// and the span's first time ("Den 12.12.25 1000-1200"). Employers write
// when to call them.
var spanAfter = regexp.MustCompile(`(^|[^0-9.:])((?:[0-9]{2} ){3}[0-9]{2}|[0-9]{8}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2}) +([0-9]{1,2}(?:[.:][0-9]{2})?|[0-9]{4}) ?[-–] ?([0-9]{1,2}(?:[.:][0-9]{2})?|[0-9]{4})([^0-9.:]|$)`)

// withoutSpansOfTheDay blanks the spans spanAfter finds whose two ends are
// times of the day, the first before the second.
func withoutSpansOfTheDay(s string) string {
	if !strings.ContainsAny(s, "-–") {
		return s
	}
	return spanAfter.ReplaceAllStringFunc(s, func(m string) string {
		g := spanAfter.FindStringSubmatch(m)
		from, ok1 := minuteOfDay(g[3])
		to, ok2 := minuteOfDay(g[4])
		if !ok1 || !ok2 || from >= to {
			return m
		}
		return g[1] + g[2] + " tid" + g[5]
	})
}

// minuteOfDay reads "10", "10.00", "10:00" or "1000" as a time of the day.
func minuteOfDay(t string) (int, bool) {
	t = strings.NewReplacer(".", "", ":", "").Replace(t)
	h, m := 0, 0
	switch len(t) {
	case 1, 2:
		h = hourOf(t)
	case 4:
		h, m = hourOf(t[:2]), hourOf(t[2:])
	default:
		return 0, false
	}
	if h > 24 || m > 59 || h == 24 && m > 0 {
		return 0, false
	}
	return h*60 + m, true
}

// timeRange is a span of the day written with colons ("10:05-12:00"),
// bounded by what is no digit or colon.
var timeRange = regexp.MustCompile(`(^|[^0-9:.])([0-2]?[0-9]):([0-5][0-9]) ?[-–] ?([0-2]?[0-9]):([0-5][0-9])([^0-9:]|$)`)

// withoutTimeRanges blanks the spans of the day a text writes with colons,
// both ends valid times: "Åbent 10:05-12:00 14:00-15:00" read as the date
// 10.05.12 and the serial 0014 (a colon joins a CPR number's parts as a
// dash does). A CPR number hidden as two such times and two digits more
// ("01:01-20:12 34") is left to the other spellings' checks.
func withoutTimeRanges(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	for range 8 {
		t := timeRange.ReplaceAllStringFunc(s, func(m string) string {
			g := timeRange.FindStringSubmatch(m)
			if h1, h2 := hourOf(g[2]), hourOf(g[4]); h1 > 24 || h2 > 24 {
				return m
			}
			return g[1] + "tid" + g[6]
		})
		if t == s {
			break
		}
		s = t
	}
	return s
}

// hourOf reads one or two ASCII digits.
func hourOf(d string) int {
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	return n
}

// cprIn reports whether a normalised text holds a CPR number, its marks
// read as joins and as ends.
func cprIn(n string) bool {
	marks, runs := strings.Contains(n, joinMark), strings.Contains(n, joinRun)
	if !marks && !runs {
		return cprShaped(n)
	}
	// The marks read as joins, then as ends: a mark that joins one CPR
	// number's parts ("010190*1234") must not hide another by joining it
	// to a digit before it ("12*01 01 90 1234"). A run of marks
	// (joinRuns) is read apart from the single marks: one may join what
	// the other ends ("000000x1007 60..9999").
	if cprShaped(joinAll.Replace(n)) || cprShaped(endAll.Replace(n)) {
		return true
	}
	return marks && runs && (cprShaped(endMarks.Replace(n)) || cprShaped(endRuns.Replace(n)))
}

// joinMark stands in a normalised text for a mark that may join the parts
// of a CPR number or end a number (normalizeForCPR), joinRun for a run of
// them (joinRuns).
const joinMark, joinRun = "\x01", "\x02"

var (
	joinAll  = strings.NewReplacer(joinMark, "-", joinRun, "-")
	endAll   = strings.NewReplacer(joinMark, "~", joinRun, "~")
	endMarks = strings.NewReplacer(joinMark, "~", joinRun, "-")
	endRuns  = strings.NewReplacer(joinMark, "-", joinRun, "~")
)

// cprShaped reports whether a normalised text holds one of the two shapes.
func cprShaped(n string) bool {
	for _, m := range cprPattern.FindAllStringSubmatchIndex(n, -1) {
		if validDate(n[m[2]:m[3]], n[m[4]:m[5]], n[m[6]:m[7]]) {
			return true
		}
	}
	return cprRun(n)
}

// maybeCPR is the fast path: text that holds fewer than ten digits once
// normalised cannot hold one, nor fewer than eight with fewer than two
// full stops right after a digit ("1.1.90-1234", shortDate) and no space
// after a digit alone ("1 1 90 1234", "12 1 90 1234") unless it names a
// month ("1 jan 90 1234", seven digits: monthNamed). Each
// character's digits under NFKC are counted without normalising the text
// (Danish letters and typographic punctuation hold none), so most text
// never reaches the slow path.
func maybeCPR(s string) bool {
	digits, dots, lone := countForCPR(s)
	return digits >= 10 || digits >= 8 && (dots >= 2 || lone > 0) || digits >= 7 && monthNamed(s)
}

// monthNamed reports whether a word of s begins as a month's name does
// (cprMonth's first three letters: "1 jan 90 1234" holds seven digits,
// monthsAsNumbers), its letters read as NFKC reads them ("１ Ｊａｎ") and
// invisible characters skipped: a text with a few numbers and no month
// name stays on the fast path, and the slow path spares the others the
// month rules.
func monthNamed(s string) bool {
	var first [3]byte // the word's first letters, lower case
	n := 0            // letters of the word so far
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if invisible(r) {
				i += size
				continue
			}
			if d := nfkcDecomposition(r); len(d) == 1 && d[0] < utf8.RuneSelf {
				r = rune(d[0]) // a full-width or other compatibility letter
			}
		}
		i += size
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			if n < len(first) {
				first[n] = byte(r) | 0x20
			}
			n++
			if n == len(first) {
				switch string(first[:]) {
				case "jan", "feb", "mar", "apr", "maj", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov", "dec":
					return true
				}
			}
		case unicode.IsLetter(r):
			n = len(first) + 1 // inside a word that is no month's
		default:
			n = 0
		}
	}
	return false
}

// cprMonth is a month's name in Danish or English, in full or cut short:
// a date written with one ("1. januar 1990", "1 Jan 90", "January 1,
// 1990") is a date as its digits are. Each name's first three letters
// tell the month (monthNumber).
const cprMonth = `(januar|january|jan|februar|february|feb|marts|march|mar|april|apr|maj|may|juni|june|jun|juli|july|jul|` +
	`august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec)`

var (
	// The day first ("1. januar 1990", "01-Jan-90", "1st January, 1990",
	// "1jan1990"), or the month first with a space or comma between the
	// day and the year ("January 1, 1990", "Jan 1st 1990"; "maj 1990"
	// names no day).
	dayMonthYear = regexp.MustCompile(`(?i)(^|[^0-9])([0-9]{1,2})(?:\.|st|nd|rd|th)?[ ./-]{0,2}` + cprMonth +
		`\.?,?[ /-]{0,2}([0-9]{4}|[0-9]{2})($|[^0-9])`)
	monthDayYear = regexp.MustCompile(`(?i)(^|[^\pL0-9])` + cprMonth + `\.?[ /-]{0,2}([0-9]{1,2})(?:st|nd|rd|th)?(?:, ?| {1,2})` +
		`([0-9]{4}|[0-9]{2})($|[^0-9])`)
)

// monthsAsNumbers writes a date with a month's name as one with full
// stops ("1. januar 1990" "1.01.1990", "January 1, 1990" "1.01.1990"), so
// the rules for dates written with digits read it: after it four digits
// are a serial ("1. januar 1990-1234", "1 jan 90 1234"), and a date of
// these years and an amount or a time are not one ("1. maj 2024 1200
// kr", shortDate).
func monthsAsNumbers(b []byte) []byte {
	if !monthNamed(string(b)) {
		return b
	}
	b = dayMonthYear.ReplaceAllFunc(b, func(m []byte) []byte {
		g := dayMonthYear.FindSubmatch(m)
		return monthDate(g[1], g[2], g[3], g[4], g[5])
	})
	return monthDayYear.ReplaceAllFunc(b, func(m []byte) []byte {
		g := monthDayYear.FindSubmatch(m)
		return monthDate(g[1], g[3], g[2], g[4], g[5])
	})
}

// monthDate is day.MM.year between before and after.
func monthDate(before, day, month, year, after []byte) []byte {
	out := append(append([]byte{}, before...), day...)
	out = append(append(out, '.'), monthNumber(month)...)
	out = append(append(out, '.'), year...)
	return append(out, after...)
}

// monthNumber is the two digits of a month named in Danish or English.
func monthNumber(name []byte) string {
	switch strings.ToLower(string(name[:3])) {
	case "jan":
		return "01"
	case "feb":
		return "02"
	case "mar":
		return "03"
	case "apr":
		return "04"
	case "maj", "may":
		return "05"
	case "jun":
		return "06"
	case "jul":
		return "07"
	case "aug":
		return "08"
	case "sep":
		return "09"
	case "okt", "oct":
		return "10"
	case "nov":
		return "11"
	}
	return "12"
}

// normalisedDigits counts the ASCII digits of NFKC(s) without normalising
// s, a letter read as a digit included (countForCPR).
func normalisedDigits(s string) int {
	digits, _, _ := countForCPR(s)
	return digits
}

// countForCPR counts, without normalising s, at least the digits, the
// full stops right after a digit (or a letter read as one) and the spaces
// right after a digit alone (lone: a spaced date's day or month, "1 1
// 90") that normalizeForCPR makes of it: each character's under NFKC, the
// digits of other scripts, and a letter O or l next to a digit (invisible
// characters between skipped), which lettersForDigits may read as one. A
// letter away from digits counts nothing, so Danish prose stays fast.
func countForCPR(s string) (digits, dots, lone int) {
	digitBefore := false // the last character that stays ends in a digit
	counted := false     // or is a letter counted as one
	letters := 0         // look-alike letters just before, counted if a digit follows
	run := 0             // the digits in a row up to here, when digitBefore
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= '0' && c <= '9':
				digits += 1 + letters
				if !digitBefore {
					run = 0
				}
				run++
				letters, digitBefore, counted = 0, true, false
				continue
			case c == 'O' || c == 'o' || c == 'l' || c == 'I':
				counted, letters = digitBefore, 1
				if digitBefore {
					digits++
					letters = 0
				}
			default:
				if (c == '.' || c == '/' || c == '-') && (digitBefore || counted) {
					dots++ // a date's mark: "1.1.90-1234", "1/1-90-1234"
				}
				if (c == ' ' || c >= '\t' && c <= '\r') && digitBefore && run == 1 {
					lone++ // "1 1 90 1234"
				}
				letters, counted = 0, false
			}
			digitBefore = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		d := nfkcDecomposition(r)
		nd, nl, nDots := nfkcCounts(r, d)
		if nDots > 0 && (digitBefore || counted || nd > 0) {
			dots += nDots // "1…", "⒈"
		}
		if digitBefore && run == 1 && nd == 0 && (unicode.IsSpace(r) || bytes.IndexByte(d, ' ') >= 0) {
			lone++ // "1\u00a01 90 1234", "１　１　９０"
		}
		switch {
		case nd > 0 || unicode.IsDigit(r):
			if !digitBefore {
				run = 0
			}
			run += max(nd, 1)
			digits += max(nd, 1) + letters + nl // ٣, ३, ๓ one each
			letters, digitBefore, counted = 0, true, false
		case nl > 0: // a Greek or Cyrillic O, a full-width l
			counted, letters = digitBefore, nl
			if digitBefore {
				digits += nl
				letters = 0
			}
			digitBefore = false
		case (digitBefore || counted || letters > 0) && vanishes(r, d):
			// dropped by normalizeForCPR: its neighbours meet
		default:
			letters, digitBefore, counted = 0, false, false
		}
	}
	return digits, dots, lone
}

// nfkcCounts counts in NFKC(r), d being r's decomposition under NFKC (none
// when r stays itself), the ASCII digits, at least the letters that look
// like a digit (lookalikeDigit: ASCII, or a Greek or Cyrillic letter, whose
// first byte is counted), and the full stops.
func nfkcCounts(r rune, d []byte) (digits, letters, dots int) {
	if len(d) == 0 {
		if lookalikeDigit(r) != 0 {
			return 0, 1, 0
		}
		return 0, 0, 0
	}
	for _, c := range d {
		switch c {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			digits++
		case 'O', 'o', 'l', 'I', 0xCE, 0xD0, 0xD1, 0xD3:
			letters++
		case '.':
			dots++
		}
	}
	return digits, letters, dots
}

// vanishes reports whether normalizeForCPR drops r, d being its
// decomposition under NFKC: the halfwidth ﾞ is a combining mark under NFKC.
func vanishes(r rune, d []byte) bool {
	if len(d) == 0 {
		return invisible(r)
	}
	for _, c := range string(d) {
		if !invisible(c) {
			return false
		}
	}
	return true
}

// nfkcDigits returns how many ASCII digits NFKC makes of r: the digits of
// its compatibility decomposition ("²" 1, "⑳" 2, "㍘" 1), a table lookup.
// A text's NFKC holds no more digits than its characters' together:
// composition joins marks to letters and never makes a digit.
func nfkcDigits(r rune) int { return asciiDigits(nfkcDecomposition(r)) }

// nfkcDecomposition is what NFKC decomposes r into, nil when r stays
// itself.
func nfkcDecomposition(r rune) []byte {
	var buf [utf8.UTFMax]byte
	return norm.NFKC.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition()
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
// spaces become ' ', dashes and minus signs '-' (and a letter drawn as a
// dash between digits: "010190ー1234"), a letter O or l next to a digit
// the digit it looks like (lettersForDigits), several marks in a row
// between digits one join (joinRuns), and a full stop or slash between two
// digits '-' ("01.01.90-1234", "010190/1234").
func normalizeForCPR(s string) string {
	s = norm.NFKC.String(s)
	out := make([]byte, 0, len(s))
	for i, r := range s {
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
		case unicode.Is(unicode.Pd, r), r == '\u2212', r == '\u2043', r == '\uFE63', r == '\uFF0D',
			dashLetter(r) && digitBeside(out, len(out), -1) && digitAhead(s[i+utf8.RuneLen(r):]):
			out = append(out, '-')
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			out = append(out, '~') // "010190·1234", "010190。1234": a mark like any other
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	out = joinRuns(lettersForDigits(monthsAsNumbers(out)))
	for i := 1; i+1 < len(out); i++ {
		switch c := out[i]; {
		case c == ',' && isDigit(out[i-1]) && isDigit(out[i+1]):
			out[i] = '-' // "010190,1234"; with a space after, a list
		case strings.IndexByte("/:_+=|\\", c) >= 0 && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == ')' && isDigit(out[i-1]) && digitBeside(out, i, +1),
			(c == 'x' || c == 'X') && out[i-1] == ' ' && out[i+1] == ' ' && digitBeside(out, i, -1) && digitBeside(out, i, +1):
			// "010190/1234", "010190 : 1234", "(010190) 1234", "010190 x
			// 1234" (an x typed for a "×", a word of its own; touching a
			// digit it may be a letter of a word or a code, and joins
			// only DDMMYY and the serial, below)
			out[i] = '-'
		case c == ';' && isDigit(out[i-1]) && isDigit(out[i+1]),
			(c == 'x' || c == 'X') && (groupOf(out, i, -1) == 6 || dateBefore(out, i)) && groupOf(out, i, +1) == 4,
			strings.IndexByte(cprMarks, c) >= 0 && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == '.' && out[i-1] == ' ' && digitBeside(out, i, -1) && digitBeside(out, i, +1),
			c == '(' && groupOf(out, i, -1) == 6 && groupOf(out, i, +1) == 4:
			// "010190;1234", "010190x1234", "01.01.90x1234",
			// "010190*1234", "010190·1234", "01 . 01 . 90", "010190
			// (1234)": a join or an end, both
			// are tried (ContainsCPR). Otherwise an opening bracket
			// begins a group of its own ("Lokale 1204 (2014 - 2016)"),
			// and a full stop right between digits stays one (cprRun
			// reads "01.02.24 10.30" as a date and a time).
			out[i] = joinMark[0]
		}
	}
	return string(out)
}

// dateBefore reports whether a date written with marks ends right before
// b[i], at most two spaces between: the year, two digits or four, after
// a full stop or dash (a slash has become one) that follows a digit
// ("01.01.90x1234", "1/1-1990 x1234"). A number and a decimal before an x
// make too few digits for a CPR number ("2.40x1200 mm"), and a year after
// a space alone is a measure's ("120 80x1200").
func dateBefore(b []byte, i int) bool {
	j := i - 1
	for spaces := 0; j >= 0 && b[j] == ' ' && spaces < 2; j-- {
		spaces++
	}
	n := 0
	for ; j >= 0 && isDigit(b[j]); j-- {
		n++
	}
	if n != 2 && n != 4 {
		return false
	}
	for spaces := 0; j >= 0 && b[j] == ' ' && spaces < 2; j-- {
		spaces++
	}
	return j > 0 && (b[j] == '.' || b[j] == '-' || b[j] == joinMark[0]) && digitBeside(b, j, -1)
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

// lettersForDigits reads a letter O or l typed for a digit as the digit
// it looks like, in Latin, Greek or Cyrillic letters, after NFKC (a
// full-width Ｏ too): always between two digits ("01O190-1234", "01О190",
// a Cyrillic O), and next to a digit at the edge of a word only where the
// word becomes a whole part of a CPR number: a word of six or ten digits
// and look-alike letters with a valid day and month ("O10190-1234",
// "01019O", "O101901234"), or of four right after such a six ("010190-l234",
// "010190-123O"). "O365" in "Windows 10 O365 2019" stays a word, and
// "Solo 1O1" keeps its O. The fast path counts every such letter next to
// a digit (countForCPR).
func lettersForDigits(b []byte) []byte {
	if !letterByDigit(b) {
		return b
	}
	var out []byte // nil until a letter is read as a digit
	copied := 0    // b[:copied] is in out
	sixEnd := -1   // where the last word read as six digits ended
	for i := 0; i < len(b); {
		// A word: letters and digits. whole: nothing but digits and
		// look-alike letters next to a digit, read as the digits in
		// read[:n].
		end, n, whole, digit := i, 0, true, false
		var read [10]byte
		for end < len(b) {
			r, size := utf8.DecodeRune(b[end:])
			c := b[end]
			if !isDigit(c) && !unicode.IsLetter(r) {
				break
			}
			if isDigit(c) {
				digit = true
			} else {
				c = lookalikeDigit(r)
				whole = whole && c != 0 && (end > i && isDigit(b[end-1]) || end+size < len(b) && isDigit(b[end+size]))
			}
			if n < len(read) {
				read[n] = c
			}
			n++
			end += size
		}
		if end == i { // not a word
			_, size := utf8.DecodeRune(b[i:])
			i += size
			continue
		}
		whole = whole && digit
		edge := whole && ((n == 6 || n == 10) && validDate(string(read[0:2]), string(read[2:4]), string(read[4:6])) ||
			n == 4 && sixEnd >= 0 && i-sixEnd <= 6)
		for j := i; digit && j < end; {
			r, size := utf8.DecodeRune(b[j:])
			before, after := j > i && isDigit(b[j-1]), j+size < end && isDigit(b[j+size])
			if d := lookalikeDigit(r); d != 0 && (before && after || edge && (before || after)) {
				if out == nil {
					out = make([]byte, 0, len(b))
				}
				out = append(append(out, b[copied:j]...), d)
				copied = j + size
			}
			j += size
		}
		sixEnd = -1
		if whole && n == 6 && (edge || asciiDigits(b[i:end]) == 6) {
			sixEnd = end
		}
		i = end
	}
	if out == nil {
		return b
	}
	return append(out, b[copied:]...)
}

// letterByDigit reports whether a look-alike letter is next to a digit
// in b, a scan of bytes that spares most text the word by word reading.
func letterByDigit(b []byte) bool {
	for j := 0; j < len(b); j++ {
		size := 1
		switch b[j] {
		case 'O', 'o', 'l', 'I':
		case 0xCE, 0xD0, 0xD1, 0xD3: // Greek and Cyrillic
			r, n := utf8.DecodeRune(b[j:])
			if lookalikeDigit(r) == 0 {
				continue
			}
			size = n
		default:
			continue
		}
		if j > 0 && isDigit(b[j-1]) || j+size < len(b) && isDigit(b[j+size]) {
			return true
		}
	}
	return false
}

// dashLetter reports whether r is a letter drawn as a dash: the Japanese
// long vowel mark ー, the ideograph one 一, the Hangul vowel eu ᅳ (ㅡ
// under NFKC), Bopomofo i ㄧ, NKo lajanyalan ߺ and the Arabic tatweel ـ.
// Between digits it is a dash ("010190ー1234").
func dashLetter(r rune) bool {
	switch r {
	case '\u30FC', '\u4E00', '\u1173', '\u3161', '\u3127', '\u07FA', '\u0640':
		return true
	}
	return false
}

// digitAhead reports whether s begins with a digit of any script, at most
// two spaces before it.
func digitAhead(s string) bool {
	for spaces := 0; s != ""; spaces++ {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case unicode.IsDigit(r):
			return true
		case !unicode.IsSpace(r) || spaces == 2:
			return false
		}
		s = s[size:]
	}
	return false
}

// runMarks are the characters of a run of marks between digits
// (joinRuns): spaces, dashes, full stops, brackets and the marks that join
// alone. Not a comma or semicolon: "Ordre 120524, 3000 stk." is a list.
const runMarks = " -./:_+=|\\()" + cprMarks

// joinRuns reads several marks in a row between two digits, spaces among
// them allowed, at most six characters, as one join: "010190..1234",
// "010190 .. 1234", "010190-.1234", "010190 / / 1234", "(010190)-(1234)",
// "010190)(1234". The run becomes joinRun bytes, tried as a join and as an end
// (ContainsCPR), after a full stop if one came first, so cprRun still
// reads the full stop of a date ("01.01.90..1234") and of a time ("Tlf.
// 20 11 45 67... 12 ansatte" ends in a full stop, not a dash); a full stop
// after a space or another mark is a mark ("010190 .. 1234"). An opening
// bracket joins only a DDMMYY and a serial, as it does alone. Runs of
// spaces and dashes are cprRun's, one mark is the caller's.
func joinRuns(b []byte) []byte {
	var out []byte // nil until a run is joined
	copied := 0    // b[:copied] is in out
	for i := 1; i < len(b); i++ {
		if !isDigit(b[i-1]) || strings.IndexByte(runMarks, b[i]) < 0 {
			continue
		}
		j, marks, open, dashes := i, 0, false, true
		for ; j < len(b) && j-i <= 6 && strings.IndexByte(runMarks, b[j]) >= 0; j++ {
			if c := b[j]; c != ' ' {
				marks++
				open = open || c == '('
				dashes = dashes && c == '-'
			}
		}
		if j-i > 6 || j == len(b) || !isDigit(b[j]) || marks < 2 || dashes ||
			open && (digitsBefore(b, i) != 6 || digitsFrom(b, j) != 4) {
			i = j - 1
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b))
		}
		out = append(out, b[copied:i]...)
		if b[i] == '.' {
			out = append(out, '.')
			i++
		}
		for ; i < j; i++ {
			out = append(out, joinRun[0])
		}
		copied = j
	}
	if out == nil {
		return b
	}
	return append(out, b[copied:]...)
}

// digitsBefore is the number of digits right before b[i], digitsFrom the
// number from b[i] on.
func digitsBefore(b []byte, i int) int {
	n := 0
	for ; i-n > 0 && isDigit(b[i-n-1]); n++ {
	}
	return n
}

func digitsFrom(b []byte, i int) int {
	n := 0
	for ; i+n < len(b) && isDigit(b[i+n]); n++ {
	}
	return n
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

// cprRun finds a CPR number in a run of digit groups joined by spaces,
// dashes and full stops (at most six separator characters between groups,
// a full stop only right after a digit), however long the run: a number
// before or after it ("postnr 6400 01 01 90 12 34", "tlf 12 34 56 78 / 01
// 01 90 12 34") does not hide it. The CPR number is whole groups of the
// run, first to last, in one of three shapes (cprWindow):
//
//   - ten digits, DDMMYY and the serial grouped any way ("01 01 90 1 2 3
//     4", "010 190 12 34", "0101901 234"), tenDigits;
//   - twelve with the year in full ("01-01-1990-1234"), twelveDigits;
//   - a date with a day or month in one digit and its serial ("1.1.90
//     1234", "1/1-90-1234"), shortDate.
//
// Each says why phone numbers, amounts, periods, dates and times are not
// one. Inside a longer run the CPR number must also stand apart from the
// rest: not joined by a full stop to the group before it (a dotted code or
// a decimal: "1324.3.2.35,1324", "56.31039192,10.84"), and not five pairs
// right after a pair and a space (phone numbers side by side: "40 12 05 67
// / 22 33 44 55" holds "12 05 67 / 22 33"). A run that touches a letter at
// either end is part of a code (a hexadecimal id: "c04-0620-4558-8f89")
// and is read only whole.
func cprRun(s string) bool {
	var ring [13]cprGroup // the run's last groups: a CPR number's twelve and the one before
	groups := 0           // groups in the run so far
	seps := 0             // separator characters since the last digit
	var sep byte          // the separator being read: 0 none, else ' ', '-' or '.'
	start := -1           // where the group being read began, -1 outside one
	glued := false        // the run touches a letter
	inside := false       // a CPR number with more of the run after it
	// The CPR numbers that end with the run's last group so far: one
	// from its first group (the whole run) and one from a later group.
	var whole, later cprFit
	end := func(i int) bool { // the run ends before s[i]
		glued = glued || i < len(s) && groups > 0 && ring[(groups-1)%len(ring)].end == i && letterByte(s[i])
		hit := whole != cprNo || (inside || later != cprNo) && !glued
		groups, glued, inside, whole, later = 0, false, false, cprNo, cprNo
		return hit
	}
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isDigit(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if groups == 0 {
				sep = 0
				glued = start > 0 && letterByte(s[start-1])
			}
			ring[groups%len(ring)] = cprGroup{start, i, sep}
			groups++
			// What ended the run so far is inside it now; a number that
			// counts only at the run's end no longer does.
			inside = inside || whole == cprYes || later == cprYes
			whole, later = cprEndsAt(s, &ring, groups)
			start, seps, sep = -1, 0, 0
		}
		if i == len(s) {
			return end(i)
		}
		switch c := s[i]; {
		case (c == ' ' || c == '-' || c == '.' && seps == 0) && groups > 0:
			if c == '.' && !isDigit(s[i-1]) {
				if end(i) { // a full stop after a space: "Tlf. 20 11 45 67. 12 ansatte"
					return true
				}
				continue
			}
			seps++
			switch {
			case c != ' ' && (sep == 0 || sep == ' '):
				sep = c
			case sep == 0:
				sep = ' '
			}
			if seps > 6 && end(i) {
				return true
			}
		default:
			if groups > 0 && end(i) {
				return true
			}
		}
	}
	return false
}

// letterByte reports whether c is (part of) a letter in a normalised text:
// an ASCII letter or a byte of a character beyond ASCII, where spaces,
// dashes, marks and digits have become ASCII (normalizeForCPR).
func letterByte(c byte) bool {
	return c >= utf8.RuneSelf || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// cprGroup is a group of digits of a run, s[start:end], and the separator
// before it (0 at the run's start, else ' ', '-' or '.').
type cprGroup struct {
	start, end int
	sep        byte
}

// cprFit is how a run's digits read as a CPR number: not, yes, or only
// where the run ends with them (tenDigits).
type cprFit int

const (
	cprNo cprFit = iota
	cprAtEnd
	cprYes
)

// cprEndsAt reads the windows of whole groups with eight to twelve
// digits that end with the last of a run's groups (ring holds the last
// groups, n in all) as CPR numbers: the one from the run's first group,
// and the best of those from a later group that stand apart (cprRun).
func cprEndsAt(s string, ring *[13]cprGroup, n int) (whole, later cprFit) {
	total := 0
	for first := n - 1; first >= 0 && first >= n-12; first-- {
		total += ring[first%len(ring)].end - ring[first%len(ring)].start
		if total > 12 {
			break
		}
		if total < 8 || first > 0 && later == cprYes {
			continue
		}
		var d [12]byte
		var splits [13]byte // the separator before digit i: 0 none, else ' ', '-' or '.'
		var alone [13]bool  // that separator is one character ("12.34", not "12. 34")
		k := 0
		for g := first; g < n; g++ {
			grp := ring[g%len(ring)]
			if g > first {
				splits[k] = grp.sep
				alone[k] = grp.start-ring[(g-1)%len(ring)].end == 1
			}
			k += copy(d[k:], s[grp.start:grp.end])
		}
		fit := cprWindow(d[:k], splits[:k], alone[:k])
		if fit == cprNo {
			continue
		}
		if first == 0 {
			whole = fit
			continue
		}
		switch sep := ring[first%len(ring)].sep; {
		case sep == '.':
			continue // a dotted code or a decimal: "1324.3.2.35,1324"
		case sep == ' ' && k == 10 && n-first == 5 && splits[2] != 0 && splits[4] != 0 && splits[6] != 0 && splits[8] != 0:
			if splits[8] == '.' {
				continue // a phone number and a time: "Ring 40 12 05 67 12.30"
			}
			if before := ring[(first-1)%len(ring)]; before.end-before.start == 2 {
				// Phone numbers side by side only where the run goes
				// on with the second's last pairs; where it ends here,
				// the pair before is no phone number's ("+45", "alder
				// 36 01 01 90 12 34").
				fit = min(fit, cprAtEnd)
			}
		}
		later = max(later, fit)
	}
	return whole, later
}

// cprWindow reads the digits d of whole groups of a run, split before
// digit i by splits[i] (alone[i]: one character), as a CPR number.
func cprWindow(d, splits []byte, alone []bool) cprFit {
	switch {
	case shortDate(d, splits):
		return cprYes
	case len(d) == 10:
		return tenDigits(d, splits, alone)
	case len(d) == 12 && twelveDigits(d, splits, alone):
		return cprYes
	}
	return cprNo
}

// tenDigits reads ten digits split by splits as DDMMYY and a serial: a
// valid day and month, and
//
//   - full stops only after the day, the month or the year, or between
//     the serial's pairs after a date of a birth year with full stops
//     ("01.01.90 12.34") or, touching both pairs, after one split by
//     spaces or dashes ("01 01 90 12.34", "01-01-90 12.34"): a full stop
//     in the serial is a time after a date of these years ("01.02.24
//     10.30"), the end of a sentence after a phone number ("20 11 45 67.
//     12 ansatte", "20 11 90 12. 34 ansatte"), elsewhere a code of dotted
//     parts ("2310.1.7.9992") or an amount ("1.234.567.890");
//   - the same mark after the day and after the month (or a space after the
//     month: "1/1 90"): "10.05-12.00 14" is times;
//   - a split between the date and the serial; or else full stops only
//     after the month or after both the day and the month (not a decimal:
//     "12.07606524"), splits before it only after the day and the month,
//     and across it a group of six digits or more (DDMMYY or the
//     serial whole and a digit of the other: "0101901 234", "0101 901234")
//     or one after DDMM whole: the year and the serial's first digit
//     ("0101 901 234") or pair ("0101 9012 34") if that is no year in
//     full ("05-01-2026-06" of "2026-05-01 – 2026-06-30"); amounts split
//     in threes ("31 050-32 100", "1 234 567 890") have none of these;
//   - where only a space comes before the serial, no dash (a slash, a
//     colon) inside it after a date with full stops or dashes when the
//     serial reads as a time of day ("01.03.26 10:05"), and otherwise one
//     only where the run ends (cprAtEnd): as it goes on, one phone number
//     ends there and the next begins ("20 11 45 67 / 89 12 34 56").
//
// Otherwise the date and the serial may be split anywhere ("01 01 90 1 2 3
// 4", "010 190 12 34", "0 1 0 1 9 0 1 2 3 4").
func tenDigits(d, splits []byte, alone []bool) cprFit {
	if !validDate(string(d[0:2]), string(d[2:4]), string(d[4:6])) {
		return cprNo
	}
	// A date with full stops, a space and four digits, whose year is one
	// of the last fourteen or the next ten, is a date and a time, an
	// amount or a postal code ("Periode 01.02.26 - 30.04.26 1200 kr",
	// "12.12.25 1000"), as shortDate reads "1.8.24 8000": no jobseeker
	// was born then.
	dotted := splits[2] == '.' && splits[4] == '.'
	y, now := 2000+atoi2(string(d[4:6])), time.Now().Year()
	recent := y > now-14 && y <= now+10
	if dotted && splits[6] == ' ' && recent {
		return cprNo
	}
	for i := 1; i < 10; i++ {
		// After a date of a birth year with full stops, a full stop
		// between the serial's pairs is the serial written as the date
		// is ("01.01.90 12.34"); a date of these years and a time are
		// not one ("01.02.24 10.30"). After a date split by spaces or
		// dashes it is the serial's too where it touches both pairs
		// ("01 01 90 12.34": no one writes a time after a date so);
		// with a space after it, it ends a sentence after a phone
		// number ("Tlf. 20 11 90 12. 34 ansatte", "Tlf. 20 11 45 67. 12
		// ansatte").
		if splits[i] == '.' && i != 2 && i != 4 && i != 6 &&
			(i != 8 || recent || splits[6] == 0 || splits[7] != 0 || splits[9] != 0 ||
				!dotted && (!alone[8] || splits[2] == 0 || splits[4] == 0)) {
			return cprNo
		}
	}
	if splits[2] != 0 && splits[4] != 0 && splits[2] != splits[4] && splits[4] != ' ' {
		return cprNo
	}
	if splits[6] == 0 {
		start, end := 5, 7 // the group across the date's end
		for start > 0 && splits[start] == 0 {
			start--
		}
		for end < 10 && splits[end] == 0 {
			end++
		}
		for i := 1; i < 10; i++ {
			if splits[i] == '.' && i != 4 && (i != 2 || splits[4] != '.') || i <= start && splits[i] != 0 && i != 2 && i != 4 {
				return cprNo // a decimal ("12.07606524"), a code ("a110-9408448b")
			}
		}
		across := string(d[start:end])
		if end-start >= 6 || start == 4 && (end != 8 || across[:2] != "19" && across[:2] != "20") {
			return cprYes
		}
		return cprNo
	}
	if splits[6] == ' ' && (splits[7] == '-' || splits[8] == '-' || splits[9] == '-') {
		if (splits[2] == '.' || splits[2] == '-') && splits[4] == splits[2] && splits[7] == 0 && splits[9] == 0 &&
			atoi2(string(d[6:8])) <= 23 && atoi2(string(d[8:10])) <= 59 {
			return cprNo // a date and a time: "01.03.26 10:05"
		}
		return cprAtEnd
	}
	return cprYes
}

// twelveDigits reports whether twelve digits split by splits (alone[i]:
// one character) are DD MM YYYY-SSSS: splits only after the day, the
// month and the year (and the serial's first pair after a split year), a
// year of 19xx or 20xx of someone 14 or older after a space, any after a
// dash, and not a period of employment ("01.08.2005-2012").
func twelveDigits(d, splits []byte, alone []bool) bool {
	if !validDate(string(d[0:2]), string(d[2:4]), string(d[6:8])) {
		return false
	}
	// The serial may be split by a space in its pairs after a split year
	// ("01-01-1990 12 34", "01 01 1990 12 34"), or by a full stop touching
	// both after a date split by spaces or dashes ("01 01 1990 12.34"); a
	// dash there is a period's second date ("2026-05-01 – 2026-06-30"), a
	// full stop after a date with full stops its time ("12.01.2026 10.00")
	// or its second date ("01.08.2005 - 31.12.2012").
	split := splits[8] != 0 && (splits[10] == ' ' ||
		splits[10] == '.' && alone[10] && splits[2] != '.' && splits[2] != 0 && splits[4] != '.' && splits[4] != 0)
	for i := 1; i < 12; i++ {
		if splits[i] != 0 && i != 2 && i != 4 && i != 8 && (i != 10 || !split) {
			return false
		}
	}
	// A serial after a space: a birth year (19xx, or 20xx of someone 14
	// or older), not a date to come and a time of day ("15-01-2027 1000").
	y := string(d[4:6])
	// A period of employment ("01.08.2005-2012", "15.01.2019 - 2021"): a
	// serial that is a later year up to now.
	if serial := atoi2(string(d[8:10]))*100 + atoi2(string(d[10:12])); splits[2] == '.' && splits[4] == '.' &&
		serial > (atoi2(y)*100+atoi2(string(d[6:8]))) && serial <= time.Now().Year()+1 {
		return false
	}
	switch {
	case y != "19" && y != "20":
		return false
	case splits[8] == '-', y == "19":
		return true
	}
	return 2000+atoi2(string(d[6:8])) <= time.Now().Year()-14
}

// shortDate reports whether digits d, split before digit i by splits[i],
// read D.M.YY SSSS or D.M.YYYY SSSS with the day or the month in one digit
// ("1.1.90-1234", the usual way to write a date, and the serial): a full
// stop or dash (a slash is one) after the day, one or a space after the
// month ("1/1-90", "1/1 90"), a dash or a space before the serial, which
// may be split further but not by full stops ("1.1.90-1.1.94" is a
// period), a valid day and month, a year in full of someone 14 or older.
// A date split by spaces alone ("1 1 90 1234", "12 1 90-1234") needs the
// serial whole: numbers in a list are split so ("uge 5 6 10 11 12").
// A serial that reads as a year is a period ("1.8.05-2012", "ansat
// 1.8.2005-2012"). After a space alone a two-digit year must be a birth
// year too: one of the last fourteen years or the next ten is a date, and
// the four digits after it a postal code or a time ("Tiltrædelse 1.8.24
// 8000 Aarhus C").
func shortDate(d, splits []byte) bool {
	var at [3]int // where the day, the month and the year end
	k := 0
	for i := 1; i < len(d) && k < len(at); i++ {
		if splits[i] != 0 {
			at[k] = i
			k++
		}
	}
	dateMark := func(c byte) bool { return c == '.' || c == '-' }
	spaced := k == len(at) && splits[at[0]] == ' ' && splits[at[1]] == ' '
	if k != len(at) || len(d)-at[2] != 4 || !dateMark(splits[at[0]]) && !spaced || !dateMark(splits[at[1]]) && splits[at[1]] != ' ' ||
		splits[at[2]] != '-' && splits[at[2]] != ' ' {
		return false
	}
	for i := at[2] + 1; i < len(d); i++ {
		if splits[i] == '.' || spaced && splits[i] != 0 {
			return false
		}
	}
	day, month, year := d[:at[0]], d[at[0]:at[1]], d[at[1]:at[2]]
	if len(day) > 2 || len(month) > 2 || len(day)+len(month) == 4 || len(year) != 2 && len(year) != 4 {
		return false
	}
	switch string(d[at[2] : at[2]+2]) {
	case "19", "20":
		return false // a year: "1.8.05-2012"
	}
	now := time.Now().Year()
	if len(year) == 4 {
		switch string(year[:2]) {
		case "19":
		case "20":
			if 2000+atoi2(string(year[2:])) > now-14 {
				return false
			}
		default:
			return false
		}
	} else if y := 2000 + atoi2(string(year)); splits[at[2]] == ' ' && y > now-14 && y <= now+10 {
		return false
	}
	pad := func(b []byte) string {
		if len(b) == 1 {
			return "0" + string(b)
		}
		return string(b)
	}
	return validDate(pad(day), pad(month), string(year[len(year)-2:]))
}

// validDate reports whether DD, MM and YY (two digits each) are a day of
// the calendar: a month 01–12 and a day of that month, so an invoice or
// order number whose first six digits are no date ("3102901234", "31 04
// 90 12 34": no 31 February or 31 April) is no CPR number. YY leaves the
// century open (the serial's first digit tells it), and in every century
// a CPR number covers (1858–2057) 29 February falls in the years YY
// divisible by four: 00 is 2000, a leap year, as 1900 is not, so 29.02.00
// is kept.
func validDate(dd, mm, yy string) bool {
	d, m := atoi2(dd), atoi2(mm)
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	switch m {
	case 2:
		if atoi2(yy)%4 == 0 {
			return d <= 29
		}
		return d <= 28
	case 4, 6, 9, 11:
		return d <= 30
	}
	return d <= 31
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
