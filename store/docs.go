package store

import (
	"context"
	"fmt"

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

// Insert writes a new document; an existing _id is jobmatch.ErrConflict.
func (s *Store) Insert(ctx context.Context, col string, v any) error {
	_, err := s.C(col).InsertOne(ctx, v)
	return translate("insert "+col, err)
}

// Put replaces (or creates) the document with the given _id.
func (s *Store) Put(ctx context.Context, col, id string, v any) error {
	_, err := s.C(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, v, options.Replace().SetUpsert(true))
	return translate("put "+col, err)
}

// PutVersioned replaces the document only when its stored version equals
// version, and writes it with version+1 (optimistic concurrency). A stale
// version is jobmatch.ErrConflict. The caller sets the new version on v.
func (s *Store) PutVersioned(ctx context.Context, col, id string, version int64, v any) error {
	defer s.lock(col, id)()
	res, err := s.C(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "version", Value: version}}, v)
	if err != nil {
		return translate("put "+col, err)
	}
	if res.MatchedCount == 0 {
		return translate("put "+col, errStale)
	}
	return nil
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
