package intake

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/surveys"
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
	s.surveys.AfterEvent(ctx, surveys.Trigger{Kind: "request_resolved", CVR: r.CVR, Company: r.CompanyName, Ref: r.ID, To: r.Contact.Email})
	return r, nil
}

// resolveRequest is the one resolution of a request, however many clicks.
func (s *Service) resolveRequest(ctx context.Context, by *jobmatch.User, id string, in ResolveInput) (*jobmatch.Request, error) {
	defer s.st.LockRequestResolution(id)()
	r, err := s.Request(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Status != jobmatch.RequestOpen {
		// Resolved, or cancelled by whoever logged it.
		return nil, &jobmatch.ConflictError{Code: "already_resolved"}
	}
	if r.Topic == jobmatch.TopicRetention && in.Outcome != "" && in.Outcome != "full_return" && in.Outcome != "partial_return" && in.Outcome != "no_return" {
		return nil, jobmatch.Invalid("outcome", "oneof", "full_return partial_return no_return")
	}
	already := &jobmatch.ConflictError{Code: "already_resolved"}
	err = s.env.Once(ctx, "request:"+id+":resolve", already, func() error {
		if r, err = s.Request(ctx, id); err != nil {
			return err
		}
		if r.Status != jobmatch.RequestOpen {
			return already
		}
		now := s.now().UTC()
		open := *r
		r.Status, r.ResolvedAt, r.Resolution, r.Outcome = jobmatch.RequestResolved, &now, in.Resolution, in.Outcome
		r.Version++
		return s.st.ResolveRequest(ctx, &open, store.Resolution{At: now, By: by.ID, Resolution: in.Resolution, Outcome: in.Outcome}, app.ResolveCounters(r))
	})
	if err != nil {
		return nil, err
	}
	return r, nil
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
