package kpi

import (
	"sort"
	"strconv"
	"strings"
)

// MaxDays is the last day bucket: slower counts as MaxDays.
const MaxDays = 365

// DayKey is the counter suffix of a duration in days, one bucket per whole
// day up to MaxDays ("d0", "d1", … "d365").
func DayKey(days float64) string {
	d := 0
	if days > 0 {
		d = min(int(days), MaxDays)
	}
	return "d" + strconv.Itoa(d)
}

// MedianDays reads the median from day counters (keys "d<n>", other keys
// ignored): the middle bucket's lower bound, within one day of the exact
// median.
func MedianDays(c map[string]int64) (float64, bool) {
	type bucket struct{ d, n int64 }
	var bs []bucket
	var total int64
	for k, n := range c {
		s, ok := strings.CutPrefix(k, "d")
		if !ok || n <= 0 {
			continue
		}
		d, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			continue
		}
		bs = append(bs, bucket{d, n})
		total += n
	}
	if total == 0 {
		return 0, false
	}
	sort.Slice(bs, func(i, j int) bool { return bs[i].d < bs[j].d })
	// The lower median for an even count, so a figure is an observed bucket.
	rank, cum := (total+1)/2, int64(0)
	for _, b := range bs {
		cum += b.n
		if cum >= rank {
			return float64(b.d), true
		}
	}
	return float64(bs[len(bs)-1].d), true
}
