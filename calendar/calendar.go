// Package calendar owns the Danish working-day calendar: public holidays
// (helligdage), the extra days the public administration keeps closed, and
// deadline arithmetic in working days (e.g. "answer a company's request
// within 2 working days"). Every date is evaluated in Europe/Copenhagen.
package calendar

import (
	"sort"
	"time"

	"jobmatch"
)

// Holiday is one non-working day of a year.
type Holiday struct {
	// Date is the calendar day at midnight Europe/Copenhagen.
	Date time.Time
	// Name is the Danish name, e.g. "langfredag".
	Name string
	// Statutory is true for the public holidays fixed by law (helligdage);
	// false for days only the administration keeps closed (see Options).
	Statutory bool
}

// FixedDay is a day that falls on the same date every year.
type FixedDay struct {
	Month time.Month
	Day   int
	Name  string
}

// AdministrationDays returns the days that are not public holidays by law,
// but on which Danish public administration (and so the jobcenter) is
// closed by agreement: grundlovsdag, juleaftensdag and nytårsaftensdag. A
// deadline counted in working days must therefore skip them.
func AdministrationDays() []FixedDay {
	return []FixedDay{
		{time.June, 5, "grundlovsdag"},
		{time.December, 24, "juleaftensdag"},
		{time.December, 31, "nytårsaftensdag"},
	}
}

// Options configures a Calendar.
type Options struct {
	// Extra lists fixed-date days closed in addition to the statutory
	// holidays. DefaultOptions sets it to AdministrationDays; leave it empty
	// for the statutory holidays only.
	Extra []FixedDay
}

// DefaultOptions is the calendar of the municipal administration: statutory
// holidays plus AdministrationDays.
func DefaultOptions() Options {
	return Options{Extra: AdministrationDays()}
}

// Calendar answers working-day questions. It is immutable and safe for
// concurrent use.
type Calendar struct {
	extra []FixedDay
}

// New returns a calendar with the given options.
func New(opts Options) *Calendar {
	return &Calendar{extra: append([]FixedDay(nil), opts.Extra...)}
}

// Default returns the administration's calendar (DefaultOptions).
func Default() *Calendar { return New(DefaultOptions()) }

// Easter returns Easter Sunday of year (Gregorian calendar) by the anonymous
// Gregorian algorithm (Meeus/Jones/Butcher), valid for every year from 1583.
func Easter(year int) (time.Month, int) {
	a := year % 19
	b := year / 100
	c := year % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Month(month), day
}

// lastStoreBededag is the last year store bededag was a public holiday; the
// day was abolished by law from 2024.
const lastStoreBededag = 2023

// Holidays returns the statutory public holidays of year in date order.
// Store bededag (4th Friday after Easter) is included only up to 2023.
func Holidays(year int) []Holiday {
	em, ed := Easter(year)
	easter := func(offset int, name string) Holiday {
		return Holiday{Date: date(year, em, ed+offset), Name: name, Statutory: true}
	}
	hs := []Holiday{
		{Date: date(year, time.January, 1), Name: "nytårsdag", Statutory: true},
		easter(-3, "skærtorsdag"),
		easter(-2, "langfredag"),
		easter(0, "påskedag"),
		easter(1, "2. påskedag"),
	}
	if year <= lastStoreBededag {
		hs = append(hs, easter(26, "store bededag"))
	}
	hs = append(hs,
		easter(39, "Kristi himmelfartsdag"),
		easter(49, "pinsedag"),
		easter(50, "2. pinsedag"),
		Holiday{Date: date(year, time.December, 25), Name: "juledag", Statutory: true},
		Holiday{Date: date(year, time.December, 26), Name: "2. juledag", Statutory: true},
	)
	return hs
}

// ClosedDays returns every holiday and extra closed day of year in date
// order. A day that is both (none today) is listed once, as statutory.
func (c *Calendar) ClosedDays(year int) []Holiday {
	hs := Holidays(year)
	seen := make(map[time.Time]bool, len(hs))
	for _, h := range hs {
		seen[h.Date] = true
	}
	for _, x := range c.extra {
		d := date(year, x.Month, x.Day)
		if !seen[d] {
			seen[d] = true
			hs = append(hs, Holiday{Date: d, Name: x.Name})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
	return hs
}

// HolidayOn returns the closed day t falls on (in Copenhagen), if any.
func (c *Calendar) HolidayOn(t time.Time) (Holiday, bool) {
	lt := t.In(jobmatch.Copenhagen)
	d := date(lt.Year(), lt.Month(), lt.Day())
	for _, h := range c.ClosedDays(lt.Year()) {
		if h.Date.Equal(d) {
			return h, true
		}
	}
	return Holiday{}, false
}

// IsWorkingDay reports whether t falls, in Europe/Copenhagen, on a Monday to
// Friday that is not a closed day.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	lt := t.In(jobmatch.Copenhagen)
	if wd := lt.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.closed(lt.Year(), lt.Month(), lt.Day())
}

// closed is the allocation-free form of HolidayOn used by the deadline
// loops; TestClosedAgreesWithClosedDays keeps the two in step.
func (c *Calendar) closed(y int, m time.Month, d int) bool {
	for _, x := range c.extra {
		if x.Month == m && x.Day == d {
			return true
		}
	}
	if (m == time.January && d == 1) || (m == time.December && (d == 25 || d == 26)) {
		return true
	}
	em, ed := Easter(y)
	off := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(y, em, ed, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	switch off {
	case -3, -2, 0, 1, 39, 49, 50:
		return true
	case 26:
		return y <= lastStoreBededag
	}
	return false
}

// AddWorkingDays returns the deadline n working days after from: 23:59:59
// Europe/Copenhagen on the n-th working day after the day of receipt. A
// request received on a weekend or closed day counts as received on the
// next working day, so a Saturday request with n = 1 is due Tuesday.
// n = 0 gives the end of the (effective) day of receipt; a negative n is
// treated as 0.
func (c *Calendar) AddWorkingDays(from time.Time, n int) time.Time {
	d := noon(from)
	for !c.IsWorkingDay(d) {
		d = nextDay(d)
	}
	for ; n > 0; n-- {
		d = nextDay(d)
		for !c.IsWorkingDay(d) {
			d = nextDay(d)
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, jobmatch.Copenhagen)
}

// WorkingDaysBetween counts the working days after a's day up to and
// including b's day (calendar days in Copenhagen), negative when b is before
// a. For a working day a, WorkingDaysBetween(a, AddWorkingDays(a, n)) == n,
// so it tells how many working days an answer took.
func (c *Calendar) WorkingDaysBetween(a, b time.Time) int {
	sign := 1
	da, db := noon(a), noon(b)
	if db.Before(da) {
		da, db, sign = db, da, -1
	}
	n := 0
	for d := nextDay(da); !d.After(db); d = nextDay(d) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return sign * n
}

// date is midnight of a calendar day in Copenhagen; time.Date normalises
// overflowing days (Easter + 50 etc.).
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, jobmatch.Copenhagen)
}

// noon is the middle of t's Copenhagen day: stepping by calendar days from
// noon never lands on the wrong day across a DST change.
func noon(t time.Time) time.Time {
	lt := t.In(jobmatch.Copenhagen)
	return time.Date(lt.Year(), lt.Month(), lt.Day(), 12, 0, 0, 0, jobmatch.Copenhagen)
}

func nextDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day()+1, 12, 0, 0, 0, jobmatch.Copenhagen)
}

// administration is the Default calendar behind the package-level helpers;
// it is never modified.
var administration = Default()

// IsWorkingDay is Default().IsWorkingDay.
func IsWorkingDay(t time.Time) bool { return administration.IsWorkingDay(t) }

// AddWorkingDays is Default().AddWorkingDays.
func AddWorkingDays(from time.Time, n int) time.Time {
	return administration.AddWorkingDays(from, n)
}

// WorkingDaysBetween is Default().WorkingDaysBetween.
func WorkingDaysBetween(a, b time.Time) int { return administration.WorkingDaysBetween(a, b) }
