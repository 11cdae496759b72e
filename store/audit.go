package store

import (
	"context"

	"jobmatch"
)

// Audit events are stored by id and listed newest first (AuditList).

// AuditList names the audit log, newest first.
const AuditList = "audit"

// RecordAudit stores an event, then lists it in the audit log.
func (s *Store) RecordAudit(ctx context.Context, e *jobmatch.AuditEvent) error {
	return s.insertListed(ctx, ColAudit, e, AuditList, e.ID)
}

// AuditEvent reads an event.
func (s *Store) AuditEvent(ctx context.Context, id string) (*jobmatch.AuditEvent, error) {
	return getAs[jobmatch.AuditEvent](ctx, s, ColAudit, id)
}
