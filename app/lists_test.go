package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// TestListPageDropsDanglingPointers: after a kill -9 between a vacancy's
// list pointers and its records, the company's timeline answered
// {"items":[],"total":1}. A page that finds nothing behind an old pointer
// takes it out of the list and its total; a pointer just written, whose
// writer may still be at work, is left out of the page but still counted.
func TestListPageDropsDanglingPointers(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	const list = "timeline:12345678"
	for _, ref := range []string{"request:kept", "request:crashed", "request:in-flight"} {
		if _, err := st.ListAppend(ctx, list, ref); err != nil {
			t.Fatal(err)
		}
	}
	// The crashed writer's pointer (position 2) is from a while ago.
	if _, err := st.C(store.ColLists).UpdateOne(ctx, bson.D{{Key: "_id", Value: fmt.Sprintf("%s#%012d", list, 2)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "at", Value: time.Now().Add(-time.Hour)}}}}); err != nil {
		t.Fatal(err)
	}
	get := func(_ context.Context, ref string) (string, error) {
		if ref != "request:kept" {
			return "", jobmatch.ErrNotFound
		}
		return ref, nil
	}
	for read := range 2 {
		p, err := app.ListPage(ctx, st, list, app.ListQuery{Limit: 10}, get)
		if err != nil || len(p.Items) != 1 || p.Items[0] != "request:kept" || p.Total != 2 {
			t.Fatalf("read %d: %+v, %v; want the kept request, total 2 (the one in flight counted)", read, p, err)
		}
	}
}
