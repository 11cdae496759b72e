package store_test

import (
	"context"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// A contact logged through one replica is read through the other, is on its
// company's timeline and its consultant's contacts, is counted at the time
// it counts in, and the rebuild's scan finds it.
func TestContactRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	d, _ := jobmatch.ParseDate("2026-04-14")
	at := time.Date(2026, 4, 14, 12, 0, 0, 0, jobmatch.Copenhagen)
	c := &jobmatch.Contact{ID: "CT1", CVR: "12345678", CompanyName: "Lager A/S", Kind: "visit", Date: d, Note: "Besøg",
		ConsultantID: "k1", LoggedAt: at.UTC(), Period: jobmatch.PeriodsOf(at)}
	if err := rs[0].ContactLogged(ctx, c, at, map[string]int64{"contacts": 1, "contacts_kind_visit": 1}); err != nil {
		t.Fatal(err)
	}
	got, err := rs[1].Contact(ctx, "CT1")
	if err != nil || got.Date.String() != "2026-04-14" || got.CompanyName != "Lager A/S" || got.Period.Month != "2026-04" {
		t.Fatalf("contact read through the other replica: %+v, %v", got, err)
	}
	for list, want := range map[string]string{store.TimelineList("12345678"): "contact:CT1", "contacts:consultant:k1": "CT1"} {
		p, err := rs[1].ListPage(ctx, list, 0, 10)
		if err != nil || len(p.Refs) != 1 || p.Refs[0] != want {
			t.Errorf("list %s: %v, %v; want [%s]", list, p.Refs, err, want)
		}
	}
	if kind, id := store.TimelineEntry("contact:CT1"); kind != "contact" || id != "CT1" {
		t.Errorf("timeline entry: %q %q", kind, id)
	}
	y, err := rs[1].CountsOfYear(ctx, 2026)
	if err != nil || y.Month(4, "contacts") != 1 || y.Period("H1")["contacts_kind_visit"] != 1 {
		t.Fatalf("counters of April %d, %v (%v)", y.Month(4, "contacts"), y.Period("H1"), err)
	}
	n := 0
	if err := rs[1].EachContact(ctx, func(c *jobmatch.Contact) error {
		n++
		if c.ID != "CT1" || c.Kind != "visit" {
			t.Errorf("scanned %+v", c)
		}
		return nil
	}); err != nil || n != 1 {
		t.Fatalf("scan found %d contacts, %v", n, err)
	}
}
