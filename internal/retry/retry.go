// Package retry paces a background loop that keeps failing (the index sync
// and the change-log followers while the database is down) and says so in
// the log without flooding it.
//
// Those loops tried again on every tick, every 100–250 ms, and logged a
// warning each time: a replica wrote about 8 lines a second, 14 MB an hour,
// through a database outage, and what else went wrong was lost in them.
// Now a loop waits longer after each failure (doubling from 100 ms to 30 s),
// logs the first failure, then at most once a minute that it still fails,
// and once that it has recovered.
package retry

import (
	"context"
	"log/slog"
	"time"
)

// Defaults of Failing's zero fields.
const (
	DefaultMin   = 100 * time.Millisecond
	DefaultMax   = 30 * time.Second
	DefaultEvery = time.Minute
)

// Failing tracks one loop's run of failures. It is not safe for concurrent
// use: the loop that owns it calls Done after each pass.
type Failing struct {
	Log *slog.Logger
	// What names the loop in its log lines ("index sync").
	What string
	// Attrs are added to every line (the view followed, say).
	Attrs []any
	// Min and Max bound the wait after a failure (DefaultMin, DefaultMax);
	// Every is how often a continuing failure is logged (DefaultEvery).
	Min, Max, Every time.Duration
	// Now is the clock (tests); time.Now when nil.
	Now func() time.Time

	times  int
	since  time.Time
	logged time.Time
	wait   time.Duration
}

// Done records how a pass ended and returns how long the loop waits before
// the next: 0 after a success (the loop keeps its own pace), else the
// backoff.
func (f *Failing) Done(err error) time.Duration {
	now := f.now()
	if err == nil {
		if f.times > 0 {
			f.Log.Info(f.What+": recovered", append(f.Attrs[:len(f.Attrs):len(f.Attrs)],
				"after", now.Sub(f.since).Round(time.Millisecond).String(), "times", f.times)...)
		}
		f.times, f.wait = 0, 0
		return 0
	}
	f.times++
	if f.times == 1 {
		f.since, f.logged = now, now
		f.wait = or(f.Min, DefaultMin)
		f.Log.Warn(f.What, append(f.Attrs[:len(f.Attrs):len(f.Attrs)], "err", err)...)
		return f.wait
	}
	f.wait = min(2*f.wait, or(f.Max, DefaultMax))
	if now.Sub(f.logged) >= or(f.Every, DefaultEvery) {
		f.logged = now
		f.Log.Warn(f.What+": still failing", append(f.Attrs[:len(f.Attrs):len(f.Attrs)],
			"times", f.times, "since", f.since.Format(time.RFC3339), "err", err)...)
	}
	return f.wait
}

func (f *Failing) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Loop runs pass until ctx ends: every interval and whenever poke receives,
// and after a failed pass after f's backoff (or the next poke), so that a
// loop whose database is down neither spins nor floods the log. It is the
// one loop of the index sync and of every change-log follower.
func Loop(ctx context.Context, f *Failing, interval time.Duration, poke <-chan struct{}, pass func(context.Context) error) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		err := pass(ctx)
		if ctx.Err() != nil {
			return
		}
		var next <-chan time.Time = t.C
		if wait := f.Done(err); wait > 0 {
			next = time.After(wait)
		}
		select {
		case <-ctx.Done():
			return
		case <-next:
		case <-poke:
		}
	}
}
