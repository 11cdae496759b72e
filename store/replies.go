package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobmatch"
)

// Replies: the first answer to an API POST under an Idempotency-Key
// (web.Server's idempotent), kept as {_id: "reply:<scope>:<key>", hash,
// done, reply, created_at} next to the intake's own records. A unique _id
// insert claims a key, so two replicas never both run the same POST.

type replyRecord struct {
	ID        string    `bson:"_id"`
	Hash      string    `bson:"hash"`
	Done      bool      `bson:"done"`
	Reply     []byte    `bson:"reply,omitempty"`
	CreatedAt time.Time `bson:"created_at"`
}

func replyID(key string) string { return "reply:" + key }

// ClaimReply claims key for a request whose method, path and body hash to
// hash: nil when this caller took it, jobmatch.ErrConflict when another
// did first (Reply says what it left).
func (s *Store) ClaimReply(ctx context.Context, key, hash string, at time.Time) error {
	return s.Insert(ctx, ColIdempotency, replyRecord{ID: replyID(key), Hash: hash, CreatedAt: at})
}

// Reply is what the first request under key left: its hash, when it was
// begun, and its answer (nil while it is at work).
func (s *Store) Reply(ctx context.Context, key string) (hash string, at time.Time, reply []byte, err error) {
	r, err := getAs[replyRecord](ctx, s, ColIdempotency, replyID(key))
	if err != nil {
		return "", time.Time{}, nil, err
	}
	if !r.Done {
		return r.Hash, r.CreatedAt, nil, nil
	}
	return r.Hash, r.CreatedAt, r.Reply, nil
}

// TakeOverReply claims key, whose record was begun at stale by a request
// that died unanswered, for the retry begun at now: true when this caller
// took it over. The takeover is the insert of {_id:
// "reply:<key>~<stale in ms>#<generation>", at}, keyed by the dead claim,
// so of two retries at once through any replicas exactly one wins (the
// record's own update is no claim: both did it, and both ran the POST). A
// takeover older than grace whose holder never answered died too: the
// next generation is tried.
func (s *Store) TakeOverReply(ctx context.Context, key string, stale, now time.Time, grace time.Duration) (bool, error) {
	for gen := 0; gen < 1000; gen++ {
		id := fmt.Sprintf("%s~%d#%d", replyID(key), stale.UnixMilli(), gen)
		err := s.InsertFields(ctx, ColIdempotency, id, Fields{"at": now})
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, jobmatch.ErrConflict) {
			return false, err
		}
		var held struct {
			At time.Time `bson:"at"`
		}
		if err := s.Get(ctx, ColIdempotency, id, &held); err != nil {
			return false, err
		}
		if now.Sub(held.At) < grace {
			return false, nil
		}
	}
	return false, fmt.Errorf("store: take over reply %s: too many generations", key)
}

// SaveReply records the answer of the request begun under key at at.
func (s *Store) SaveReply(ctx context.Context, key, hash string, at time.Time, reply []byte) error {
	return s.Put(ctx, ColIdempotency, replyID(key), replyRecord{ID: replyID(key), Hash: hash, Done: true, Reply: reply, CreatedAt: at})
}

// ForgetReply lets key go after a request that failed, so the client may
// retry under it.
func (s *Store) ForgetReply(ctx context.Context, key string) error {
	return s.Delete(ctx, ColIdempotency, replyID(key))
}
