package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"jobmatch"
)

// ErrClaimed is what Claim returns when another writer (in this process or
// another replica) holds the step right now.
var ErrClaimed = errors.New("store: the step is claimed by another writer")

// onceGrace is how long a claim on a once-only step is honoured before
// another writer assumes its holder died half-way and takes the step over.
// A step is a handful of writes, so a live holder is done long before.
const onceGrace = 30 * time.Second

// Claim takes the one right to perform the step named key (e.g.
// "request:<id>:resolve") across every process that shares the database.
// It rests only on what every MongoDB-wire backend guarantees, a unique
// _id: the claim is the insert of {_id: "once:<key>#<generation>"} into the
// claims collection, and of two inserters exactly one succeeds.
//
// A claim is final once its holder has done the step: the caller re-reads
// the entity after winning and does nothing when the step is already done
// (a claim older than the grace may be taken over). A holder that fails
// before its writes calls release, which inserts the generation's
// "~released" marker so the next writer moves on to the next generation at
// once; a holder that died is taken over after onceGrace. Nothing is ever
// updated or deleted, so no step rests on an atomic conditional update.
func (s *Store) Claim(ctx context.Context, key string) (release func(context.Context), err error) {
	retries := 0
	for gen := 0; gen < 1000; gen++ {
		id := fmt.Sprintf("once:%s#%d", key, gen)
		_, err := s.C(ColVersions).InsertOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "at", Value: time.Now().UTC()}, {Key: "by", Value: s.replicaTag()}})
		if err == nil {
			return func(ctx context.Context) {
				if _, err := s.C(ColVersions).InsertOne(ctx, bson.D{{Key: "_id", Value: id + "~released"}}); err != nil && !mongo.IsDuplicateKeyError(err) {
					s.log.Warn("release a claim", "claim", id, "err", err)
				}
			}, nil
		}
		if !mongo.IsDuplicateKeyError(err) {
			return nil, translate("claim "+key, err)
		}
		var held struct {
			At time.Time `bson:"at"`
		}
		switch err := s.Get(ctx, ColVersions, id, &held); {
		case errors.Is(err, jobmatch.ErrNotFound) && retries < 3:
			retries++
			gen-- // removed meanwhile (never by this package): try it again
			continue
		case err != nil:
			return nil, err
		}
		if time.Since(held.At) >= onceGrace {
			continue // its holder is gone or long done: take the next generation
		}
		var rel struct{}
		switch err := s.Get(ctx, ColVersions, id+"~released", &rel); {
		case err == nil:
			continue
		case !errors.Is(err, jobmatch.ErrNotFound):
			return nil, err
		}
		return nil, ErrClaimed
	}
	return nil, fmt.Errorf("store: claim %s: too many generations", key)
}

// replicaTag names this process in a claim, for an operator reading them.
func (s *Store) replicaTag() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s:%d", host, os.Getpid())
}
