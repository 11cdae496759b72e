package index

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"jobmatch"
)

// Change is one entry of the store's candidate change log.
type Change struct {
	Seq         int64
	CandidateID string
	At          time.Time
}

// Source is what the sync reads: the change log in order, its last number,
// and each candidate's current state by id (jobmatch.ErrNotFound when erased).
type Source interface {
	ChangesAfter(ctx context.Context, seq int64, limit int) ([]Change, error)
	ChangeAt(ctx context.Context, seq int64) (Change, bool, error)
	CurrentSeq(ctx context.Context, name string) (int64, error)
	Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error)
}

// SeqName is the sequence the store numbers candidate changes with.
const SeqName = "candidates"

// Syncer keeps the index in step with the store. Every change to a candidate
// takes the next sequence number and is logged under it before the
// candidate document is written. The syncer reads the log in order, re-reads
// each candidate by _id and indexes its current state, so a crash between
// the two writes, or writers that commit out of order, heal by themselves:
// indexing is idempotent. A number that is taken but not yet logged (a writer
// between its two writes, or one that died) is a gap; the syncer moves past
// it but re-checks it for GapGrace before giving it up.
type Syncer struct {
	ix     *Index
	src    Source
	log    *slog.Logger
	labels func(uri string) []string

	GapGrace time.Duration
	Interval time.Duration
	Batch    int

	poke chan struct{}

	mu   sync.Mutex
	gaps map[int64]time.Time // missing numbers → first seen

	lagChanges atomic.Int64
	lagSince   atomic.Int64 // unix nanos of the oldest unapplied change, 0 when caught up
	applied    atomic.Int64
}

// NewSyncer returns a syncer; labels (optional) adds concept labels to the
// indexed text so a synonym finds a candidate whose CV used another word.
func NewSyncer(ix *Index, src Source, log *slog.Logger, labels func(uri string) []string) *Syncer {
	if log == nil {
		log = slog.Default()
	}
	return &Syncer{ix: ix, src: src, log: log, labels: labels, GapGrace: 30 * time.Second,
		Interval: 250 * time.Millisecond, Batch: 1000, poke: make(chan struct{}, 1), gaps: map[int64]time.Time{}}
}

// Notify asks for a sync pass now (after a write through this process).
func (s *Syncer) Notify() {
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// Run syncs until ctx ends: at once, on Notify, and every Interval.
func (s *Syncer) Run(ctx context.Context) {
	t := time.NewTicker(s.Interval)
	defer t.Stop()
	for {
		if _, err := s.SyncOnce(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("index sync", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.poke:
		}
	}
}

// CatchUp syncs until the index has applied everything logged so far.
func (s *Syncer) CatchUp(ctx context.Context) error {
	for {
		n, err := s.SyncOnce(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}

// SyncOnce applies up to Batch changes after the high-water mark and
// re-checks the gaps; it returns how many changes it applied.
func (s *Syncer) SyncOnce(ctx context.Context) (int, error) {
	hwm := s.ix.HighWaterMark()
	changes, err := s.src.ChangesAfter(ctx, hwm, s.Batch)
	if err != nil {
		return 0, err
	}
	ids := map[string]bool{}
	next := hwm
	now := time.Now()
	s.mu.Lock()
	for _, c := range changes {
		for n := next + 1; n < c.Seq; n++ {
			if _, ok := s.gaps[n]; !ok {
				s.gaps[n] = now
			}
		}
		ids[c.CandidateID] = true
		next = c.Seq
	}
	gaps := make([]int64, 0, len(s.gaps))
	for n := range s.gaps {
		gaps = append(gaps, n)
	}
	s.mu.Unlock()
	for _, n := range gaps {
		c, ok, err := s.src.ChangeAt(ctx, n)
		if err != nil {
			return 0, err
		}
		s.mu.Lock()
		if ok {
			ids[c.CandidateID] = true
			delete(s.gaps, n)
		} else if time.Since(s.gaps[n]) > s.GapGrace {
			delete(s.gaps, n) // the writer died between taking the number and logging it
		}
		s.mu.Unlock()
	}
	if len(ids) == 0 {
		s.updateLag(ctx, next)
		return 0, nil
	}
	// Re-read each candidate by _id, eight at a time.
	upserts := make(map[string]Doc, len(ids))
	var deletes []string
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for id := range ids {
		wg.Add(1)
		sem <- struct{}{}
		go func(id string) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := s.src.Candidate(ctx, id)
			var d Doc
			if err == nil {
				d = s.ix.DocOf(c, s.labels)
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, jobmatch.ErrNotFound):
				deletes = append(deletes, id)
			case err != nil:
				if firstErr == nil {
					firstErr = err
				}
			default:
				upserts[id] = d
			}
		}(id)
	}
	wg.Wait()
	if firstErr != nil {
		return 0, firstErr
	}
	if err := s.ix.batch(upserts, deletes, next); err != nil {
		return 0, err
	}
	s.applied.Add(int64(len(ids)))
	s.updateLag(ctx, next)
	return len(ids), nil
}

func (s *Syncer) updateLag(ctx context.Context, hwm int64) {
	cur, err := s.src.CurrentSeq(ctx, SeqName)
	if err != nil {
		return
	}
	behind := cur - hwm
	s.mu.Lock()
	behind += int64(len(s.gaps))
	s.mu.Unlock()
	if behind < 0 {
		behind = 0
	}
	s.lagChanges.Store(behind)
	if behind == 0 {
		s.lagSince.Store(0)
	} else if s.lagSince.Load() == 0 {
		s.lagSince.Store(time.Now().UnixNano())
	}
}

// Lag reports how many changes the index is behind and for how long.
func (s *Syncer) Lag() (changes int64, seconds float64) {
	changes = s.lagChanges.Load()
	if since := s.lagSince.Load(); since > 0 {
		seconds = time.Since(time.Unix(0, since)).Seconds()
	}
	return changes, seconds
}

// Applied returns how many candidate changes were applied since start.
func (s *Syncer) Applied() int64 { return s.applied.Load() }
