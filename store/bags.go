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
//	sets {_id: "<name>#<bucket, 6 digits>", members: [...]}          slot 0
//	sets {_id: "<name>@r<slot>#<bucket, 6 digits>", members: [...]}  replica slot k
//
// New members go to the newest bucket of this process's own chain; a member
// remembers its bucket (the returned slot, which also names the chain) so
// removing it rewrites one small document. Listing reads every bucket of
// every chain by _id. Like list heads, the newest bucket is found by probing
// forward from a lazily written hint.
//
// Several replicas: only the chain's own process adds to or pulls from its
// buckets (under its striped lock), so no $addToSet or $pull is lost to
// FerretDB's non-atomic updates. A member in another replica's chain is
// removed by inserting a tombstone {_id: "<name>~rm~<member>"}; a listing
// skips members with a tombstone (one _id lookup each, only once a replica
// slot was ever taken) and pulls them from its own buckets.
const bagBucketSize = 64

// bagSlotBase packs the chain's replica slot into a member's slot number.
const bagSlotBase = 1_000_000_000

type bagHead struct {
	bucket int64
	size   int
}

func bagKey(name string, bucket int64) string { return fmt.Sprintf("%s#%06d", name, bucket) }

// chain is the bucket chain's name of a replica slot.
func chain(name string, slot int64) string {
	if slot == 0 {
		return name
	}
	return fmt.Sprintf("%s@r%d", name, slot)
}

func tombstoneKey(name, member string) string { return name + "~rm~" + member }

// bagHeadOf returns the newest bucket of this process's chain and its size;
// call with the bag's lock held.
func (s *Store) bagHeadOf(ctx context.Context, name string) (bagHead, error) {
	s.lists.mu.Lock()
	h, ok := s.lists.bags[name]
	s.lists.mu.Unlock()
	if ok {
		return h, nil
	}
	own := chain(name, s.slot.Load())
	n, err := s.hint(ctx, "bag:"+own)
	if err != nil {
		return bagHead{}, err
	}
	h = bagHead{bucket: max(n, 1)}
	for {
		var d struct {
			Members []string `bson:"members"`
		}
		err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(own, h.bucket+1)}}).Decode(&d)
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
	err = s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(own, h.bucket)}}).Decode(&d)
	if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		return bagHead{}, fmt.Errorf("store: bag %s: %w", name, err)
	}
	h.size = len(d.Members)
	s.lists.mu.Lock()
	s.lists.bags[name] = h
	s.lists.mu.Unlock()
	return h, nil
}

// BagAdd adds member to the named bag and returns its slot. Concurrent
// adds are written together (s.bagAdds, a grouper): one $addToSet of all
// of a bag's new members per bucket.
func (s *Store) BagAdd(ctx context.Context, name, member string) (int64, error) {
	// The slot first, outside the bag's lock (claiming one appends to a list).
	if _, err := s.ownSlot(ctx); err != nil {
		return 0, err
	}
	a := &bagAdd{name: name, member: member}
	if err := s.bagAdds.do(ctx, a); err != nil {
		return 0, err
	}
	return a.slot, nil
}

// A bagAdd is one caller's member for a bag; slot is filled in.
type bagAdd struct {
	name, member string
	slot         int64
}

func (s *Store) bagAddGroup(ctx context.Context, items []*bagAdd) []error {
	errs := make([]error, len(items))
	var names []string
	byName := map[string][]int{}
	for i, a := range items {
		if _, ok := byName[a.name]; !ok {
			names = append(names, a.name)
		}
		byName[a.name] = append(byName[a.name], i)
	}
	for _, name := range names {
		idx := byName[name]
		if err := s.bagAddMembers(ctx, name, items, idx); err != nil {
			for _, i := range idx {
				if items[i].slot == 0 {
					errs[i] = err
				}
			}
		}
	}
	return errs
}

// bagAddMembers adds items[idx] to bag name, filling the newest bucket and
// starting new ones as needed.
func (s *Store) bagAddMembers(ctx context.Context, name string, items []*bagAdd, idx []int) error {
	defer s.lock(ColSets, "bag:"+name)()
	slot := s.slot.Load() // claimed by BagAdd
	h, err := s.bagHeadOf(ctx, name)
	if err != nil {
		return err
	}
	started := h.bucket
	for len(idx) > 0 {
		if h.size >= bagBucketSize {
			h = bagHead{bucket: h.bucket + 1}
		}
		n := min(len(idx), bagBucketSize-h.size)
		members := make(bson.A, n)
		for k, i := range idx[:n] {
			members[k] = items[i].member
		}
		_, err = s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: bagKey(chain(name, slot), h.bucket)}},
			bson.D{{Key: "$addToSet", Value: bson.D{{Key: "members", Value: bson.D{{Key: "$each", Value: members}}}}}},
			options.UpdateOne().SetUpsert(true))
		if err != nil {
			return fmt.Errorf("store: bag %s: add: %w", name, err)
		}
		h.size += n
		for _, i := range idx[:n] {
			items[i].slot = slot*bagSlotBase + h.bucket
		}
		idx = idx[n:]
	}
	s.lists.mu.Lock()
	s.lists.bags[name] = h
	if h.bucket != started {
		s.lists.dirtyBags[name] = true // the hint names the newest bucket
	}
	s.lists.mu.Unlock()
	return nil
}

// BagRemove removes member from the bucket it was added to: a $pull when
// that bucket is this process's own, a tombstone when another replica's.
func (s *Store) BagRemove(ctx context.Context, name string, slot int64, member string) error {
	owner, bucket := slot/bagSlotBase, slot%bagSlotBase
	if owner != s.slot.Load() {
		_, err := s.C(ColSets).InsertOne(ctx, bson.D{{Key: "_id", Value: tombstoneKey(name, member)}})
		if err != nil && !mongo.IsDuplicateKeyError(err) {
			return fmt.Errorf("store: bag %s: remove: %w", name, err)
		}
		return nil
	}
	defer s.lock(ColSets, "bag:"+name)()
	_, err := s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: bagKey(chain(name, owner), bucket)}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "members", Value: member}}}})
	if err != nil {
		return fmt.Errorf("store: bag %s: remove: %w", name, err)
	}
	return nil
}

// BagMembers returns every member, slot 0's chain first, oldest bucket first.
func (s *Store) BagMembers(ctx context.Context, name string) ([]string, error) {
	own := s.slot.Load()
	if own != noSlot { // a process that never added has no chain of its own
		unlock := s.lock(ColSets, "bag:"+name)
		_, err := s.bagHeadOf(ctx, name)
		unlock()
		if err != nil {
			return nil, err
		}
	}
	slots, err := s.slots(ctx)
	if err != nil {
		return nil, err
	}
	type held struct {
		member string
		bucket int64
		slot   int64
	}
	var all []held
	for slot := int64(0); slot <= slots; slot++ {
		ch := chain(name, slot)
		for b := int64(1); ; b++ {
			var d struct {
				Members []string `bson:"members"`
			}
			err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: bagKey(ch, b)}}).Decode(&d)
			if errors.Is(err, mongo.ErrNoDocuments) {
				// The chain's end, unless it is this process's and the
				// newest bucket is further on (buckets are never deleted).
				if slot == own {
					s.lists.mu.Lock()
					h := s.lists.bags[name]
					s.lists.mu.Unlock()
					if b < h.bucket {
						continue
					}
				}
				break
			}
			if err != nil {
				return nil, fmt.Errorf("store: bag %s: %w", name, err)
			}
			for _, m := range d.Members {
				all = append(all, held{m, b, slot})
			}
		}
	}
	out := make([]string, 0, len(all))
	for _, h := range all {
		if slots > 0 {
			err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: tombstoneKey(name, h.member)}}).Err()
			if err == nil {
				if h.slot == own {
					// Removed through another replica: take it out of our
					// own bucket so it is not looked up again.
					unlock := s.lock(ColSets, "bag:"+name)
					_, _ = s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: bagKey(chain(name, own), h.bucket)}},
						bson.D{{Key: "$pull", Value: bson.D{{Key: "members", Value: h.member}}}})
					unlock()
				}
				continue
			}
			if !errors.Is(err, mongo.ErrNoDocuments) {
				return nil, fmt.Errorf("store: bag %s: %w", name, err)
			}
		}
		out = append(out, h.member)
	}
	return out, nil
}
