package store

import (
	"context"

	"jobmatch"
)

// EachShortlistEntry calls fn for every shortlist entry, the anonymous
// records retention keeps included: a scan, for the figures' rebuild
// (never a request path).
func (s *Store) EachShortlistEntry(ctx context.Context, fn func(*jobmatch.ShortlistEntry) error) error {
	return Each(ctx, s, ColShortlist, fn)
}
