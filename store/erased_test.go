package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobmatch/store"
)

// TestErasedRefsAcrossReplicas: two replicas that make the erasure key at
// the same moment end with one key (the second insert reads the first's),
// so a reference one replica recorded is found by the other; the stored
// document holds the hash and a day, not the reference; a reference lifted
// by hand is found by neither.
func TestErasedRefsAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	day := time.Date(2026, 3, 4, 15, 16, 17, 0, time.UTC)
	hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
		return s.RecordErasure(ctx, fmt.Sprintf("REF-%d-%d", r, w), day)
	})
	// Recorded again: no error.
	if err := rs[1].RecordErasure(ctx, "REF-0-0", day); err != nil {
		t.Fatal(err)
	}
	for k, s := range rs {
		erased, err := s.ErasedRefs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for r := range 2 {
			for w := range 8 {
				if ref := fmt.Sprintf("REF-%d-%d", r, w); !erased(ref) {
					t.Errorf("replica %d does not find %s", k, ref)
				}
			}
		}
		if erased("REF-2-0") || erased("") {
			t.Errorf("replica %d finds a reference never erased", k)
		}
	}
	var docs []map[string]any
	err := store.Each(ctx, rs[0], store.ColErasedRefs, func(d *map[string]any) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil || len(docs) != 16 {
		t.Fatalf("%d documents, %v", len(docs), err)
	}
	for _, d := range docs {
		id, _ := d["_id"].(string)
		at, _ := d["day"].(interface{ Time() time.Time })
		if len(d) != 2 || len(id) != 64 || strings.Contains(id, "REF") || at == nil || !at.Time().Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("stored %v", d)
		}
	}

	if err := rs[0].ForgetErasure(ctx, "REF-1-3"); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].ForgetErasure(ctx, "REF-1-3"); err != nil {
		t.Fatalf("lifted twice: %v", err)
	}
	for k, s := range rs {
		erased, err := s.ErasedRefs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if erased("REF-1-3") || !erased("REF-1-2") {
			t.Errorf("replica %d after the lift: REF-1-3 %v, REF-1-2 %v", k, erased("REF-1-3"), erased("REF-1-2"))
		}
	}
}
