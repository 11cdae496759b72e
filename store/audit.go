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
	if err := s.Insert(ctx, ColAudit, e); err != nil {
		return err
	}
	_, err := s.ListAppend(ctx, AuditList, e.ID)
	return err
}

// AuditEvent reads an event.
func (s *Store) AuditEvent(ctx context.Context, id string) (*jobmatch.AuditEvent, error) {
	var e jobmatch.AuditEvent
	if err := s.Get(ctx, ColAudit, id, &e); err != nil {
		return nil, err
	}
	return &e, nil
}
