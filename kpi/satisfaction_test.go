package kpi

import (
	"errors"
	"math"
	"testing"

	"jobmatch"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestWilson(t *testing.T) {
	tests := []struct {
		name      string
		x, n      int
		low, high float64
	}{
		// Reference values: Brown, Cai & DasGupta (2001) and direct computation.
		{"none of 10", 0, 10, 0, 0.2775328},
		{"all of 10", 10, 10, 0.7224672, 1},
		{"92 of 100 (citizen target)", 92, 100, 0.8500189, 0.9589065},
		{"45 of 50", 45, 50, 0.7863977, 0.9565242},
		{"1 of 2", 1, 2, 0.0945312, 0.9054688},
		{"no answers", 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wilson(tt.x, tt.n)
			if !near(got.Low, tt.low, 1e-6) || !near(got.High, tt.high, 1e-6) {
				t.Errorf("Wilson(%d, %d) = %+v, want [%v, %v]", tt.x, tt.n, got, tt.low, tt.high)
			}
		})
	}
}

func TestNewSatisfaction(t *testing.T) {
	tests := []struct {
		name      string
		counts    [5]int
		n, sat    int
		share     float64
		mean      float64
		meanCI    Interval
		hasMeanCI bool
		lowN      bool
	}{
		{"empty", [5]int{}, 0, 0, 0, 0, Interval{}, false, true},
		{"single answer", [5]int{0, 0, 0, 0, 1}, 1, 1, 1, 5, Interval{}, false, true},
		{"all 4 and 5", [5]int{0, 0, 0, 10, 10}, 20, 20, 1, 4.5, Interval{4.2599118, 4.7400882}, true, true},
		{"all the same", [5]int{0, 0, 7, 0, 0}, 7, 0, 0, 3, Interval{3, 3}, true, true},
		{"mixed, enough answers", [5]int{2, 3, 5, 40, 50}, 100, 90, 0.9, 4.33, Interval{4.1583, 4.5017}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSatisfaction(tt.counts)
			if err != nil {
				t.Fatal(err)
			}
			if s.N != tt.n || s.Satisfied != tt.sat || s.LowN != tt.lowN || s.HasMeanCI != tt.hasMeanCI {
				t.Errorf("N=%d Satisfied=%d LowN=%v HasMeanCI=%v, want %d %d %v %v", s.N, s.Satisfied, s.LowN, s.HasMeanCI, tt.n, tt.sat, tt.lowN, tt.hasMeanCI)
			}
			if !near(s.Share, tt.share, 1e-12) || !near(s.Mean, tt.mean, 1e-12) {
				t.Errorf("Share=%v Mean=%v, want %v %v", s.Share, s.Mean, tt.share, tt.mean)
			}
			if !near(s.MeanCI.Low, tt.meanCI.Low, 1e-4) || !near(s.MeanCI.High, tt.meanCI.High, 1e-4) {
				t.Errorf("MeanCI=%+v, want %+v", s.MeanCI, tt.meanCI)
			}
			if s.N > 0 && (s.ShareCI.Low > s.Share || s.ShareCI.High < s.Share) {
				t.Errorf("ShareCI %+v does not contain %v", s.ShareCI, s.Share)
			}
		})
	}
}

func TestNewSatisfactionNegative(t *testing.T) {
	_, err := NewSatisfaction([5]int{1, -1, 0, 0, 0})
	if !errors.Is(err, jobmatch.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
}

func TestTQuantile95(t *testing.T) {
	tests := []struct {
		df   int
		want float64
	}{
		{1, 12.706205}, {10, 2.228139}, {30, 2.042272}, {40, 2.021075}, {60, 2.000298}, {120, 1.979930}, {100000, 1.959988},
	}
	for _, tt := range tests {
		t.Run(FormatValue(float64(tt.df)), func(t *testing.T) {
			if got := TQuantile95(tt.df); !near(got, tt.want, 1e-4) {
				t.Errorf("TQuantile95(%d) = %v, want %v", tt.df, got, tt.want)
			}
		})
	}
}

func TestWithinNoise(t *testing.T) {
	// −14.6 points (60 % of 35 against 74.6 % of 45) is within the noise.
	if !WithinNoise(0.60, 35, 0.746, 45) {
		t.Error("−14.6 points at n = 35 vs 45 should be within the noise")
	}
	// The same change on 1000 answers each is not.
	if WithinNoise(0.60, 1000, 0.746, 1000) {
		t.Error("−14.6 points at n = 1000 vs 1000 should be outside the noise")
	}
	// Newcombe's published example (Newcombe 1998, table II, 56/70 vs 48/80): [0.0524, 0.3339].
	iv := DiffInterval(56.0/70, 70, 48.0/80, 80)
	if math.Abs(iv.Low-0.0524) > 0.001 || math.Abs(iv.High-0.3339) > 0.001 {
		t.Errorf("Newcombe interval = %+v", iv)
	}
	if !WithinNoise(0.5, 0, 0.9, 10) {
		t.Error("no answers: nothing can be said")
	}
}
