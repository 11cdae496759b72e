package store

import (
	"context"

	"jobmatch"
)

// Outgoing messages are stored by id and listed newest first (OutboxList).

// OutboxList names the list of every outgoing message, newest first.
const OutboxList = "outbox"

// FileMail stores a message, then lists it in the outbox.
func (s *Store) FileMail(ctx context.Context, m *jobmatch.Mail) error {
	return s.insertListed(ctx, ColOutbox, m, OutboxList, m.ID)
}

// Mail reads an outgoing message.
func (s *Store) Mail(ctx context.Context, id string) (*jobmatch.Mail, error) {
	return getAs[jobmatch.Mail](ctx, s, ColOutbox, id)
}
