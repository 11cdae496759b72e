package store

import (
	"context"
	"errors"
	"time"

	"jobmatch"
)

// A marker is a small settings document inserted once: whoever inserts it
// first, through whichever replica, does what it marks (a reminder sent, a
// job order's first presentation counted, an entry's anonymous record
// kept); everyone else finds it taken.

// claimMarker inserts marker id with fields f: false when it was there.
func (s *Store) claimMarker(ctx context.Context, id string, f Fields) (bool, error) {
	err := s.InsertFields(ctx, ColSettings, id, f)
	if errors.Is(err, jobmatch.ErrConflict) {
		return false, nil
	}
	return err == nil, err
}

// Marked reports whether marker id is set (e.g. "the demo data was
// loaded").
func (s *Store) Marked(ctx context.Context, id string) (bool, error) {
	var m struct {
		ID string `bson:"_id"`
	}
	err := s.Get(ctx, ColSettings, id, &m)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Mark sets marker id at at; it reports false when it was set already.
func (s *Store) Mark(ctx context.Context, id string, at time.Time) (bool, error) {
	return s.claimMarker(ctx, id, Fields{"at": at})
}

// Unmark removes marker id (set while something is under way).
func (s *Store) Unmark(ctx context.Context, id string) error {
	if err := s.Delete(ctx, ColSettings, id); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	return nil
}
