package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Paged lists. On the embedded backend a newest-first list cannot come from a
// sorted, filtered query without scanning the collection, so each list a page
// shows is kept as its own sequence of pointer documents:
//
//	counters  {_id: "list:<name>", n, removed}
//	lists     {_id: "<name>#<pos, 12 digits>", ref}
//
// Appending takes the next position; a page is read backwards from a cursor
// position, one _id lookup per entry. Removing deletes the pointer and counts
// it, so the total stays exact. Reading skips removed positions, so lists
// with many removals belong in a Set instead.

// ListPage is one page of a list, newest first.
type ListPage struct {
	Refs []string
	// Next is the cursor for the following (older) page, 0 when there is none.
	Next  int64
	Total int64
}

func listKey(name string, pos int64) string {
	return name + "#" + fmt.Sprintf("%012d", pos)
}

// ListAppend adds ref to the named list and returns its position.
func (s *Store) ListAppend(ctx context.Context, name, ref string) (int64, error) {
	var doc struct {
		N int64 `bson:"n"`
	}
	err := s.C(ColCounters).FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: "list:" + name}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: int64(1)}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After),
	).Decode(&doc)
	if err != nil {
		return 0, fmt.Errorf("store: list %s: append: %w", name, err)
	}
	if _, err := s.C(ColLists).InsertOne(ctx, bson.D{{Key: "_id", Value: listKey(name, doc.N)}, {Key: "ref", Value: ref}}); err != nil {
		return 0, fmt.Errorf("store: list %s: append: %w", name, err)
	}
	return doc.N, nil
}

// ListRemove removes the entry at pos from the named list.
func (s *Store) ListRemove(ctx context.Context, name string, pos int64) error {
	res, err := s.C(ColLists).DeleteOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}})
	if err != nil {
		return fmt.Errorf("store: list %s: remove: %w", name, err)
	}
	if res.DeletedCount == 0 {
		return nil
	}
	return s.IncCounters(ctx, "list:"+name, map[string]int64{"removed": 1})
}

// ListPage reads up to limit refs older than cursor (0 = from the newest).
func (s *Store) ListPage(ctx context.Context, name string, cursor int64, limit int) (ListPage, error) {
	c, err := s.Counters(ctx, "list:"+name)
	if err != nil {
		return ListPage{}, err
	}
	page := ListPage{Total: c["n"] - c["removed"]}
	pos := c["n"]
	if cursor > 0 && cursor-1 < pos {
		pos = cursor - 1
	}
	// Bound the walk so a list with many removals cannot make one page
	// read forever.
	budget := limit*4 + 64
	for ; pos > 0 && len(page.Refs) < limit && budget > 0; pos-- {
		budget--
		var d struct {
			Ref string `bson:"ref"`
		}
		err := s.C(ColLists).FindOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return ListPage{}, fmt.Errorf("store: list %s: page: %w", name, err)
		}
		page.Refs = append(page.Refs, d.Ref)
	}
	if pos > 0 {
		page.Next = pos + 1
	}
	return page, nil
}

// FormatCursor and ParseCursor turn list positions into opaque API cursors.
func FormatCursor(pos int64) string {
	if pos <= 0 {
		return ""
	}
	return strconv.FormatInt(pos, 36)
}

// ParseCursor parses a cursor made by FormatCursor; "" is the first page.
func ParseCursor(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 36, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("invalid cursor")
	}
	return n, nil
}

// Sets are small membership documents kept per owner, such as a consultant's
// open requests: {_id: "<name>", members: [...]}. One _id read returns the
// whole set; $addToSet/$pull keep each change a single-document write.

// SetAdd adds members to the named set.
func (s *Store) SetAdd(ctx context.Context, name string, members ...string) error {
	_, err := s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: name}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "members", Value: bson.D{{Key: "$each", Value: members}}}}}},
		options.UpdateOne().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("store: set %s: add: %w", name, err)
	}
	return nil
}

// SetRemove removes members from the named set.
func (s *Store) SetRemove(ctx context.Context, name string, members ...string) error {
	_, err := s.C(ColSets).UpdateOne(ctx, bson.D{{Key: "_id", Value: name}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "members", Value: bson.D{{Key: "$in", Value: members}}}}}})
	if err != nil {
		return fmt.Errorf("store: set %s: remove: %w", name, err)
	}
	return nil
}

// SetMembers returns the members of the named set in insertion order.
func (s *Store) SetMembers(ctx context.Context, name string) ([]string, error) {
	var d struct {
		Members []string `bson:"members"`
	}
	err := s.C(ColSets).FindOne(ctx, bson.D{{Key: "_id", Value: name}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: set %s: %w", name, err)
	}
	return d.Members, nil
}
