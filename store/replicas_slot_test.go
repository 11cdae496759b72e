package store

import (
	"context"
	"testing"
)

// TestOnlyShardWritersTakeASlot: a command on the shared database that
// reads (a dry run, a reindex) or writes only documents of its own (a
// user who is no consultant) takes no replica slot; every slot ever taken
// costs each counter read a lookup, and each such command used to take
// one for good (86 slots made a list page six times slower). A replica
// that writes a counter takes one, and keeps it across a restart with its
// data directory.
func TestOnlyShardWritersTakeASlot(t *testing.T) {
	ctx := context.Background()
	open := func(cfg Config) *Store {
		t.Helper()
		s, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	home := open(Config{DataDir: t.TempDir()})
	defer home.Close(context.Background())
	uri := home.URI()
	first := open(Config{MongoDBURI: uri, DataDir: t.TempDir()})
	defer first.Close(context.Background())
	if first.Slot() != 1 {
		t.Fatalf("the first process on the database has slot %d, want 1 (it tells the others they share it)", first.Slot())
	}
	if err := home.IncCounters(ctx, "list:l", map[string]int64{"removed": 1}); err != nil {
		t.Fatal(err)
	}

	for range 3 {
		s := open(Config{MongoDBURI: uri, DataDir: t.TempDir()})
		if _, err := s.Counters(ctx, "list:l"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ListPage(ctx, "l", 0, 10); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetMembers(ctx, "set"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.BagMembers(ctx, "bag"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ListAppend(ctx, "l", "x"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRemove(ctx, "set", "m"); err != nil {
			t.Fatal(err)
		}
		if s.Slot() != -1 { // noSlot
			t.Fatalf("a reader took slot %d", s.Slot())
		}
		if err := s.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := home.slots(ctx); err != nil || n != 1 {
		t.Fatalf("slots after three readers: %d, %v; want 1", n, err)
	}

	dir := t.TempDir()
	for run := range 2 {
		w := open(Config{MongoDBURI: uri, DataDir: dir})
		if err := w.IncCounters(ctx, "list:l", map[string]int64{"removed": 1}); err != nil {
			t.Fatal(err)
		}
		if w.Slot() != 2 {
			t.Fatalf("run %d: a counter writer has slot %d, want 2", run, w.Slot())
		}
		if err := w.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := home.slots(ctx); err != nil || n != 2 {
		t.Fatalf("slots after a writer ran twice with its data directory: %d, %v; want 2", n, err)
	}
	if c, err := home.Counters(ctx, "list:l"); err != nil || c["removed"] != 3 {
		t.Fatalf("counters: %v, %v; want removed 3", c, err)
	}
}
