package kpi

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"jobmatch"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   float64
		ok     bool
	}{
		{"empty", nil, 0, false},
		{"one", []float64{7}, 7, true},
		{"odd unsorted", []float64{9, 1, 5}, 5, true},
		{"even averages middle two", []float64{4, 1, 3, 2}, 2.5, true},
		{"duplicates", []float64{2, 2, 2, 10}, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.values...)
			got, ok := Median(tt.values)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Median(%v) = %v, %v; want %v, %v", tt.values, got, ok, tt.want, tt.ok)
			}
			for i := range in {
				if in[i] != tt.values[i] {
					t.Fatalf("Median modified its input")
				}
			}
		})
	}
}

func TestBuckets(t *testing.T) {
	tests := []struct {
		hours float64
		index int
		key   string
	}{
		{-3, 0, "h0"},
		{math.NaN(), 0, "h0"},
		{0, 0, "h0"},
		{0.99, 0, "h0"},
		{1, 1, "h1"},
		{47.9, 47, "h47"},
		{48, 48, "h48"},
		{71.9, 48, "h48"},
		{72, 49, "h72"},
		{719.9, NumBuckets - 2, "h696"},
		{720, NumBuckets - 1, "h720"},
		{5000, NumBuckets - 1, "h720"},
	}
	for _, tt := range tests {
		t.Run(FormatValue(tt.hours), func(t *testing.T) {
			i := BucketOf(tt.hours)
			if i != tt.index || BucketKey(i) != tt.key {
				t.Errorf("BucketOf(%v) = %d (%s), want %d (%s)", tt.hours, i, BucketKey(i), tt.index, tt.key)
			}
			if j, ok := bucketIndex(tt.key); !ok || j != tt.index {
				t.Errorf("bucketIndex(%q) = %d, %v", tt.key, j, ok)
			}
		})
	}
}

func TestHistogramMedianAgainstExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		gen  func() float64
		tol  float64
	}{
		{"fast answers, exponential mean 10 h", func() float64 { return rng.ExpFloat64() * 10 }, 1},
		{"slow answers, uniform 2 to 20 days", func() float64 { return 48 + rng.Float64()*18*24 }, 24},
		{"mixed", func() float64 {
			if rng.IntN(2) == 0 {
				return rng.Float64() * 30
			}
			return 40 + rng.Float64()*200
		}, 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h HourHistogram
			values := make([]float64, 5001)
			for i := range values {
				values[i] = tt.gen()
				h.Add(values[i])
			}
			exact, _ := Median(values)
			got, ok := h.Median()
			if !ok || math.Abs(got-exact) > tt.tol {
				t.Errorf("histogram median %v, exact %v, tolerance %v", got, exact, tt.tol)
			}
		})
	}
}

func TestHistogramQuantile(t *testing.T) {
	var h HourHistogram
	for _, v := range []float64{0.5, 1.5, 2.5, 3.5} {
		h.Add(v)
	}
	tests := []struct {
		q, want float64
	}{{0, 0}, {0.25, 1}, {0.5, 2}, {0.75, 3}, {1, 4}}
	for _, tt := range tests {
		t.Run(FormatValue(tt.q), func(t *testing.T) {
			if got, ok := h.Quantile(tt.q); !ok || got != tt.want {
				t.Errorf("Quantile(%v) = %v, %v; want %v", tt.q, got, ok, tt.want)
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		if _, ok := (HourHistogram{}).Median(); ok {
			t.Error("median of empty histogram reported ok")
		}
	})
	t.Run("overflow is a lower bound", func(t *testing.T) {
		var o HourHistogram
		o.Add(1000)
		if got, _ := o.Median(); got != MaxHours {
			t.Errorf("Median = %v, want %v", got, MaxHours)
		}
	})
}

func TestHistogramMapRoundTrip(t *testing.T) {
	var h HourHistogram
	for _, v := range []float64{0.2, 3, 3.5, 50, 100, 900} {
		h.Add(v)
	}
	var h2 HourHistogram
	h2.Merge(h)
	got, err := HistogramFromMap(h2.Map())
	if err != nil {
		t.Fatal(err)
	}
	if got != h {
		t.Errorf("round trip changed counts: %v != %v", got.Map(), h.Map())
	}
	for _, bad := range []map[string]int64{{"h49": 1}, {"x3": 1}, {"h03": 1}, {"h1": -1}, {"h-1": 1}} {
		if _, err := HistogramFromMap(bad); !errors.Is(err, jobmatch.ErrInvalid) {
			t.Errorf("HistogramFromMap(%v) err = %v, want ErrInvalid", bad, err)
		}
	}
}

// BenchmarkHistogramMedian reads a median from a year of counters (about
// 10,000 answered requests), the dashboard's per-request cost.
func BenchmarkHistogramMedian(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var h HourHistogram
	for range 10000 {
		h.Add(rng.ExpFloat64() * 16)
	}
	m, err := HistogramFromMap(h.Map())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m.Median()
	}
}

// BenchmarkMedianExact is the alternative: load every event and sort.
func BenchmarkMedianExact(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	values := make([]float64, 10000)
	for i := range values {
		values[i] = rng.ExpFloat64() * 16
	}
	for b.Loop() {
		Median(values)
	}
}

func TestMedianDays(t *testing.T) {
	for _, tc := range []struct {
		days []float64
		want float64
		ok   bool
	}{
		{nil, 0, false},
		{[]float64{3.9}, 3, true},
		{[]float64{1, 2, 10}, 2, true},
		{[]float64{1, 2, 10, 40}, 2, true}, // lower median
		{[]float64{-2, 0.5, 900, 900, 900}, 365, true},
	} {
		c := map[string]int64{"other": 7}
		for _, d := range tc.days {
			c[DayKey(d)]++
		}
		got, ok := MedianDays(c)
		if got != tc.want || ok != tc.ok {
			t.Errorf("MedianDays(%v) = %v, %v; want %v, %v", tc.days, got, ok, tc.want, tc.ok)
		}
	}
}
