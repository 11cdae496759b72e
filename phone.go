package jobmatch

import "strings"

// ValidPhone reports whether s is a phone number to call: a Danish one of
// 8 digits, after +45 or 0045 or not, or a foreign one of + and 7 to 15
// digits; spaces, dots, dashes and brackets may group the digits ("+45 12
// 34 56 78", "(+45) 1234-5678"). Six digits, or words ("ring efter 12"),
// are no number.
func ValidPhone(s string) bool {
	d := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '(', ')', '\u00a0':
			return -1
		}
		return r
	}, s)
	digits := func(s string, least, most int) bool {
		return len(s) >= least && len(s) <= most && strings.Trim(s, "0123456789") == ""
	}
	for _, cc := range []string{"+45", "0045"} {
		if rest, ok := strings.CutPrefix(d, cc); ok {
			return digits(rest, 8, 8)
		}
	}
	if rest, ok := strings.CutPrefix(d, "+"); ok {
		return digits(rest, 7, 15)
	}
	return digits(d, 8, 8)
}

// GroupedPhone writes a Danish phone number in pairs ("28 87 44 89"),
// however it was typed ("28874489", "+45 2887-4489"); anything else as
// typed. The staff's own numbers are stored so, and the pages show a
// caller's so.
func GroupedPhone(s string) string {
	s = strings.TrimSpace(s)
	d := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\u00a0':
			return -1
		}
		return r
	}, s)
	d = strings.TrimPrefix(strings.TrimPrefix(d, "+45"), "0045")
	if len(d) != 8 || strings.Trim(d, "0123456789") != "" {
		return s
	}
	return d[0:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:8]
}
