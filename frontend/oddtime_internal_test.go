package frontend

import (
	"strings"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/i18n"
)

// TestOddInterviewTimes: a Saturday, a Sunday or a time outside 7–20 is
// booked (it may be agreed) but said in the confirmation; a weekday's
// working hours say nothing.
func TestOddInterviewTimes(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, jobmatch.Copenhagen) }
	for _, c := range []struct {
		start, end time.Time
		da, en     string
	}{
		{at(10, 9, 0), at(10, 10, 0), "", ""},
		{at(10, 7, 0), at(10, 20, 0), "", ""},
		{at(12, 10, 0), at(12, 11, 0), "en lørdag", "on a Saturday"},
		{at(13, 10, 0), at(13, 11, 0), "en søndag", "on a Sunday"},
		{at(10, 6, 30), at(10, 7, 30), "uden for 7–20", "outside 7:00–20:00"},
		{at(10, 19, 30), at(10, 20, 30), "uden for 7–20 (10. dec. 2026 kl. 19.30–20.30)", "outside 7:00–20:00"},
	} {
		da, en := oddTime(i18n.DA, c.start, c.end), oddTime(i18n.EN, c.start, c.end)
		if c.da == "" && (da != "" || en != "") || c.da != "" && (!strings.Contains(da, c.da) || !strings.Contains(en, c.en)) {
			t.Errorf("%s–%s: %q / %q, want %q / %q", c.start, c.end, da, en, c.da, c.en)
		}
	}
}
