package kpi

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"jobmatch"
)

// Median returns the exact median of values (the mean of the two middle
// values for an even count) and false for an empty slice. values is not
// modified.
func Median(values []float64) (float64, bool) {
	if len(values) == 0 {
		return 0, false
	}
	s := slices.Clone(values)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid], true
	}
	return (s[mid-1] + s[mid]) / 2, true
}

// Response-time buckets. The resolution is one hour below FineHours (where
// the "answered within 2 working days" target lives) and one day from there
// to MaxHours (30 days); everything slower lands in one overflow bucket.
// That is 77 counters per period, small enough to keep in one counter
// document and update with $inc, and a median read from them is within one
// bucket width of the exact median: ±1 hour below 48 hours, ±1 day below 30
// days.
const (
	FineHours = 48
	MaxHours  = 30 * 24
	// NumBuckets is the number of buckets including the overflow bucket.
	NumBuckets = FineHours + (MaxHours-FineHours)/24 + 1
)

// BucketOf returns the bucket index for a response time in hours. Negative
// or NaN times (clock skew) count as 0.
func BucketOf(hours float64) int {
	switch {
	case !(hours > 0):
		return 0
	case hours < FineHours:
		return int(hours)
	case hours < MaxHours:
		return FineHours + int(hours-FineHours)/24
	default:
		return NumBuckets - 1
	}
}

// BucketBounds returns the bucket's half-open range [lo, hi) in hours; the
// overflow bucket's hi is +Inf.
func BucketBounds(i int) (lo, hi float64) {
	switch {
	case i < FineHours:
		return float64(i), float64(i + 1)
	case i < NumBuckets-1:
		lo = float64(FineHours + (i-FineHours)*24)
		return lo, lo + 24
	default:
		return MaxHours, math.Inf(1)
	}
}

// BucketKey is the field name of bucket i in a counter document: "h" and
// the bucket's lower bound in hours ("h0", "h47", "h48", "h72", "h720").
func BucketKey(i int) string {
	lo, _ := BucketBounds(i)
	return "h" + strconv.Itoa(int(lo))
}

// HourHistogram counts response times per bucket, so a median can be read
// from counters without loading every event.
type HourHistogram struct {
	Counts [NumBuckets]int64
}

// Add counts one response time.
func (h *HourHistogram) Add(hours float64) { h.Counts[BucketOf(hours)]++ }

// Merge adds o's counts, e.g. two halves into a year.
func (h *HourHistogram) Merge(o HourHistogram) {
	for i, c := range o.Counts {
		h.Counts[i] += c
	}
}

// N is the number of counted response times.
func (h HourHistogram) N() int64 {
	var n int64
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// Map returns the non-zero counts keyed by BucketKey, the shape stored in a
// counter document.
func (h HourHistogram) Map() map[string]int64 {
	m := make(map[string]int64)
	for i, c := range h.Counts {
		if c != 0 {
			m[BucketKey(i)] = c
		}
	}
	return m
}

// HistogramFromMap reads counts keyed by BucketKey, as stored in a counter
// document. An unknown key or negative count is an ErrInvalid, so a changed
// bucket layout is noticed rather than silently miscounted.
func HistogramFromMap(m map[string]int64) (HourHistogram, error) {
	var h HourHistogram
	for k, c := range m {
		i, ok := bucketIndex(k)
		if !ok {
			return HourHistogram{}, fmt.Errorf("kpi: histogram from map: unknown bucket %q: %w", k, jobmatch.ErrInvalid)
		}
		if c < 0 {
			return HourHistogram{}, fmt.Errorf("kpi: histogram from map: negative count in %q: %w", k, jobmatch.ErrInvalid)
		}
		h.Counts[i] += c
	}
	return h, nil
}

func bucketIndex(key string) (int, bool) {
	s, ok := strings.CutPrefix(key, "h")
	if !ok {
		return 0, false
	}
	lo, err := strconv.Atoi(s)
	if err != nil || lo < 0 || strconv.Itoa(lo) != s {
		return 0, false
	}
	i := BucketOf(float64(lo))
	if b, _ := BucketBounds(i); int(b) != lo {
		return 0, false
	}
	return i, true
}

// Median is Quantile(0.5).
func (h HourHistogram) Median() (float64, bool) { return h.Quantile(0.5) }

// Quantile estimates the q-quantile (0 <= q <= 1) in hours by linear
// interpolation inside the bucket that holds it, treating times as spread
// evenly within a bucket. It returns false when the histogram is empty. A
// quantile in the overflow bucket is reported as MaxHours, a lower bound.
func (h HourHistogram) Quantile(q float64) (float64, bool) {
	n := h.N()
	if n == 0 || !(q >= 0 && q <= 1) {
		return 0, false
	}
	rank := q * float64(n)
	var cum float64
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		next := cum + float64(c)
		if rank <= next {
			lo, hi := BucketBounds(i)
			if math.IsInf(hi, 1) {
				return lo, true
			}
			return lo + (rank-cum)/float64(c)*(hi-lo), true
		}
		cum = next
	}
	// q == 1 with rounding: the top of the last non-empty bucket.
	for i := len(h.Counts) - 1; i >= 0; i-- {
		if h.Counts[i] != 0 {
			lo, hi := BucketBounds(i)
			if math.IsInf(hi, 1) {
				return lo, true
			}
			return hi, true
		}
	}
	return 0, false
}
