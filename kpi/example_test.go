package kpi_test

import (
	"fmt"
	"math"
	"time"

	"jobmatch"
	"jobmatch/kpi"
)

func ExampleNewSatisfaction() {
	// Answers per score 1..5 from a half-year of employer surveys.
	s, err := kpi.NewSatisfaction([5]int{1, 2, 3, 10, 12})
	if err != nil {
		panic(err)
	}
	fmt.Printf("n=%d satisfied=%.0f%% (95%% CI %.0f–%.0f%%) mean=%.2f lowN=%v\n",
		s.N, 100*s.Share, 100*s.ShareCI.Low, 100*s.ShareCI.High, s.Mean, s.LowN)
	// Output: n=28 satisfied=79% (95% CI 60–90%) mean=4.07 lowN=true
}

func ExampleMedian() {
	m, _ := kpi.Median([]float64{30, 2, 5, 8})
	fmt.Println(m)
	// Output: 6.5
}

func ExampleHourHistogram() {
	var h kpi.HourHistogram
	for _, hours := range []float64{0.5, 3, 4.2, 20, 80} {
		h.Add(hours)
	}
	// The map is what a counter document stores ($inc on "h3" etc.).
	stored := h.Map()
	back, _ := kpi.HistogramFromMap(stored)
	m, _ := back.Median()
	fmt.Println(stored["h4"], back.N(), m)
	// Output: 1 5 4.5
}

func ExampleParsePeriod() {
	p, _ := kpi.ParsePeriod("2026-H1")
	fmt.Println(p.Prev(), p.Months()[5], p.Start().Format(time.RFC3339))
	at := time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC)
	fmt.Println(kpi.PeriodOf(kpi.Half, at))
	// Output:
	// 2025-H2 2026-06 2026-01-01T00:00:00+01:00
	// 2026-H2
}

func ExampleTargetTrend() {
	year := kpi.Period{Kind: kpi.Year, Year: 2026}
	at := time.Date(2026, 7, 1, 0, 0, 0, 0, jobmatch.Copenhagen)
	tr := kpi.TargetTrend(year, 2300, 1187, at)
	fmt.Printf("expected %.0f, gap %+.0f, on track %v, projected %.0f\n", tr.Expected, tr.Gap, tr.OnTrack, tr.Projected)
	// Output: expected 1141, gap +46, on track true, projected 2394
}

func ExampleLineChart() {
	months := []string{"jan", "feb", "mar"}
	svg := kpi.LineChart("Kontakter 2026", "Kumulerede virksomhedskontakter pr. måned mod målet.",
		months, []kpi.Series{
			{Name: "Kontakter", Values: []float64{150, 340, math.NaN()}},
			{Name: "Mål", Values: []float64{192, 383, 575}},
		})
	table := kpi.LineTable("Kontakter 2026", "Måned", months, []kpi.Series{
		{Name: "Kontakter", Values: []float64{150, 340, math.NaN()}},
	})
	fmt.Println(len(svg) > 0, table.Rows[1])
	// Output: true [feb 340]
}

func ExampleBarChart() {
	svg := kpi.BarChart("Svar inden for fristen", "Andel af henvendelser besvaret inden for 2 arbejdsdage.",
		[]kpi.Bar{{Label: "2026-H1", Value: 0.94, Text: "94 %"}})
	fmt.Println(string(svg)[:4])
	// Output: <svg
}
