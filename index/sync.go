package index

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"jobmatch"
	"jobmatch/internal/retry"
)

// Change is one entry of the store's candidate change log (the type lives
// in the domain package, so the store need not import the index).
type Change = jobmatch.CandidateChange

// Source is what the sync reads: the change log in order, its last number,
// and each candidate's current state by id (jobmatch.ErrNotFound when erased).
type Source interface {
	ChangesAfter(ctx context.Context, seq int64, limit int) ([]Change, error)
	ChangeAt(ctx context.Context, seq int64) (Change, bool, error)
	CurrentSeq(ctx context.Context, name string) (int64, error)
	Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error)
}

// SeqName is the sequence the store numbers candidate changes with.
const SeqName = jobmatch.CandidateSeq

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
	labels Labels

	GapGrace time.Duration
	Interval time.Duration
	Batch    int
	// OnApply, when set, is told of every batch applied to the index (the
	// matcher keeps its in-memory features in step this way).
	OnApply func(upserted []*jobmatch.Candidate, deleted []string, seq int64)

	poke chan struct{}

	// pass serialises SyncOnce: the background loop and a CatchUp must not
	// interleave, or a pass that read a CV before its write could apply
	// that older state after a pass that read the newer one.
	pass sync.Mutex

	mu     sync.Mutex
	loaded bool                // the index's persisted unsettled numbers are read (under pass)
	gaps   map[int64]time.Time // missing numbers → first seen
	// pending are upserts logged but whose document was not yet written
	// (or still older) when read: re-read until it is, or GapGrace passes.
	pending map[string]pend

	// written: CVs this process has just stored, by id, so the pass that
	// applies their change need not read them back (Written).
	// logged: the change-log entries of those CVs, by number, so a pass
	// over numbers this process logged need not read the log either.
	writtenMu sync.Mutex
	written   map[string]*jobmatch.Candidate
	writtenQ  []string
	logged    map[int64]string
	taken     atomic.Int64 // CVs from written that passes have indexed
	inPass    atomic.Int64 // CVs the running pass took from written

	lagChanges atomic.Int64
	lagSince   atomic.Int64 // unix nanos of the oldest unapplied change, 0 when caught up
	applied    atomic.Int64
}

// NewSyncer returns a syncer; labels (optional) adds concept labels to the
// indexed text so a synonym finds a candidate whose CV used another word.
func NewSyncer(ix *Index, src Source, log *slog.Logger, labels Labels) *Syncer {
	if log == nil {
		log = slog.Default()
	}
	return &Syncer{ix: ix, src: src, log: log, labels: labels, GapGrace: 30 * time.Second,
		Interval: 250 * time.Millisecond, Batch: 1000, poke: make(chan struct{}, 1), gaps: map[int64]time.Time{}, pending: map[string]pend{}}
}

// Notify asks for a sync pass now (after a write through this process).
func (s *Syncer) Notify() {
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// Run syncs until ctx ends: at once, on Notify, and every Interval. After
// a failure (the database down) it waits longer each time, up to 30 s or
// the next Notify (a write went through), and logs the failure once, then
// once a minute while it lasts (retry.Failing).
func (s *Syncer) Run(ctx context.Context) {
	failing := retry.Failing{Log: s.log, What: "index sync"}
	retry.Loop(ctx, &failing, s.Interval, s.poke, func(ctx context.Context) error {
		_, err := s.SyncOnce(ctx)
		return err
	})
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
// re-checks the gaps and pending writes; it returns how many change-log
// entries it consumed (re-reads of pending writes do not count, so CatchUp
// ends once the log is read).
func (s *Syncer) SyncOnce(ctx context.Context) (int, error) {
	s.pass.Lock()
	defer s.pass.Unlock()
	if !s.loaded {
		// What an earlier process moved past without applying (see
		// unsettled.go): re-check it, with a fresh grace period.
		s.loaded = true
		u := s.ix.unsettledNow()
		now := time.Now()
		s.mu.Lock()
		for _, n := range u.Gaps {
			if _, ok := s.gaps[n]; !ok {
				s.gaps[n] = now
			}
		}
		for id, seq := range u.Pending {
			if p, ok := s.pending[id]; !ok || p.seq < seq {
				s.pending[id] = pend{seq: seq, since: now}
			}
		}
		s.mu.Unlock()
	}
	hwm := s.ix.HighWaterMark()
	changes := s.loggedAfter(hwm)
	if len(changes) == 0 {
		var err error
		if changes, err = s.src.ChangesAfter(ctx, hwm, s.Batch); err != nil {
			return 0, err
		}
	}
	// ids: candidate → the sequence its document must have reached (0 when
	// the latest change is an erasure).
	ids := map[string]int64{}
	note := func(c Change) {
		if have, ok := ids[c.CandidateID]; ok && have > c.Seq {
			return
		}
		if c.Delete {
			ids[c.CandidateID] = 0
		} else {
			ids[c.CandidateID] = c.Seq
		}
	}
	next := hwm
	now := time.Now()
	s.mu.Lock()
	for _, c := range changes {
		for n := next + 1; n < c.Seq; n++ {
			if _, ok := s.gaps[n]; !ok {
				s.gaps[n] = now
			}
		}
		note(c)
		next = c.Seq
	}
	gaps := make([]int64, 0, len(s.gaps))
	for n := range s.gaps {
		gaps = append(gaps, n)
	}
	for id, p := range s.pending {
		if _, ok := ids[id]; !ok {
			ids[id] = p.seq
		}
	}
	s.mu.Unlock()
	progress := len(changes)
	if next > hwm {
		// Behind by at least this pass's changes while it runs: a pass
		// that reads long (another replica's bulk import) shows in the
		// lag and /readyz before it ends, not only after.
		s.behindAtLeast(next - hwm)
	}
	for _, n := range gaps {
		c, ok, err := s.src.ChangeAt(ctx, n)
		if err != nil {
			return 0, err
		}
		s.mu.Lock()
		if ok {
			progress++
			note(c)
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
	defer s.inPass.Store(0)
	// Re-read each candidate by _id, eight at a time.
	upserts := make(map[string]Doc, len(ids))
	var deletes []string
	var cands []*jobmatch.Candidate
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for id, want := range ids {
		if want == 0 {
			// The log's last word on it is an erasure: gone from the
			// index, whatever the store holds. An erasure logs first and
			// deletes the document after; a CV read in between was
			// indexed again, and nothing later removed it.
			// A write of it still pending is over too: read again, it
			// would bring the CV back.
			deletes = append(deletes, id)
			delete(ids, id)
			s.donePending(id)
		}
	}
	for id, want := range ids {
		wg.Add(1)
		sem <- struct{}{}
		go func(id string, want int64) {
			defer wg.Done()
			defer func() { <-sem }()
			var err error
			c := s.takeWritten(id, want)
			if c == nil {
				c, err = s.src.Candidate(ctx, id)
			}
			var d Doc
			if err == nil {
				d = s.ix.DocOf(c, s.labels)
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, jobmatch.ErrNotFound):
				if want > 0 && s.stillPending(id, want, now) {
					return // logged, not written yet: read again next pass
				}
				deletes = append(deletes, id)
			case err != nil:
				if firstErr == nil {
					firstErr = err
				}
			default:
				if want > 0 && c.Seq < want {
					s.stillPending(id, want, now) // index what is there; read again
				} else {
					s.donePending(id)
				}
				upserts[id] = d
				cands = append(cands, c)
			}
		}(id, want)
	}
	wg.Wait()
	if firstErr != nil {
		return 0, firstErr
	}
	// OnApply (the matcher's features) works beside the index's batch, whose
	// segment is built on one core: told a little early, or again after a
	// failed batch, it only sets the same state twice.
	var applying sync.WaitGroup
	if s.OnApply != nil {
		applying.Go(func() { s.OnApply(cands, deletes, next) })
	}
	err := s.ix.batch(upserts, deletes, next, s.open(), s.labels)
	applying.Wait()
	if err != nil {
		return 0, err
	}
	s.taken.Add(s.inPass.Load())
	s.applied.Add(int64(len(upserts) + len(deletes)))
	s.updateLag(ctx, next)
	return progress, nil
}

func (s *Syncer) updateLag(ctx context.Context, hwm int64) {
	cur, err := s.src.CurrentSeq(ctx, SeqName)
	if err != nil {
		return
	}
	behind := cur - hwm
	s.mu.Lock()
	behind += int64(len(s.gaps) + len(s.pending))
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

// behindAtLeast raises the lag to n changes, from now if it was caught up;
// updateLag sets it exactly when the pass ends.
func (s *Syncer) behindAtLeast(n int64) {
	for {
		cur := s.lagChanges.Load()
		if cur >= n || s.lagChanges.CompareAndSwap(cur, n) {
			break
		}
	}
	s.lagSince.CompareAndSwap(0, time.Now().UnixNano())
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

// pend is an upsert whose document had not reached seq when read.
type pend struct {
	seq   int64
	since time.Time
}

// stillPending records (or keeps) id as pending and reports whether it is
// still within the grace period.
func (s *Syncer) stillPending(id string, seq int64, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[id]
	if !ok || p.seq < seq {
		p = pend{seq: seq, since: now}
		if ok {
			p.since = s.pending[id].since
		}
		s.pending[id] = p
	}
	if time.Since(p.since) > s.GapGrace {
		delete(s.pending, id)
		return false
	}
	return true
}

func (s *Syncer) donePending(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.pending, id)
}

// open returns the gaps and pending writes to persist with the mark.
func (s *Syncer) open() unsettled {
	s.mu.Lock()
	defer s.mu.Unlock()
	var u unsettled
	for n := range s.gaps {
		u.Gaps = append(u.Gaps, n)
	}
	if len(s.pending) > 0 {
		u.Pending = make(map[string]int64, len(s.pending))
		for id, p := range s.pending {
			u.Pending[id] = p.seq
		}
	}
	return u
}

// Checkpoint runs fn between two sync passes with the high-water mark and
// the numbers still open below it (gaps, and pending writes by candidate
// id): the position of everything OnApply has been told, for a caller that
// persists state kept in step through OnApply (the matcher's features).
func (s *Syncer) Checkpoint(fn func(seq int64, gaps []int64, pending map[string]int64)) {
	s.pass.Lock()
	defer s.pass.Unlock()
	u := s.open()
	if !s.loaded {
		u.merge(s.ix.unsettledNow())
	}
	fn(s.ix.HighWaterMark(), u.Gaps, u.Pending)
}

// writtenMax bounds the CVs held for the sync (a few import batches).
const writtenMax = 4000

// Written hands the syncer CVs this process has just stored (after the
// write was acknowledged), each with the change-log number it was written
// under. The pass that applies exactly that change indexes the CV as given
// instead of reading it back by _id (at import, that read was a third of
// the embedded database's work). Any other change to the CV — a later
// write, an erasure — does not match the number and is read from the store
// as before; a CV handed over but never synced is forgotten once writtenMax
// newer ones have come.
func (s *Syncer) Written(cs []*jobmatch.Candidate) {
	s.writtenMu.Lock()
	defer s.writtenMu.Unlock()
	if s.written == nil {
		s.written = map[string]*jobmatch.Candidate{}
	}
	for _, c := range cs {
		if c == nil || c.Seq == 0 {
			continue
		}
		if _, ok := s.written[c.ID]; !ok {
			s.writtenQ = append(s.writtenQ, c.ID)
		}
		s.written[c.ID] = c
	}
	for len(s.written) > writtenMax && len(s.writtenQ) > 0 {
		delete(s.written, s.writtenQ[0])
		s.writtenQ = s.writtenQ[1:]
	}
	if len(s.writtenQ) > 2*writtenMax {
		// Most were taken by a pass: keep the order of those still held.
		q := make([]string, 0, len(s.written))
		for _, id := range s.writtenQ {
			if _, ok := s.written[id]; ok {
				q = append(q, id)
			}
		}
		s.writtenQ = q
	}
	if s.logged == nil || len(s.logged) > 2*writtenMax {
		s.logged = map[int64]string{} // never consumed (another process syncs): start over
	}
	for _, c := range cs {
		if c != nil && c.Seq > 0 {
			s.logged[c.Seq] = c.ID
		}
	}
}

// loggedAfter returns the change-log entries after hwm that Written told
// of, as long as they follow each other without a gap: the entries this
// process itself logged, known without reading the log. Each number is
// taken by one writer with a unique insert, so its entry is the one that
// writer knows. A number this process did not log ends the run; the pass
// then reads the log as before.
func (s *Syncer) loggedAfter(hwm int64) []Change {
	s.writtenMu.Lock()
	defer s.writtenMu.Unlock()
	for n := range s.logged {
		if n <= hwm {
			delete(s.logged, n)
		}
	}
	var out []Change
	for n := hwm + 1; len(out) < s.Batch; n++ {
		id, ok := s.logged[n]
		if !ok {
			break
		}
		out = append(out, Change{Seq: n, CandidateID: id})
	}
	return out
}

// Room waits while the CVs handed over by Written and not yet indexed are
// more than half of what it keeps (writtenMax), counting those a pass is
// indexing, so a writer such as an
// import goes at the index's pace: written further ahead, its CVs would be
// forgotten and read back from the store, which cost a fifth of an
// import's CPU. It stops waiting when no pass has indexed a CV for two
// seconds (the sync is not running), or when ctx ends.
func (s *Syncer) Room(ctx context.Context) error {
	last, since := s.taken.Load(), time.Now()
	for {
		// A CV at or below the high-water mark was applied from the
		// store (a pass read it before it was handed over): forget it.
		hwm := s.ix.HighWaterMark()
		s.writtenMu.Lock()
		for id, c := range s.written {
			if c.Seq <= hwm {
				delete(s.written, id)
			}
		}
		n := len(s.written) + int(s.inPass.Load()) // taken, not yet indexed
		s.writtenMu.Unlock()
		if n <= writtenMax/2 {
			return nil
		}
		if t := s.taken.Load(); t != last {
			last, since = t, time.Now()
		} else if time.Since(since) > 2*time.Second {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// takeWritten returns the CV handed over by Written when it was written
// under want, the number the log says it must have reached; else nil.
func (s *Syncer) takeWritten(id string, want int64) *jobmatch.Candidate {
	if want <= 0 {
		return nil
	}
	s.writtenMu.Lock()
	defer s.writtenMu.Unlock()
	c, ok := s.written[id]
	if !ok || c.Seq != want {
		return nil
	}
	delete(s.written, id)
	s.inPass.Add(1)
	return c
}
