package app

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Mail is an outgoing message. Without an SMTP server configured messages
// stay in the outbox (a collection and a list), which an admin can read and
// tests check.
type Mail struct {
	ID      string    `json:"id" bson:"_id"`
	To      string    `json:"to" bson:"to"`
	Subject string    `json:"subject" bson:"subject"`
	Body    string    `json:"body" bson:"body"`
	Kind    string    `json:"kind" bson:"kind"` // e.g. retention_request
	Ref     string    `json:"ref,omitempty" bson:"ref,omitempty"`
	At      time.Time `json:"at" bson:"at"`
}

// Send puts a message in the outbox.
func (s *Service) Send(ctx context.Context, m *Mail) error {
	m.ID, m.At = jobmatch.NewID(), s.now().UTC()
	if err := s.st.Insert(ctx, store.ColOutbox, m); err != nil {
		return err
	}
	_, err := s.st.ListAppend(ctx, "outbox", m.ID)
	return err
}

// Outbox lists outgoing messages, newest first (admin).
func (s *Service) Outbox(ctx context.Context, by *jobmatch.User, q ListQuery) (Page[*Mail], error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return Page[*Mail]{}, jobmatch.ErrForbidden
	}
	return listPage(ctx, s, "outbox", q, func(ctx context.Context, id string) (*Mail, error) {
		var m Mail
		err := s.st.Get(ctx, store.ColOutbox, id, &m)
		return &m, err
	})
}

// notifyRetentionTeam tells the retention team of a request about a
// sick-listed employee; the company keeps its one contact person.
func (s *Service) notifyRetentionTeam(ctx context.Context, r *jobmatch.Request) error {
	if s.retentionTeam == "" || r.Topic != jobmatch.TopicRetention {
		return nil
	}
	return s.Send(ctx, &Mail{To: s.retentionTeam, Kind: "retention_request", Ref: r.ID,
		Subject: "Fastholdelse: " + r.CompanyName + " (" + r.Reference + ")",
		Body: "Ny henvendelse om en sygemeldt medarbejder fra " + r.CompanyName + " (CVR " + r.CVR + ").\n" +
			"Kontaktperson i jobcentret: " + r.ConsultantID + ".\n\n" + r.Text})
}
