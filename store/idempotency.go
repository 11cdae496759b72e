package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobmatch"
)

// Idempotency keys: the first submission under a key stores a record
// {_id: "<scope>:<key>", hash, done, receipt, created_at}; a repeat finds
// it and answers with the first receipt.

// IdempotentAttempt is what an earlier submission under a key left.
type IdempotentAttempt struct {
	ID        string            `bson:"_id"`
	Hash      string            `bson:"hash"` // of the submitted body
	Done      bool              `bson:"done"`
	Receipt   *jobmatch.Receipt `bson:"receipt,omitempty"`
	CreatedAt time.Time         `bson:"created_at"`
}

// BeginIdempotent claims key for a submission whose body hashes to hash.
// It returns nil when this is the first attempt; otherwise the earlier
// attempt, for the caller to judge (another body, done, in progress).
func (s *Store) BeginIdempotent(ctx context.Context, key, hash string, at time.Time) (*IdempotentAttempt, error) {
	err := s.Insert(ctx, ColIdempotency, IdempotentAttempt{ID: key, Hash: hash, CreatedAt: at})
	if err == nil {
		return nil, nil
	}
	if !errors.Is(err, jobmatch.ErrConflict) {
		return nil, err
	}
	return getAs[IdempotentAttempt](ctx, s, ColIdempotency, key)
}

// FinishIdempotent records the receipt of the attempt begun at begun.
func (s *Store) FinishIdempotent(ctx context.Context, key, hash string, begun time.Time, r *jobmatch.Receipt) error {
	return s.Put(ctx, ColIdempotency, key, IdempotentAttempt{ID: key, Hash: hash, Done: true, Receipt: r, CreatedAt: begun})
}

// AbandonIdempotent forgets a failed attempt, so the client may retry
// under the same key.
func (s *Store) AbandonIdempotent(ctx context.Context, key string) error {
	return s.Delete(ctx, ColIdempotency, key)
}

// ClaimRetry claims attempt n (from 1) of a submission under key whose
// earlier attempt died: true when this caller took it; else the time the
// one who did took it. A unique _id, so two retries at once through any
// replicas do not both run it.
func (s *Store) ClaimRetry(ctx context.Context, key string, n int, now time.Time) (bool, time.Time, error) {
	id := fmt.Sprintf("%s#%d", key, n)
	err := s.InsertFields(ctx, ColIdempotency, id, Fields{"at": now})
	if err == nil {
		return true, time.Time{}, nil
	}
	if !errors.Is(err, jobmatch.ErrConflict) {
		return false, time.Time{}, err
	}
	var m struct {
		At time.Time `bson:"at"`
	}
	if err := s.Get(ctx, ColIdempotency, id, &m); err != nil {
		return false, time.Time{}, err
	}
	return false, m.At, nil
}
