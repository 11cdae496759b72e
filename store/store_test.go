package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch/store"
	"jobmatch/store/storetest"
)

func TestIDLookupUsesExpressionIndex(t *testing.T) {
	s := storetest.OpenEmbedded(t)
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
	// The process's own shard holds them: the document itself in slot 0
	// (the embedded backend), "<id>@r<slot>" for a replica of an external one.
	id := "contacts:2026-H1"
	if s.Slot() > 0 {
		id += fmt.Sprintf("@r%d", s.Slot())
	}
	var doc bson.M
	if err := s.C(store.ColCounters).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil || toInt(doc["count"]) != 3 {
		t.Fatalf("counter document %s: %v, %v", id, doc, err)
	}
}

func toInt(v any) int64 {
	switch n := v.(type) {
	case int32:
		return int64(n)
	case int64:
		return n
	case float64:
		return int64(n)
	}
	return -1
}

// TestConcurrentUpdatesAreAtomic hammers one counter, one list and one set
// from many goroutines: FerretDB alone loses updates here (see locks.go).
func TestConcurrentUpdatesAreAtomic(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	const workers, each = 16, 10
	var wg sync.WaitGroup
	seqs := make(chan int64, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				n, err := s.NextSeq(ctx, "c")
				if err != nil {
					t.Error(err)
					return
				}
				seqs <- n
				if _, err := s.ListAppend(ctx, "l", fmt.Sprint(w, "-", i)); err != nil {
					t.Error(err)
					return
				}
				if err := s.SetAdd(ctx, "set", fmt.Sprint(w, "-", i)); err != nil {
					t.Error(err)
					return
				}
				if err := s.IncCounters(ctx, "k", map[string]int64{"n": 1}); err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(seqs)
	seen := map[int64]bool{}
	for n := range seqs {
		if seen[n] {
			t.Fatalf("sequence number %d handed out twice", n)
		}
		seen[n] = true
	}
	page, err := s.ListPage(ctx, "l", 0, 200)
	if err != nil || page.Total != workers*each || len(page.Refs) != workers*each {
		t.Fatalf("list total %d with %d refs, want %d (%v)", page.Total, len(page.Refs), workers*each, err)
	}
	members, _ := s.SetMembers(ctx, "set")
	if len(members) != workers*each {
		t.Fatalf("set has %d members, want %d", len(members), workers*each)
	}
	c, _ := s.Counters(ctx, "k")
	if c["n"] != workers*each {
		t.Fatalf("counter = %d, want %d", c["n"], workers*each)
	}
}

func TestListPagingAndRemoval(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	var pos []int64
	for i := 1; i <= 7; i++ {
		p, err := s.ListAppend(ctx, "x", fmt.Sprint("r", i))
		if err != nil {
			t.Fatal(err)
		}
		pos = append(pos, p)
	}
	if err := s.ListRemove(ctx, "x", pos[4]); err != nil { // r5
		t.Fatal(err)
	}
	var got []string
	cursor := int64(0)
	for {
		p, err := s.ListPage(ctx, "x", cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 6 {
			t.Fatalf("total %d, want 6", p.Total)
		}
		got = append(got, p.Refs...)
		if p.Next == 0 {
			break
		}
		cursor = p.Next
	}
	if want := "[r7 r6 r4 r3 r2 r1]"; fmt.Sprint(got) != want {
		t.Fatalf("pages = %v, want %s", got, want)
	}
}

func TestReopenKeepsDataAndIndexes(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.NextSeq(ctx, "r"); err != nil {
		t.Fatal(err)
	}
	_ = s.Close(ctx)
	s, err = store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close(ctx)
	if n, _ := s.NextSeq(ctx, "r"); n != 2 {
		t.Fatalf("sequence after reopen = %d, want 2", n)
	}
	plan, err := s.ExplainIDLookup(ctx, store.ColCounters)
	if err != nil || !strings.Contains(plan, "_id_expr") {
		t.Fatalf("after reopen the plan is %q (%v)", plan, err)
	}
}

// TestListHeadRecoversFromStaleHint shows the pointer documents, not the
// lazily written counter, decide a list's head after a restart.
func TestListHeadRecoversFromStaleHint(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if _, err := s.ListAppend(ctx, "h", fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	_ = s.Close(ctx)
	s, err = store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	// As if the process died before writing the hint.
	if _, err := s.C(store.ColCounters).UpdateOne(ctx, bson.D{{Key: "_id", Value: "list:h"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "n", Value: 2}}}}); err != nil {
		t.Fatal(err)
	}
	pos, err := s.ListAppend(ctx, "h", "5")
	if err != nil || pos != 6 {
		t.Fatalf("append after a stale hint went to %d (%v), want 6", pos, err)
	}
	p, _ := s.ListPage(ctx, "h", 0, 10)
	if p.Total != 6 || p.Refs[0] != "5" {
		t.Fatalf("page = %+v", p)
	}
}

func TestBags(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	slots := map[string]int64{}
	for i := 0; i < 150; i++ {
		m := fmt.Sprint("m", i)
		slot, err := s.BagAdd(ctx, "b", m)
		if err != nil {
			t.Fatal(err)
		}
		slots[m] = slot
	}
	if slots["m0"] == slots["m149"] {
		t.Fatal("150 members in one bucket")
	}
	for i := 0; i < 150; i += 2 {
		m := fmt.Sprint("m", i)
		if err := s.BagRemove(ctx, "b", slots[m], m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.BagMembers(ctx, "b")
	if err != nil || len(got) != 75 || got[0] != "m1" || got[74] != "m149" {
		t.Fatalf("members = %d %v (%v)", len(got), got[:3], err)
	}
}
