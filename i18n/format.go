package i18n

import (
	"strconv"
	"strings"
	"time"
)

var monthsDA = [12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
var monthsEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Date formats a calendar date the one way every page shows dates: Danish
// "3. dec. 2026", English "3 Dec 2026". The zero time is "".
func Date(lang Lang, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := strconv.Itoa(t.Day())
	if lang == EN {
		return d + " " + monthsEN[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return d + ". " + monthsDA[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// DateTime is Date with the time of day where it matters: Danish
// "3. dec. 2026 kl. 14.05", English "3 Dec 2026, 14:05".
func DateTime(lang Lang, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if lang == EN {
		return Date(lang, t) + ", " + t.Format("15:04")
	}
	return Date(lang, t) + " kl. " + t.Format("15.04")
}

// Number formats v with at most decimals decimals (trailing zeros dropped)
// and the language's decimal mark: Danish "13,5", English "13.5".
func Number(lang Lang, v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if lang != EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
