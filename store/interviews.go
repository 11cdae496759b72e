package store

import (
	"context"
	"errors"

	"jobmatch"
)

// Interview invitations are stored by id; each is in its shortlist entry's
// interviews and, until cancelled, in its consultant's set
// ("interviews:consultant:<id>") the worklist reads.

func consultantInterviews(consultantID string) string { return "interviews:consultant:" + consultantID }

// InterviewProposed stores a new invitation, adds it to its entry and to
// its consultant's interviews.
func (s *Store) InterviewProposed(ctx context.Context, iv *jobmatch.InterviewInvite) error {
	if err := s.Insert(ctx, ColInterviews, iv); err != nil {
		return err
	}
	if err := s.InterviewPlanned(ctx, iv.EntryID, iv.ID); err != nil {
		return err
	}
	return s.SetAdd(ctx, consultantInterviews(iv.Consultant), iv.ID)
}

// Interview reads an invitation.
func (s *Store) Interview(ctx context.Context, id string) (*jobmatch.InterviewInvite, error) {
	return getAs[jobmatch.InterviewInvite](ctx, s, ColInterviews, id)
}

// InterviewChanged writes a changed invitation (the caller claimed its
// sequence number); a cancelled one leaves its consultant's interviews.
func (s *Store) InterviewChanged(ctx context.Context, iv *jobmatch.InterviewInvite) error {
	if err := s.Put(ctx, ColInterviews, iv.ID, iv); err != nil {
		return err
	}
	if iv.Status == "cancelled" {
		return s.SetRemove(ctx, consultantInterviews(iv.Consultant), iv.ID)
	}
	return nil
}

// ConsultantInterviewIDs are a consultant's interviews not cancelled.
func (s *Store) ConsultantInterviewIDs(ctx context.Context, consultantID string) ([]string, error) {
	return s.SetMembers(ctx, consultantInterviews(consultantID))
}

// DropInterview erases an invitation (data minimisation).
func (s *Store) DropInterview(ctx context.Context, id string) error {
	iv, err := s.Interview(ctx, id)
	if err == nil {
		if err := s.SetRemove(ctx, consultantInterviews(iv.Consultant), id); err != nil {
			return err
		}
	} else if !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	return s.Delete(ctx, ColInterviews, id)
}

// LockInterview serialises this process's changes to interview id (see
// Lock).
func (s *Store) LockInterview(id string) func() { return s.Lock(ColInterviews, id) }
