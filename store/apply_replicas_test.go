package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

// Writes to one document through two replicas at once are all kept:
// FerretDB applies each $push and $set by reading the document and writing
// it back, so without the store's turns (turns.go) two replicas lost
// contacts, history entries, employer answers and fields set meanwhile.
func TestApplyAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	const n = 40

	// run calls fn(i) for i < n from n goroutines, i%2 choosing the replica.
	run := func(fn func(s *store.Store, i int) error) {
		t.Helper()
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = fn(rs[i%2], i)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
	}

	c := &jobmatch.Company{CVR: "20000001", Name: "Firma", PostalCode: "8000", ConsultantID: "k0", CreatedAt: now, UpdatedAt: now}
	if err := rs[0].CreateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	// Contacts added at once.
	run(func(s *store.Store, i int) error {
		return s.AddCompanyContact(ctx, c.CVR, jobmatch.Person{Name: fmt.Sprint("p", i)})
	})
	var got jobmatch.Company
	if err := rs[1].Get(ctx, store.ColCompanies, c.CVR, &got); err != nil {
		t.Fatal(err)
	}
	if names := distinct(len(got.Contacts), func(i int) string { return got.Contacts[i].Name }); names != n {
		t.Errorf("%d of %d contacts added at once were kept", names, n)
	}

	// Reassignments at once: each one's history entry is kept.
	run(func(s *store.Store, i int) error {
		var mine jobmatch.Company
		if err := s.Get(ctx, store.ColCompanies, c.CVR, &mine); err != nil {
			return err
		}
		return s.AssignCompany(ctx, &mine, jobmatch.Assignment{ConsultantID: fmt.Sprint("k", i), By: "admin", At: now})
	})
	if err := rs[0].Get(ctx, store.ColCompanies, c.CVR, &got); err != nil {
		t.Fatal(err)
	}
	if h := distinct(len(got.History), func(i int) string { return got.History[i].ConsultantID }); h != n {
		t.Errorf("%d of %d reassignments at once are in the history", h, n)
	}

	// Plain sets of different fields, and pushes, at once on one document.
	run(func(s *store.Store, i int) error {
		if i%4 < 2 {
			return s.Apply(ctx, store.ColCompanies, c.CVR, store.Change{Set: store.Fields{fmt.Sprint("f", i): i}})
		}
		return s.AddCompanyContact(ctx, c.CVR, jobmatch.Person{Name: fmt.Sprint("q", i)})
	})
	var fields map[string]any
	if err := rs[1].Get(ctx, store.ColCompanies, c.CVR, &fields); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].Get(ctx, store.ColCompanies, c.CVR, &got); err != nil {
		t.Fatal(err)
	}
	set, pushed := 0, 0
	for i := range n {
		if _, ok := fields[fmt.Sprint("f", i)]; ok {
			set++
		}
	}
	for _, p := range got.Contacts {
		if p.Name[0] == 'q' {
			pushed++
		}
	}
	if set != n/2 || pushed != n/2 {
		t.Errorf("sets and pushes at once: %d of %d fields set, %d of %d contacts", set, n/2, pushed, n/2)
	}

	// Employers' answers at once on one shortlist entry.
	e := &jobmatch.ShortlistEntry{ID: "V9:C9", VacancyID: "V9", CandidateID: "C9", Stage: jobmatch.StageSuggested, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := rs[0].Shortlisted(ctx, e); err != nil {
		t.Fatal(err)
	}
	run(func(s *store.Store, i int) error {
		return s.EmployerAnswered(ctx, e.ID, "k1", jobmatch.EmployerAnswer{Answer: "interview", Text: fmt.Sprint("a", i), At: now})
	})
	back, err := rs[1].ShortlistEntry(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := distinct(len(back.Answers), func(i int) string { return back.Answers[i].Text }); a != n {
		t.Fatalf("%d of %d employers' answers at once were kept", a, n)
	}
}

// A document's turn whose writer died is taken over; one held by a live
// writer holds the others' writes up; a lone replica takes no turns.
func TestApplyTurns(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Now().UTC()
	for _, cvr := range []string{"20000002", "20000003"} {
		if err := rs[0].Insert(ctx, store.ColCompanies, &jobmatch.Company{CVR: cvr, ConsultantID: "k1", CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	versions := rs[0].C(store.ColVersions)
	// Turn 1 claimed by a writer that stopped two minutes ago.
	if _, err := versions.InsertOne(ctx, bson.D{{Key: "_id", Value: "turn:companies/20000002@1"}, {Key: "at", Value: now.Add(-2 * time.Minute)}, {Key: "done", Value: false}}); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].AddCompanyContact(ctx, "20000002", jobmatch.Person{Name: "Anne"}); err != nil {
		t.Fatal(err)
	}
	var turn struct{ Done bool }
	if err := versions.FindOne(ctx, bson.D{{Key: "_id", Value: "turn:companies/20000002@2"}}).Decode(&turn); err != nil || !turn.Done {
		t.Fatalf("the turn after a dead writer's: %+v, %v", turn, err)
	}
	// Turn 1 held right now: a writer through either replica waits.
	if _, err := versions.InsertOne(ctx, bson.D{{Key: "_id", Value: "turn:companies/20000003@1"}, {Key: "at", Value: now}, {Key: "done", Value: false}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		err := r.AddCompanyContact(wctx, "20000003", jobmatch.Person{Name: "Bo"})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("a write while another replica holds the turn: %v", err)
		}
	}
	if _, err := versions.UpdateOne(ctx, bson.D{{Key: "_id", Value: "turn:companies/20000003@1"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "done", Value: true}}}}); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].AddCompanyContact(ctx, "20000003", jobmatch.Person{Name: "Bo"}); err != nil {
		t.Fatal(err)
	}
	var c jobmatch.Company
	if err := rs[1].Get(ctx, store.ColCompanies, "20000003", &c); err != nil || len(c.Contacts) != 1 {
		t.Fatalf("after the turn was done: %+v, %v", c.Contacts, err)
	}

	lone := storetest.Open(t)
	if err := lone.CreateCompany(ctx, &jobmatch.Company{CVR: "20000004", ConsultantID: "k1", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if err := lone.AddCompanyContact(ctx, "20000004", jobmatch.Person{Name: "Cai"}); err != nil {
		t.Fatal(err)
	}
	// The embedded backend's process is alone until a second replica
	// connects, and writes without turns. On an external database every
	// process holds a replica slot, so even a lone one takes turns (a
	// known cost, docs/design.md).
	n, err := lone.Count(ctx, store.ColVersions)
	if err != nil {
		t.Fatal(err)
	}
	if lone.Embedded() && n != 0 {
		t.Fatalf("a lone embedded process wrote %d turns", n)
	}
	if !lone.Embedded() && n == 0 {
		t.Fatalf("a process with a replica slot on an external database wrote without turns")
	}
}

// distinct counts the distinct keys of n elements.
func distinct(n int, key func(int) string) int {
	seen := map[string]bool{}
	for i := range n {
		seen[key(i)] = true
	}
	return len(seen)
}
