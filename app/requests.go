package app

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// ResolveInput records what was done about a request.
type ResolveInput struct {
	Resolution string `json:"resolution" validate:"required,min=3,max=4000,runes"`
	// Outcome: for a retention request full_return, partial_return or
	// no_return (the follow-up counts returns to work); free otherwise.
	Outcome string `json:"outcome,omitempty" validate:"omitempty,max=40,runes"`
}

// ResolveRequest closes a request: status, what was done, when. It leaves
// the owner's open list, and the period counters record the response time
// (as a histogram, for the median) and whether it was within the deadline.
func (s *Service) ResolveRequest(ctx context.Context, by *jobmatch.User, id string, in ResolveInput) (*jobmatch.Request, error) {
	if by == nil || (by.Role != jobmatch.RoleConsultant && by.Role != jobmatch.RoleAdmin) {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	r, err := s.resolveRequest(ctx, by, id, in)
	if err != nil {
		return nil, err
	}
	s.afterEvent(ctx, SurveyTrigger{Kind: "request_resolved", CVR: r.CVR, Company: r.CompanyName, Ref: r.ID, To: r.Contact.Email})
	return r, nil
}

// resolveRequest is the one resolution of a request, however many clicks.
func (s *Service) resolveRequest(ctx context.Context, by *jobmatch.User, id string, in ResolveInput) (*jobmatch.Request, error) {
	defer s.st.LockRequestResolution(id)()
	r, err := s.Request(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Status == jobmatch.RequestResolved {
		return nil, &jobmatch.ConflictError{Code: "already_resolved"}
	}
	if r.Topic == jobmatch.TopicRetention && in.Outcome != "" && in.Outcome != "full_return" && in.Outcome != "partial_return" && in.Outcome != "no_return" {
		return nil, jobmatch.Invalid("outcome", "oneof", "full_return partial_return no_return")
	}
	already := &jobmatch.ConflictError{Code: "already_resolved"}
	err = s.once(ctx, "request:"+id+":resolve", already, func() error {
		if r, err = s.Request(ctx, id); err != nil {
			return err
		}
		if r.Status == jobmatch.RequestResolved {
			return already
		}
		now := s.now().UTC()
		open := *r
		r.Status, r.ResolvedAt, r.Resolution, r.Outcome = jobmatch.RequestResolved, &now, in.Resolution, in.Outcome
		r.Version++
		return s.st.ResolveRequest(ctx, &open, store.Resolution{At: now, By: by.ID, Resolution: in.Resolution, Outcome: in.Outcome}, ResolveCounters(r))
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// AbsenceInput sets a consultant away with a deputy, or back.
type AbsenceInput struct {
	Away     *bool  `json:"away" validate:"required"` // a PUT sets the whole state: missing is a 422
	DeputyID string `json:"deputy_id,omitempty" validate:"omitempty,email"`
}

// SetAbsence marks a consultant away (new requests for their companies go
// to the deputy; the companies keep their contact person) or back.
func (s *Service) SetAbsence(ctx context.Context, by *jobmatch.User, userID string, in AbsenceInput) (*jobmatch.User, error) {
	userID = jobmatch.NormalizeEmail(userID)
	if by == nil || (by.Role != jobmatch.RoleAdmin && by.ID != userID) {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	deputy := jobmatch.NormalizeEmail(in.DeputyID)
	away := *in.Away
	if away {
		d, err := s.User(ctx, deputy)
		if err != nil || d.Role != jobmatch.RoleConsultant || d.ID == userID {
			return nil, jobmatch.Invalid("deputy_id", "consultant", "")
		}
	}
	if err := s.st.SetUserAway(ctx, userID, away, deputy); err != nil {
		return nil, err
	}
	s.users.forget(userID)
	if err := s.st.LogChanges(ctx, store.KindUser, userID); err != nil {
		s.log.Error("log user change", "user", userID, "err", err)
	}
	return s.User(ctx, userID)
}

// BulkReassignInput moves companies from one consultant to another.
type BulkReassignInput struct {
	From   string   `json:"from" validate:"required,email"`
	To     string   `json:"to" validate:"required,email"`
	CVRs   []string `json:"cvrs,omitempty" validate:"max=5000,dive,cvr"` // empty: all of From's companies
	Reason string   `json:"reason" validate:"required,min=3,max=500,runes"`
}

// BulkReassign moves companies (all of a consultant's, or the ones listed)
// to another consultant, each with its history entry.
func (s *Service) BulkReassign(ctx context.Context, by *jobmatch.User, in BulkReassignInput) (int, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return 0, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return 0, err
	}
	from := jobmatch.NormalizeEmail(in.From)
	cvrs := in.CVRs
	if len(cvrs) == 0 {
		var err error
		if cvrs, err = s.st.ConsultantCVRs(ctx, from); err != nil {
			return 0, err
		}
	}
	n := 0
	for _, cvr := range cvrs {
		c, err := s.Company(ctx, cvr)
		if err != nil {
			return n, err
		}
		if c.ConsultantID != from {
			continue
		}
		if _, err := s.Reassign(ctx, cvr, in.To, by.ID, in.Reason); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// DeadlineDays are the response deadlines an admin has set per topic, in
// working days (store.DeadlineDays; cached for a minute). A
// topic without one uses the built-in default.
func (s *Service) DeadlineDays(ctx context.Context) map[string]int {
	s.deadlineMu.Lock()
	defer s.deadlineMu.Unlock()
	if s.deadlineDays != nil && s.now().Before(s.deadlineAt.Add(time.Minute)) {
		return s.deadlineDays
	}
	days, err := s.st.DeadlineDays(ctx)
	if err != nil {
		return map[string]int{} // the default deadlines apply while the store is unreachable
	}
	s.deadlineDays, s.deadlineAt = days, s.now()
	return days
}

// SetDeadlineDays sets the response deadlines per topic (admin).
func (s *Service) SetDeadlineDays(ctx context.Context, by *jobmatch.User, days map[string]int) (map[string]int, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return nil, jobmatch.ErrForbidden
	}
	verr := &jobmatch.ValidationError{}
	for topic, d := range days {
		switch jobmatch.Topic(topic) {
		case jobmatch.TopicVacancy, jobmatch.TopicRetention, jobmatch.TopicSubsidy, jobmatch.TopicLayoff, jobmatch.TopicOther:
		default:
			verr.Add(topic, "oneof", "vacancy retention subsidy layoff other")
		}
		if d < 1 || d > 60 {
			verr.Add(topic, "max", "60")
		}
	}
	if err := verr.Err(); err != nil {
		return nil, err
	}
	if err := s.st.SetDeadlineDays(ctx, days); err != nil {
		return nil, err
	}
	s.deadlineMu.Lock()
	s.deadlineDays = nil
	s.deadlineMu.Unlock()
	return days, nil
}
