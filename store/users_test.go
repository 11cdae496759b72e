package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Users through two replicas: created once (the same e-mail again is a
// conflict and lists nothing), listed, the consultants among the
// consultants; away with a deputy and back; a consultant's companies read
// whole, past a page; a session opened, read and ended.
func TestUserRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	user := func(id string, role jobmatch.Role) *jobmatch.User {
		return &jobmatch.User{ID: id, Email: id, Name: "Navn " + id, Role: role, PasswordHash: "x", Active: true, CreatedAt: now}
	}
	for i, u := range []*jobmatch.User{user("k1@kommune.dk", jobmatch.RoleConsultant), user("a1@kommune.dk", jobmatch.RoleAdmin), user("k2@kommune.dk", jobmatch.RoleConsultant)} {
		if err := rs[i%2].CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := rs[1].CreateUser(ctx, user("k1@kommune.dk", jobmatch.RoleConsultant)); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the same e-mail twice: %v", err)
	}
	for _, st := range rs {
		ids, err := st.ConsultantIDs(ctx)
		slices.Sort(ids)
		if err != nil || !slices.Equal(ids, []string{"k1@kommune.dk", "k2@kommune.dk"}) {
			t.Fatalf("consultants %v, %v", ids, err)
		}
		if p, err := st.ListPage(ctx, store.UserList, 0, 10); err != nil || p.Total != 3 || p.Refs[0] != "k2@kommune.dk" {
			t.Fatalf("users listed %+v, %v", p, err)
		}
	}

	if err := rs[0].SetUserAway(ctx, "k1@kommune.dk", true, "k2@kommune.dk"); err != nil {
		t.Fatal(err)
	}
	if u, err := rs[1].User(ctx, "k1@kommune.dk"); err != nil || !u.Away || u.DeputyID != "k2@kommune.dk" || u.Name != "Navn k1@kommune.dk" {
		t.Fatalf("away %+v, %v", u, err)
	}
	if err := rs[1].SetUserAway(ctx, "k1@kommune.dk", false, ""); err != nil {
		t.Fatal(err)
	}
	if u, err := rs[0].User(ctx, "k1@kommune.dk"); err != nil || u.Away || u.DeputyID != "" {
		t.Fatalf("back %+v, %v", u, err)
	}
	if err := rs[0].SetUserAway(ctx, "nobody@kommune.dk", true, "k2@kommune.dk"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("an unknown user away: %v", err)
	}

	var cs []*jobmatch.Company
	for i := range 510 {
		cs = append(cs, &jobmatch.Company{CVR: fmt.Sprintf("%08d", 20000000+i), Name: "Firma", ConsultantID: "k1@kommune.dk", CreatedAt: now})
	}
	if _, err := rs[0].CreateCompanies(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].CreateCompany(ctx, &jobmatch.Company{CVR: "30000000", Name: "Anden", ConsultantID: "k2@kommune.dk", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if cvrs, err := rs[1].ConsultantCVRs(ctx, "k1@kommune.dk"); err != nil || len(cvrs) != 510 || cvrs[0] != "20000509" || cvrs[509] != "20000000" {
		t.Fatalf("k1's companies: %d, %v", len(cvrs), err)
	}
	if cvrs, err := rs[0].ConsultantCVRs(ctx, "k3@kommune.dk"); err != nil || len(cvrs) != 0 {
		t.Fatalf("k3's companies: %v, %v", cvrs, err)
	}

	sess := &jobmatch.Session{ID: "h1", UserID: "k1@kommune.dk", CSRF: "c", CreatedAt: now, ExpiresAt: now.Add(12 * time.Hour)}
	if err := rs[0].OpenSession(ctx, sess); err != nil {
		t.Fatal(err)
	}
	if got, err := rs[1].Session(ctx, "h1"); err != nil || got.UserID != sess.UserID || got.CSRF != "c" || !got.ExpiresAt.Equal(sess.ExpiresAt) {
		t.Fatalf("session %+v, %v", got, err)
	}
	for range 2 {
		if err := rs[1].EndSession(ctx, "h1"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rs[0].Session(ctx, "h1"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("ended session read: %v", err)
	}
}

// An admin's change of a user reaches the other replica; a consultant made
// an admin leaves the consultants and an admin made a consultant joins
// them; a user's sessions end together, others' stay.
func TestUserUpdateAndSessions(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
	k := &jobmatch.User{ID: "k1@kommune.dk", Email: "k1@kommune.dk", Name: "K", Role: jobmatch.RoleConsultant, PasswordHash: "x", Active: true, CreatedAt: now}
	a := &jobmatch.User{ID: "a1@kommune.dk", Email: "a1@kommune.dk", Name: "A", Role: jobmatch.RoleAdmin, PasswordHash: "x", Active: true, CreatedAt: now}
	for _, u := range []*jobmatch.User{k, a} {
		if err := rs[0].CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	off, admin, consultant, name, hash := false, jobmatch.RoleAdmin, jobmatch.RoleConsultant, "Ny K", "y"
	if err := rs[0].UpdateUser(ctx, k, store.UserChange{Active: &off, Role: &admin, Name: &name, PasswordHash: &hash}); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].UpdateUser(ctx, a, store.UserChange{Role: &consultant}); err != nil {
		t.Fatal(err)
	}
	if u, err := rs[1].User(ctx, k.ID); err != nil || u.Active || u.Role != jobmatch.RoleAdmin || u.Name != "Ny K" || u.PasswordHash != "y" || u.Phone != "" {
		t.Fatalf("changed %+v, %v", u, err)
	}
	if ids, err := rs[0].ConsultantIDs(ctx); err != nil || !slices.Equal(ids, []string{a.ID}) {
		t.Fatalf("consultants after the role changes: %v, %v", ids, err)
	}
	if err := rs[0].UpdateUser(ctx, &jobmatch.User{ID: "nobody@kommune.dk"}, store.UserChange{Active: &off}); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("an unknown user changed: %v", err)
	}

	for i, uid := range []string{k.ID, k.ID, a.ID} {
		if err := rs[i%2].OpenSession(ctx, &jobmatch.Session{ID: fmt.Sprint("s", i), UserID: uid, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := rs[1].EndSessionsOf(ctx, k.ID); err != nil || n != 2 {
		t.Fatalf("ended %d, %v", n, err)
	}
	for i, want := range []bool{false, false, true} {
		if _, err := rs[0].Session(ctx, fmt.Sprint("s", i)); (err == nil) != want {
			t.Fatalf("session s%d after ending k1's: %v", i, err)
		}
	}
}
