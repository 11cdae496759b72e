package kpi

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/internal/browser"
)

// TestChartLabelsNeverOverlapInABrowser draws the charts with long numbers
// and close lines, lays them out in real Chromium and checks with the
// browser's own text boxes that no two labels overlap and none leaves the
// chart.
func TestChartLabelsNeverOverlapInABrowser(t *testing.T) {
	months := []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
	nan := math.NaN()
	big := func(f float64) []float64 {
		v := make([]float64, 12)
		for i := range v {
			v[i] = f * float64(i+1)
		}
		return v
	}
	actual := Series{Name: "Kontakter i alt", Values: big(1234567.8)}
	target := Series{Name: "Mål", Values: big(1234000)} // ends a hair below: the labels would sit on each other
	short := Series{Name: "Halvår", Values: []float64{9876543, 9876500, 9876543, 9876510, 9876543, 9876520, nan, nan, nan, nan, nan, nan}}
	charts := []string{
		string(LineChart("Kontakter", "Lange tal", months, []Series{actual, target})),
		string(LineChart("Halvår", "Tætte linjer", months[:6], []Series{{Name: "A", Values: short.Values[:6]}, {Name: "B", Values: []float64{9876540, 9876502, 9876541, 9876512, 9876540, 9876521}}})),
		// The demo's half-year: the contacts a line's width below the
		// even pace, so a label put above its point sits on the other
		// line's point.
		string(LineChart("Kontakter pr. måned", "Tæt under målet", months[6:], []Series{
			{Name: "Kontakter", Values: []float64{77, 294, 503, 737, 935, 976}},
			{Name: "Jævnt tempo mod målet", Values: []float64{208, 417, 625, 833, 1042, 1250}}})),
		string(BarChart("Pr. konsulent", "Lange tal", []Bar{{Label: "Karen Konsulent", Value: 123456789}, {Label: "Mads Mortensen", Value: 98765432.1}, {Label: "Lars", Value: 1}})),
	}
	page := "<!doctype html><html><body>" + strings.Join(charts, "<div style='width:360px'></div>") + "</body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()

	ctx := browser.New(t)
	var problems []string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL),
		chromedp.WaitReady(`svg`),
		chromedp.Evaluate(`(() => {
  const out = [];
  document.querySelectorAll("svg").forEach((svg, k) => {
    const vb = svg.viewBox.baseVal;
    const boxes = [...svg.querySelectorAll("text")].map(t => ({t: t.textContent, b: t.getBBox()}));
    boxes.forEach((a, i) => {
      if (a.b.x < vb.x - 0.5 || a.b.y < vb.y - 0.5 || a.b.x + a.b.width > vb.x + vb.width + 0.5 || a.b.y + a.b.height > vb.y + vb.height + 0.5)
        out.push("chart " + k + ": " + a.t + " leaves the chart");
      boxes.slice(0, i).forEach(c => {
        const o = a.b.x < c.b.x + c.b.width && c.b.x < a.b.x + a.b.width && a.b.y < c.b.y + c.b.height && c.b.y < a.b.y + a.b.height;
        if (o) out.push("chart " + k + ": " + a.t + " overlaps " + c.t);
      });
      // No label covers a point of a line.
      svg.querySelectorAll("circle").forEach(p => {
        const cx = p.cx.baseVal.value, cy = p.cy.baseVal.value, r = p.r.baseVal.value;
        if (cx + r > a.b.x && cx - r < a.b.x + a.b.width && cy + r > a.b.y && cy - r < a.b.y + a.b.height)
          out.push("chart " + k + ": " + a.t + " covers the point " + p.textContent);
      });
    });
  });
  return out;
})()`, &problems),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("chart labels:\n%s", strings.Join(problems, "\n"))
	}
}
