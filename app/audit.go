package app

import (
	"context"

	"jobmatch"
	"jobmatch/store"
)

// Audit writes and lists audit events.
type Audit struct{ env *Env }

// NewAudit returns the audit log of env's store.
func NewAudit(env *Env) *Audit { return &Audit{env: env} }

// Record stores an event and lists it in the audit log. A query or reason
// that holds a CPR number is not written (the search refuses such a query;
// this is the last guard): the log keeps who searched, not the number.
func (a *Audit) Record(ctx context.Context, e jobmatch.AuditEvent) error {
	e.Query, e.Reason = jobmatch.WithoutCPR(e.Query), jobmatch.WithoutCPR(e.Reason)
	e.ID = jobmatch.NewID()
	e.At = a.env.now().UTC()
	return a.env.st.RecordAudit(ctx, &e)
}

// Event reads one event.
func (a *Audit) Event(ctx context.Context, id string) (*jobmatch.AuditEvent, error) {
	return a.env.st.AuditEvent(ctx, id)
}

// List pages through the audit log, newest first.
func (a *Audit) List(ctx context.Context, q ListQuery) (Page[*jobmatch.AuditEvent], error) {
	return ListPage(ctx, a.env.st, store.AuditList, q, a.Event)
}
