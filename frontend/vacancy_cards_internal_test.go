package frontend

import (
	"strconv"
	"strings"
	"testing"

	"jobmatch/app/matching"
	"jobmatch/i18n"
	"jobmatch/matcher"
)

// TestScoreRowsAreTrueAsWritten: each row of a card's score table is its
// value times its weight as shown, and the rows add up to the total
// shown, whose share of the points possible is the score: "Stilling: 72 %
// × 0,08 = 0,05" stood on one card (the units shifted between rows so the
// rounded column added up) and "= 0,06" on the next.
func TestScoreRowsAreTrueAsWritten(t *testing.T) {
	num := func(s string) float64 {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v
	}
	for _, values := range [][]float64{
		{0.716, 0.6, 0.5, 0.8, 0.923, 1, 0.31},
		{0.716, 0.665, 0.3349, 0.7049, 0.87, 0, 0.995},
		{0.6249, 1, 1, 0.335, 0.5, 1, 0.5551},
	} {
		weights := []float64{0.08, 0.12, 0.04, 0.09, 0.10, 0.05, 0.42}
		it := matching.MatchItem{}
		sum, max := 0.0, 0.0
		for i, v := range values {
			it.Components = append(it.Components, matcher.Component{Name: strconv.Itoa(i), Value: v, SetWeight: weights[i], Points: v * weights[i]})
			sum += v * weights[i]
			max += weights[i]
		}
		it.Score = sum / max
		c := newMatchCard(i18n.DA, it)
		total := 0.0
		for _, r := range c.Parts {
			product := num(r.Value) / 100 * num(r.Weight)
			if got := num(r.Points); got != float64(int(product*10000+0.5))/10000 {
				t.Errorf("%s × %s = %s", r.Value, r.Weight, r.Points)
			}
			total += num(r.Points)
		}
		if got := num(c.Total); int(got*10000+0.5) != int(total*10000+0.5) {
			t.Errorf("rows add up to %.4f, the total says %s", total, c.Total)
		}
		if want := i18n.Percent(i18n.DA, num(c.Total)/num(c.Max)); c.Score != want {
			t.Errorf("score %s of %s is %s, the card says %s", c.Total, c.Max, want, c.Score)
		}
		if values[0] == 0.716 && c.Parts[0].Points != "0,0576" {
			t.Errorf("72 %% × 0,08 = %s, want 0,0576", c.Parts[0].Points)
		}
	}
}
