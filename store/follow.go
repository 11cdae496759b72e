package store

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"jobmatch/internal/retry"
)

// The change log of the derived views. The bleve CV index follows the
// candidate change log (candidates.go); the in-memory views of other
// aggregates — the company search, the reverse match's open vacancies and
// the vacancy profiles it caches — follow this one, the list "changes" whose
// entries are "<kind>:<id>" (a list position is claimed by its insert, so
// every replica's writes get distinct numbers). Each view keeps its own
// high-water mark and re-reads the aggregate by _id, so every replica
// converges on its own, whichever replica wrote.

const changesList = "changes"

// Change kinds of the entity change log.
const (
	KindCompany = "company"
	KindVacancy = "vacancy"
	KindUser    = "user"
)

// LogChanges records that aggregates of one kind changed (after the write).
func (s *Store) LogChanges(ctx context.Context, kind string, ids ...string) error {
	_, err := s.logChanges(ctx, kind, ids)
	return err
}

// LogAppliedChanges records changes this process has already applied to
// its own views (through its in-process hooks): its followers pass over
// them without reading them back, other replicas' followers apply them.
func (s *Store) LogAppliedChanges(ctx context.Context, kind string, ids ...string) error {
	pos, err := s.logChanges(ctx, kind, ids)
	if len(pos) > 0 {
		s.appliedHere.mu.Lock()
		if s.appliedHere.pos == nil {
			s.appliedHere.pos = map[int64]bool{}
		}
		for _, p := range pos {
			s.appliedHere.pos[p] = true
		}
		s.appliedHere.mu.Unlock()
	}
	return err
}

func (s *Store) logChanges(ctx context.Context, kind string, ids []string) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	refs := make([]string, len(ids))
	for i, id := range ids {
		refs[i] = kind + ":" + id
	}
	return s.ListAppendPositions(ctx, changesList, refs)
}

// appliedSet holds the change-log positions this process applied itself
// (LogAppliedChanges) until its follower has passed them.
type appliedSet struct {
	mu  sync.Mutex
	pos map[int64]bool
}

func (a *appliedSet) has(p int64) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.pos[p]
}

// passed forgets the positions up to p.
func (a *appliedSet) passed(p int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k := range a.pos {
		if k <= p {
			delete(a.pos, k)
		}
	}
}

// ChangesHead is the number of the newest entity change: a view loaded from
// a scan started after reading it follows from there.
func (s *Store) ChangesHead(ctx context.Context) (int64, error) {
	return s.ListHead(ctx, changesList)
}

// Follower applies the entity change log to one derived view.
type Follower struct {
	st    *Store
	name  string
	apply func(ctx context.Context, kind, id string) error
	log   *slog.Logger
	hwm   atomic.Int64
	poke  chan struct{}
	// Interval is the poll interval for other replicas' changes.
	Interval time.Duration
}

// NewFollower returns a follower that calls apply for every change after
// from. apply re-reads the aggregate by id; an error stops the pass and the
// change is tried again on the next one.
func (s *Store) NewFollower(name string, from int64, apply func(ctx context.Context, kind, id string) error) *Follower {
	f := &Follower{st: s, name: name, apply: apply, log: s.log, poke: make(chan struct{}, 1), Interval: 250 * time.Millisecond}
	f.hwm.Store(from)
	return f
}

// SetFrom moves the high-water mark (before Run: after a view's initial scan).
func (f *Follower) SetFrom(n int64) { f.hwm.Store(n) }

// HighWaterMark is the number of the last change applied.
func (f *Follower) HighWaterMark() int64 { return f.hwm.Load() }

// Notify asks for a pass now.
func (f *Follower) Notify() {
	select {
	case f.poke <- struct{}{}:
	default:
	}
}

// Once applies the changes logged since the last pass and returns how many.
func (f *Follower) Once(ctx context.Context) (int, error) {
	total := 0
	for {
		from := f.hwm.Load()
		refs, pos, err := f.st.listAfter(ctx, changesList, from, 500, f.st.appliedHere.has)
		if err != nil {
			return total, err
		}
		for _, ref := range refs {
			kind, id, _ := strings.Cut(ref, ":")
			if err := f.apply(ctx, kind, id); err != nil {
				// Keep the mark; applying is idempotent, so the batch
				// comes again whole.
				return total, err
			}
			total++
		}
		if pos <= from {
			return total, nil
		}
		f.hwm.Store(pos)
		f.st.appliedHere.passed(pos)
		if len(refs) == 0 {
			return total, nil
		}
	}
}

// Run follows the log until ctx ends: every Interval and on Notify. After
// a failure (the database down) it waits longer each time, up to 30 s or
// the next Notify, and logs the failure once, then once a minute while it
// lasts (retry.Failing).
func (f *Follower) Run(ctx context.Context) {
	failing := retry.Failing{Log: f.log, What: "follow the change log", Attrs: []any{"view", f.name}}
	retry.Loop(ctx, &failing, f.Interval, f.poke, func(ctx context.Context) error {
		_, err := f.Once(ctx)
		return err
	})
}
