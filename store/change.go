package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Fields are stored fields and their values: what a Change sets, what a
// small settings document holds, what FindAll matches.
type Fields map[string]any

// doc returns f as a document in the order of its names (a map has none),
// so the same change is always the same write.
func (f Fields) doc() bson.D {
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	d := make(bson.D, 0, len(f))
	if v, ok := f["_id"]; ok {
		d = append(d, bson.E{Key: "_id", Value: v})
	}
	for _, k := range keys {
		if k != "_id" {
			d = append(d, bson.E{Key: k, Value: f[k]})
		}
	}
	return d
}

// Change is one write to one document: the fields it sets, the values it
// appends to arrays (Push) or adds to sets (AddToSet), and whether it
// counts the document's version up. The callers say what changes; how it
// is written is the store's.
type Change struct {
	Set         Fields
	Push        Fields
	AddToSet    Fields
	BumpVersion bool
}

func (c Change) update() bson.D {
	var u bson.D
	if len(c.Set) > 0 {
		u = append(u, bson.E{Key: "$set", Value: c.Set.doc()})
	}
	if len(c.Push) > 0 {
		u = append(u, bson.E{Key: "$push", Value: c.Push.doc()})
	}
	if len(c.AddToSet) > 0 {
		u = append(u, bson.E{Key: "$addToSet", Value: c.AddToSet.doc()})
	}
	if c.BumpVersion {
		u = append(u, bson.E{Key: "$inc", Value: bson.D{{Key: "version", Value: 1}}})
	}
	return u
}

// Apply writes c to the document col/id in one update (jobmatch.ErrNotFound
// when there is none). It is safe against writes to the same document
// through other replicas: once a second replica has ever run, the update
// is made in the document's turn (turns.go), as FerretDB would otherwise
// let two replicas' updates lose one another.
func (s *Store) Apply(ctx context.Context, col, id string, c Change) error {
	u := c.update()
	if len(u) == 0 {
		return nil
	}
	defer s.lock(col, id)()
	many, err := s.othersMayWrite(ctx)
	if err != nil {
		return translate("update "+col, err)
	}
	if many {
		n, err := s.takeTurn(ctx, col, id)
		if err != nil {
			return err
		}
		defer s.endTurn(ctx, col, id, n)
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, turnWrite)
		defer cancel()
	}
	res, err := s.C(col).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, u)
	if err != nil {
		return translate("update "+col, err)
	}
	if res.MatchedCount == 0 {
		return translate("update "+col, mongo.ErrNoDocuments)
	}
	return nil
}

// PutFields writes a small document of fields under id (settings, markers),
// replacing what was there.
func (s *Store) PutFields(ctx context.Context, col, id string, f Fields) error {
	d := Fields{"_id": id}
	for k, v := range f {
		d[k] = v
	}
	return s.Put(ctx, col, id, d.doc())
}

// InsertFields inserts a small document of fields under id; an id that is
// taken is jobmatch.ErrConflict (a marker set once).
func (s *Store) InsertFields(ctx context.Context, col, id string, f Fields) error {
	d := Fields{"_id": id}
	for k, v := range f {
		d[k] = v
	}
	return s.Insert(ctx, col, d.doc())
}

// InsertNew inserts docs in one unordered batch and returns how many were
// already there (a unique _id someone else inserted first); any other
// failure is an error.
func (s *Store) InsertNew(ctx context.Context, col string, docs []any) (taken int, err error) {
	if len(docs) == 0 {
		return 0, nil
	}
	_, err = s.C(col).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	if err == nil {
		return 0, nil
	}
	var bwe mongo.BulkWriteException
	if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) {
		return 0, fmt.Errorf("store: insert into %s: %w", col, err)
	}
	return len(bwe.WriteErrors), nil
}

// FindAll reads every document of col that matches any of the field sets
// (each: all its fields equal; a field that holds an array matches when one
// of its elements does). It scans on the embedded backend: for rare
// requests such as a citizen's data export, never a page.
func FindAll[T any](ctx context.Context, s *Store, col string, anyOf ...Fields) ([]T, error) {
	var filter bson.D
	switch len(anyOf) {
	case 0:
		filter = bson.D{}
	case 1:
		filter = anyOf[0].doc()
	default:
		or := bson.A{}
		for _, f := range anyOf {
			or = append(or, f.doc())
		}
		filter = bson.D{{Key: "$or", Value: or}}
	}
	cur, err := s.C(col).Find(ctx, filter)
	if err != nil {
		return nil, translate("find "+col, err)
	}
	out := []T{}
	if err := cur.All(ctx, &out); err != nil {
		return nil, translate("find "+col, err)
	}
	return out, nil
}
