package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"mime"
	"net/smtp"
	"regexp"
	"strings"

	"jobmatch"
	"jobmatch/store"
)

// SMTP is an outgoing mail server. With an address set, every message is
// also delivered through it; the outbox keeps the record either way.
type SMTP struct {
	Addr string // host:port
	From string
}

// Send puts a message in the outbox and, with an SMTP server configured,
// delivers it; a delivery failure is recorded on the message and logged,
// not returned: the work that sent it is done.
func (e *Env) Send(ctx context.Context, m *jobmatch.Mail) error {
	m.ID, m.At = jobmatch.NewID(), e.now().UTC()
	if e.smtp.Addr != "" {
		if err := deliver(e.smtp, m); err != nil {
			m.Error = err.Error()
			e.log.Warn("smtp", "to", m.To, "kind", m.Kind, "err", err)
		} else {
			at := e.now().UTC()
			m.SentAt = &at
		}
	}
	return e.st.FileMail(ctx, m)
}

// deliver sends one message through the SMTP server (plain text, UTF-8).
func deliver(c SMTP, m *jobmatch.Mail) error {
	from := c.From
	if from == "" {
		from = "jobmatch@localhost"
	}
	var b strings.Builder
	if len(m.Attachments) > 0 {
		return smtp.SendMail(c.Addr, nil, from, []string{m.To}, multipartMessage(from, m))
	}
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\nMessage-ID: <%s@jobmatch>\r\n\r\n",
		from, m.To, mime.QEncoding.Encode("utf-8", m.Subject), m.ID)
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n"))
	return smtp.SendMail(c.Addr, nil, from, []string{m.To}, []byte(b.String()))
}

// Outbox lists outgoing messages, newest first (admin). Each page read is
// in the audit log (outbox.read, how many messages): the messages hold
// citizens' addresses and what was written to them. The private links in
// them show only their first characters ("/consent/qz6q…"): a live link
// lets whoever has it answer as the citizen, or as the employer, or fill
// in a survey that counts in the figures.
func (e *Env) Outbox(ctx context.Context, by *jobmatch.User, q ListQuery) (Page[*jobmatch.Mail], error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return Page[*jobmatch.Mail]{}, jobmatch.ErrForbidden
	}
	p, err := e.Mails(ctx, q)
	if err != nil {
		return p, err
	}
	if err := NewAudit(e).Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "outbox.read", Count: len(p.Items)}); err != nil {
		return Page[*jobmatch.Mail]{}, err
	}
	for i, m := range p.Items {
		p.Items[i] = withLinksMasked(m)
	}
	return p, nil
}

// Mails lists outgoing messages, newest first, as they were sent, links
// and all: for the process's own work (the demo answering the surveys it
// mailed) and tests. No route serves it; an admin reads Outbox.
func (e *Env) Mails(ctx context.Context, q ListQuery) (Page[*jobmatch.Mail], error) {
	return ListPage(ctx, e.st, store.OutboxList, q, e.st.Mail)
}

// privateLink is a private link's path in a message: the consent link, the
// survey link and the employer's status link, each a token
// (jobmatch.NewToken) after the route.
var privateLink = regexp.MustCompile(`(/(?:consent|survey|status)/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{4,}`)

// withLinksMasked is a copy of m whose private links keep their route and
// the first 4 characters of their token, enough to tell two apart.
func withLinksMasked(m *jobmatch.Mail) *jobmatch.Mail {
	mask := func(s string) string { return privateLink.ReplaceAllString(s, "${1}${2}…") }
	c := *m
	c.Subject, c.Body = mask(m.Subject), mask(m.Body)
	if m.Attachments != nil {
		c.Attachments = make([]jobmatch.Attachment, len(m.Attachments))
		for i, a := range m.Attachments {
			a.Content = mask(a.Content)
			c.Attachments[i] = a
		}
	}
	return &c
}

// multipartMessage is a message with attachments: the text, then each
// attachment base64-encoded (a text/calendar part keeps its method).
func multipartMessage(from string, m *jobmatch.Mail) []byte {
	boundary := "jm-" + m.ID
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=%q\r\nMessage-ID: <%s@jobmatch>\r\n\r\n",
		from, m.To, mime.QEncoding.Encode("utf-8", m.Subject), boundary, m.ID)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n", boundary,
		strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n"))
	for _, a := range m.Attachments {
		enc := base64.StdEncoding.EncodeToString([]byte(a.Content))
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=%q\r\n\r\n", boundary, a.ContentType, a.Name)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return []byte(b.String())
}
