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
// set, each part's points its value times its weight as shown, adding up
// to the total shown, the reasons in the page's language, most important
// first.
type matchCard struct {
	matching.MatchItem
	Score    string // "76 %"
	Distance string // "12 km", "" when unknown
	Parts    []partRow
	// Cuts are what the working time took off the parts' sum (a row each,
	// "−10 %"), after the parts.
	Cuts []cutRow
	// Total is the sum of the parts' points less the cuts, Max the sum of
	// the weights (the points possible); Score = Total / Max.
	Total, Max string
	Reasons    []reasonRow
}

type partRow struct {
	Name   string
	Value  string // "81 %"
	Weight string // as set: "0,15"
	Points string // value × weight as shown: "0,0576"
	// Bar is the part's share of the bar (0..100).
	Bar float64
}

// cutRow is a share of the score a filter took off (matcher.Reason.Cut):
// its reason, the share ("−10 %") and the points it took ("−0,0729").
type cutRow struct{ Text, Share, Points string }

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
	c := matchCard{MatchItem: it}
	if it.DistanceKm != nil {
		c.Distance = i18n.Format(lang, i18n.Km(*it.DistanceKm))
	}
	// Each row's points are the value and the weight as the row shows
	// them multiplied, to the four decimals that takes (72 % × 0,08 =
	// 0,0576), and the total is their sum: a consultant who checks the
	// sums finds them true. Rounded to two decimals and shifted so the
	// column added up, one card said "72 % × 0,08 = 0,05" and another
	// "= 0,06" for the same value.
	total, maxPts := 0, 0 // in ten-thousandths
	for _, p := range it.Components {
		pct := int(math.Round(p.Value * 100))
		w := int(math.Round(p.SetWeight * 100))
		pts := pct * w
		total += pts
		maxPts += w
		c.Parts = append(c.Parts, partRow{Name: p.Name, Value: i18n.Percent(lang, float64(pct)/100), Weight: i18n.Number(lang, float64(w)/100, 2),
			Points: points(lang, pts), Bar: p.Contribution * 100})
	}
	// The working time's cuts take their share of what is left, as the
	// ranking multiplies them: a row each, so the total is what the
	// score is made of. Without them the card said 92 % for the third
	// and 88 % for the second, who wants the hours the job has.
	for _, r := range it.Reasons {
		cut := r.Cut()
		if cut == 0 {
			continue
		}
		pts := int(math.Round(float64(total) * cut))
		total -= pts
		c.Cuts = append(c.Cuts, cutRow{Text: reasonRows(lang, []matcher.Reason{r})[0].Text,
			Share: "−" + i18n.Percent(lang, cut), Points: "−" + points(lang, pts)})
	}
	c.Total = points(lang, total)
	c.Max = i18n.Number(lang, float64(maxPts)/100, 2)
	// The score said is the ranking's, one number the order and the card
	// share: the card's line says it as the total's share of the points
	// possible ("0,5734 af 1,00 mulige point = 57 %"), which the values
	// rounded to whole percents leave within a hair of it.
	c.Score = i18n.Percent(lang, it.Score)
	c.Reasons = reasonRows(lang, it.Reasons)
	return c
}

// points words ten-thousandths of a point with the decimals they need, at
// least two: 0,0576, 0,12, 0,05.
func points(lang i18n.Lang, n int) string {
	d := 4
	for d > 2 && n%10 == 0 {
		n /= 10
		d--
	}
	return i18n.Number(lang, float64(n)/math.Pow10(d), d)
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

// readAs is an occupation the vacancy's title was read as: the STAR/Jobnet
// title people use, in both languages, with the ESCO concept beside it
// (in the page's language). The English page named the occupation by the
// concept alone, "primary school teaching assistant" for a
// Pædagogmedhjælper in a vuggestue.
type readAs struct {
	Title, Concept string
}

func newReadAs(lang i18n.Lang, t matcher.Target) readAs {
	star := t.Title != "" && !strings.EqualFold(t.Title, t.Label)
	if lang == i18n.EN && t.LabelEN != "" {
		if star {
			return readAs{Title: t.Title, Concept: t.LabelEN}
		}
		return readAs{Title: t.LabelEN}
	}
	if star {
		return readAs{Title: t.Title, Concept: t.Label}
	}
	title := t.Title
	if title == "" {
		title = t.Label
	}
	return readAs{Title: title}
}
