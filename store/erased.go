package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"jobmatch"
)

// The citizens erased at their own request are remembered so that the next
// import from the case system does not bring them back under a new id, and
// by nothing that names them: a document in ColErasedRefs whose _id is an
// HMAC-SHA256 of the external reference under this database's own key, with
// the day it was recorded. A reference can be checked against it, but not
// read back from it, and without the key not even checked.

// erasureKeyID is the settings document holding the key.
const erasureKeyID = "erasure-key"

// erasureKey returns the key the erased references are hashed with: 32
// random bytes made on first use. Whoever inserts the key's document first
// made it; a replica that lost the race (a duplicate _id) reads the
// winner's, so every process hashes alike. It never changes once made, so
// each process reads it once.
func (s *Store) erasureKey(ctx context.Context) ([]byte, error) {
	if k := s.erasureKeyCache.Load(); k != nil {
		return *k, nil
	}
	key := make([]byte, 32)
	rand.Read(key)
	err := s.InsertFields(ctx, ColSettings, erasureKeyID, Fields{"key": key, "at": time.Now().UTC()})
	if errors.Is(err, jobmatch.ErrConflict) {
		var doc struct {
			Key []byte `bson:"key"`
		}
		if err := s.Get(ctx, ColSettings, erasureKeyID, &doc); err != nil {
			return nil, err
		}
		key, err = doc.Key, nil
	}
	if err != nil {
		return nil, err
	}
	if len(key) != 32 {
		return nil, fmt.Errorf("store: the erasure key is %d bytes, not 32", len(key))
	}
	s.erasureKeyCache.Store(&key)
	return key, nil
}

// erasedID is the _id an erased reference is kept under.
func erasedID(key []byte, ref string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(ref))
	return hex.EncodeToString(m.Sum(nil))
}

// RecordErasure remembers that the citizen with external reference ref was
// erased at their request (on day), so imports skip the reference. Recorded
// before is not an error.
func (s *Store) RecordErasure(ctx context.Context, ref string, day time.Time) error {
	key, err := s.erasureKey(ctx)
	if err != nil {
		return err
	}
	y, m, d := day.UTC().Date()
	err = s.InsertFields(ctx, ColErasedRefs, erasedID(key, ref), Fields{"day": time.Date(y, m, d, 0, 0, 0, 0, time.UTC)})
	if errors.Is(err, jobmatch.ErrConflict) {
		return nil
	}
	return err
}

// ForgetErasure lifts the block on ref: a consultant created the citizen's
// CV again by hand, so later imports update it. Nothing recorded is not an
// error.
func (s *Store) ForgetErasure(ctx context.Context, ref string) error {
	key, err := s.erasureKey(ctx)
	if err != nil {
		return err
	}
	return s.Delete(ctx, ColErasedRefs, erasedID(key, ref))
}

// ErasedRefs reads the erased references once (one pass over a collection
// that grows only by erasures on request, for an import, never a request)
// and returns whether a reference is among them.
func (s *Store) ErasedRefs(ctx context.Context) (func(ref string) bool, error) {
	key, err := s.erasureKey(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[string]struct{}{}
	err = Each(ctx, s, ColErasedRefs, func(d *struct {
		ID string `bson:"_id"`
	}) error {
		ids[d.ID] = struct{}{}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return func(ref string) bool {
		if len(ids) == 0 {
			return false // the usual case: no hashing per row
		}
		_, ok := ids[erasedID(key, ref)]
		return ok
	}, nil
}
