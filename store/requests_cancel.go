package store

import (
	"context"
	"errors"
	"time"

	"jobmatch"
)

// Cancellation is who withdrew a request, when and why.
type Cancellation struct {
	At     time.Time
	By     string // user id
	Reason string // "mistake", "duplicate"
}

// CancelRequest records the withdrawal of an open request, takes it out of
// its consultant's open requests and takes its receipt back from the
// figures (counts, negative, at its receipt, in this replica's shards:
// r.CancelSlot). The caller makes sure it happens once and only to an open
// request (Service.once, on the claim a resolution takes too).
func (s *Store) CancelRequest(ctx context.Context, r *jobmatch.Request, c Cancellation, counts map[string]int64) error {
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	r.CancelSlot = slot
	if err := s.Apply(ctx, ColRequests, r.ID, Change{Set: Fields{
		"status": jobmatch.RequestCancelled, "cancelled_at": c.At, "cancelled_by": c.By, "cancel_reason": c.Reason,
		"cancel_slot": slot,
	}, BumpVersion: true}); err != nil {
		return err
	}
	if err := s.BagRemove(ctx, openRequests(r.ConsultantID), r.OpenSlot, r.ID); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	return s.CountEvents(ctx, r.ReceivedAt, counts)
}
