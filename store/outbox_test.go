package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Messages filed through two replicas are all in the outbox, newest of
// each replica first, and read back with their attachments.
func TestOutbox(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	at := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	for i, id := range []string{"M1", "M2", "M3"} {
		m := &jobmatch.Mail{ID: id, To: "a@firma.dk", Subject: "Emne " + id, Body: "Tekst", Kind: "receipt", At: at.Add(time.Duration(i) * time.Minute)}
		if id == "M3" {
			m.Attachments = []jobmatch.Attachment{{Name: "invite.ics", ContentType: "text/calendar; method=REQUEST", Content: "BEGIN:VCALENDAR"}}
		}
		if err := rs[i%2].FileMail(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := rs[1].FileMail(ctx, &jobmatch.Mail{ID: "M1"}); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the same message twice: %v", err)
	}
	p, err := rs[1].ListPage(ctx, store.OutboxList, 0, 10)
	if err != nil || p.Total != 3 || len(p.Refs) != 3 || p.Refs[0] != "M3" {
		t.Fatalf("outbox %+v, %v", p, err)
	}
	m, err := rs[1].Mail(ctx, "M3")
	if err != nil || m.Subject != "Emne M3" || len(m.Attachments) != 1 || m.Attachments[0].Name != "invite.ics" || m.SentAt != nil {
		t.Fatalf("message %+v, %v", m, err)
	}
	if _, err := rs[0].Mail(ctx, "M4"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown message: %v", err)
	}
}
