package store

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// probeEnd returns the last position after from whose document exists.
// Positions (list entries, change-log numbers, turns) are taken in order: each is
// claimed by inserting the document whose _id it is, upward from a head
// every writer probes, and a multi-document insert commits together, so
// the positions that exist are always 1…end. The probe doubles its step
// until it finds nothing and then halves back: a few _id lookups however
// far other replicas have written (one lookup per entry made a replica
// fall minutes behind another's import of 18,000 CVs), and one lookup,
// as before, when nothing was added.
func probeEnd(from int64, exists func(n int64) (bool, error)) (int64, error) {
	lo, step := from, int64(1) // lo exists (or is from)
	var hi int64               // the first position found missing
	for {
		ok, err := exists(lo + step)
		if err != nil {
			return 0, err
		}
		if !ok {
			hi = lo + step
			break
		}
		lo += step
		step *= 2
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		ok, err := exists(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, nil
}

// idExists is probeEnd's lookup in collection col by _id key(n).
func (s *Store) idExists(ctx context.Context, col string, key func(n int64) string) func(n int64) (bool, error) {
	return func(n int64) (bool, error) {
		err := s.C(col).FindOne(ctx, bson.D{{Key: "_id", Value: key(n)}}).Err()
		if errors.Is(err, mongo.ErrNoDocuments) {
			return false, nil
		}
		return err == nil, err
	}
}
