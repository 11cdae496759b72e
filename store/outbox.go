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
	if err := s.Insert(ctx, ColOutbox, m); err != nil {
		return err
	}
	_, err := s.ListAppend(ctx, OutboxList, m.ID)
	return err
}

// Mail reads an outgoing message.
func (s *Store) Mail(ctx context.Context, id string) (*jobmatch.Mail, error) {
	var m jobmatch.Mail
	if err := s.Get(ctx, ColOutbox, id, &m); err != nil {
		return nil, err
	}
	return &m, nil
}
