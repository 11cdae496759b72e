package store

import (
	"context"
	"time"

	"jobmatch"
)

// Consent links are stored under the hash of their token; the unanswered
// ones are a set ("consent-requests:open") the reminders and the worklist
// walk. A reminder stores the request again under a new token's hash and
// points the old one at it.

const openConsentRequests = "consent-requests:open"

// ConsentRequestCreated stores a new consent link and counts it open.
func (s *Store) ConsentRequestCreated(ctx context.Context, r *jobmatch.ConsentRequest) error {
	if err := s.Insert(ctx, ColConsentRequests, r); err != nil {
		return err
	}
	return s.SetAdd(ctx, openConsentRequests, r.ID)
}

// ConsentRequest reads a consent link by id (the hash of its token).
func (s *Store) ConsentRequest(ctx context.Context, id string) (*jobmatch.ConsentRequest, error) {
	return getAs[jobmatch.ConsentRequest](ctx, s, ColConsentRequests, id)
}

// OpenConsentRequestIDs are the links not yet answered (nor renewed).
func (s *Store) OpenConsentRequestIDs(ctx context.Context) ([]string, error) {
	return s.SetMembers(ctx, openConsentRequests)
}

// ConsentRequestAnswered records the citizen's answer and closes the link.
// The caller makes sure it happens once (Service.once).
func (s *Store) ConsentRequestAnswered(ctx context.Context, id, answer string, at time.Time) error {
	if err := s.Apply(ctx, ColConsentRequests, id, Change{Set: Fields{"answered_at": at, "answer": answer}}); err != nil {
		return err
	}
	return s.SetRemove(ctx, openConsentRequests, id)
}

// ConsentRequestRenewed stores r, the request under a reminder's new token,
// points the old link at it, and moves the open mark from old to it.
func (s *Store) ConsentRequestRenewed(ctx context.Context, old string, r *jobmatch.ConsentRequest) error {
	if err := s.Insert(ctx, ColConsentRequests, r); err != nil {
		return err
	}
	if err := s.Apply(ctx, ColConsentRequests, old, Change{Set: Fields{"superseded_by": r.ID}}); err != nil {
		return err
	}
	if err := s.SetAdd(ctx, openConsentRequests, r.ID); err != nil {
		return err
	}
	return s.SetRemove(ctx, openConsentRequests, old)
}

// DropConsentRequest erases a consent link (data minimisation).
func (s *Store) DropConsentRequest(ctx context.Context, id string) error {
	if err := s.Delete(ctx, ColConsentRequests, id); err != nil {
		return err
	}
	return s.SetRemove(ctx, openConsentRequests, id)
}

// Consents to be presented are stored by their id ("<candidate id>:<vacancy
// id>"), replaced whenever given again or withdrawn.

// ConsentRecorded stores a consent as it now stands: given (again) or
// withdrawn.
func (s *Store) ConsentRecorded(ctx context.Context, c *jobmatch.Consent) error {
	return s.Put(ctx, ColConsents, c.ID, c)
}

// Consent reads a consent by id.
func (s *Store) Consent(ctx context.Context, id string) (*jobmatch.Consent, error) {
	return getAs[jobmatch.Consent](ctx, s, ColConsents, id)
}

// DropConsent erases a consent (data minimisation); a missing one is no
// error.
func (s *Store) DropConsent(ctx context.Context, id string) error {
	return s.Delete(ctx, ColConsents, id)
}

// ClaimConsentReminder claims the one reminder of consent link id at at,
// across replicas: false when it was claimed before.
func (s *Store) ClaimConsentReminder(ctx context.Context, id string, at time.Time) (bool, error) {
	return s.claimMarker(ctx, "consent-reminded:"+id, Fields{"at": at})
}

// LockConsentAnswer serialises this process's answers to the consent links
// of shortlist entry entryID (see Lock).
func (s *Store) LockConsentAnswer(entryID string) func() {
	return s.Lock(ColConsentRequests, "answer:"+entryID)
}
