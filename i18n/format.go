package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Values that render differently per language. Render and Message format
// each argument with its language: numbers with a decimal comma in Danish,
// dates as 2.1.2006 or 2 Jan 2006, labels in the page's language.
type (
	// Num is a number with at most one decimal (13,5 / 13.5).
	Num float64
	// Years is a duration in years: "13,5 år" / "13.5 years".
	Years float64
	// YearsOf is a duration in years before what it measures, Danish's
	// genitive: "5 års erfaring" / "5 years of experience".
	YearsOf float64
	// Km is a distance: one decimal below 10 km, whole km above.
	Km float64
	// Pct is a share 0..1 shown as a whole percentage: "64 %" / "64%".
	Pct float64
	// Day is a calendar date.
	Day time.Time
	// Both is a text that exists in both languages (a label from the
	// taxonomy, say); an empty side falls back to the other.
	Both struct{ DA, EN string }
	// Key is a message key rendered in the language (T).
	Key string
	// Quote is a text shown as written, between quotation marks.
	Quote string
	// Count is "n af m" / "n of m".
	Count struct{ N, Of int }
	// List is joined with ", ", each part formatted in the language.
	List []any
)

// Localizer is an argument that words itself in a language.
type Localizer interface{ In(lang Lang) string }

// Number formats v with exactly decimals digits after the language's
// decimal mark (Danish: comma), and a thousands separator from 10,000
// (Danish: point, English: comma).
func Number(lang Lang, v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	thousands, mark := ",", "."
	if lang != EN {
		thousands, mark = ".", ","
	}
	if len(intPart) > 4 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString(thousands)
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac == "" {
		return intPart
	}
	return intPart + mark + frac
}

// Short formats v with at most one decimal, dropping a zero decimal
// (13,5 · 3 · 0,2).
func Short(lang Lang, v float64) string {
	r := math.Round(v*10) / 10
	if r == math.Trunc(r) {
		return Number(lang, r, 0)
	}
	return Number(lang, r, 1)
}

// Percent formats a share 0..1 as a whole percentage: "64 %" in Danish
// (with the space Danish typography asks for), "64%" in English.
func Percent(lang Lang, v float64) string {
	n := Number(lang, math.Round(v*100), 0)
	if lang == EN {
		return n + "%"
	}
	return n + " %"
}

// Format renders one argument in lang.
func Format(lang Lang, a any) string {
	switch v := a.(type) {
	case nil:
		return ""
	case string:
		return v
	case Num:
		return Short(lang, float64(v))
	case float64:
		return Short(lang, v)
	case int:
		return Number(lang, float64(v), 0)
	case Years:
		y := float64(v)
		if lang == EN {
			if y == 1 {
				return "1 year"
			}
			return Short(lang, y) + " years"
		}
		return Short(lang, y) + " år"
	case YearsOf:
		if lang == EN {
			return Format(lang, Years(v))
		}
		return Short(lang, float64(v)) + " års"
	case Km:
		d := float64(v)
		if d < 10 {
			return Short(lang, d) + " km"
		}
		return Number(lang, math.Round(d), 0) + " km"
	case Pct:
		return Percent(lang, float64(v))
	case Day:
		return Date(lang, time.Time(v))
	case Both:
		if lang == EN && v.EN != "" || v.DA == "" {
			return v.EN
		}
		return v.DA
	case Key:
		return T(lang, string(v))
	case Quote:
		return "“" + string(v) + "”"
	case Count:
		if lang == EN {
			return fmt.Sprintf("%d of %d", v.N, v.Of)
		}
		return fmt.Sprintf("%d af %d", v.N, v.Of)
	case List:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = Format(lang, x)
		}
		return strings.Join(parts, ", ")
	case Localizer:
		return v.In(lang)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(a)
}

// Render returns the text of key in lang with each argument formatted in
// lang (see Format); the message's verbs are all %s.
func Render(lang Lang, key string, args ...any) string {
	if len(args) == 0 {
		return T(lang, key)
	}
	s := make([]any, len(args))
	for i, a := range args {
		s[i] = Format(lang, a)
	}
	return T(lang, key, s...)
}

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
		return Date(lang, t) + ", " + Clock(lang, t)
	}
	return Date(lang, t) + " kl. " + Clock(lang, t)
}

// Clock is the time of day as the language writes it: Danish "14.05"
// (after "kl."), English "14:05". Every time of day a page says is
// written by it (the hotline's warning said "kl. 21:10" and its list
// "kl. 21.16").
func Clock(lang Lang, t time.Time) string {
	if lang == EN {
		return t.Format("15:04")
	}
	return t.Format("15.04")
}

// TimeSpan writes a span of time, the day once when it ends on the day it
// began: "10. dec. 2026 kl. 10.00–11.00" / "10 Dec 2026, 10:00–11:00".
func TimeSpan(lang Lang, from, to time.Time) string {
	if from.IsZero() || to.IsZero() {
		return DateTime(lang, from)
	}
	if from.Year() != to.Year() || from.YearDay() != to.YearDay() {
		return DateTime(lang, from) + "–" + DateTime(lang, to)
	}
	return DateTime(lang, from) + "–" + Clock(lang, to)
}

// Trimmed is Number with at most decimals decimals, trailing zeros
// dropped: Danish "13,5", English "13.5".
func Trimmed(lang Lang, v float64, decimals int) string {
	s := Number(lang, v, decimals)
	mark := ","
	if lang == EN {
		mark = "."
	}
	if strings.Contains(s, mark) {
		s = strings.TrimRight(strings.TrimRight(s, "0"), mark)
	}
	return s
}
