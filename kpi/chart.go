package kpi

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Charts are drawn on the server as inline SVG: no JavaScript, no web
// fonts (the page's font is inherited), text alternatives in <title> and
// <desc> referenced by aria-labelledby, every value printed as text, and a
// viewBox with width 100% so a chart stays readable on a 320 px phone. The
// palette is Okabe–Ito, distinguishable with the common colour-vision
// deficiencies; lines also differ by dash pattern and marker so colour is
// never the only cue. Pages should print the same figures with Table.

// palette is the Okabe–Ito colour-blind-safe palette without yellow, which
// is too light on white.
var palette = [...]string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"}

var dashes = [...]string{"", "6 4", "2 3", "8 3 2 3"}

const (
	chartW    = 360.0
	fontSize  = 13
	smallFont = 11
	textColor = "#222"
	gridColor = "#ccc"
)

// Bar is one bar of a BarChart.
type Bar struct {
	Label string
	Value float64
	// Text is the value as printed; empty means FormatValue(Value). Set it
	// for units or a locale ("92 %", "2.300").
	Text string
	// Target, when above zero, is drawn as a dashed mark across the bar's
	// row at that value, with TargetText (the satisfaction's 92 %): how
	// far a bar is from its goal shows without reading the table.
	Target     float64
	TargetText string
}

func (b Bar) text() string {
	if b.Text != "" {
		return b.Text
	}
	return FormatValue(b.Value)
}

// Series is one line of a LineChart.
type Series struct {
	Name string
	// Values has one value per x label; NaN leaves a gap (e.g. months not
	// yet reached).
	Values []float64
	// Texts optionally gives each value as printed; missing or empty
	// entries use FormatValue.
	Texts []string
}

func (s Series) text(i int) string {
	if i < len(s.Texts) && s.Texts[i] != "" {
		return s.Texts[i]
	}
	if i >= len(s.Values) || math.IsNaN(s.Values[i]) {
		return ""
	}
	return FormatValue(s.Values[i])
}

// FormatValue prints a whole number without decimals and anything else with
// one decimal, locale-neutral; use Bar.Text or Series.Texts for Danish
// separators.
func FormatValue(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// BarChart draws horizontal bars, one row per bar with its label above and
// its value at the bar's end; horizontal rows keep long Danish labels
// readable at 320 px. Negative values are drawn as zero-length bars but
// still printed.
func BarChart(title, desc string, bars []Bar) template.HTML {
	const (
		left = 4.0
		row  = 44.0
		barH = 18.0
		top  = 6.0
	)
	// Room for the longest value label at the end of the longest bar.
	right := 60.0
	for _, b := range bars {
		right = math.Max(right, textWidth(b.text(), fontSize)+8)
	}
	h := top + row*float64(len(bars)) + 6
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, math.Max(b.Value, b.Target))
	}
	_, scale := axis(maxV)
	plotW := chartW - left - right

	var w svgWriter
	id := chartID("bar", title, desc, bars)
	w.open(id, title, desc, h)
	for i, b := range bars {
		y := top + row*float64(i)
		bw := 0.0
		if scale > 0 && b.Value > 0 {
			bw = plotW * b.Value / scale
		}
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s">%s</text>`, n(left), n(y+fontSize), fontSize, textColor, esc(b.Label))
		w.f(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s</title></rect>`,
			n(left), n(y+fontSize+5), n(bw), n(barH), palette[0], esc(b.Label), esc(b.text()))
		// The value after the bar, or after its target when the bar ends
		// short of it, so the mark never crosses the figure.
		end := bw
		if b.Target > 0 && scale > 0 {
			tx := left + plotW*b.Target/scale
			w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 3"><title>%s</title></line>`,
				n(tx), n(y+fontSize+2), n(tx), n(y+fontSize+5+barH+3), textColor, esc(b.TargetText))
			end = math.Max(end, tx-left+2)
		}
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s">%s</text>`, n(left+end+4), n(y+fontSize+5+barH-5), fontSize, textColor, esc(b.text()))
	}
	return w.close()
}

// LineChart draws one line per series over the x labels (e.g. cumulative
// contacts per month against the target line). With up to six points every
// value is printed at its point; with more, the last value of each series is
// printed and every point carries a <title> tooltip, and the page's Table
// gives all figures.
//
// axisFormat, when given, prints the y axis's values (the page's language:
// "1.000" in Danish); FormatValue otherwise.
func LineChart(title, desc string, x []string, series []Series, axisFormat ...func(float64) string) template.HTML {
	axisText := FormatValue
	if len(axisFormat) > 0 && axisFormat[0] != nil {
		axisText = axisFormat[0]
	}
	const (
		minLeft = 44.0
		right   = 16.0
		legend  = 20.0
		plotH   = 180.0
		bottom  = 28.0
	)
	top := 8.0 + legend*float64(len(series))
	h := top + plotH + bottom
	maxV := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				maxV = math.Max(maxV, v)
			}
		}
	}
	step, scale := axis(maxV)
	if scale == 0 {
		step, scale = 1, 1
	}
	// The y axis is as wide as its longest label.
	left := minLeft
	for k := 0; float64(k)*step <= scale*(1+1e-12); k++ {
		left = math.Max(left, textWidth(axisText(float64(k)*step), smallFont)+8)
	}
	plotW := chartW - left - right
	px := func(i int) float64 {
		if len(x) <= 1 {
			return left + plotW/2
		}
		return left + plotW*float64(i)/float64(len(x)-1)
	}
	py := func(v float64) float64 { return top + plotH - plotH*math.Max(v, 0)/scale }

	var w svgWriter
	id := chartID("line", title, desc, x, series)
	w.open(id, title, desc, h)

	for i, s := range series {
		y := 8.0 + legend*float64(i)
		c, d := palette[i%len(palette)], dashes[i%len(dashes)]
		w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`, n(left), n(y+8), n(left+24), n(y+8), c, dashAttr(d))
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s">%s</text>`, n(left+30), n(y+12), fontSize, textColor, esc(s.Name))
	}
	for k := 0; float64(k)*step <= scale*(1+1e-12); k++ {
		v := float64(k) * step
		y := py(v)
		w.f(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, n(left), n(y), n(left+plotW), n(y), gridColor)
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s" text-anchor="end">%s</text>`, n(left-4), n(y+4), smallFont, textColor, esc(axisText(v)))
	}
	every := 1
	if len(x) > 6 {
		every = 2 // at 320 px twelve month labels overlap
	}
	for i, lbl := range x {
		// Every other label and the last, which the one before it gives
		// way to ("nov" and "dec" side by side read "novdec" at 320 px).
		if i != len(x)-1 && (i%every != 0 || len(x)-1-i < every) {
			continue
		}
		anchor := "middle" // the first and last stay clear of the y axis and the edge
		switch {
		case len(x) > 1 && i == 0:
			anchor = "start"
		case len(x) > 1 && i == len(x)-1:
			anchor = "end"
		}
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s" text-anchor="%s">%s</text>`, n(px(i)), n(top+plotH+22), smallFont, textColor, anchor, esc(lbl))
	}
	var labels []labelBox
	var texts []string
	var points [][2]float64
	for si, s := range series {
		c, d := palette[si%len(palette)], dashes[si%len(dashes)]
		var path strings.Builder
		pen := false
		last := -1
		for i := 0; i < len(x) && i < len(s.Values); i++ {
			v := s.Values[i]
			if math.IsNaN(v) {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd = "M"
			}
			fmt.Fprintf(&path, "%s%s %s ", cmd, n(px(i)), n(py(v)))
			pen, last = true, i
		}
		if last < 0 {
			continue
		}
		w.f(`<path d="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`, strings.TrimSpace(path.String()), c, dashAttr(d))
		for i := 0; i <= last; i++ {
			if math.IsNaN(s.Values[i]) {
				continue
			}
			cx, cy := px(i), py(s.Values[i])
			points = append(points, [2]float64{cx, cy})
			w.f(`<circle cx="%s" cy="%s" r="3.5" fill="%s"><title>%s, %s: %s</title></circle>`, n(cx), n(cy), c, esc(s.Name), esc(x[i]), esc(s.text(i)))
			if len(x) <= 6 || i == last {
				anchor := "middle" // keep edge labels inside the plot
				switch {
				case len(x) > 1 && i == len(x)-1:
					anchor = "end"
				case len(x) > 1 && i == 0:
					anchor = "start"
				}
				labels = append(labels, labelBox{x: cx, cy: cy, col: i, width: textWidth(s.text(i), smallFont), anchor: anchor})
				texts = append(texts, s.text(i))
			}
		}
	}
	for k, y := range placeLabels(labels, points, top+smallFont, top+plotH+8) {
		l := labels[k]
		w.f(`<text x="%s" y="%s" font-size="%d" fill="%s" text-anchor="%s">%s</text>`, n(l.x), n(y), smallFont, textColor, l.anchor, esc(texts[k]))
	}
	return w.close()
}

// labelBox is a point's label to place: its point (x, cy), the month it
// belongs to, and its text's width and anchor.
type labelBox struct {
	x, cy, width float64
	col          int
	anchor       string
}

// placeLabels gives each label a baseline between minY and maxY where it
// covers no point of any line and no label placed before it: a month's
// highest point's label above it, the month's other labels below its
// lowest point, one under the other, each tried further away on both sides
// in turn when the nearest place is taken. Close lines put the label of the
// lower one between the two points, on the other line's point, when every
// label simply went above its own point.
func placeLabels(ls []labelBox, points [][2]float64, minY, maxY float64) []float64 {
	const (
		lineH  = smallFont + 3
		ascent = smallFont * 0.9 // a text's box above and below its baseline
		descnt = smallFont * 0.3
		r      = 3.5 // a point's radius
	)
	span := func(l labelBox) (float64, float64) {
		switch l.anchor {
		case "end":
			return l.x - l.width, l.x
		case "middle":
			return l.x - l.width/2, l.x + l.width/2
		}
		return l.x, l.x + l.width
	}
	type placed struct{ x0, x1, y float64 }
	var done []placed
	free := func(l labelBox, y float64) bool {
		if y < minY || y > maxY {
			return false
		}
		x0, x1 := span(l)
		for _, p := range points {
			if p[0]+r > x0 && p[0]-r < x1 && p[1]+r > y-ascent && p[1]-r < y+descnt {
				return false
			}
		}
		for _, d := range done {
			if x0 < d.x1 && d.x0 < x1 && math.Abs(d.y-y) < lineH {
				return false
			}
		}
		return true
	}
	out := make([]float64, len(ls))
	byCol := map[int][]int{}
	var cols []int
	for k, l := range ls {
		if _, ok := byCol[l.col]; !ok {
			cols = append(cols, l.col)
		}
		byCol[l.col] = append(byCol[l.col], k)
	}
	for _, c := range cols {
		ks := byCol[c]
		sort.SliceStable(ks, func(a, b int) bool { return ls[ks[a]].cy < ls[ks[b]].cy })
		highest, lowest := ls[ks[0]].cy, ls[ks[len(ks)-1]].cy
		for n, k := range ks {
			l := ls[k]
			up := func(step int) float64 { return highest - r - descnt - 1 - float64(step)*lineH }
			down := func(step int) float64 { return lowest + r + ascent + 1 + float64(step)*lineH }
			var tries []float64
			for step := 0; step < 12; step++ {
				if n == 0 {
					tries = append(tries, up(step), down(step))
				} else {
					tries = append(tries, down(step), up(step))
				}
			}
			y := math.Min(math.Max(tries[0], minY), maxY)
			for _, t := range tries {
				if free(l, t) {
					y = t
					break
				}
			}
			x0, x1 := span(l)
			done = append(done, placed{x0, x1, y})
			out[k] = y
		}
	}
	return out
}

// Table is the data of a chart as rows of printed text, so a page can show
// the same figures in an HTML <table> (and the report can export them).
type Table struct {
	Caption string
	Columns []string
	Rows    [][]string
}

// BarTable returns the bars as a two-column table.
func BarTable(caption, labelColumn, valueColumn string, bars []Bar) Table {
	t := Table{Caption: caption, Columns: []string{labelColumn, valueColumn}}
	for _, b := range bars {
		t.Rows = append(t.Rows, []string{b.Label, b.text()})
	}
	return t
}

// LineTable returns one row per x label and one column per series; a gap
// (NaN) is an empty cell.
func LineTable(caption, xColumn string, x []string, series []Series) Table {
	t := Table{Caption: caption, Columns: []string{xColumn}}
	for _, s := range series {
		t.Columns = append(t.Columns, s.Name)
	}
	for i, lbl := range x {
		row := []string{lbl}
		for _, s := range series {
			row = append(row, s.text(i))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// textWidth estimates the width of text at a font size (digits and Latin
// letters average about 0.62 em in the pages' sans-serif).
func textWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.62
}

// svgWriter builds the SVG text; every piece of caller text goes through
// esc, so the result is safe to mark as template.HTML.
type svgWriter struct{ b strings.Builder }

func (w *svgWriter) f(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *svgWriter) open(id, title, desc string, h float64) {
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %s %s" width="100%%" preserveAspectRatio="xMinYMin meet" font-family="inherit">`,
		id, id, n(chartW), n(h))
	w.f(`<title id="%s-title">%s</title>`, id, esc(title))
	w.f(`<desc id="%s-desc">%s</desc>`, id, esc(desc))
}

func (w *svgWriter) close() template.HTML {
	w.b.WriteString("</svg>")
	return template.HTML(w.b.String())
}

// chartID derives the element id from the chart's content, so it is stable
// between renders and two different charts on one page do not share ids.
func chartID(kind string, parts ...any) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s%v", kind, parts)
	return fmt.Sprintf("chart-%s-%08x", kind, h.Sum32())
}

// esc escapes text for the SVG and drops control characters, which XML
// does not allow even escaped.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
	return template.HTMLEscapeString(s)
}

// n prints a coordinate with at most one decimal.
func n(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

func dashAttr(d string) string {
	if d == "" {
		return ""
	}
	return ` stroke-dasharray="` + d + `"`
}

// axis returns a round tick step (1, 2 or 5 times a power of ten) giving at
// most four steps up to v, and the axis maximum, a whole number of steps:
// 2300 → step 1000, max 3000; 1187 → 500, 1500.
func axis(v float64) (step, top float64) {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, 0
	}
	raw := v / 4
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * p
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*p*(1+1e-12) {
			step = m * p
			break
		}
	}
	return step, math.Ceil(v/step*(1-1e-12)) * step
}
