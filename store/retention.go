package store

import (
	"context"

	"jobmatch"
)

// KeepAnonymous stores anon, the anonymous record that replaces shortlist
// entry entryID when its vacancy's pre-screening is erased (data
// minimisation), once: a marker ("retained:<entry id>") is claimed first,
// so two replicas' runs, or a run after one that stopped half-way, never
// make a second record (a crash between the two writes leaves the marker
// without one). The record is on no shortlist; the figures' rebuild reads
// it (EachShortlistEntry).
func (s *Store) KeepAnonymous(ctx context.Context, entryID string, anon *jobmatch.ShortlistEntry) error {
	claimed, err := s.claimMarker(ctx, "retained:"+entryID, Fields{"anon": anon.ID})
	if err != nil || !claimed {
		return err
	}
	return s.Insert(ctx, ColShortlist, anon)
}
