package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"jobmatch"
)

// Get reads the document with the given _id from a collection into v.
// A missing document is jobmatch.ErrNotFound.
func (s *Store) Get(ctx context.Context, col, id string, v any) error {
	return translate("get "+col, s.C(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(v))
}

// getAs reads the document with the given _id into a new T (a missing
// one is jobmatch.ErrNotFound): the repositories' "read one record".
func getAs[T any](ctx context.Context, s *Store, col, id string) (*T, error) {
	var v T
	if err := s.Get(ctx, col, id, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// insertListed inserts a new record, then lists it (ref) at the head of
// list: the record first, so a listing never points at nothing for long.
func (s *Store) insertListed(ctx context.Context, col string, v any, list, ref string) error {
	if err := s.Insert(ctx, col, v); err != nil {
		return err
	}
	_, err := s.ListAppend(ctx, list, ref)
	return err
}

// Insert writes a new document; an existing _id is jobmatch.ErrConflict.
// Concurrent inserts into one collection are written together (grouper).
func (s *Store) Insert(ctx context.Context, col string, v any) error {
	g, ok := s.inserts.Load(col)
	if !ok {
		g, _ = s.inserts.LoadOrStore(col, newGrouper(func(ctx context.Context, docs []any) []error {
			return s.insertGroup(ctx, col, docs)
		}))
	}
	return g.(*grouper[any]).do(ctx, v)
}

// insertGroup inserts docs in one unordered InsertMany and returns each
// one's result: a duplicate _id fails that document alone.
func (s *Store) insertGroup(ctx context.Context, col string, docs []any) []error {
	errs := make([]error, len(docs))
	var err error
	if len(docs) == 1 {
		_, err = s.C(col).InsertOne(ctx, docs[0])
		errs[0] = translate("insert "+col, err)
		return errs
	}
	_, err = s.C(col).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	if err == nil {
		return errs
	}
	var bwe mongo.BulkWriteException
	if !errors.As(err, &bwe) || bwe.WriteConcernError != nil || len(bwe.WriteErrors) == 0 {
		for i := range errs {
			errs[i] = translate("insert "+col, err)
		}
		return errs
	}
	for _, we := range bwe.WriteErrors {
		if we.Index >= 0 && we.Index < len(errs) {
			errs[we.Index] = translate("insert "+col, mongo.WriteException{WriteErrors: mongo.WriteErrors{we.WriteError}})
		}
	}
	return errs
}

// Put replaces (or creates) the document with the given _id.
func (s *Store) Put(ctx context.Context, col, id string, v any) error {
	_, err := s.C(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, v, options.Replace().SetUpsert(true))
	return translate("put "+col, err)
}

// SetVersioned writes set to the document only when its stored version
// equals version (optimistic concurrency); a stale version is
// jobmatch.ErrConflict. The caller puts the new version (version+1) in set
// and in v, the whole new document.
//
// The check does not rest on a conditional update (FerretDB 1.24 does not
// make one atomic across processes): the writer first claims the new
// version by inserting {_id: "<col>:<id>:v<version+1>"} into the versions
// collection, with the new document in it. Of two writers at the same
// version through any replicas exactly one insert succeeds; the other gets
// a duplicate key, which is the 409. The winner then writes set, through
// Apply: only the fields it changes, so what others wrote meanwhile without
// counting the version up (an employer's answer pushed onto a shortlist
// entry, a consent link answered) is kept; a whole replace of the document
// as the caller read it dropped that. A winner that died between the two
// writes leaves the document one version behind its claim; a writer that
// meets such a claim after claimGrace rolls the document forward from it
// (and still gets its 409, as its version is stale either way).
func (s *Store) SetVersioned(ctx context.Context, col, id string, version int64, v any, set Fields) error {
	unlock := s.lock(col, id)
	err := s.claimVersion(ctx, col, id, version, v)
	unlock()
	if err != nil {
		return err
	}
	return s.Apply(ctx, col, id, Change{Set: set})
}

// claimVersion checks that the document is at version and claims
// version+1 for v; call with the document's lock held.
func (s *Store) claimVersion(ctx context.Context, col, id string, version int64, v any) error {
	var cur struct {
		Version int64 `bson:"version"`
	}
	if err := s.C(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&cur); err != nil {
		return translate("put "+col, err)
	}
	if cur.Version != version {
		return translate("put "+col, errStale)
	}
	claimID := fmt.Sprintf("%s:%s:v%d", col, id, version+1)
	_, err := s.C(ColVersions).InsertOne(ctx, bson.D{{Key: "_id", Value: claimID}, {Key: "at", Value: time.Now().UTC()}, {Key: "doc", Value: v}})
	if mongo.IsDuplicateKeyError(err) {
		s.rollForward(ctx, col, id, claimID, version)
		return translate("put "+col, errStale)
	}
	return translate("put "+col, err)
}

// claimGrace is how long a version claim may stay ahead of its document
// before another writer assumes the claimant died and writes it for it.
const claimGrace = 10 * time.Second

func (s *Store) rollForward(ctx context.Context, col, id, claimID string, version int64) {
	var claim struct {
		At  time.Time `bson:"at"`
		Doc bson.Raw  `bson:"doc"`
	}
	if err := s.C(ColVersions).FindOne(ctx, bson.D{{Key: "_id", Value: claimID}}).Decode(&claim); err != nil || time.Since(claim.At) < claimGrace {
		return
	}
	var cur struct {
		Version int64 `bson:"version"`
	}
	if err := s.C(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&cur); err != nil || cur.Version != version {
		return
	}
	if _, err := s.C(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, claim.Doc); err != nil {
		s.log.Warn("roll a version claim forward", "claim", claimID, "err", err)
		return
	}
	s.log.Warn("rolled a version claim forward (its writer stopped half-way)", "claim", claimID)
}

// Update applies an update document to the document with the given _id.
func (s *Store) Update(ctx context.Context, col, id string, update bson.D) error {
	defer s.lock(col, id)()
	res, err := s.C(col).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update)
	if err != nil {
		return translate("update "+col, err)
	}
	if res.MatchedCount == 0 {
		return translate("update "+col, mongo.ErrNoDocuments)
	}
	return nil
}

// Delete removes the document with the given _id; missing is not an error.
func (s *Store) Delete(ctx context.Context, col, id string) error {
	_, err := s.C(col).DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	return translate("delete "+col, err)
}

// Count returns the number of documents in a collection (a scan on the
// embedded backend: for admin tools, not request paths).
func (s *Store) Count(ctx context.Context, col string) (int64, error) {
	n, err := s.C(col).CountDocuments(ctx, bson.D{})
	if err != nil {
		return 0, fmt.Errorf("store: count %s: %w", col, err)
	}
	return n, nil
}

// EachCompany calls fn for every company: one scan, for filling the
// in-memory company search at start (never on a request path).
func (s *Store) EachCompany(ctx context.Context, fn func(*jobmatch.Company) error) error {
	return Each(ctx, s, ColCompanies, fn)
}

// Each scans a whole collection, decoding each document into a new T: for
// maintenance (rebuilds, exports), never for a request path.
func Each[T any](ctx context.Context, s *Store, col string, fn func(*T) error) error {
	cur, err := s.C(col).Find(ctx, bson.D{}, options.Find().SetBatchSize(1000))
	if err != nil {
		return fmt.Errorf("store: scan %s: %w", col, err)
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		v := new(T)
		if err := cur.Decode(v); err != nil {
			return fmt.Errorf("store: scan %s: %w", col, err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return cur.Err()
}
