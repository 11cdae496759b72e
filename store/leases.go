package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobmatch"
)

// A lease is the one right to a long step that must run in one process of
// all that share the database (the demo data loaded at a first start):
// generations of {_id: "lease:<key>#<gen>", at, beat, by} in the settings.
// A unique _id insert takes a generation, so of two processes exactly one
// holds it; its holder writes beat now and then (its own document, no
// conditional update: FerretDB does not make those atomic), and a
// generation whose beat is older than the caller's bound is its dead
// holder's: the next generation is taken over by the same unique insert.

// Lease is a generation of a lease this process holds.
type Lease struct {
	s  *Store
	id string
}

// LeaseHolder is who holds a lease another process took.
type LeaseHolder struct {
	By   string    `bson:"by"`   // host:pid
	At   time.Time `bson:"at"`   // taken at
	Beat time.Time `bson:"beat"` // its holder's last sign of life
}

// TakeLease takes the lease key at now unless a live holder has it: the
// Lease when this process took it, else the holder. A holder whose last
// beat is dead or more before now is gone, and its lease is taken over.
func (s *Store) TakeLease(ctx context.Context, key string, now time.Time, dead time.Duration) (*Lease, *LeaseHolder, error) {
	for gen := 0; gen < 1000; gen++ {
		id := fmt.Sprintf("lease:%s#%d", key, gen)
		err := s.InsertFields(ctx, ColSettings, id, Fields{"at": now, "beat": now, "by": s.replicaTag()})
		if err == nil {
			return &Lease{s: s, id: id}, nil, nil
		}
		if !errors.Is(err, jobmatch.ErrConflict) {
			return nil, nil, err
		}
		var h LeaseHolder
		if err := s.Get(ctx, ColSettings, id, &h); err != nil {
			return nil, nil, err
		}
		if now.Sub(h.Beat) < dead {
			return nil, &h, nil
		}
	}
	return nil, nil, fmt.Errorf("store: lease %s: too many generations", key)
}

// Beat says the holder lives, at now.
func (l *Lease) Beat(ctx context.Context, now time.Time) error {
	return l.s.Update(ctx, ColSettings, l.id, Change{Set: Fields{"beat": now}}.update())
}

// Release lets the lease go at once (its step failed): the next process to
// ask takes the next generation.
func (l *Lease) Release(ctx context.Context) error {
	return l.Beat(ctx, time.Time{})
}
