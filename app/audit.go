package app

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// AuditEvent is one line of the audit log: who read or changed which
// personal data, when and why. It names candidates by id only.
type AuditEvent struct {
	ID         string    `json:"id" bson:"_id"`
	At         time.Time `json:"at" bson:"at"`
	Actor      string    `json:"actor" bson:"actor"`
	Action     string    `json:"action" bson:"action"` // cv.read, cv.write, cv.search, cv.erase, cv.purge, match.run, …
	Subjects   []string  `json:"subjects,omitempty" bson:"subjects,omitempty"`
	Reason     string    `json:"reason,omitempty" bson:"reason,omitempty"`
	VacancyID  string    `json:"vacancy_id,omitempty" bson:"vacancy_id,omitempty"`
	MatchRunID string    `json:"match_run_id,omitempty" bson:"match_run_id,omitempty"`
	Query      string    `json:"query,omitempty" bson:"query,omitempty"`
	Count      int       `json:"count,omitempty" bson:"count,omitempty"`
}

// Audit writes and lists audit events.
type Audit struct{ svc *Service }

// NewAudit returns the audit log of svc's store.
func NewAudit(svc *Service) *Audit { return &Audit{svc: svc} }

// Record stores an event (newest-first list "audit").
func (a *Audit) Record(ctx context.Context, e AuditEvent) error {
	e.ID = jobmatch.NewID()
	e.At = a.svc.now().UTC()
	if err := a.svc.st.Insert(ctx, store.ColAudit, e); err != nil {
		return err
	}
	_, err := a.svc.st.ListAppend(ctx, "audit", e.ID)
	return err
}

// Event reads one event.
func (a *Audit) Event(ctx context.Context, id string) (*AuditEvent, error) {
	var e AuditEvent
	if err := a.svc.st.Get(ctx, store.ColAudit, id, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

// List pages through the audit log, newest first.
func (a *Audit) List(ctx context.Context, q ListQuery) (Page[*AuditEvent], error) {
	return listPage(ctx, a.svc, "audit", q, a.Event)
}
