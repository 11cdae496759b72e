package store_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch/store"
)

// TestClaimOnceAcrossReplicas: of many writers on two replicas claiming one
// step at once, exactly one wins; a released claim passes to the next
// writer; a claim whose holder died is taken over after the grace, and a
// live one is not.
func TestClaimOnceAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	for round := 0; round < 5; round++ {
		key := "test:step" + string(rune('a'+round))
		var won atomic.Int32
		hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
			_, err := s.Claim(ctx, key)
			switch {
			case err == nil:
				won.Add(1)
			case !errors.Is(err, store.ErrClaimed):
				return err
			}
			return nil
		})
		if n := won.Load(); n != 1 {
			t.Fatalf("round %d: %d of 16 writers won one claim", round, n)
		}
	}

	// Released: the next writer (on the other replica) gets it at once.
	release, err := rs[0].Claim(ctx, "test:released")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rs[1].Claim(ctx, "test:released"); !errors.Is(err, store.ErrClaimed) {
		t.Fatalf("held claim: got %v, want ErrClaimed", err)
	}
	release(ctx)
	if _, err := rs[1].Claim(ctx, "test:released"); err != nil {
		t.Fatalf("released claim not passed on: %v", err)
	}
	if _, err := rs[0].Claim(ctx, "test:released"); !errors.Is(err, store.ErrClaimed) {
		t.Fatalf("second generation held: got %v, want ErrClaimed", err)
	}

	// A holder that died a minute ago: its claim is taken over, once.
	if _, err := rs[0].C(store.ColVersions).InsertOne(ctx, bson.D{{Key: "_id", Value: "once:test:dead#0"}, {Key: "at", Value: time.Now().Add(-time.Minute)}}); err != nil {
		t.Fatal(err)
	}
	var won atomic.Int32
	hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
		_, err := s.Claim(ctx, "test:dead")
		switch {
		case err == nil:
			won.Add(1)
		case !errors.Is(err, store.ErrClaimed):
			return err
		}
		return nil
	})
	if n := won.Load(); n != 1 {
		t.Fatalf("a dead holder's claim was taken over by %d writers, want 1", n)
	}
}
