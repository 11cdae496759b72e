package kpi

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// svgDoc is what a person (or screen reader) gets from an SVG: its root
// attributes, the ids, and every text node.
type svgDoc struct {
	root  map[string]string
	ids   map[string]string // id → text content
	texts []string          // <text> contents
	tags  []string
}

func parseSVG(t *testing.T, s string) svgDoc {
	t.Helper()
	doc := svgDoc{root: map[string]string{}, ids: map[string]string{}}
	dec := xml.NewDecoder(strings.NewReader(s))
	var stack []xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid XML: %v\n%s", err, s)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				for _, a := range el.Attr {
					doc.root[a.Name.Local] = a.Value
				}
			}
			doc.tags = append(doc.tags, el.Name.Local)
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			txt := strings.TrimSpace(string(el))
			for _, a := range top.Attr {
				if a.Name.Local == "id" {
					doc.ids[a.Value] += txt
				}
			}
			if top.Name.Local == "text" {
				doc.texts = append(doc.texts, txt)
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements")
	}
	return doc
}

func checkAccessible(t *testing.T, doc svgDoc, title, desc string) {
	t.Helper()
	if doc.root["role"] != "img" || doc.root["width"] != "100%" || doc.root["viewBox"] == "" {
		t.Errorf("root attributes %v", doc.root)
	}
	refs := strings.Fields(doc.root["aria-labelledby"])
	if len(refs) != 2 || doc.ids[refs[0]] != title || doc.ids[refs[1]] != desc {
		t.Errorf("aria-labelledby %v resolves to %q, %q; want %q, %q", refs, doc.ids[refs[0]], doc.ids[refs[1]], title, desc)
	}
	if slices.Contains(doc.tags, "script") || slices.Contains(doc.tags, "foreignObject") {
		t.Errorf("chart contains script or foreignObject")
	}
}

func TestBarChart(t *testing.T) {
	tests := []struct {
		name  string
		title string
		bars  []Bar
		want  []string
	}{
		{"contacts per half", "Virksomhedskontakter", []Bar{
			{Label: "2025-H2", Value: 1034},
			{Label: "2026-H1", Value: 1187, Text: "1.187"},
		}, []string{"2025-H2", "1034", "2026-H1", "1.187"}},
		{"escaping", `Svar <24 t & "hurtige"`, []Bar{{Label: "A & B <c>", Value: 0.5}}, []string{"A & B <c>", "0.5"}},
		{"control characters dropped", "Tab", []Bar{{Label: "a\x02b", Value: 1}}, []string{"ab", "1"}},
		{"all zero", "Ingen data", []Bar{{Label: "x", Value: 0}}, []string{"x", "0"}},
		{"a target", "Tilfredshed", []Bar{{Label: "Borgere", Value: 82.1, Text: "82,1 %", Target: 92, TargetText: "mål 92,0 %"}},
			[]string{"Borgere", "82,1 %"}},
		{"no bars", "Tom", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			desc := "Beskrivelse af " + tt.title
			doc := parseSVG(t, string(BarChart(tt.title, desc, tt.bars)))
			checkAccessible(t, doc, tt.title, desc)
			for _, w := range tt.want {
				if !slices.Contains(doc.texts, w) {
					t.Errorf("label %q missing from %q", w, doc.texts)
				}
			}
		})
	}
}

// TestBarChartTarget: a bar's target is a dashed mark across its row at
// the target's value, named in its tooltip; a bar without one has none.
func TestBarChartTarget(t *testing.T) {
	svg := string(BarChart("Tilfredshed", "Andel tilfredse", []Bar{
		{Label: "Borgere", Value: 82.1, Text: "82,1 %", Target: 92, TargetText: "mål 92,0 %"},
		{Label: "Virksomheder", Value: 71.8, Text: "71,8 %"},
	}))
	if strings.Count(svg, `stroke-dasharray="4 3"`) != 1 || !strings.Contains(svg, "<title>mål 92,0 %</title></line>") {
		t.Errorf("want one dashed target mark titled «mål 92,0 %%»: %s", svg)
	}
	// The scale holds the target: a bar of 50 and a target of 92 put the
	// mark inside the plot, not beyond it.
	svg = string(BarChart("T", "D", []Bar{{Label: "A", Value: 50, Target: 92, TargetText: "mål"}}))
	m := regexp.MustCompile(`<line x1="([0-9.]+)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no target mark: %s", svg)
	}
	if x, _ := strconv.ParseFloat(m[1], 64); x <= 0 || x > chartW {
		t.Errorf("the target mark at x=%g lies outside the chart (width %g)", x, float64(chartW))
	}
}

func TestLineChart(t *testing.T) {
	months := []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
	nan := math.NaN()
	actual := Series{Name: "Kontakter i alt", Values: []float64{150, 340, 560, 700, 910, 1187, nan, nan, nan, nan, nan, nan}}
	target := Series{Name: "Mål 2.300", Values: make([]float64, 12), Texts: make([]string, 12)}
	for i := range target.Values {
		target.Values[i] = 2300 * float64(i+1) / 12
	}
	target.Texts[11] = "2.300"
	tests := []struct {
		name   string
		x      []string
		series []Series
		want   []string
	}{
		{"year with gaps and target", months, []Series{actual, target}, []string{"Kontakter i alt", "Mål 2.300", "1187", "2.300", "jan", "dec", "0", "1000", "3000"}},
		{"half-year labels every point", months[:6], []Series{{Name: "Svar", Values: []float64{1, 2, 3, 4, 5, 6}}}, []string{"1", "2", "3", "4", "5", "6", "jan", "feb", "jun"}},
		{"single point", []string{"2026"}, []Series{{Name: "A", Values: []float64{42}}}, []string{"42", "2026"}},
		{"empty series", months[:3], []Series{{Name: "Ingen", Values: []float64{nan, nan, nan}}}, []string{"Ingen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseSVG(t, string(LineChart("Kontakter", "Kumulerede kontakter mod mål", tt.x, tt.series)))
			checkAccessible(t, doc, "Kontakter", "Kumulerede kontakter mod mål")
			for _, w := range tt.want {
				if !slices.Contains(doc.texts, w) {
					t.Errorf("label %q missing from %q", w, doc.texts)
				}
			}
			// No two neighbouring months of a year side by side: "nov"
			// gives way to "dec" (they read "novdec").
			if len(tt.x) == 12 && slices.Contains(doc.texts, "nov") {
				t.Errorf("nov and dec both labelled: %q", doc.texts)
			}
		})
	}
}

func TestChartIDsDiffer(t *testing.T) {
	a := parseSVG(t, string(BarChart("A", "d", []Bar{{Label: "x", Value: 1}})))
	b := parseSVG(t, string(BarChart("A", "d", []Bar{{Label: "x", Value: 2}})))
	if a.root["aria-labelledby"] == b.root["aria-labelledby"] {
		t.Errorf("two different charts share ids %q", a.root["aria-labelledby"])
	}
}

func TestTables(t *testing.T) {
	bt := BarTable("Kontakter", "Periode", "Antal", []Bar{{Label: "2026-H1", Value: 1187}, {Label: "2026-H2", Value: 3.25, Text: "3,25"}})
	if !slices.Equal(bt.Columns, []string{"Periode", "Antal"}) || len(bt.Rows) != 2 || bt.Rows[1][1] != "3,25" || bt.Rows[0][1] != "1187" {
		t.Errorf("BarTable = %+v", bt)
	}
	lt := LineTable("Kontakter", "Måned", []string{"jan", "feb"}, []Series{
		{Name: "Faktisk", Values: []float64{10, math.NaN()}},
		{Name: "Mål", Values: []float64{191.5, 383}},
	})
	want := [][]string{{"jan", "10", "191.5"}, {"feb", "", "383"}}
	if !slices.Equal(lt.Columns, []string{"Måned", "Faktisk", "Mål"}) || len(lt.Rows) != 2 ||
		!slices.Equal(lt.Rows[0], want[0]) || !slices.Equal(lt.Rows[1], want[1]) {
		t.Errorf("LineTable = %+v", lt)
	}
}

func TestAxis(t *testing.T) {
	tests := []struct{ in, step, top float64 }{
		{0, 0, 0}, {1, 0.5, 1}, {1.2, 0.5, 1.5}, {2300, 1000, 3000}, {1187, 500, 1500}, {2000, 500, 2000}, {0.93, 0.5, 1}, {7, 2, 8}, {40, 10, 40},
	}
	for _, tt := range tests {
		t.Run(FormatValue(tt.in), func(t *testing.T) {
			step, top := axis(tt.in)
			if step != tt.step || top != tt.top {
				t.Errorf("axis(%v) = %v, %v; want %v, %v", tt.in, step, top, tt.step, tt.top)
			}
		})
	}
}

// TestLineChartAxisInThePagesLanguage: the y axis prints its values as the
// page does ("1.000" in Danish, as the points' labels), FormatValue's
// "1000" only when no format is given.
func TestLineChartAxisInThePagesLanguage(t *testing.T) {
	s := []Series{{Name: "Kontakter", Values: []float64{400, 976}, Texts: []string{"400", "976"}}}
	danish := func(v float64) string {
		if v >= 1000 {
			return strconv.Itoa(int(v)/1000) + "." + fmt.Sprintf("%03d", int(v)%1000)
		}
		return strconv.Itoa(int(v))
	}
	doc := parseSVG(t, string(LineChart("Kontakter", "d", []string{"jul", "aug"}, s, danish)))
	if !slices.Contains(doc.texts, "1.000") || slices.Contains(doc.texts, "1000") {
		t.Errorf("axis with a Danish format: %q", doc.texts)
	}
	doc = parseSVG(t, string(LineChart("Kontakter", "d", []string{"jul", "aug"}, s)))
	if !slices.Contains(doc.texts, "1000") {
		t.Errorf("axis without a format: %q", doc.texts)
	}
}
