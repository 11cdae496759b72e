package kpi

import (
	"fmt"
	"strconv"
	"time"

	"jobmatch"
)

// PeriodKind is the length of a reporting period.
type PeriodKind int

const (
	Year PeriodKind = iota + 1
	Half
	Month
)

// Period is a reporting period in Europe/Copenhagen: a year ("2026"), a
// half-year ("2026-H1") or a month ("2026-05"). Its String form is the
// period key stored on events and counter documents (jobmatch.PeriodsOf).
type Period struct {
	Kind PeriodKind
	Year int
	// N is the half (1, 2) or the month (1..12); 0 for a year.
	N int
}

// ParsePeriod parses "2026", "2026-H1", "2026-H2" or "2026-05". Anything
// else, including years outside 1000..9999, is an ErrInvalid.
func ParsePeriod(s string) (Period, error) {
	bad := func() (Period, error) {
		return Period{}, fmt.Errorf("kpi: parse period %q: want YYYY, YYYY-H1, YYYY-H2 or YYYY-MM: %w", s, jobmatch.ErrInvalid)
	}
	if len(s) < 4 {
		return bad()
	}
	y, ok := digits(s[:4])
	if !ok || y < 1000 {
		return bad()
	}
	switch {
	case len(s) == 4:
		return Period{Kind: Year, Year: y}, nil
	case len(s) == 7 && s[4:6] == "-H" && (s[6] == '1' || s[6] == '2'):
		return Period{Kind: Half, Year: y, N: int(s[6] - '0')}, nil
	case len(s) == 7 && s[4] == '-':
		m, ok := digits(s[5:])
		if !ok || m < 1 || m > 12 {
			return bad()
		}
		return Period{Kind: Month, Year: y, N: m}, nil
	}
	return bad()
}

// digits parses an unsigned decimal of ASCII digits only (no sign, no
// spaces, which strconv.Atoi would accept in part).
func digits(s string) (int, bool) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// PeriodOf returns the period of kind that t falls in, in Copenhagen: at
// 2026-06-30T22:30Z it is already 1 July there, so the half is 2026-H2.
func PeriodOf(kind PeriodKind, t time.Time) Period {
	lt := t.In(jobmatch.Copenhagen)
	p := Period{Kind: kind, Year: lt.Year()}
	switch kind {
	case Half:
		p.N = 1
		if lt.Month() > time.June {
			p.N = 2
		}
	case Month:
		p.N = int(lt.Month())
	}
	return p
}

// String returns the period key: "2026", "2026-H1" or "2026-05".
func (p Period) String() string {
	switch p.Kind {
	case Half:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	default:
		return fmt.Sprintf("%04d", p.Year)
	}
}

// MarshalText lets a Period be a JSON string and a query parameter.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses the period key.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// firstMonth is the first month of the period; months is its length.
func (p Period) firstMonth() (time.Month, int) {
	switch p.Kind {
	case Half:
		return time.Month(6*(p.N-1) + 1), 6
	case Month:
		return time.Month(p.N), 1
	default:
		return time.January, 12
	}
}

// Start is the first instant of the period in Copenhagen.
func (p Period) Start() time.Time {
	m, _ := p.firstMonth()
	return time.Date(p.Year, m, 1, 0, 0, 0, 0, jobmatch.Copenhagen)
}

// End is the first instant after the period, so the period is [Start, End).
func (p Period) End() time.Time {
	m, n := p.firstMonth()
	return time.Date(p.Year, m+time.Month(n), 1, 0, 0, 0, 0, jobmatch.Copenhagen)
}

// LateUntil is the first instant at which events may no longer be dated
// inside the period: the end of the month after its last half-year (1 Feb
// for a year or its second half, 1 Aug for a first half). A half-year is
// reported when it is over; December's visits are still logged in
// January, June's in July, and none after, or a reported figure would
// change silently (a contact dated March, logged in December).
func (p Period) LateUntil() time.Time {
	last := PeriodOf(Half, p.End().AddDate(0, 0, -1))
	return last.End().AddDate(0, 1, 0)
}

// OpenFrom is the first day an event logged at now may be dated: the
// current half-year's first, or in a half-year's first month the previous
// half-year's (Period.LateUntil).
func OpenFrom(now time.Time) time.Time {
	h := PeriodOf(Half, now)
	if now.Before(h.Prev().LateUntil()) {
		h = h.Prev()
	}
	return h.Start()
}

// Contains reports whether t falls inside the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start()) && t.Before(p.End())
}

// Days is the number of calendar days in the period.
func (p Period) Days() int {
	return civilDays(p.Start(), p.End())
}

// Prev returns the period of the same kind just before: 2026-H1 → 2025-H2,
// 2026-01 → 2025-12.
func (p Period) Prev() Period { return p.shift(-1) }

// Next returns the period of the same kind just after.
func (p Period) Next() Period { return p.shift(1) }

// SameLastYear returns the period of the same kind one year earlier, for
// year-on-year comparison.
func (p Period) SameLastYear() Period { p.Year--; return p }

func (p Period) shift(by int) Period {
	per := map[PeriodKind]int{Half: 2, Month: 12}[p.Kind]
	if per == 0 {
		p.Year += by
		return p
	}
	i := p.Year*per + (p.N - 1) + by
	p.Year, p.N = floorDiv(i, per), i-floorDiv(i, per)*per+1
	return p
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Months returns the months of the period in order: six for a half, twelve
// for a year, itself for a month.
func (p Period) Months() []Period {
	m, n := p.firstMonth()
	out := make([]Period, n)
	for i := range out {
		out[i] = Period{Kind: Month, Year: p.Year, N: int(m) + i}
	}
	return out
}

// Halves returns the two halves of a year, or the half itself; nil for a
// month.
func (p Period) Halves() []Period {
	switch p.Kind {
	case Year:
		return []Period{{Kind: Half, Year: p.Year, N: 1}, {Kind: Half, Year: p.Year, N: 2}}
	case Half:
		return []Period{p}
	}
	return nil
}

// civilDays counts calendar days from a's day to b's day in Copenhagen,
// independent of DST (a day of 23 or 25 hours is still one day).
func civilDays(a, b time.Time) int {
	a, b = a.In(jobmatch.Copenhagen), b.In(jobmatch.Copenhagen)
	ua := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	ub := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}
