package store

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Bags are large, changing sets such as a consultant's open requests. A set
// kept in one document costs a rewrite of every member on each change on
// FerretDB (it re-encodes the whole document), so a bag is split into
// buckets of at most bagBucketSize members:
//
//	sets {_id: "<name>#<bucket, 6 digits>", members: [...]}
//
// New members go to the newest bucket; a member remembers its bucket (the
// slot) so removing it rewrites one small document. Listing reads every
// bucket by _id. Like list heads, the newest bucket is found by probing
// forward from a lazily written hint.
const bagBucketSize = 64

type bagHead struct {
	bucket int64
	size   int
}

func bagKey(name string, bucket int64) string { return fmt.Sprintf("%s#%06d", name, bucket) }

// bagHeadOf returns the newest bucket and its size; call with the bag's lock held.
func (s *Store) bagHeadOf(ctx context.Context, name string) (bagHead, error) {
	s.lists.mu.Lock()
	h, ok := s.lists.bags[name]
	s.lists.mu.Unlock()
	if ok {
		return h, nil
	}
	n, err := s.hint(ctx, "bag:"+name)
	if err != nil {
		return bagHead{}, err
	}
	h = bagHead{bucket: max(n, 1)}
	for {
		var d struct {
			Members []string `bson:"members"`
		}
		err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(name, h.bucket+1)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			break
		}
		if err != nil {
			return bagHead{}, fmt.Errorf("store: bag %s: %w", name, err)
		}
		h.bucket++
	}
	var d struct {
		Members []string `bson:"members"`
	}
	err = s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(name, h.bucket)}}).Decode(&d)
	if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		return bagHead{}, fmt.Errorf("store: bag %s: %w", name, err)
	}
	h.size = len(d.Members)
	s.lists.mu.Lock()
	s.lists.bags[name] = h
	s.lists.mu.Unlock()
	return h, nil
}

// BagAdd adds member to the named bag and returns its slot.
func (s *Store) BagAdd(ctx context.Context, name, member string) (int64, error) {
	defer s.lock(ColSets, "bag:"+name)()
	h, err := s.bagHeadOf(ctx, name)
	if err != nil {
		return 0, err
	}
	if h.size >= bagBucketSize {
		h = bagHead{bucket: h.bucket + 1}
	}
	_, err = s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: bagKey(name, h.bucket)}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "members", Value: member}}}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		return 0, fmt.Errorf("store: bag %s: add: %w", name, err)
	}
	h.size++
	s.lists.mu.Lock()
	s.lists.bags[name] = h
	s.lists.dirtyBags[name] = true
	s.lists.mu.Unlock()
	return h.bucket, nil
}

// BagRemove removes member from the bucket it was added to.
func (s *Store) BagRemove(ctx context.Context, name string, slot int64, member string) error {
	defer s.lock(ColSets, "bag:"+name)()
	_, err := s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: bagKey(name, slot)}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "members", Value: member}}}})
	if err != nil {
		return fmt.Errorf("store: bag %s: remove: %w", name, err)
	}
	return nil
}

// BagMembers returns every member, oldest bucket first.
func (s *Store) BagMembers(ctx context.Context, name string) ([]string, error) {
	unlock := s.lock(ColSets, "bag:"+name)
	h, err := s.bagHeadOf(ctx, name)
	unlock()
	if err != nil {
		return nil, err
	}
	var out []string
	for b := int64(1); b <= h.bucket; b++ {
		var d struct {
			Members []string `bson:"members"`
		}
		err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(name, b)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: bag %s: %w", name, err)
		}
		out = append(out, d.Members...)
	}
	return out, nil
}
