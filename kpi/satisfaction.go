package kpi

import (
	"fmt"
	"math"

	"jobmatch"
)

// MinReliableN is the number of answers below which a satisfaction figure is
// flagged LowN: the interval is then so wide that a change between periods
// says little, and the dashboard should say so.
const MinReliableN = 30

// z95 is the standard normal quantile for a two-sided 95 % interval.
const z95 = 1.959963984540054

// Interval is a confidence interval [Low, High].
type Interval struct {
	Low, High float64
}

// Satisfaction summarises answers on a 1..5 scale, where 4 and 5 count as
// satisfied. With N == 0 every figure is zero.
type Satisfaction struct {
	// Counts[i] is the number of answers with score i+1.
	Counts    [5]int
	N         int
	Satisfied int
	// Share is Satisfied/N, in [0, 1].
	Share float64
	// ShareCI is the 95 % Wilson score interval for Share.
	ShareCI Interval
	// Mean is the mean score.
	Mean float64
	// MeanCI is a 95 % interval for the mean from Student's t; valid only
	// when HasMeanCI (N >= 2).
	MeanCI    Interval
	HasMeanCI bool
	// LowN is true when N < MinReliableN.
	LowN bool
}

// NewSatisfaction computes the figures from the number of answers per score;
// counts[0] is score 1. A negative count is an ErrInvalid.
func NewSatisfaction(counts [5]int) (Satisfaction, error) {
	s := Satisfaction{Counts: counts}
	var sum, sumSq float64
	for i, c := range counts {
		if c < 0 {
			return Satisfaction{}, fmt.Errorf("kpi: satisfaction: negative count %d for score %d: %w", c, i+1, jobmatch.ErrInvalid)
		}
		score := float64(i + 1)
		s.N += c
		sum += float64(c) * score
		sumSq += float64(c) * score * score
		if i+1 >= 4 {
			s.Satisfied += c
		}
	}
	s.LowN = s.N < MinReliableN
	if s.N == 0 {
		return s, nil
	}
	n := float64(s.N)
	s.Share = float64(s.Satisfied) / n
	s.ShareCI = Wilson(s.Satisfied, s.N)
	s.Mean = sum / n
	if s.N >= 2 {
		variance := (sumSq - n*s.Mean*s.Mean) / (n - 1)
		if variance < 0 { // rounding when every answer is the same score
			variance = 0
		}
		half := TQuantile95(s.N-1) * math.Sqrt(variance/n)
		s.MeanCI = Interval{Low: s.Mean - half, High: s.Mean + half}
		s.HasMeanCI = true
	}
	return s, nil
}

// Wilson returns the 95 % Wilson score interval for a share of successes out
// of n. It is used instead of the textbook normal (Wald) interval because the
// dashboard's samples are often small (a half-year of employer surveys) and
// the shares near 1 (target ≥ 92 %): there the Wald interval collapses to
// zero width at 0 or n successes and runs past 100 %, while Wilson stays
// inside [0, 1] and keeps close to its nominal coverage. n <= 0 gives the
// uninformative [0, 1].
func Wilson(successes, n int) Interval {
	if n <= 0 {
		return Interval{Low: 0, High: 1}
	}
	p := float64(successes) / float64(n)
	nf := float64(n)
	z2 := z95 * z95
	denom := 1 + z2/nf
	centre := (p + z2/(2*nf)) / denom
	half := z95 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / denom
	return Interval{Low: math.Max(0, centre-half), High: math.Min(1, centre+half)}
}

// t975 holds Student's t 0.975 quantiles for 1..30 degrees of freedom.
var t975 = [...]float64{
	12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
	2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
	2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
}

// TQuantile95 returns the two-sided 95 % quantile of Student's t with df
// degrees of freedom: tabulated up to 30, above that the Cornish–Fisher
// expansion, which is within 1e-4 of the true value there.
func TQuantile95(df int) float64 {
	if df < 1 {
		return math.Inf(1)
	}
	if df <= len(t975) {
		return t975[df-1]
	}
	z, v := z95, float64(df)
	z3, z5 := z*z*z, z*z*z*z*z
	return z + (z3+z)/(4*v) + (5*z5+16*z3+3*z)/(96*v*v)
}

// DiffInterval is Newcombe's 95 % interval (method 10, from the two Wilson
// intervals) for the difference p1 − p2 of two shares observed in n1 and
// n2 answers. Unlike the plain Wald interval it behaves at shares of 0 and
// 1 and at small n.
func DiffInterval(p1 float64, n1 int, p2 float64, n2 int) Interval {
	w1 := Wilson(int(math.Round(p1*float64(n1))), n1)
	w2 := Wilson(int(math.Round(p2*float64(n2))), n2)
	d := p1 - p2
	return Interval{
		Low:  d - math.Sqrt((p1-w1.Low)*(p1-w1.Low)+(w2.High-p2)*(w2.High-p2)),
		High: d + math.Sqrt((w1.High-p1)*(w1.High-p1)+(p2-w2.Low)*(p2-w2.Low)),
	}
}

// WithinNoise reports whether a change between two shares is within the
// noise: its 95 % interval includes zero. Without answers on either side
// it is (nothing can be said).
func WithinNoise(p1 float64, n1 int, p2 float64, n2 int) bool {
	if n1 <= 0 || n2 <= 0 {
		return true
	}
	iv := DiffInterval(p1, n1, p2, n2)
	return iv.Low <= 0 && 0 <= iv.High
}
