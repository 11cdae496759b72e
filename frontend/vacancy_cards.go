package frontend

import (
	"math"
	"strings"

	"jobmatch/app/matching"
	"jobmatch/i18n"
	"jobmatch/matcher"
)

// matchCard is a ranked candidate as the vacancy page words it: numbers in
// the page's language (decimal comma in Danish), the weights as they were
// set, the points of each part adding up to the total shown, the reasons
// in the page's language, most important first.
type matchCard struct {
	matching.MatchItem
	Score    string // "76 %"
	Distance string // "12 km", "" when unknown
	Parts    []partRow
	// Total is the sum of the parts' points, Max the sum of the weights
	// (the points possible); Score = Total / Max.
	Total, Max string
	Reasons    []reasonRow
}

type partRow struct {
	Name   string
	Value  string // "81 %"
	Weight string // as set: "0,15"
	Points string // value × weight: "0,12"
	// Bar is the part's share of the bar (0..100).
	Bar float64
}

type reasonRow struct{ Kind, Text string }

func init() {
	// Words and numbers in the page's language for the CV and vacancy
	// pages: a language's name, a number with at most one decimal.
	funcs["langname"] = func(l i18n.Lang, code string) string { return i18n.Language(l, code) }
	funcs["level"] = func(l i18n.Lang, level string) string { return i18n.Format(l, levelWord(level)) }
	funcs["short"] = func(l i18n.Lang, v float64) string { return i18n.Short(l, v) }
}

// levelWord words a CEFR language level; "native" is a word.
func levelWord(level string) any {
	if level == "native" || level == "NATIVE" || level == "Native" {
		return i18n.Both{DA: "modersmål", EN: "native"}
	}
	return level
}

func newMatchCard(lang i18n.Lang, it matching.MatchItem) matchCard {
	c := matchCard{MatchItem: it, Score: i18n.Percent(lang, it.Score)}
	if it.DistanceKm != nil {
		c.Distance = i18n.Format(lang, i18n.Km(*it.DistanceKm))
	}
	// The points are rounded to two decimals so that the rounded parts add
	// up to the rounded total (largest remainder first).
	exact := make([]float64, len(it.Components))
	total := 0.0
	for i, p := range it.Components {
		exact[i] = p.Value * p.SetWeight * 100
		total += exact[i]
	}
	shown := apportion(exact, math.Round(total))
	maxPts := 0.0
	for i, p := range it.Components {
		maxPts += p.SetWeight
		c.Parts = append(c.Parts, partRow{Name: p.Name, Value: i18n.Percent(lang, p.Value), Weight: i18n.Number(lang, p.SetWeight, 2),
			Points: i18n.Number(lang, shown[i]/100, 2), Bar: p.Contribution * 100})
	}
	c.Total = i18n.Number(lang, math.Round(total)/100, 2)
	c.Max = i18n.Number(lang, maxPts, 2)
	c.Reasons = reasonRows(lang, it.Reasons)
	return c
}

// reasonRows words reasons in the page's language.
func reasonRows(lang i18n.Lang, rs []matcher.Reason) []reasonRow {
	out := make([]reasonRow, 0, len(rs))
	for _, r := range rs {
		text := r.DA
		if lang == i18n.EN {
			text = r.EN
		}
		out = append(out, reasonRow{Kind: r.Kind, Text: text})
	}
	return out
}

// apportion rounds each value to a whole number so that they sum to total
// (which is the rounded sum): the largest remainders get the units left.
func apportion(xs []float64, total float64) []float64 {
	out := make([]float64, len(xs))
	sum := 0.0
	for i, x := range xs {
		out[i] = math.Floor(x)
		sum += out[i]
	}
	for left := int(total - sum); left > 0; left-- {
		best, rem := -1, -1.0
		for i, x := range xs {
			if r := x - out[i]; r > rem && out[i] < math.Ceil(x) {
				best, rem = i, r
			}
		}
		if best < 0 {
			break
		}
		out[best]++
	}
	return out
}

// readAs is an occupation the vacancy's title was read as: the STAR/Jobnet
// title people use, with the ESCO concept beside it.
type readAs struct {
	Title, Concept string
}

func newReadAs(lang i18n.Lang, t matcher.Target) readAs {
	if lang == i18n.EN && t.LabelEN != "" {
		return readAs{Title: t.LabelEN}
	}
	title := t.Title
	if title == "" {
		title = t.Label
	}
	r := readAs{Title: title}
	if t.Label != "" && !strings.EqualFold(t.Label, title) {
		r.Concept = t.Label
	}
	return r
}
