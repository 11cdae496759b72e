package companies

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// CancelInput is why a request is withdrawn: logged by mistake (on the
// wrong company, say) or a duplicate of one logged already.
type CancelInput struct {
	Reason string `json:"reason" validate:"required,oneof=mistake duplicate"`
}

// Cancellable reports whether by may withdraw r now: a request they logged
// themselves today that is still open (nobody has handled it yet). An
// admin may withdraw any open request.
func (s *Service) Cancellable(by *jobmatch.User, r *jobmatch.Request) bool {
	if by == nil || r.Status != jobmatch.RequestOpen {
		return false
	}
	if by.Role == jobmatch.RoleAdmin {
		return true
	}
	day := func(t time.Time) string { return t.In(jobmatch.Copenhagen).Format(time.DateOnly) }
	return r.LoggedBy == by.ID && day(r.ReceivedAt) == day(s.now())
}

// CancelRequest withdraws a request logged by mistake or twice: it leaves
// its consultant's open requests, and its receipt is taken back from the
// figures (the counters of its period, negated: app.CancelCounters, as the
// rebuild counts it). It takes the claim a resolution takes
// ("request:<id>:resolve"), so of a cancel and a resolution through any
// replicas one happens, and the other is told the request is no longer
// open. An audit line says who withdrew it and why.
func (s *Service) CancelRequest(ctx context.Context, by *jobmatch.User, id string, in CancelInput) (*jobmatch.Request, error) {
	if by == nil || (by.Role != jobmatch.RoleHotline && by.Role != jobmatch.RoleConsultant && by.Role != jobmatch.RoleAdmin) {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	defer s.st.LockRequestResolution(id)()
	r, err := s.st.Request(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkCancel(by, r); err != nil {
		return nil, err
	}
	closed := &jobmatch.ConflictError{Code: "request_closed", Detail: "the request is resolved or withdrawn already"}
	err = s.env.Once(ctx, "request:"+id+":resolve", closed, func() error {
		if r, err = s.st.Request(ctx, id); err != nil {
			return err
		}
		if err := s.checkCancel(by, r); err != nil {
			return err
		}
		now := s.now().UTC()
		open := *r
		r.Status, r.CancelledAt, r.CancelledBy, r.CancelReason = jobmatch.RequestCancelled, &now, by.ID, in.Reason
		r.Version++
		if err := s.st.CancelRequest(ctx, &open, store.Cancellation{At: now, By: by.ID, Reason: in.Reason}, app.CancelCounters(r)); err != nil {
			return err
		}
		r.CancelSlot = open.CancelSlot
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "request.cancel", Subjects: []string{r.ID}, Reason: in.Reason + " " + r.Reference + " " + r.CVR}); err != nil {
		s.log.Error("audit a cancelled request", "request", r.ID, "err", err)
	}
	return r, nil
}

// checkCancel says why by may not withdraw r, nil when they may.
func (s *Service) checkCancel(by *jobmatch.User, r *jobmatch.Request) error {
	switch {
	case r.Status != jobmatch.RequestOpen:
		return &jobmatch.ConflictError{Code: "request_closed", Detail: "the request is resolved or withdrawn already"}
	case !s.Cancellable(by, r):
		return jobmatch.ErrForbidden
	}
	return nil
}
