package store

import (
	"context"
	"time"

	"jobmatch"
)

// Contacts are stored by id and listed newest first twice: on their
// company's timeline (TimelineList, as "contact:<id>") and in their
// consultant's contacts ("contacts:consultant:<id>").

func consultantContacts(consultantID string) string { return "contacts:consultant:" + consultantID }

// ContactLogged stores a logged contact, lists it on its company's timeline
// and among its consultant's contacts (one write for both lists), and
// counts counts (by name) at at, the time the contact counts in.
func (s *Store) ContactLogged(ctx context.Context, c *jobmatch.Contact, at time.Time, counts map[string]int64) error {
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	c.CountSlot = slot // the shard that counts it (kpi.go)
	if err := s.Insert(ctx, ColContacts, c); err != nil {
		return err
	}
	if _, err := s.ListAppendEach(ctx, map[string]string{TimelineList(c.CVR): "contact:" + c.ID, consultantContacts(c.ConsultantID): c.ID}); err != nil {
		return err
	}
	return s.CountEvents(ctx, at, counts)
}

// Contact reads a logged contact.
func (s *Store) Contact(ctx context.Context, id string) (*jobmatch.Contact, error) {
	return getAs[jobmatch.Contact](ctx, s, ColContacts, id)
}

// EachContact calls fn for every logged contact: a scan, for the figures'
// rebuild (never on a request path).
func (s *Store) EachContact(ctx context.Context, fn func(*jobmatch.Contact) error) error {
	return Each(ctx, s, ColContacts, fn)
}
