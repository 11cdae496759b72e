// Package memlimit sets the soft memory limit the Go runtime collects
// garbage against, so a process holding a few hundred megabytes of live data
// does not keep gigabytes of garbage resident between collections.
//
// Without a limit the collector lets the heap grow to twice the live data
// after each collection (five times under serve's GOGC=400), and peaks (a
// start-up load, an exhaustive scan, an import's batches) stay resident:
// serving 150,000 CVs held 2.6 GiB of memory for 0.56 GiB of live data
// (docs/benchmarks.md). With a soft limit
// the collector works harder as the heap nears it and returns the rest to
// the operating system. A soft limit never fails an allocation: when the
// live data itself outgrows it, Watch raises it, so the collector is never
// left running without end.
package memlimit

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// Default is the limit when none is configured: what the service needs to
// serve 150,000 CVs (about 0.45 GiB of heap in use since the match features
// are compact) with room for its peaks. At 1 GiB the heap filled the room
// with garbage and the resident set was 1.28 GiB; at 768 MiB it is 1.04 GiB
// and the match p95 did not rise (docs/benchmarks.md, "Compact match
// features"). A municipality with more CVs gets a raised limit (Watch).
const Default = 768 << 20

// Parse reads a size: "1GiB", "800MiB", "1.5GB", "1073741824"; "off" or "0"
// means no limit (0).
func Parse(spec string) (int64, error) {
	s := strings.TrimSpace(spec)
	if s == "" {
		return Default, nil
	}
	if s == "off" || s == "0" {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   float64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("memory limit %q: want a size such as 1GiB or 800MiB, or off", spec)
	}
	n := int64(v * mult)
	if n != 0 && n < 64<<20 {
		return 0, fmt.Errorf("memory limit %q: below 64MiB", spec)
	}
	return n, nil
}

// Apply sets the limit from spec (see Parse) unless GOMEMLIMIT is set,
// which the runtime has applied already and which wins. It returns the limit
// in force (0: none).
func Apply(spec string) (int64, error) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), nil
	}
	n, err := Parse(spec)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		debug.SetMemoryLimit(1<<63 - 1)
		return 0, nil
	}
	debug.SetMemoryLimit(n)
	return n, nil
}

// Raised returns the limit to use when live bytes of data are held under
// limit: unchanged while the live data takes at most 70 % of it, else half
// again the live data, so the collector has room to work.
func Raised(live, limit int64) int64 {
	if limit <= 0 || live*10 <= limit*7 {
		return limit
	}
	return live + live/2
}

// Watch checks the live heap every interval until ctx ends and keeps the
// limit at Raised(live, the limit in force when it started): raised when
// the data outgrows the configured limit, and back down to it when the data
// shrinks again, so a peak (the features snapshot read at start, an import
// into a running service) does not leave a raised limit behind for the
// heap to fill with garbage. log is told when the limit is raised.
func Watch(ctx context.Context, every time.Duration, log func(from, to int64)) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	configured := debug.SetMemoryLimit(-1)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		limit := debug.SetMemoryLimit(-1)
		if limit == 1<<63-1 || configured == 1<<63-1 {
			continue
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			continue
		}
		live := int64(sample[0].Value.Uint64())
		if to := Raised(live, configured); to != limit {
			debug.SetMemoryLimit(to)
			if log != nil && to > limit {
				log(limit, to)
			}
		}
	}
}
