package frontend

import (
	"testing"

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
		{"share", 0.67563, 0.59438, i18n.DA, "+8,2 pct.-point", "67,6 %", "59,4 %"},
		{"share", 0.90960, 0.96054, i18n.DA, "−5,1 pct.-point", "91,0 %", "96,1 %"},
		{"share", 0.5714, 0.45164, i18n.EN, "+11.9 pp", "57.1 %", "45.2 %"},
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
