package frontend

import (
	"strings"
	"testing"

	"jobmatch/app/followup"
	"jobmatch/i18n"
	"jobmatch/kpi"
)

// TestSatisfactionChartWithNoAnswers: with no answers the chart said
// "0,0 % (n=0)" beside the table's "–"; it now says "ingen svar", and a
// figure with answers keeps its share and n.
func TestSatisfactionChartWithNoAnswers(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.DA: "ingen svar", i18n.EN: "no answers"} {
		b := satBar(lang, satRow{Label: "Borgere", Target: 0.92})
		if b.Text != want || b.Value != 0 {
			t.Errorf("%s: %+v", lang, b)
		}
		chart := string(kpi.BarChart("t", "d", []kpi.Bar{b}))
		if strings.Contains(chart, "n=0") || strings.Contains(chart, "0,0\u00a0%") || !strings.Contains(chart, want) {
			t.Errorf("%s chart: %s", lang, chart)
		}
	}
	b := satBar(i18n.DA, satRow{Label: "Borgere", Target: 0.92, S: followup.Satisfaction{N: 7, ShareSatisfied: 5.0 / 7}})
	if b.Text != "71,4\u00a0% (n=7)" {
		t.Errorf("with answers: %q", b.Text)
	}
}
