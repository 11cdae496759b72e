package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// TestDanglingPointersDropped: a writer killed between a list's pointer
// and its record (FileRequest lists first) left a pointer to nothing that
// the list's total counted and no page showed: a company's timeline said
// {"items":[],"total":1}. A reader that finds nothing behind a pointer
// older than danglingAfter marks it removed, counted once however many
// replicas find it at the same time; a young one, whose writer may still
// be at work, stays.
func TestDanglingPointersDropped(t *testing.T) {
	ctx := context.Background()
	home, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer home.Close(context.Background())
	other, err := Open(ctx, Config{MongoDBURI: home.URI(), DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(context.Background())

	const list = "timeline:12345678"
	for _, ref := range []string{"request:kept", "request:crashed", "request:crashed-too", "request:in-flight"} {
		if _, err := home.ListAppend(ctx, list, ref); err != nil {
			t.Fatal(err)
		}
	}
	// The crashed writers' pointers are older than danglingAfter (positions
	// 2 and 3), as the pointers of a process killed a while ago are.
	for _, pos := range []int64{2, 3} {
		if _, err := home.C(ColLists).UpdateOne(ctx, bson.D{{Key: "_id", Value: listKey(list, pos)}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "at", Value: time.Now().Add(-danglingAfter - time.Minute)}}}}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := home.ListPage(ctx, list, 0, 10)
	if err != nil || p.Total != 4 || len(p.Refs) != 4 || len(p.Pos) != 4 || len(p.Written) != 4 {
		t.Fatalf("page: %+v, %v", p, err)
	}
	at := map[string]int{}
	for i, ref := range p.Refs {
		at[ref] = i
	}

	// The young pointer stays: its writer may be between its two writes.
	i := at["request:in-flight"]
	if dropped, err := home.ListDropDangling(ctx, list, p.Pos[i], p.Written[i]); err != nil || dropped {
		t.Fatalf("a pointer just written was dropped: %v, %v", dropped, err)
	}
	// Each old one is dropped once, by one of two replicas reading at once.
	for _, ref := range []string{"request:crashed", "request:crashed-too"} {
		i := at[ref]
		var mu sync.Mutex
		var wg sync.WaitGroup
		counted := 0
		for _, s := range []*Store{home, other, home, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				dropped, err := s.ListDropDangling(ctx, list, p.Pos[i], p.Written[i])
				if err != nil {
					t.Error(err)
				}
				if dropped {
					mu.Lock()
					counted++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if counted != 1 {
			t.Fatalf("%s dropped %d times, want once", ref, counted)
		}
	}
	for _, s := range []*Store{home, other} {
		p, err := s.ListPage(ctx, list, 0, 10)
		if err != nil || p.Total != 2 || len(p.Refs) != 2 || p.Refs[0] != "request:in-flight" || p.Refs[1] != "request:kept" {
			t.Fatalf("page after the repair: %+v, %v; want total 2, in-flight and kept", p, err)
		}
	}
}
