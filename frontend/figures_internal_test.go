package frontend

import (
	"strings"
	"testing"

	"jobmatch/app/followup"
	"jobmatch/i18n"
)

// TestChangeOfTheFiguresShown: the report's change is the difference of
// the two figures as shown (67,6 % and 59,4 % said +8,3 points: the
// unrounded shares' difference), no change is "0", not "+0"; and a period
// is said in words.
func TestChangeOfTheFiguresShown(t *testing.T) {
	diff := funcs["fdiff"].(func(i18n.Lang, string, float64, float64) string)
	for _, c := range []struct {
		unit      string
		v, prev   float64
		lang      i18n.Lang
		want      string
		shownV, p string
	}{
		{"share", 0.67563, 0.59438, i18n.DA, "+8,2 pct.-point", "67,6\u00a0%", "59,4\u00a0%"},
		{"share", 0.90960, 0.96054, i18n.DA, "−5,1 pct.-point", "91,0\u00a0%", "96,1\u00a0%"},
		{"share", 0.5714, 0.45164, i18n.EN, "+11.9 pp", "57.1%", "45.2%"},
		{"count", 1500, 1500, i18n.DA, "0", "1.500", "1.500"},
		{"days", 22.44, 22.41, i18n.DA, "0", "22,4", "22,4"},
	} {
		fig := funcs["ffig"].(func(i18n.Lang, string, float64) string)
		if got := fig(c.lang, c.unit, c.v) + " / " + fig(c.lang, c.unit, c.prev); got != c.shownV+" / "+c.p {
			t.Errorf("shown %q, want %q", got, c.shownV+" / "+c.p)
		}
		if got := diff(c.lang, c.unit, c.v, c.prev); got != c.want {
			t.Errorf("change %v → %v (%s): %q, want %q", c.prev, c.v, c.unit, got, c.want)
		}
	}
	for p, want := range map[string]string{"2026-H1": "1. halvår 2026", "2026-H2": "2. halvår 2026", "2026": "2026"} {
		if got := periodName(i18n.DA, p); got != want {
			t.Errorf("periodName(%q) = %q, want %q", p, got, want)
		}
	}
	if got := periodName(i18n.EN, "2026-H2"); got != "second half of 2026" {
		t.Errorf("periodName in English: %q", got)
	}
}

// TestWholeDaysAndPercentsAsPeopleWriteThem: a median of whole days is
// "44 dage", not "44,0", in the report and its change too; a percent keeps
// its "%" on the number's line (a non-breaking space: "73,5 %" wrapped
// between the two at 390 px).
func TestWholeDaysAndPercentsAsPeopleWriteThem(t *testing.T) {
	fig := funcs["ffig"].(func(i18n.Lang, string, float64) string)
	diff := funcs["fdiff"].(func(i18n.Lang, string, float64, float64) string)
	unit := funcs["figunit"].(func(string, ...float64) string)
	for _, c := range []struct {
		unit    string
		v, prev float64
		lang    i18n.Lang
		shown   string
		change  string
	}{
		{"days", 44, 41, i18n.DA, "44", "+3"},
		{"days", 1200, 44, i18n.DA, "1.200", "+1.156"},
		{"days", 12.5, 10, i18n.DA, "12,5", "+2,5"},
		{"days", 44, 40.5, i18n.EN, "44", "+3.5"},
		{"hours", 22, 21, i18n.DA, "22,0", "+1,0"},
		{"share", 0.735, 0.7, i18n.DA, "73,5\u00a0%", "+3,5 pct.-point"},
	} {
		if got := fig(c.lang, unit(c.unit, c.v), c.v); got != c.shown {
			t.Errorf("%v %s shown %q, want %q", c.v, c.unit, got, c.shown)
		}
		if got := diff(c.lang, unit(c.unit, c.v, c.prev), c.v, c.prev); got != c.change {
			t.Errorf("%v → %v %s: change %q, want %q", c.prev, c.v, c.unit, got, c.change)
		}
	}
	if got := fmtDays(i18n.DA, 44); got != "44" {
		t.Errorf("fmtDays(44) = %q", got)
	}
	if got := fmtDays(i18n.DA, 2.5); got != "2,5" {
		t.Errorf("fmtDays(2.5) = %q", got)
	}
	if got := fmtPct(i18n.DA, 0.735); got != "73,5\u00a0%" || strings.Contains(got, " ") {
		t.Errorf("fmtPct = %q, want a non-breaking space", got)
	}
}

// TestPeriodAndTargetInWords: a running period is provisional up to a day,
// one to come has not begun, an ended one says nothing; the contacts of an
// ended period met the target or not (not "on track … projected"), one to
// come has not begun (not "on track" with 0); a share says whether it met
// its goal, "so far" while the period runs.
func TestPeriodAndTargetInWords(t *testing.T) {
	running := &followup.KPIFigures{Period: "2026-H2", Status: "running", AsOf: "2026-12-07"}
	running.Contacts = followup.KPIContacts{Count: 1200, Target: 1250, Trend: followup.ContactTrend{Expected: 1083.4, Projected: 1384.6, OnTrack: true}}
	ended := &followup.KPIFigures{Period: "2026-H1", Status: "ended", Contacts: followup.KPIContacts{Count: 1100, Target: 1250}}
	met := &followup.KPIFigures{Period: "2026-H1", Status: "ended", Contacts: followup.KPIContacts{Count: 1300, Target: 1250, Trend: followup.ContactTrend{Met: true, OnTrack: true}}}
	future := &followup.KPIFigures{Period: "2027-H1", Status: "not_started", AsOf: "2026-12-07", Contacts: followup.KPIContacts{Target: 1250}}
	for _, c := range []struct {
		f          *followup.KPIFigures
		lang       i18n.Lang
		note, line string
		ok         bool
	}{
		{running, i18n.DA, "foreløbig, til og med 7. dec. 2026", "På sporet · forventet nu 1.083 · prognose for hele halvåret 1.385", true},
		{running, i18n.EN, "provisional, up to 7 Dec 2026", "On track · expected by now 1,083 · projected for the half-year 1,385", true},
		{ended, i18n.DA, "", "Ikke nået · 1.100 mod et mål på 1.250 (mangler 150)", false},
		{ended, i18n.EN, "", "Not reached · 1,100 against a target of 1,250 (150 short)", false},
		{met, i18n.DA, "", "Nået · 1.300 mod et mål på 1.250", true},
		{future, i18n.DA, "ikke begyndt", "Ikke begyndt · perioden begynder 1. jan. 2027", true},
		{future, i18n.EN, "not begun", "Not begun · the period begins on 1 Jan 2027", true},
	} {
		if got := periodNote(c.lang, c.f); got != c.note {
			t.Errorf("%s %s %s: note %q, want %q", c.f.Period, c.f.Status, c.lang, got, c.note)
		}
		if got, ok := contactsStatus(c.lang, c.f); got != c.line || ok != c.ok {
			t.Errorf("%s %s %s: contacts %q (%v), want %q (%v)", c.f.Period, c.f.Status, c.lang, got, ok, c.line, c.ok)
		}
	}
	for _, c := range []struct {
		met, running bool
		lang         i18n.Lang
		want         string
	}{{true, false, i18n.DA, "nået"}, {false, false, i18n.DA, "ikke nået"}, {false, true, i18n.DA, "ikke nået indtil nu"}, {true, true, i18n.EN, "met so far"}, {false, false, i18n.EN, "not met"}} {
		if got := goalWord(c.lang, c.met, c.running); got != c.want {
			t.Errorf("goalWord(%v, %v, %s) = %q, want %q", c.met, c.running, c.lang, got, c.want)
		}
	}
}

// TestYearsWord: one year is "1 year" in English ("1 years" was written).
func TestYearsWord(t *testing.T) {
	for _, tc := range []struct {
		l    i18n.Lang
		n    float64
		want string
	}{{i18n.EN, 1, "year"}, {i18n.EN, 1.5, "years"}, {i18n.EN, 0.5, "years"}, {i18n.DA, 1, "år"}, {i18n.DA, 4, "år"}} {
		if got := yearsWord(tc.l, tc.n); got != tc.want {
			t.Errorf("yearsWord(%s, %v) = %q, want %q", tc.l, tc.n, got, tc.want)
		}
	}
}

// TestChangeAgreesWithTheRoundedFigures: 22,25 hours is printed "22,2"
// (strconv rounds the binary value), so beside 23,5 the change is +1,3 as
// a reader subtracts, not the +1,2 of math.Round's 22,3.
func TestChangeAgreesWithTheRoundedFigures(t *testing.T) {
	fig := funcs["ffig"].(func(i18n.Lang, string, float64) string)
	diff := funcs["fdiff"].(func(i18n.Lang, string, float64, float64) string)
	for _, c := range []struct {
		unit         string
		v, prev      float64
		shown, shPrv string
		change       string
	}{
		{"hours", 23.5, 22.25, "23,5", "22,2", "+1,3"},
		{"hours", 22.25, 23.5, "22,2", "23,5", "−1,3"},
		{"share", 0.2225, 0.235, "22,2\u00a0%", "23,5\u00a0%", "−1,3 pct.-point"},
	} {
		if got := fig(i18n.DA, c.unit, c.v) + " / " + fig(i18n.DA, c.unit, c.prev); got != c.shown+" / "+c.shPrv {
			t.Errorf("shown %q, want %q", got, c.shown+" / "+c.shPrv)
		}
		if got := diff(i18n.DA, c.unit, c.v, c.prev); got != c.change {
			t.Errorf("%v → %v %s: change %q, want %q", c.prev, c.v, c.unit, got, c.change)
		}
	}
}

// TestTheDefaultTargetIsJudgedAndSaidSo: a period in a year nobody set a
// target for is judged against the default, marked "(standard)" (it said
// "Intet mål sat for 2025 · 96 kontakter" while the API gave the target).
func TestTheDefaultTargetIsJudgedAndSaidSo(t *testing.T) {
	f := &followup.KPIFigures{Period: "2025-H2", Status: "ended", Contacts: followup.KPIContacts{Count: 96, Target: 1250, TargetDefault: true}}
	for lang, want := range map[i18n.Lang]string{i18n.DA: "Ikke nået · 96 mod standardmålet på 1.250 (mangler 1.154)", i18n.EN: "Not reached · 96 against the default target of 1,250 (1,154 short)"} {
		if got, ok := contactsStatus(lang, f); got != want || ok {
			t.Errorf("%s: %q (%v), want %q", lang, got, ok, want)
		}
	}
	goals := followup.Targets{Year: 2026, Contacts: 2500, CitizenSatisfactionShare: 0.92, EmployerSatisfactionShare: 0.92, Default: true,
		Defaults: []string{"contacts", "citizen_satisfaction_share", "employer_satisfaction_share"}}
	if got, want := goalsLine(i18n.DA, goals), "Mål for 2026: 2.500 virksomhedskontakter (standard) ·"; !strings.HasPrefix(got, want) {
		t.Errorf("goals: %q, want it to begin %q", got, want)
	}
}

// TestSentenceBeginsWithACapital: "Second half of 2026 is not over".
func TestSentenceBeginsWithACapital(t *testing.T) {
	for in, want := range map[string]string{"second half of 2026": "Second half of 2026", "1. halvår 2026": "1. halvår 2026", "": "", "ændring": "Ændring"} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
