package index_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// outage is the store as the syncer reads it, unreachable while down.
type outage struct {
	*store.Store
	mu    sync.Mutex
	down  bool
	calls int // reads tried while down
}

var errDown = errors.New("server selection error: context deadline exceeded, current topology: { Type: Unknown }")

func (o *outage) fail() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.down {
		o.calls++
		return errDown
	}
	return nil
}

func (o *outage) set(down bool) {
	o.mu.Lock()
	o.down, o.calls = down, 0
	o.mu.Unlock()
}

func (o *outage) tried() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.calls
}

func (o *outage) ChangesAfter(ctx context.Context, seq int64, limit int) ([]index.Change, error) {
	if err := o.fail(); err != nil {
		return nil, err
	}
	return o.Store.ChangesAfter(ctx, seq, limit)
}

func (o *outage) ChangeAt(ctx context.Context, seq int64) (index.Change, bool, error) {
	if err := o.fail(); err != nil {
		return index.Change{}, false, err
	}
	return o.Store.ChangeAt(ctx, seq)
}

func (o *outage) CurrentSeq(ctx context.Context, name string) (int64, error) {
	if err := o.fail(); err != nil {
		return 0, err
	}
	return o.Store.CurrentSeq(ctx, name)
}

func (o *outage) Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error) {
	if err := o.fail(); err != nil {
		return nil, err
	}
	return o.Store.Candidate(ctx, id)
}

// logLines records what a logger was told, as "LEVEL msg".
type logLines struct {
	mu  sync.Mutex
	all []string
}

func (l *logLines) Enabled(context.Context, slog.Level) bool { return true }
func (l *logLines) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logLines) WithGroup(string) slog.Handler            { return l }
func (l *logLines) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	l.all = append(l.all, r.Level.String()+" "+r.Message)
	l.mu.Unlock()
	return nil
}

// TestSyncBacksOffThroughAnOutage: while the database is down the index
// sync tries again less and less often and warns once; when it is back the
// sync says it recovered, once, and indexes what was written meanwhile. It
// tried every 250 ms (and on every Notify) and warned each time: with the
// change-log followers, 8 lines a second per replica.
func TestSyncBacksOffThroughAnOutage(t *testing.T) {
	st := storetest.Open(t)
	src := &outage{Store: st}
	ix, _, err := index.Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	log := &logLines{}
	sy := index.NewSyncer(ix, src, slog.New(log), nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); sy.Run(ctx) }()
	defer func() { cancel(); <-done }()
	indexed := func(c *jobmatch.Candidate, what string) {
		t.Helper()
		for !contains(ids(t, ix, what), c.ID) {
			time.Sleep(20 * time.Millisecond)
		}
	}

	before := candidate("O-1", "maler", "4000")
	upsert(t, st, before)
	indexed(before, "maler")

	src.set(true)
	for src.tried() < 5 {
		time.Sleep(20 * time.Millisecond)
	}
	src.set(false)
	after := candidate("O-2", "murer", "4000")
	upsert(t, st, after)
	indexed(after, "murer")
	// The pass that indexed it says so when it ends (or, as before, the
	// warnings are already too many).
	var warn, recovered int
	var odd []string
	for recovered == 0 && warn <= 1 {
		time.Sleep(20 * time.Millisecond)
		warn, recovered, odd = 0, 0, nil
		log.mu.Lock()
		for _, l := range log.all {
			switch {
			case l == "WARN index sync":
				warn++
			case l == "INFO index sync: recovered":
				recovered++
			case strings.HasPrefix(l, "WARN"), strings.HasPrefix(l, "ERROR"):
				odd = append(odd, l)
			}
		}
		log.mu.Unlock()
	}
	cancel()
	<-done
	log.mu.Lock()
	defer log.mu.Unlock()
	if warn != 1 || recovered != 1 || len(odd) > 0 {
		t.Errorf("an outage of 5 tries logged %d warnings and %d recoveries, want 1 and 1:\n%s", warn, recovered, strings.Join(log.all, "\n"))
	}
}
