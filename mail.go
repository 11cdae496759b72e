package jobmatch

import "time"

// Mail is an outgoing message. Without an SMTP server configured messages
// stay in the outbox, which an admin can read and tests check.
type Mail struct {
	ID      string    `json:"id" bson:"_id"`
	To      string    `json:"to" bson:"to"`
	Subject string    `json:"subject" bson:"subject"`
	Body    string    `json:"body" bson:"body"`
	Kind    string    `json:"kind" bson:"kind"` // e.g. retention_request
	Ref     string    `json:"ref,omitempty" bson:"ref,omitempty"`
	At      time.Time `json:"at" bson:"at"`
	// SentAt is when the SMTP server took it; Error why it did not. Both
	// empty when no SMTP server is configured: the outbox is the delivery.
	SentAt *time.Time `json:"sent_at,omitempty" bson:"sent_at,omitempty"`
	Error  string     `json:"error,omitempty" bson:"error,omitempty"`
	// Attachments go with the message (e.g. a calendar invitation).
	Attachments []Attachment `json:"attachments,omitempty" bson:"attachments,omitempty"`
}

// Attachment is a file sent with a message, as text (an .ics invitation).
type Attachment struct {
	Name        string `json:"name" bson:"name"`
	ContentType string `json:"content_type" bson:"content_type"`
	Content     string `json:"content" bson:"content"`
}
