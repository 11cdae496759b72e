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

// A vacancy's anonymous records of entries presented to the employer and
// erased since with their citizen are a set ("presented-erased:<vacancy
// id>"): the employer's "Kandidat N" counts them, so the person presented
// after one erased keeps their number.
func presentedErasedSet(vacancyID string) string { return "presented-erased:" + vacancyID }

// PresentedErased lists anonID, the anonymous record of a presented entry
// on the vacancy whose citizen was erased.
func (s *Store) PresentedErased(ctx context.Context, vacancyID, anonID string) error {
	return s.SetAdd(ctx, presentedErasedSet(vacancyID), anonID)
}

// PresentedErasedIDs returns the ids of the vacancy's anonymous records
// listed by PresentedErased (unordered).
func (s *Store) PresentedErasedIDs(ctx context.Context, vacancyID string) ([]string, error) {
	return s.SetMembers(ctx, presentedErasedSet(vacancyID))
}
