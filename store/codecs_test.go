package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// TestDateIsStoredAsADayString: the store's codec writes a jobmatch.Date
// as "YYYY-MM-DD" (the zero date as ""), reads it back to the same day,
// and reads a null as the zero date, so the domain package needs no BSON.
func TestDateIsStoredAsADayString(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	type doc struct {
		ID    string         `bson:"_id"`
		Day   jobmatch.Date  `bson:"day"`
		Zero  jobmatch.Date  `bson:"zero"`
		Ptr   *jobmatch.Date `bson:"ptr"`
		Dates []jobmatch.Date
	}
	day, _ := jobmatch.ParseDate("2026-05-01")
	later, _ := jobmatch.ParseDate("2027-12-31")
	in := doc{ID: "date-1", Day: day, Ptr: &later, Dates: []jobmatch.Date{day, later}}
	if err := s.Insert(ctx, store.ColVacancies, in); err != nil {
		t.Fatal(err)
	}
	var raw bson.M
	if err := s.C(store.ColVacancies).FindOne(ctx, bson.D{{Key: "_id", Value: "date-1"}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if raw["day"] != "2026-05-01" || raw["zero"] != "" || raw["ptr"] != "2027-12-31" {
		t.Fatalf("stored as day %#v, zero %#v, ptr %#v; want the day strings", raw["day"], raw["zero"], raw["ptr"])
	}
	var out doc
	if err := s.Get(ctx, store.ColVacancies, "date-1", &out); err != nil {
		t.Fatal(err)
	}
	if !out.Day.Equal(day.Time) || !out.Zero.IsZero() || out.Ptr == nil || !out.Ptr.Equal(later.Time) || len(out.Dates) != 2 || !out.Dates[1].Equal(later.Time) {
		t.Fatalf("read back %+v", out)
	}
	if out.Day.Location() != time.UTC {
		t.Fatalf("read back in %v, want UTC like ParseDate", out.Day.Location())
	}
	// A date written as null (by hand or an older writer) reads as zero.
	if _, err := s.C(store.ColVacancies).InsertOne(ctx, bson.D{{Key: "_id", Value: "date-2"}, {Key: "day", Value: nil}}); err != nil {
		t.Fatal(err)
	}
	out = doc{Day: day}
	if err := s.Get(ctx, store.ColVacancies, "date-2", &out); err != nil || !out.Day.IsZero() {
		t.Fatalf("null read as %v (%v), want the zero date", out.Day, err)
	}
}

// TestChangeAndFindAll: one Change sets, appends, adds to a set and counts
// the version up in one write; FindAll matches any of its field sets, an
// array field by one of its elements.
func TestChangeAndFindAll(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	type doc struct {
		ID      string   `bson:"_id"`
		Status  string   `bson:"status"`
		Version int64    `bson:"version"`
		Notes   []string `bson:"notes,omitempty"`
		Tags    []string `bson:"tags,omitempty"`
		Owner   string   `bson:"owner"`
	}
	for _, d := range []doc{{ID: "c-1", Status: "open", Version: 1, Owner: "a"}, {ID: "c-2", Owner: "b", Tags: []string{"x"}}, {ID: "c-3", Owner: "c"}} {
		if err := s.Insert(ctx, store.ColShortlist, d); err != nil {
			t.Fatal(err)
		}
	}
	ch := store.Change{Set: store.Fields{"status": "closed"}, Push: store.Fields{"notes": "lukket"}, AddToSet: store.Fields{"tags": "x"}, BumpVersion: true}
	for range 2 {
		if err := s.Apply(ctx, store.ColShortlist, "c-1", ch); err != nil {
			t.Fatal(err)
		}
	}
	var got doc
	if err := s.Get(ctx, store.ColShortlist, "c-1", &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != "closed" || got.Version != 3 || len(got.Notes) != 2 || len(got.Tags) != 1 {
		t.Fatalf("after two changes: %+v; want closed, version 3, two notes, one tag", got)
	}
	if err := s.Apply(ctx, store.ColShortlist, "c-9", ch); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("a change to a missing document: %v, want ErrNotFound", err)
	}
	found, err := store.FindAll[doc](ctx, s, store.ColShortlist, store.Fields{"tags": "x", "owner": "a"}, store.Fields{"owner": "b"})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, d := range found {
		ids = append(ids, d.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"c-1", "c-2"}) {
		t.Fatalf("FindAll found %v, want c-1 (tag and owner) and c-2 (owner)", ids)
	}
}

// TestCandidatesArePacked: a CV is stored as its reference, hash and one
// binary document, reads back whole, and a CV stored before packing (its
// fields at the top level) still reads.
func TestCandidatesArePacked(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Millisecond)
	from, _ := jobmatch.ParseDate("2027-02-01")
	c := &jobmatch.Candidate{ExternalRef: "PACK-1", Name: "Pia Pakket", PostalCode: "6400", TargetGroup: jobmatch.TargetCloseToJob,
		DesiredOccupations: []jobmatch.Concept{{Label: "Lagermedarbejder"}}, AvailableFrom: from, Summary: "Truckcertifikat."}
	w, err := s.UpsertCandidates(ctx, []*jobmatch.Candidate{c}, now)
	if err != nil {
		t.Fatal(err)
	}
	var raw bson.M
	if err := s.C(store.ColCandidates).FindOne(ctx, bson.D{{Key: "_id", Value: w[0].ID}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw["cv"].(bson.Binary); !ok || raw["external_ref"] != "PACK-1" || raw["name"] != nil {
		t.Fatalf("stored as %v; want _id, external_ref, hash and the CV as one binary value", raw)
	}
	got, err := s.Candidate(ctx, w[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Pia Pakket" || got.DesiredOccupations[0].Label != "Lagermedarbejder" || got.AvailableFrom.String() != "2027-02-01" || got.Seq == 0 || !got.CreatedAt.Equal(now) {
		t.Fatalf("read back %+v", got)
	}
	// The same CV again changes nothing (the hash is read back too).
	if w2, err := s.UpsertCandidates(ctx, []*jobmatch.Candidate{{ExternalRef: "PACK-1", Name: "Pia Pakket", PostalCode: "6400", TargetGroup: jobmatch.TargetCloseToJob,
		DesiredOccupations: []jobmatch.Concept{{Label: "Lagermedarbejder"}}, AvailableFrom: from, Summary: "Truckcertifikat."}}, now); err != nil || w2[0].Changed {
		t.Fatalf("the same CV again: %+v, %v; want unchanged", w2, err)
	}

	// A CV in the shape before packing.
	legacy := bson.D{{Key: "_id", Value: "legacy-1"}, {Key: "external_ref", Value: "OLD-1"}, {Key: "name", Value: "Ole Gammel"},
		{Key: "postal_code", Value: "8000"}, {Key: "available_from", Value: "2026-09-01"}, {Key: "seq", Value: int64(7)}, {Key: "hash", Value: "h"}}
	if _, err := s.C(store.ColCandidates).InsertOne(ctx, legacy); err != nil {
		t.Fatal(err)
	}
	old, err := s.Candidate(ctx, "legacy-1")
	if err != nil || old.Name != "Ole Gammel" || old.AvailableFrom.String() != "2026-09-01" || old.Seq != 7 {
		t.Fatalf("a CV stored before packing read as %+v, %v", old, err)
	}
}
