package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"time"
	"weak"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Turns: one writer at a time per document, across replicas.
//
// FerretDB 1.24 applies every update ($set, $push, $addToSet, $inc) by
// reading the document and writing it back, so two replicas that update one
// document at the same moment lose one of the writes (measured: 25 to 35 of
// 40 contacts pushed at once onto one company through two replicas were
// kept, and fields $set meanwhile went missing; TestApplyAcrossReplicas).
// Within one process the striped locks serialise writes to a document;
// across processes Apply takes the document's next turn first:
//
//	versions {_id: "turn:<col>/<id>@<n>", at, by, done}
//
// Turn n+1 is claimed by inserting its marker, which only one writer
// through any replica can do (a unique _id is the one primitive that is
// safe on this backend), and only once turn n is over: its marker says
// done, which its holder writes after its update. A writer that finds
// turn n+1 taken finds the newest turn, waits (with backoff) for it to be
// done and claims the one after it. Turn numbers are contiguous and
// markers are never deleted, so the newest turn is found by probing _ids:
// each process remembers the last turn it saw done per document, and
// gallops on from there (n+1, n+2, n+4, …, then halves), a few _id lookups
// once per document and process. A write through two replicas at once
// costs three writes (claim, update, done) instead of one.
//
// A holder that died between its claim and its done leaves the document
// locked: a writer that has watched the same turn stay undone for
// turnGrace (or that finds it claimed more than turnStale ago by its
// holder's clock) takes the next turn over. The holder's own update is
// bounded by turnWrite, well inside the grace, so a slow live holder is
// not overtaken. Waiting ties up the document's striped lock meanwhile.
//
// Turns are taken only once a second replica has ever run
// (othersMayWrite): a lone embedded process writes as before, and looks
// that up at most every soloTTL (an _id lookup costs about a fifth of an
// update on the embedded backend). On an external database every process
// holds a replica slot, so there even a lone replica takes turns, as its
// set writes leave tombstones (everReplicated). The turn keeps the document's own
// fields as they were: its number lives in the versions collection, not in
// the document, so a document replaced whole (a re-insert)
// neither loses it nor needs a migration, and the domain's "version"
// (optimistic concurrency of moves) is not counted up by other writes.
//
// Why not the alternatives. Counting a version field in the document up
// with each write and claiming "<col>/<id>@<v+1>" saves the done write but
// changes the meaning of the documents' "version" (every contact added to
// a company, every consent link sent would make a concurrent move of the
// entry stale, and only with two replicas), and a document replaced or
// re-created with a lower version meets claims that exist already. Storing
// each pushed element as its own document would need every reader of
// companies and shortlist entries (Get, Each, FindAll in package app) to
// merge them, and would still leave two replicas' plain $sets of one
// document racing.
const (
	turnGrace    = 10 * time.Second
	turnStale    = time.Minute
	turnWrite    = 5 * time.Second
	turnCacheMax = 1 << 14
)

func turnKey(col, id string, n int64) string { return fmt.Sprintf("turn:%s/%s@%d", col, id, n) }

// turnMarker is a turn's marker document.
type turnMarker struct {
	At   time.Time `bson:"at"`
	By   string    `bson:"by"`
	Done bool      `bson:"done"`
}

// turnCache remembers per document the newest turn this process knows to be
// done (a hint: turns never go away, so it is a lower bound), and until
// when this process may write without turns (othersMayWrite).
type turnCache struct {
	mu        sync.Mutex
	last      map[string]int64
	soloUntil time.Time
}

// turnCaches holds each open Store's turnCache (Store's fields live in
// store.go); an entry goes when its Store is collected.
var turnCaches sync.Map // weak.Pointer[Store] → *turnCache

func (s *Store) turnCache() *turnCache {
	k := weak.Make(s)
	if c, ok := turnCaches.Load(k); ok {
		return c.(*turnCache)
	}
	c, loaded := turnCaches.LoadOrStore(k, &turnCache{last: map[string]int64{}})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { turnCaches.Delete(k) }, k)
	}
	return c.(*turnCache)
}

func (c *turnCache) get(doc string) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last[doc]
}

func (c *turnCache) put(doc string, n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.last) >= turnCacheMax {
		clear(c.last) // a lost hint costs a gallop, not correctness
	}
	if n > c.last[doc] {
		c.last[doc] = n
	}
}

// takeTurn waits until the document col/id is free across replicas and
// claims its next turn, whose number it returns for endTurn. Call it with
// the document's striped lock held.
func (s *Store) takeTurn(ctx context.Context, col, id string) (int64, error) {
	doc := col + "/" + id
	n := s.turnCache().get(doc)
	over := n > 0 // turn n known done
	if n == 0 {
		var err error
		if n, err = s.newestTurn(ctx, col, id, 0); err != nil {
			return 0, err
		}
		over = n == 0
	}
	var watched int64 // the undone turn being waited for, since when
	var since time.Time
	backoff := 500 * time.Microsecond
	for {
		if !over {
			var m turnMarker
			err := s.C(ColVersions).FindOne(ctx, bson.D{{Key: "_id", Value: turnKey(col, id, n)}}).Decode(&m)
			switch {
			case errors.Is(err, mongo.ErrNoDocuments):
				over = true // removed by hand: nothing to wait for
			case err != nil:
				return 0, fmt.Errorf("store: turn on %s: %w", doc, err)
			case m.Done || time.Since(m.At) >= turnStale:
				over = true
			case watched != n:
				watched, since = n, time.Now()
			case time.Since(since) >= turnGrace:
				s.log.Warn("taking over a document's turn (its writer stopped half-way)", "turn", turnKey(col, id, n), "by", m.By)
				over = true
			}
			if !over {
				if err := sleepJittered(ctx, &backoff); err != nil {
					return 0, fmt.Errorf("store: turn on %s: %w", doc, err)
				}
				continue
			}
		}
		_, err := s.C(ColVersions).InsertOne(ctx, bson.D{{Key: "_id", Value: turnKey(col, id, n+1)},
			{Key: "at", Value: time.Now().UTC()}, {Key: "by", Value: s.replicaTag()}, {Key: "done", Value: false}})
		if err == nil {
			return n + 1, nil
		}
		if !mongo.IsDuplicateKeyError(err) {
			return 0, fmt.Errorf("store: turn on %s: %w", doc, err)
		}
		// Another replica's turn, and maybe more after it: wait for the
		// newest.
		if n, err = s.newestTurn(ctx, col, id, n+1); err != nil {
			return 0, err
		}
		over = false
	}
}

// endTurn marks the turn n of col/id done, so the next writer may go on.
// It runs even when the caller's context has ended: an undone turn holds
// every other replica's writers up for turnGrace.
func (s *Store) endTurn(ctx context.Context, col, id string, n int64) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), turnWrite)
	defer cancel()
	_, err := s.C(ColVersions).UpdateOne(ctx, bson.D{{Key: "_id", Value: turnKey(col, id, n)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "done", Value: true}}}})
	if err != nil {
		s.log.Warn("end a document's turn", "turn", turnKey(col, id, n), "err", err)
		return
	}
	s.turnCache().put(col+"/"+id, n)
}

// newestTurn finds the newest turn claimed on col/id (0: none yet), from
// turn from known to exist (or 0): turn numbers are contiguous (probeEnd).
func (s *Store) newestTurn(ctx context.Context, col, id string, from int64) (int64, error) {
	n, err := probeEnd(from, s.idExists(ctx, ColVersions, func(n int64) string { return turnKey(col, id, n) }))
	if err != nil {
		return 0, fmt.Errorf("store: turn on %s/%s: %w", col, id, err)
	}
	return n, nil
}

// sleepJittered sleeps about *d (half to all of it) and doubles *d up to
// 20ms, returning early with the context's error.
func sleepJittered(ctx context.Context, d *time.Duration) error {
	t := time.NewTimer(*d/2 + rand.N(*d/2+1))
	defer t.Stop()
	*d = min(*d*2, 20*time.Millisecond)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// docTurn makes the caller the one writer of col/id for a read and a
// write that depends on it: the document's lock in this process and,
// once replicas may write, its turn across them. done ends it; write
// with the collection directly meanwhile (Apply would take the lock
// again).
func (s *Store) docTurn(ctx context.Context, col, id string) (done func(), err error) {
	unlock := s.lock(col, id)
	many, err := s.othersMayWrite(ctx)
	if err != nil {
		unlock()
		return nil, translate("turn on "+col, err)
	}
	if !many {
		return unlock, nil
	}
	n, err := s.takeTurn(ctx, col, id)
	if err != nil {
		unlock()
		return nil, err
	}
	return func() { s.endTurn(ctx, col, id, n); unlock() }, nil
}
