package api_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// TestDashboardOnSevenDecember2026: on 7 December 2026 the report for
// 2027's first half, not begun, has no change against the half before
// ("–", not −964), and its CSV no "as of" day before the period starts;
// the year select reaches next year (to set its targets) and selects the
// year shown; 2025, whose targets nobody set, has no verdict; the English
// report's sentences name a half-year with its article and begin with a
// capital ("The second half of 2026 is not over").
func TestDashboardOnSevenDecember2026(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	get := func(path string, h ...string) string {
		t.Helper()
		res := admin.Do("GET", path, nil, nil, append([]string{"Accept", "text/html"}, h...)...)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %.300s", path, res.StatusCode, res.Body)
		}
		return string(res.Body)
	}

	report := get("/dashboard/report?year=2027&half=H1")
	changes := regexp.MustCompile(`(?s)<td class="change">(.*?)</td>`).FindAllStringSubmatch(report, -1)
	if len(changes) == 0 {
		t.Fatal("the report has no change column")
	}
	for _, c := range changes {
		if !strings.Contains(c[1], "–") || regexp.MustCompile(`[0-9]`).MatchString(c[1]) {
			t.Errorf("a change for a period not begun: %q", c[1])
		}
	}

	for _, q := range []string{"", "&dialect=excel-da"} {
		res := admin.Do("GET", "/api/v1/kpi/export.csv?year=2027&half=H1"+q, nil, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("csv%s: %d %s", q, res.StatusCode, res.Body)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(res.Body, []byte("\uFEFF"))))
		if q != "" {
			r.Comma = ';'
		}
		rows, err := r.ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("csv%s: %v, %d rows", q, err, len(rows))
		}
		for _, row := range rows[1:] {
			if len(row) != 13 || row[11] != "" || row[12] != "2026-12-07" {
				t.Errorf("csv%s %s: as_of %q, previous_as_of %q; want none for 2027-H1, 2026-12-07 for the running 2026-H2", q, row[1], row[11], row[12])
				break
			}
		}
	}

	page := get("/dashboard?year=2027&half=H1")
	sel := regexp.MustCompile(`(?s)<select class="form-select" id="year" name="year">(.*?)</select>`).FindStringSubmatch(page)
	if sel == nil || !strings.Contains(sel[1], `<option value="2027" selected>`) || strings.Contains(sel[1], `value="2026" selected`) {
		t.Errorf("the year select on 2027: %v", sel)
	}
	if page := get("/dashboard"); !strings.Contains(page, `<option value="2027" >`) || !strings.Contains(page, `<option value="2026" selected>`) {
		t.Errorf("in December the year select does not offer next year")
	}

	page = get("/dashboard?year=2025&half=H2")
	if !strings.Contains(page, "Ikke nået · 0 mod standardmålet på 1.250") {
		t.Errorf("2025, whose targets nobody set: %s", regexp.MustCompile(`(?s)<p class="target-status[^>]*>.*?</p>`).FindString(page))
	}

	en := get("/dashboard/report?year=2026&half=H2&lang=en")
	if !strings.Contains(en, "The second half of 2026 is not over") || !strings.Contains(en, "Every figure for the second half of 2026 compared with the first half of 2026") {
		t.Errorf("the English report's note: %s", regexp.MustCompile(`(?s)provisional-note.*?</p>`).FindString(en))
	}
	if en := get("/dashboard/report?year=2027&half=H1&lang=en"); !strings.Contains(en, "The first half of 2027 has not begun") {
		t.Errorf("the English report's note for 2027: %s", regexp.MustCompile(`(?s)provisional-note.*?</p>`).FindString(en))
	}
}
