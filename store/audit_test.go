package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Events recorded through two replicas are all in the audit log and read
// back as recorded; the citizen's data export still finds them by subject.
func TestAuditLog(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	at := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	for i := range 4 {
		e := &jobmatch.AuditEvent{ID: jobmatch.NewID(), At: at, Actor: "k1", Action: "cv.read", Subjects: []string{"C1"}, Reason: "match"}
		if i == 3 {
			e.Action, e.Subjects, e.Query, e.Count = "cv.search", []string{"C1", "C2"}, "lager", 2
		}
		if err := rs[i%2].RecordAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	p, err := rs[0].ListPage(ctx, store.AuditList, 0, 10)
	if err != nil || p.Total != 4 || len(p.Refs) != 4 {
		t.Fatalf("audit log %+v, %v", p, err)
	}
	searches := 0
	for _, id := range p.Refs {
		e, err := rs[1].AuditEvent(ctx, id)
		if err != nil || e.ID != id || e.Actor != "k1" || !e.At.Equal(at) {
			t.Fatalf("event %s: %+v, %v", id, e, err)
		}
		if e.Action == "cv.search" && e.Count == 2 && e.Query == "lager" && len(e.Subjects) == 2 {
			searches++
		}
	}
	if searches != 1 {
		t.Fatalf("%d searches read back, want 1", searches)
	}
	about, err := store.FindAll[jobmatch.AuditEvent](ctx, rs[0], store.ColAudit, store.Fields{"subjects": "C2"})
	if err != nil || len(about) != 1 || about[0].Action != "cv.search" {
		t.Fatalf("events about C2: %+v, %v", about, err)
	}
	if _, err := rs[0].AuditEvent(ctx, "nope"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown event: %v", err)
	}
}
