package store

import (
	"context"
	"time"
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

// SaveReply records the answer of the request begun under key at at.
func (s *Store) SaveReply(ctx context.Context, key, hash string, at time.Time, reply []byte) error {
	return s.Put(ctx, ColIdempotency, replyID(key), replyRecord{ID: replyID(key), Hash: hash, Done: true, Reply: reply, CreatedAt: at})
}

// ForgetReply lets key go after a request that failed, so the client may
// retry under it.
func (s *Store) ForgetReply(ctx context.Context, key string) error {
	return s.Delete(ctx, ColIdempotency, replyID(key))
}
