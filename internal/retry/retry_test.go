package retry

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// lines records what a logger was told, as "LEVEL msg key=value …".
type lines struct {
	mu  sync.Mutex
	all []string
}

func (l *lines) Enabled(context.Context, slog.Level) bool { return true }
func (l *lines) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *lines) WithGroup(string) slog.Handler            { return l }
func (l *lines) Handle(_ context.Context, r slog.Record) error {
	s := r.Level.String() + " " + r.Message
	r.Attrs(func(a slog.Attr) bool { s += " " + a.String(); return true })
	l.mu.Lock()
	l.all = append(l.all, s)
	l.mu.Unlock()
	return nil
}

// Five minutes of a database outage, a pass every time the backoff says,
// make one warning, one "still failing" a minute and one "recovered"; the
// wait doubles from 100 ms to 30 s and is back to the loop's own pace
// after. A replica logged 8 warnings a second, 14 MB an hour.
func TestFailingLogsOnceAMinute(t *testing.T) {
	start := time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)
	now := start
	log := &lines{}
	f := Failing{Log: slog.New(log), What: "follow the change log", Attrs: []any{"view", "vacancies"}, Now: func() time.Time { return now }}
	if d := f.Done(nil); d != 0 || len(log.all) != 0 {
		t.Fatalf("a success: wait %v, logged %q", d, log.all)
	}
	down := errors.New("server selection error: context deadline exceeded")
	var waits []time.Duration
	passes := 0
	for now.Sub(start) < 5*time.Minute {
		d := f.Done(down)
		waits = append(waits, d)
		passes++
		now = now.Add(d)
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, 1600 * time.Millisecond}
	for i, w := range want {
		if waits[i] != w {
			t.Fatalf("waits %v, want them to start %v", waits[:len(want)], want)
		}
	}
	if last := waits[len(waits)-1]; last != 30*time.Second {
		t.Errorf("after 5 minutes the wait is %v, want 30s", last)
	}
	if d := f.Done(nil); d != 0 {
		t.Errorf("after recovering the wait is %v", d)
	}
	var warn, still, recovered int
	for _, l := range log.all {
		switch {
		case !strings.Contains(l, "view=vacancies"):
			t.Errorf("line without its view: %s", l)
		case strings.HasPrefix(l, "WARN follow the change log view=vacancies err="):
			warn++
		case strings.HasPrefix(l, "WARN follow the change log: still failing") && strings.Contains(l, "since=2026-12-07T03:00:00Z"):
			still++
		case strings.HasPrefix(l, "INFO follow the change log: recovered") && strings.Contains(l, "times="):
			recovered++
		default:
			t.Errorf("unexpected line: %s", l)
		}
	}
	if warn != 1 || still < 4 || still > 5 || recovered != 1 {
		t.Errorf("%d passes logged %d first failures, %d still-failing and %d recovered lines, want 1, one a minute and 1:\n%s",
			passes, warn, still, recovered, strings.Join(log.all, "\n"))
	}

	// A second outage starts over at 100 ms, with its own first warning.
	log.all = nil
	if d := f.Done(down); d != 100*time.Millisecond || len(log.all) != 1 || !strings.HasPrefix(log.all[0], "WARN follow the change log view") {
		t.Errorf("second outage: wait %v, logged %q", d, log.all)
	}
}

// Loop tries a failing pass again after the backoff, not on the next tick
// (an hour here), then keeps the loop's own pace: after the pass recovers,
// only a poke runs it again, and a cancelled context ends it.
func TestLoopRetriesAfterBackoffThenWaitsForTickOrPoke(t *testing.T) {
	var l lines
	f := Failing{Log: slog.New(&l), What: "test loop", Min: time.Millisecond, Max: 2 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	poke := make(chan struct{})
	calls := make(chan int, 10)
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		Loop(ctx, &f, time.Hour, poke, func(context.Context) error {
			n++
			calls <- n
			if n <= 3 {
				return errors.New("database down")
			}
			return nil
		})
	}()
	for want := 1; want <= 4; want++ {
		if got := <-calls; got != want {
			t.Fatalf("pass %d, want %d", got, want)
		}
	}
	select {
	case got := <-calls:
		t.Fatalf("pass %d ran without a tick or a poke", got)
	default:
	}
	poke <- struct{}{}
	if got := <-calls; got != 5 {
		t.Fatalf("pass %d after the poke, want 5", got)
	}
	cancel()
	<-done
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.all) != 2 || !strings.Contains(l.all[0], "database down") || !strings.Contains(l.all[1], "recovered") {
		t.Fatalf("log %q, want one warning and one recovery", l.all)
	}
}
