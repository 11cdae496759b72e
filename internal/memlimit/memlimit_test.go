package memlimit

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"", Default, false},
		{"off", 0, false},
		{"0", 0, false},
		{"1GiB", 1 << 30, false},
		{"800MiB", 800 << 20, false},
		{"1.5GB", 1_500_000_000, false},
		{"2147483648", 2 << 30, false},
		{" 512 MiB ", 512 << 20, false},
		{"10MiB", 0, true},
		{"lots", 0, true},
		{"-1GiB", 0, true},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if (err != nil) != c.bad || (!c.bad && got != c.want) {
			t.Errorf("Parse(%q) = %d, %v; want %d, bad %v", c.in, got, err, c.want, c.bad)
		}
	}
}

func TestRaised(t *testing.T) {
	const g = 1 << 30
	cases := []struct{ live, limit, want int64 }{
		{600 << 20, g, g},          // 59 %: room enough
		{716 << 20, g, g},          // just under 70 %
		{800 << 20, g, 1200 << 20}, // over: half again the live data
		{3 * g, g, 3*g + 3*g/2},    // far over
		{800 << 20, 0, 0},          // no limit stays none
		{1200 << 20, 2 * g, 2 * g}, // a larger limit already
	}
	for _, c := range cases {
		if got := Raised(c.live, c.limit); got != c.want {
			t.Errorf("Raised(%d MiB, %d MiB) = %d MiB, want %d MiB", c.live>>20, c.limit>>20, got>>20, c.want>>20)
		}
	}
}

// Watch raises a limit the live heap has outgrown.
func TestWatchRaisesALimitTheDataOutgrew(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	if _, err := Apply("64MiB"); err != nil {
		t.Fatal(err)
	}
	hold := make([][]byte, 0, 80)
	for range 80 { // 80 MiB live, over the 64 MiB limit
		hold = append(hold, make([]byte, 1<<20))
	}
	runtime.GC()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	done := make(chan struct{})
	defer func() { cancel(); <-done }() // no watcher outlives the test
	raised := make(chan int64, 1)
	go func() {
		defer close(done)
		Watch(ctx, 10*time.Millisecond, func(from, to int64) {
			select {
			case raised <- to:
			default:
			}
		})
	}()
	select {
	case to := <-raised:
		if to < 80<<20 || debug.SetMemoryLimit(-1) != to {
			t.Fatalf("raised to %d MiB (in force %d MiB), want at least the 80 MiB held", to>>20, debug.SetMemoryLimit(-1)>>20)
		}
	case <-ctx.Done():
		t.Fatal("the limit was never raised")
	}
	runtime.KeepAlive(hold)
}

func TestApplyLeavesGOMEMLIMIT(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(3 << 30)
	t.Setenv("GOMEMLIMIT", "3GiB")
	if n, err := Apply("1GiB"); err != nil || n != 3<<30 {
		t.Fatalf("Apply with GOMEMLIMIT set = %d, %v; want the 3 GiB in force", n, err)
	}
}

// Watch lowers the limit it raised back to the configured one once the
// data has shrunk.
func TestWatchLowersTheLimitWhenTheDataShrinks(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	if _, err := Apply("64MiB"); err != nil {
		t.Fatal(err)
	}
	hold := make([][]byte, 0, 80)
	for range 80 {
		hold = append(hold, make([]byte, 1<<20))
	}
	runtime.GC()
	// Deadlines, not speed: on a loaded two-core machine a GC cycle at
	// a limit below the live heap can take long.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	done := make(chan struct{})
	defer func() { cancel(); <-done }()
	go func() {
		defer close(done)
		Watch(ctx, 10*time.Millisecond, nil)
	}()
	for debug.SetMemoryLimit(-1) == 64<<20 {
		if ctx.Err() != nil {
			t.Fatal("the limit was never raised")
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(hold)
	hold = nil
	for debug.SetMemoryLimit(-1) != 64<<20 {
		if ctx.Err() != nil {
			t.Fatalf("the limit stayed at %d MiB after the data was dropped", debug.SetMemoryLimit(-1)>>20)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
