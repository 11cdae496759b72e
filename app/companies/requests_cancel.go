package companies

import (
	"context"
	"fmt"
	"strings"
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
// open. An audit line says who withdrew it and why, and the sender, whose
// receipt promised an answer by a day, is told it is closed
// (tellCancelled).
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
	s.tellCancelled(ctx, r)
	return r, nil
}

// tellCancelled mails the address the request's receipt went to that it
// is closed, why, and whom to call if the company still needs help: the
// receipt said "Du får svar senest …", and the status page alone would
// not tell them no answer is coming. A request without an e-mail address
// had no receipt mailed, and gets nothing.
func (s *Service) tellCancelled(ctx context.Context, r *jobmatch.Request) {
	if r.Contact.Email == "" {
		return
	}
	var cp jobmatch.ContactPerson
	if co, err := s.Company(ctx, r.CVR); err == nil {
		cp, _ = s.ContactPersonOf(ctx, co)
	}
	if cp.Name == "" || cp.Left {
		// The one the request went to answers for the company now.
		if u, err := s.staff.User(ctx, r.ConsultantID); err == nil {
			cp = u.ContactPerson()
		}
	}
	da, en := "Henvendelsen blev registreret ved en fejl og er derfor lukket. Du skal ikke gøre noget.",
		"The request was logged by mistake and is therefore closed. There is nothing you need to do."
	if r.CancelReason == "duplicate" {
		da, en = "Henvendelsen var registreret to gange. Denne registrering er lukket, og den anden behandles som sædvanligt.",
			"The request was logged twice. This one is closed, and the other is handled as usual."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Henvendelsen %s fra %s til jobcentret er lukket.\n\n%s\n", r.Reference, r.CompanyName, da)
	fmt.Fprintf(&b, "Har I stadig brug for hjælp, så kontakt jeres faste kontaktperson: %s, %s, %s.\n\n", cp.Name, cp.Phone, cp.Email)
	fmt.Fprintf(&b, "---\nRequest %s from %s to the jobcentre is closed. %s", r.Reference, r.CompanyName, en)
	fmt.Fprintf(&b, " If you still need help, contact your fixed contact person: %s, %s, %s.\n", cp.Name, cp.Phone, cp.Email)
	m := &jobmatch.Mail{To: r.Contact.Email, Subject: "Din henvendelse " + r.Reference + " er lukket", Body: b.String(), Kind: "request_cancelled", Ref: r.Reference}
	if err := s.env.Send(ctx, m); err != nil {
		s.log.Warn("mail a cancelled request", "ref", r.Reference, "err", err)
	}
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
