package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"jobmatch"
)

// Several replicas on one database. FerretDB 1.24 applies an update by
// reading the document and writing it back, with no lock across processes,
// so two replicas that $inc one counter can lose an increment. What every
// MongoDB-wire backend does guarantee is a unique _id: of two inserts of one
// _id exactly one succeeds. The store builds on that alone:
//
//   - Each replica claims a slot, a position in the list "replicas" (an
//     insert), and keeps it in its data directory across restarts. The
//     embedded backend's own process is slot 0; only a process that connects
//     to an external database takes a slot, and only when it first writes a
//     shard (a counter, a set, a bag): a command that reads, or writes only
//     documents of its own, takes none (ownSlot), nor does it take the first
//     replica's at Open (joinReplicas). Slots are never given
//     back, and every read sums every slot's shard, so one taken by each
//     `jobmatch user add` or dry run had made every list total slower.
//   - Counters are sharded per slot: slot 0 adds to the counter document
//     itself, slot k to "<id>@r<k>". Only one process writes each shard, and
//     within the process the striped locks serialise it, so no increment is
//     lost; a read sums the document and every slot's shard (one _id lookup
//     per slot ever taken).
//   - List positions, change-log sequence numbers and versions are claimed
//     by inserting the document whose _id they are (lists.go, changes.go,
//     docs.go): a duplicate key means someone else has it.

const replicasList = "replicas"

// noSlot is the slot of a process on an external database that has not
// written a shard yet: none of the shards is its own.
const noSlot = -1

// slotClaim is what a process on an external database needs to claim its
// slot when it first writes a shard.
type slotClaim struct {
	mu                sync.Mutex
	dataDir, database string
}

// joinReplicas is Open's part for a process on an external database. The
// first replica ever claims slot 1 at once: that slot is what tells every
// process, the embedded backend's own included, that others share the
// database (everReplicated, othersMayWrite). Any later one only remembers
// where its slot is recorded and claims it on its first shard write.
//
// A command (kpi rebuild, a dry run, reindex) claims none here, first or
// not: it serves nobody, and the slot is never given back. `kpi rebuild
// --dry-run` on the listener of an embedded serve took slot 1, and that
// serve counted itself replicated for good: turns on every update, and
// after a kill -9 it recounted only its own slot's figures.
func (s *Store) joinReplicas(ctx context.Context, dataDir, database string, command bool) error {
	s.slot.Store(noSlot)
	s.slotClaim.dataDir, s.slotClaim.database = dataDir, database
	n, err := s.slots(ctx)
	if err != nil {
		return fmt.Errorf("store: replica slots: %w", err)
	}
	if n > 0 || command {
		return nil // s.slots marked the store replicated if n > 0
	}
	_, err = s.ownSlot(ctx)
	return err
}

// ownSlot returns this process's replica slot, claiming it first when it
// has none yet. Call it before taking any document's striped lock: a claim
// appends to the list of slots, which takes that list's lock.
func (s *Store) ownSlot(ctx context.Context) (int64, error) {
	if n := s.slot.Load(); n != noSlot {
		return n, nil
	}
	s.slotClaim.mu.Lock()
	defer s.slotClaim.mu.Unlock()
	if n := s.slot.Load(); n != noSlot {
		return n, nil
	}
	if err := s.claimSlot(ctx, s.slotClaim.dataDir, s.slotClaim.database); err != nil {
		return 0, err
	}
	return s.slot.Load(), nil
}

// claimSlot finds this process's replica slot: the one recorded in the data
// directory for this database, or a new position in the "replicas" list.
// A replica restarted with its data directory keeps its slot.
func (s *Store) claimSlot(ctx context.Context, dataDir, database string) error {
	slot, ok, err := s.recordedSlot(ctx, dataDir, database)
	if err != nil {
		return err
	}
	if ok {
		s.slot.Store(slot)
		return nil
	}
	var file string
	if dataDir != "" {
		file = slotFile(dataDir, database)
	}
	id := jobmatch.NewID()
	slot, err = s.ListAppend(ctx, replicasList, id)
	if err != nil {
		return fmt.Errorf("store: claim replica slot: %w", err)
	}
	if slot == 1 {
		// The first replica slot ever: processes that found themselves
		// alone trust that for soloTTL (othersMayWrite); wait until none does.
		select {
		case <-ctx.Done():
			return fmt.Errorf("store: claim replica slot: %w", ctx.Err())
		case <-time.After(firstReplicaWait):
		}
	}
	if file != "" {
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return fmt.Errorf("store: replica slot: %w", err)
		}
		if err := os.WriteFile(file, []byte(strconv.FormatInt(slot, 10)+" "+id+"\n"), 0o640); err != nil {
			return fmt.Errorf("store: replica slot: %w", err)
		}
	}
	s.slot.Store(slot)
	s.log.Info("replica slot claimed", "slot", slot)
	return nil
}

func slotFile(dataDir, database string) string {
	return filepath.Join(dataDir, "replica-slot-"+database)
}

// recordedSlot reads the slot recorded in the data directory for this
// database, if the database still says it is ours (it may have been
// replaced since).
func (s *Store) recordedSlot(ctx context.Context, dataDir, database string) (int64, bool, error) {
	if dataDir == "" {
		return 0, false, nil
	}
	b, err := os.ReadFile(slotFile(dataDir, database))
	if err != nil {
		return 0, false, nil
	}
	var slot int64
	var id string
	if _, err := fmt.Sscanf(strings.TrimSpace(string(b)), "%d %s", &slot, &id); err != nil || slot <= 0 {
		return 0, false, nil
	}
	var d struct {
		Ref string `bson:"ref"`
	}
	err = s.C(ColLists).FindOne(ctx, bson.D{{Key: "_id", Value: listKey(replicasList, slot)}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: replica slot: %w", err)
	}
	return slot, d.Ref == id, nil
}

// RecordedSlot returns this process's replica slot without claiming one:
// the embedded backend's own process's 0, the one it wrote shards under
// already, or the one its data directory records from an earlier run (the
// shards a recount after a kill may rewrite, RecountAfterCrash). False: it
// has none, so no event names it.
func (s *Store) RecordedSlot(ctx context.Context) (int64, bool, error) {
	if n := s.slot.Load(); n != noSlot {
		return n, true, nil
	}
	s.slotClaim.mu.Lock()
	defer s.slotClaim.mu.Unlock()
	if n := s.slot.Load(); n != noSlot {
		return n, true, nil
	}
	slot, ok, err := s.recordedSlot(ctx, s.slotClaim.dataDir, s.slotClaim.database)
	if ok {
		s.slot.Store(slot)
	}
	return slot, ok, err
}

// Slot is this process's replica slot: 0 for the embedded backend's own
// process, -1 for one on an external database that has written no shard yet.
func (s *Store) Slot() int64 { return s.slot.Load() }

// shardID is the counter document slot adds to.
func shardID(id string, slot int64) string {
	if slot == 0 {
		return id
	}
	return id + "@r" + strconv.FormatInt(slot, 10)
}

// slots returns how many replica slots were ever taken (their shards must be
// summed on read).
func (s *Store) slots(ctx context.Context) (int64, error) {
	n, err := s.probeHead(ctx, replicasList)
	if n > 0 {
		s.replicated.Store(true)
	}
	return n, err
}

// EverReplicated reports whether another process may ever have written
// this database (a second replica slot taken, or an external database's).
func (s *Store) EverReplicated(ctx context.Context) (bool, error) { return s.everReplicated(ctx) }

// everReplicated reports whether a second replica slot was ever taken,
// reading the store only until one was.
func (s *Store) everReplicated(ctx context.Context) (bool, error) {
	if s.replicated.Load() || s.slot.Load() > 0 {
		return true, nil
	}
	n, err := s.slots(ctx)
	return n > 0, err
}

// soloTTL is how long a process that found itself the only replica ever
// trusts that without looking again (othersMayWrite), and firstReplicaWait
// how long the first replica slot's taker waits before it writes, so that
// every process has looked again by then.
const (
	soloTTL          = 100 * time.Millisecond
	firstReplicaWait = 5 * soloTTL
)

// othersMayWrite reports whether another replica may write the documents
// this process writes (Apply then takes turns, turns.go): everReplicated,
// with a "no" kept for soloTTL, so a lone process looks it up about ten
// times a second at most rather than on every write. That is safe because
// a "yes" never reverts, only the first replica slot ever taken turns the
// answer to "yes", and its taker waits firstReplicaWait (claimSlot) before
// it serves: by then every process has looked again, and an update it
// began without turns before has long ended.
func (s *Store) othersMayWrite(ctx context.Context) (bool, error) {
	if s.replicated.Load() || s.slot.Load() > 0 {
		return true, nil
	}
	tc := s.turnCache()
	tc.mu.Lock()
	until := tc.soloUntil
	tc.mu.Unlock()
	now := time.Now()
	if now.Before(until) {
		return false, nil
	}
	many, err := s.everReplicated(ctx)
	if err != nil || many {
		return many, err
	}
	tc.mu.Lock()
	tc.soloUntil = now.Add(soloTTL) // from before the lookup: conservative
	tc.mu.Unlock()
	return false, nil
}

// shardOf splits a counter document's _id into the document it is a
// shard of and the slot: "kpi:2026@r3" → "kpi:2026", 3; "kpi:2026" → itself, 0.
func shardOf(id string) (string, int64) {
	base, ok := baseCounterID(id)
	if !ok {
		return id, 0
	}
	slot, _ := strconv.ParseInt(id[len(base)+2:], 10, 64)
	return base, slot
}

// baseCounterID strips a shard suffix: "kpi:2026@r3" → "kpi:2026", true.
func baseCounterID(id string) (string, bool) {
	i := strings.LastIndex(id, "@r")
	if i < 0 {
		return id, false
	}
	if _, err := strconv.ParseInt(id[i+2:], 10, 64); err != nil {
		return id, false
	}
	return id[:i], true
}

// Which processes have the database open now. A replica that serves may
// count an event at any moment, whether it has taken a slot yet or not, so
// `jobmatch kpi rebuild`, which rewrites every shard from a scan, must not
// run beside one: its rewrite would drop what the others count meanwhile.
// Every open store says it is there with a document of its own
// ("alive:<id>" in the settings), written when it opens and every
// aliveEvery since (the store's background loop), and removed when it
// closes; one killed stops renewing its own and counts as gone aliveTTL
// later.
const (
	aliveEvery = 10 * time.Second
	aliveTTL   = 3 * aliveEvery
)

// aliveBeat is this process's presence document and when it last wrote it.
type aliveBeat struct {
	mu   sync.Mutex
	id   string
	last time.Time
}

func aliveID(id string) string { return "alive:" + id }

// beat writes this process's presence document when it is due (at once
// on the first call).
func (s *Store) beat(ctx context.Context) error {
	a := &s.alive
	a.mu.Lock()
	defer a.mu.Unlock()
	now := time.Now()
	if a.id != "" && now.Sub(a.last) < aliveEvery {
		return nil
	}
	if a.id == "" {
		a.id = jobmatch.NewID()
	}
	if err := s.PutFields(ctx, ColSettings, aliveID(a.id), Fields{"at": now.UTC()}); err != nil {
		return err
	}
	a.last = now
	return nil
}

// gone removes this process's presence document (a clean close).
func (s *Store) gone(ctx context.Context) {
	s.alive.mu.Lock()
	id := s.alive.id
	s.alive.mu.Unlock()
	if id == "" {
		return
	}
	if err := s.Delete(ctx, ColSettings, aliveID(id)); err != nil {
		s.log.Warn("remove presence", "err", err)
	}
}

// OthersOpen returns how many other processes have had this database open
// within aliveTTL (a scan of the settings, for maintenance). Presence
// documents of processes gone longer are removed on the way.
func (s *Store) OthersOpen(ctx context.Context) (int, error) {
	s.alive.mu.Lock()
	own := aliveID(s.alive.id)
	s.alive.mu.Unlock()
	cutoff := time.Now().Add(-aliveTTL)
	n := 0
	var stale []string
	err := Each(ctx, s, ColSettings, func(d *struct {
		ID string    `bson:"_id"`
		At time.Time `bson:"at"`
	}) error {
		if !strings.HasPrefix(d.ID, "alive:") || d.ID == own {
			return nil
		}
		if d.At.Before(cutoff) {
			stale = append(stale, d.ID)
		} else {
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, id := range stale {
		if err := s.Delete(ctx, ColSettings, id); err != nil {
			return n, err
		}
	}
	return n, nil
}
