package store_test

import (
	"context"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch/store"
	"jobmatch/store/storetest"
)

func TestIDLookupUsesExpressionIndex(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	for _, col := range []string{store.ColCompanies, store.ColUsers, store.ColIdempotency, store.ColCandidates} {
		t.Run(col, func(t *testing.T) {
			plan, err := s.ExplainIDLookup(ctx, col)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan, "USING INDEX") || !strings.Contains(plan, "_id_expr") {
				t.Fatalf("query plan does not use the _id expression index:\n%s", plan)
			}
		})
	}
}

func TestSequencesAndCounters(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	for want := int64(1); want <= 3; want++ {
		got, err := s.NextSeq(ctx, "t")
		if err != nil || got != want {
			t.Fatalf("NextSeq = %d, %v; want %d", got, err, want)
		}
	}
	last, err := s.ReserveSeq(ctx, "t", 10)
	if err != nil || last != 13 {
		t.Fatalf("ReserveSeq = %d, %v; want 13", last, err)
	}
	if err := s.IncCounters(ctx, "contacts:2026-H1", map[string]int64{"count": 2, "by.u1": 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.IncCounters(ctx, "contacts:2026-H1", map[string]int64{"count": 1}); err != nil {
		t.Fatal(err)
	}
	c, err := s.Counters(ctx, "contacts:2026-H1")
	if err != nil || c["count"] != 3 {
		t.Fatalf("Counters = %v, %v", c, err)
	}
	var doc bson.M
	if err := s.C(store.ColCounters).FindOne(ctx, bson.D{{Key: "_id", Value: "contacts:2026-H1"}}).Decode(&doc); err != nil {
		t.Fatal(err)
	}
}
