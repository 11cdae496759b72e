package frontend_test

import (
	"strings"
	"testing"
)

// TestFigureTablesHaveCaptionsAndScopes: the satisfaction table and the
// report's had no <caption> and no scope on their <th>, so a screen reader
// named neither the table nor the row or column a figure belongs to.
func TestFigureTablesHaveCaptionsAndScopes(t *testing.T) {
	_, get := dashboardOn(t)
	dash := get("/dashboard?year=2026&half=H2", "da")
	for _, want := range []string{`<caption class="sr-only">Tilfredshed pr. spørgsmål</caption>`, `<th scope="col">Spørgsmål</th>`, `<tr id="sat-citizen"><th scope="row">`} {
		if !strings.Contains(dash, want) {
			t.Errorf("the satisfaction table lacks %q", want)
		}
	}
	if report := get("/dashboard/report?year=2026&half=H2", "en"); !strings.Contains(report, `<caption class="sr-only">Figures for second half of 2026 compared with first half of 2026</caption>`) {
		t.Error("the report's table has no caption")
	}
}
