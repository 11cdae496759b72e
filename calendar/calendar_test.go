package calendar

import (
	"testing"
	"time"

	"jobmatch"
)

func day(y int, m time.Month, d int) time.Time { return date(y, m, d) }

func TestEaster(t *testing.T) {
	tests := []struct {
		year  int
		month time.Month
		day   int
	}{
		{2000, time.April, 23},
		{2019, time.April, 21},
		{2023, time.April, 9},
		{2024, time.March, 31},
		{2025, time.April, 20},
		{2026, time.April, 5},
		{2038, time.April, 25},
		{2285, time.March, 22}, // earliest possible date
	}
	for _, tt := range tests {
		t.Run(time.Date(tt.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			m, d := Easter(tt.year)
			if m != tt.month || d != tt.day {
				t.Errorf("Easter(%d) = %s %d, want %s %d", tt.year, m, d, tt.month, tt.day)
			}
		})
	}
}

func TestHolidays(t *testing.T) {
	tests := []struct {
		name string
		year int
		want map[string]time.Time
		not  []string
	}{
		{"2023 with store bededag", 2023, map[string]time.Time{
			"store bededag":         day(2023, time.May, 5),
			"Kristi himmelfartsdag": day(2023, time.May, 18),
			"2. pinsedag":           day(2023, time.May, 29),
		}, nil},
		{"2024 without store bededag", 2024, map[string]time.Time{
			"skærtorsdag": day(2024, time.March, 28),
			"2. påskedag": day(2024, time.April, 1),
		}, []string{"store bededag"}},
		{"2025", 2025, map[string]time.Time{
			"nytårsdag":             day(2025, time.January, 1),
			"skærtorsdag":           day(2025, time.April, 17),
			"langfredag":            day(2025, time.April, 18),
			"påskedag":              day(2025, time.April, 20),
			"2. påskedag":           day(2025, time.April, 21),
			"Kristi himmelfartsdag": day(2025, time.May, 29),
			"pinsedag":              day(2025, time.June, 8),
			"2. pinsedag":           day(2025, time.June, 9),
			"juledag":               day(2025, time.December, 25),
			"2. juledag":            day(2025, time.December, 26),
		}, []string{"store bededag", "grundlovsdag"}},
		{"2026", 2026, map[string]time.Time{
			"påskedag":              day(2026, time.April, 5),
			"Kristi himmelfartsdag": day(2026, time.May, 14),
			"pinsedag":              day(2026, time.May, 24),
			"2. pinsedag":           day(2026, time.May, 25),
		}, []string{"store bededag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]time.Time{}
			for _, h := range Holidays(tt.year) {
				if !h.Statutory {
					t.Errorf("%s not marked statutory", h.Name)
				}
				got[h.Name] = h.Date
			}
			for name, want := range tt.want {
				if !got[name].Equal(want) {
					t.Errorf("%s = %s, want %s", name, got[name], want)
				}
			}
			for _, name := range tt.not {
				if _, ok := got[name]; ok {
					t.Errorf("%s present in %d", name, tt.year)
				}
			}
		})
	}
}

func TestClosedDays(t *testing.T) {
	tests := []struct {
		name string
		cal  *Calendar
		want int
	}{
		{"default 2026", Default(), 10 + 3},
		{"statutory only 2026", New(Options{}), 10},
		{"default 2023 with store bededag", Default(), 11 + 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			year := 2026
			if tt.name == "default 2023 with store bededag" {
				year = 2023
			}
			days := tt.cal.ClosedDays(year)
			if len(days) != tt.want {
				t.Fatalf("got %d closed days, want %d: %v", len(days), tt.want, days)
			}
			for i := 1; i < len(days); i++ {
				if !days[i-1].Date.Before(days[i].Date) {
					t.Errorf("not in date order at %d: %v", i, days[i])
				}
			}
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	cph := jobmatch.Copenhagen
	tests := []struct {
		name string
		cal  *Calendar
		at   time.Time
		want bool
	}{
		{"ordinary Monday", Default(), time.Date(2026, 5, 4, 9, 0, 0, 0, cph), true},
		{"Saturday", Default(), time.Date(2026, 5, 2, 9, 0, 0, 0, cph), false},
		{"langfredag 2025", Default(), time.Date(2025, 4, 18, 9, 0, 0, 0, cph), false},
		{"store bededag 2023", Default(), time.Date(2023, 5, 5, 9, 0, 0, 0, cph), false},
		{"former store bededag 2024", Default(), time.Date(2024, 4, 26, 9, 0, 0, 0, cph), true},
		{"grundlovsdag closed for administration", Default(), time.Date(2026, 6, 5, 9, 0, 0, 0, cph), false},
		{"grundlovsdag open with statutory only", New(Options{}), time.Date(2026, 6, 5, 9, 0, 0, 0, cph), true},
		{"juleaftensdag", Default(), time.Date(2026, 12, 24, 9, 0, 0, 0, cph), false},
		{"nytårsaftensdag", Default(), time.Date(2026, 12, 31, 9, 0, 0, 0, cph), false},
		{"Friday 23:59 in Copenhagen, UTC instant", Default(), time.Date(2026, 3, 27, 22, 59, 0, 0, time.UTC), true},
		{"Saturday 00:30 in Copenhagen, still Friday in UTC", Default(), time.Date(2026, 3, 27, 23, 30, 0, 0, time.UTC), false},
		{"Monday after spring DST change", Default(), time.Date(2026, 3, 29, 22, 30, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.IsWorkingDay(tt.at); got != tt.want {
				t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	cph := jobmatch.Copenhagen
	end := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 23, 59, 59, 0, cph) }
	tests := []struct {
		name string
		cal  *Calendar
		from time.Time
		n    int
		want time.Time
	}{
		{"Wednesday before Easter, 2 days", Default(), time.Date(2026, 4, 1, 10, 0, 0, 0, cph), 2, end(2026, 4, 8)},
		{"received skærtorsdag counts from Tuesday", Default(), time.Date(2026, 4, 2, 10, 0, 0, 0, cph), 1, end(2026, 4, 8)},
		{"received Saturday, 1 day", Default(), time.Date(2026, 5, 2, 15, 0, 0, 0, cph), 1, end(2026, 5, 5)},
		{"received grundlovsdag", Default(), time.Date(2026, 6, 5, 8, 0, 0, 0, cph), 1, end(2026, 6, 9)},
		{"grundlovsdag statutory only", New(Options{}), time.Date(2026, 6, 5, 8, 0, 0, 0, cph), 1, end(2026, 6, 8)},
		{"n = 0 is end of day, UTC instant already next day in Copenhagen", Default(), time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), 0, end(2026, 7, 1)},
		{"negative n as 0", Default(), time.Date(2026, 7, 1, 9, 0, 0, 0, cph), -3, end(2026, 7, 1)},
		{"before store bededag 2023", Default(), time.Date(2023, 5, 4, 9, 0, 0, 0, cph), 1, end(2023, 5, 8)},
		{"former store bededag 2024 is a working day", Default(), time.Date(2024, 4, 25, 9, 0, 0, 0, cph), 1, end(2024, 4, 26)},
		{"over Christmas", Default(), time.Date(2026, 12, 23, 9, 0, 0, 0, cph), 1, end(2026, 12, 28)},
		{"over New Year", Default(), time.Date(2026, 12, 30, 9, 0, 0, 0, cph), 1, end(2027, 1, 4)},
		{"across autumn DST change", Default(), time.Date(2026, 10, 23, 16, 0, 0, 0, cph), 1, end(2026, 10, 26)},
		{"ten days", Default(), time.Date(2026, 5, 11, 9, 0, 0, 0, cph), 10, end(2026, 5, 27)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.AddWorkingDays(tt.from, tt.n)
			if !got.Equal(tt.want) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cph := jobmatch.Copenhagen
	tests := []struct {
		name string
		a, b time.Time
		want int
	}{
		{"same day", time.Date(2026, 5, 4, 9, 0, 0, 0, cph), time.Date(2026, 5, 4, 17, 0, 0, 0, cph), 0},
		{"over Easter", time.Date(2026, 4, 1, 9, 0, 0, 0, cph), time.Date(2026, 4, 8, 9, 0, 0, 0, cph), 2},
		{"reversed", time.Date(2026, 4, 8, 9, 0, 0, 0, cph), time.Date(2026, 4, 1, 9, 0, 0, 0, cph), -2},
		{"January 2026", time.Date(2025, 12, 31, 12, 0, 0, 0, cph), time.Date(2026, 1, 31, 12, 0, 0, 0, cph), 21},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Default().WorkingDaysBetween(tt.a, tt.b); got != tt.want {
				t.Errorf("WorkingDaysBetween = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestAddWorkingDaysInverse checks the two functions agree for every
// working day of 2020-2030.
func TestAddWorkingDaysInverse(t *testing.T) {
	cal := Default()
	for d := day(2020, 1, 1); d.Year() < 2031; d = nextDay(d) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, n := range []int{0, 1, 2, 5, 20} {
			due := cal.AddWorkingDays(d, n)
			if !cal.IsWorkingDay(due) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s, not a working day", d, n, due)
			}
			if got := cal.WorkingDaysBetween(d, due); got != n {
				t.Fatalf("WorkingDaysBetween(%s, %s) = %d, want %d", d, due, got, n)
			}
		}
	}
}

func TestPackageHelpersUseDefault(t *testing.T) {
	grundlovsdag := time.Date(2026, 6, 5, 9, 0, 0, 0, jobmatch.Copenhagen)
	if IsWorkingDay(grundlovsdag) {
		t.Error("grundlovsdag is a working day for the package helpers")
	}
	due := AddWorkingDays(grundlovsdag, 1)
	if want := time.Date(2026, 6, 9, 23, 59, 59, 0, jobmatch.Copenhagen); !due.Equal(want) {
		t.Errorf("AddWorkingDays = %s, want %s", due, want)
	}
	if got := WorkingDaysBetween(grundlovsdag, due); got != 2 {
		t.Errorf("WorkingDaysBetween = %d, want 2", got)
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	cal := Default()
	from := time.Date(2026, 12, 18, 9, 0, 0, 0, jobmatch.Copenhagen)
	for b.Loop() {
		cal.AddWorkingDays(from, 10)
	}
}

func TestClosedAgreesWithClosedDays(t *testing.T) {
	for _, cal := range []*Calendar{Default(), New(Options{})} {
		for year := 2000; year <= 2040; year++ {
			want := map[time.Time]bool{}
			for _, h := range cal.ClosedDays(year) {
				want[h.Date] = true
			}
			for d := date(year, 1, 1); d.Year() == year; d = date(year, d.Month(), d.Day()+1) {
				if got := cal.closed(year, d.Month(), d.Day()); got != want[d] {
					t.Fatalf("closed(%s) = %v, ClosedDays says %v", d.Format(time.DateOnly), got, want[d])
				}
			}
		}
	}
}
