package kpi

import (
	"errors"
	"math"
	"testing"
	"time"

	"jobmatch"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
		ok   bool
	}{
		{"2026", Period{Kind: Year, Year: 2026}, true},
		{"2026-H1", Period{Kind: Half, Year: 2026, N: 1}, true},
		{"2026-H2", Period{Kind: Half, Year: 2026, N: 2}, true},
		{"2026-05", Period{Kind: Month, Year: 2026, N: 5}, true},
		{"2026-12", Period{Kind: Month, Year: 2026, N: 12}, true},
		{"", Period{}, false},
		{"26", Period{}, false},
		{"0999", Period{}, false},
		{"2026-H3", Period{}, false},
		{"2026-h1", Period{}, false},
		{"2026-13", Period{}, false},
		{"2026-00", Period{}, false},
		{"2026-5", Period{}, false},
		{"2026-+5", Period{}, false},
		{"+026", Period{}, false},
		{"2026-05-01", Period{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePeriod(tt.in)
			if tt.ok {
				if err != nil || got != tt.want {
					t.Fatalf("ParsePeriod(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
				}
				if got.String() != tt.in {
					t.Errorf("String() = %q, want %q", got.String(), tt.in)
				}
				return
			}
			if !errors.Is(err, jobmatch.ErrInvalid) {
				t.Errorf("ParsePeriod(%q) err = %v, want ErrInvalid", tt.in, err)
			}
		})
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026", "2026-H1", "2026-05", "2026-13", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Errorf("ParsePeriod(%q).String() = %q", s, p.String())
		}
		if !p.Start().Before(p.End()) {
			t.Errorf("%s: empty period", s)
		}
	})
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		name string
		at   time.Time
		kind PeriodKind
		want string
	}{
		{"30 June 22:30Z is 1 July in Copenhagen", time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), Half, "2026-H2"},
		{"30 June 21:59Z is still June", time.Date(2026, 6, 30, 21, 59, 0, 0, time.UTC), Half, "2026-H1"},
		{"New Year's Eve 23:30Z is next year", time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), Year, "2026"},
		{"New Year's Eve 22:59Z", time.Date(2025, 12, 31, 22, 59, 0, 0, time.UTC), Half, "2025-H2"},
		{"month across spring DST", time.Date(2026, 3, 31, 22, 0, 0, 0, time.UTC), Month, "2026-04"},
		{"month across autumn DST", time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC), Month, "2026-11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PeriodOf(tt.kind, tt.at)
			if p.String() != tt.want {
				t.Errorf("PeriodOf = %s, want %s", p, tt.want)
			}
			if !p.Contains(tt.at) {
				t.Errorf("%s does not contain %s", p, tt.at)
			}
			periods := jobmatch.PeriodsOf(tt.at)
			if want := map[PeriodKind]string{Year: periods.Year, Half: periods.Half, Month: periods.Month}[tt.kind]; want != p.String() {
				t.Errorf("disagrees with jobmatch.PeriodsOf: %s vs %s", p, want)
			}
		})
	}
}

func TestPeriodNavigation(t *testing.T) {
	tests := []struct {
		in, prev, next, lastYear string
	}{
		{"2026-H1", "2025-H2", "2026-H2", "2025-H1"},
		{"2026-H2", "2026-H1", "2027-H1", "2025-H2"},
		{"2026-01", "2025-12", "2026-02", "2025-01"},
		{"2026-12", "2026-11", "2027-01", "2025-12"},
		{"2026", "2025", "2027", "2025"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Prev().String(); got != tt.prev {
				t.Errorf("Prev = %s, want %s", got, tt.prev)
			}
			if got := p.Next().String(); got != tt.next {
				t.Errorf("Next = %s, want %s", got, tt.next)
			}
			if got := p.SameLastYear().String(); got != tt.lastYear {
				t.Errorf("SameLastYear = %s, want %s", got, tt.lastYear)
			}
			if !p.Prev().End().Equal(p.Start()) {
				t.Errorf("Prev ends %s, period starts %s", p.Prev().End(), p.Start())
			}
		})
	}
}

func TestPeriodBoundsAndMonths(t *testing.T) {
	cph := jobmatch.Copenhagen
	tests := []struct {
		in         string
		start, end time.Time
		days       int
		months     []string
	}{
		{"2026-H1", time.Date(2026, 1, 1, 0, 0, 0, 0, cph), time.Date(2026, 7, 1, 0, 0, 0, 0, cph), 181,
			[]string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}},
		{"2026-H2", time.Date(2026, 7, 1, 0, 0, 0, 0, cph), time.Date(2027, 1, 1, 0, 0, 0, 0, cph), 184,
			[]string{"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"}},
		{"2024", time.Date(2024, 1, 1, 0, 0, 0, 0, cph), time.Date(2025, 1, 1, 0, 0, 0, 0, cph), 366, nil},
		{"2026-03", time.Date(2026, 3, 1, 0, 0, 0, 0, cph), time.Date(2026, 4, 1, 0, 0, 0, 0, cph), 31, []string{"2026-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, _ := ParsePeriod(tt.in)
			if !p.Start().Equal(tt.start) || !p.End().Equal(tt.end) {
				t.Errorf("bounds [%s, %s), want [%s, %s)", p.Start(), p.End(), tt.start, tt.end)
			}
			if p.Days() != tt.days {
				t.Errorf("Days = %d, want %d", p.Days(), tt.days)
			}
			ms := p.Months()
			if tt.months == nil {
				if len(ms) != 12 || ms[0].String() != "2024-01" || ms[11].String() != "2024-12" {
					t.Errorf("Months = %v", ms)
				}
				return
			}
			if len(ms) != len(tt.months) {
				t.Fatalf("Months = %v, want %v", ms, tt.months)
			}
			for i := range ms {
				if ms[i].String() != tt.months[i] {
					t.Errorf("Months[%d] = %s, want %s", i, ms[i], tt.months[i])
				}
			}
		})
	}
	if hs := (Period{Kind: Year, Year: 2026}).Halves(); len(hs) != 2 || hs[1].String() != "2026-H2" {
		t.Errorf("Halves = %v", hs)
	}
}

func TestPeriodText(t *testing.T) {
	var p Period
	if err := p.UnmarshalText([]byte("2026-H2")); err != nil || p.String() != "2026-H2" {
		t.Fatalf("UnmarshalText: %v, %v", p, err)
	}
	if b, _ := p.MarshalText(); string(b) != "2026-H2" {
		t.Errorf("MarshalText = %s", b)
	}
	if err := p.UnmarshalText([]byte("H2")); !errors.Is(err, jobmatch.ErrInvalid) {
		t.Errorf("err = %v", err)
	}
}

func TestTargetTrend(t *testing.T) {
	cph := jobmatch.Copenhagen
	y2026 := Period{Kind: Year, Year: 2026}
	tests := []struct {
		name     string
		p        Period
		target   float64
		actual   int
		at       time.Time
		elapsed  float64
		expected float64
		onTrack  bool
	}{
		{"mid-year, ahead", y2026, 2300, 1200, time.Date(2026, 7, 1, 0, 0, 0, 0, cph), 181.0 / 365, 2300 * 181.0 / 365, true},
		{"mid-year, behind", y2026, 2300, 1100, time.Date(2026, 7, 1, 0, 0, 0, 0, cph), 181.0 / 365, 2300 * 181.0 / 365, false},
		{"noon after spring DST counts half a day", y2026, 2300, 600, time.Date(2026, 4, 1, 12, 0, 0, 0, cph), 90.5 / 365, 2300 * 90.5 / 365, true},
		{"UTC instant on New Year's Eve is already next year", Period{Kind: Year, Year: 2025}, 2000, 1990, time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), 1, 2000, false},
		// Nothing is on track in a period not begun ("På sporet" with 0
		// contacts for next year's first half).
		{"before the period", y2026, 2300, 0, time.Date(2025, 12, 1, 0, 0, 0, 0, cph), 0, 0, false},
		{"leap year", Period{Kind: Year, Year: 2024}, 2000, 1000, time.Date(2024, 7, 2, 0, 0, 0, 0, cph), 183.0 / 366, 2000 * 183.0 / 366, true},
		{"half-year target", Period{Kind: Half, Year: 2026, N: 2}, 1250, 700, time.Date(2026, 10, 1, 0, 0, 0, 0, cph), 92.0 / 184, 625, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := TargetTrend(tt.p, tt.target, tt.actual, tt.at)
			if !near(tr.Elapsed, tt.elapsed, 1e-12) || !near(tr.Expected, tt.expected, 1e-9) || tr.OnTrack != tt.onTrack {
				t.Errorf("Elapsed=%v Expected=%v OnTrack=%v, want %v %v %v", tr.Elapsed, tr.Expected, tr.OnTrack, tt.elapsed, tt.expected, tt.onTrack)
			}
			if !near(tr.Gap, float64(tt.actual)-tt.expected, 1e-9) {
				t.Errorf("Gap = %v", tr.Gap)
			}
			if tt.elapsed > 0 && !near(tr.Projected, float64(tt.actual)/tt.elapsed, 1e-9) {
				t.Errorf("Projected = %v", tr.Projected)
			}
			if math.IsNaN(tr.Projected) {
				t.Errorf("Projected is NaN")
			}
		})
	}
}

// TestTrendSaysWhetherThePeriodHasBegunOrEnded: a period over says whether
// the target was met (not "on track, projected …"), one not begun says so
// (not "on track" with nothing done), and only a running one has a pace.
func TestTrendSaysWhetherThePeriodHasBegunOrEnded(t *testing.T) {
	cph := jobmatch.Copenhagen
	h1 := Period{Kind: Half, Year: 2026, N: 1}
	for _, tt := range []struct {
		name    string
		actual  int
		at      time.Time
		state   State
		met     bool
		onTrack bool
	}{
		{"ended, met", 1200, time.Date(2026, 12, 7, 12, 0, 0, 0, cph), Ended, true, true},
		{"ended, not met", 1100, time.Date(2026, 12, 7, 12, 0, 0, 0, cph), Ended, false, false},
		{"ended at the first instant after", 1150, time.Date(2026, 7, 1, 0, 0, 0, 0, cph), Ended, true, true},
		{"running, ahead of the pace but short of the target", 700, time.Date(2026, 4, 1, 0, 0, 0, 0, cph), Running, false, true},
		{"running from the first instant", 0, time.Date(2026, 1, 1, 0, 0, 0, 0, cph), Running, false, true},
		{"not begun", 0, time.Date(2025, 12, 31, 23, 59, 0, 0, cph), NotStarted, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tr := TargetTrend(h1, 1150, tt.actual, tt.at)
			if tr.State != tt.state || tr.Met != tt.met || tr.OnTrack != tt.onTrack {
				t.Errorf("state %v met %v on track %v, want %v %v %v", tr.State, tr.Met, tr.OnTrack, tt.state, tt.met, tt.onTrack)
			}
		})
	}
	if NotStarted.String() != "not_started" || Running.String() != "running" || Ended.String() != "ended" {
		t.Errorf("state keys: %s %s %s", NotStarted, Running, Ended)
	}
}

// TestContactsOpenFrom: an event is dated in its half-year or, in the
// month after it, the half-year before; never in one already reported.
func TestContactsOpenFrom(t *testing.T) {
	cph := jobmatch.Copenhagen
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 12, 7, 10, 0, 0, 0, cph), "2026-07-01"},
		{time.Date(2026, 7, 31, 23, 59, 0, 0, cph), "2026-01-01"},
		{time.Date(2026, 8, 1, 0, 0, 0, 0, cph), "2026-07-01"},
		{time.Date(2027, 1, 15, 10, 0, 0, 0, cph), "2026-07-01"},
		{time.Date(2027, 2, 1, 0, 30, 0, 0, cph), "2027-01-01"},
		{time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC), "2026-01-01"}, // 1 Feb in Copenhagen
	} {
		if got := OpenFrom(c.now).Format(time.DateOnly); got != c.want {
			t.Errorf("OpenFrom(%s) = %s, want %s", c.now, got, c.want)
		}
	}
	for p, want := range map[string]string{"2026": "2027-02-01", "2026-H2": "2027-02-01", "2026-H1": "2026-08-01", "2026-03": "2026-08-01", "2026-11": "2027-02-01"} {
		pp, _ := ParsePeriod(p)
		if got := pp.LateUntil().Format(time.DateOnly); got != want {
			t.Errorf("%s.LateUntil() = %s, want %s", p, got, want)
		}
	}
}
