package store

import (
	"context"
	"errors"

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
