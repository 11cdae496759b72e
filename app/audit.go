package app

import (
	"context"

	"jobmatch"
	"jobmatch/store"
)

// AuditEvent is one line of the audit log: who read or changed which
// personal data, when and why (a domain type; the store keeps it,
// store/audit.go).
type AuditEvent = jobmatch.AuditEvent

// Audit writes and lists audit events.
type Audit struct{ svc *Service }

// NewAudit returns the audit log of svc's store.
func NewAudit(svc *Service) *Audit { return &Audit{svc: svc} }

// Record stores an event and lists it in the audit log.
func (a *Audit) Record(ctx context.Context, e AuditEvent) error {
	e.ID = jobmatch.NewID()
	e.At = a.svc.now().UTC()
	return a.svc.st.RecordAudit(ctx, &e)
}

// Event reads one event.
func (a *Audit) Event(ctx context.Context, id string) (*AuditEvent, error) {
	return a.svc.st.AuditEvent(ctx, id)
}

// List pages through the audit log, newest first.
func (a *Audit) List(ctx context.Context, q ListQuery) (Page[*AuditEvent], error) {
	return listPage(ctx, a.svc, store.AuditList, q, a.Event)
}
