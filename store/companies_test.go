package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Companies created and imported through two replicas are listed for every
// reader and for their consultant; the second creation of a CVR conflicts
// and lists nothing; an import counts what the other replica took first;
// a reassignment moves the company from one consultant's list to the
// other's and keeps the history.
func TestCompanyRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	company := func(cvr, consultant string) *jobmatch.Company {
		return &jobmatch.Company{CVR: cvr, Name: "Firma " + cvr, PostalCode: "8000", ConsultantID: consultant, CreatedAt: now, UpdatedAt: now,
			History: []jobmatch.Assignment{{ConsultantID: consultant, By: "system", Reason: "first contact", At: now}}}
	}
	refs := func(list string) []string {
		t.Helper()
		p, err := rs[1].ListPage(ctx, list, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		return p.Refs
	}
	if err := rs[0].CreateCompany(ctx, company("10000001", "k1")); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].CreateCompany(ctx, company("10000001", "k2")); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the same CVR twice: %v", err)
	}
	taken, err := rs[1].CreateCompanies(ctx, []*jobmatch.Company{company("10000001", "k2"), company("10000002", "k2"), company("10000003", "k1")})
	if err != nil || taken != 1 {
		t.Fatalf("import: %d taken, want 1 (%v)", taken, err)
	}
	if got := refs(store.CompanyList("consultant:k1")); !slices.Contains(got, "10000001") || !slices.Contains(got, "10000003") {
		t.Fatalf("k1's companies %v", got)
	}
	if got := refs(store.CompanyList("consultant:k2")); !slices.Contains(got, "10000002") {
		t.Fatalf("k2's companies %v", got)
	}
	if err := rs[0].AddCompanyContact(ctx, "10000002", jobmatch.Person{Name: "Anne Berg", Email: "anne@firma.dk"}); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].UpdateCompany(ctx, "10000002", store.CompanyUpdate{Name: "Firma Nyt Navn", PostalCode: "8200", Employees: 40}, now); err != nil {
		t.Fatal(err)
	}

	var c jobmatch.Company
	if err := rs[0].Get(ctx, store.ColCompanies, "10000001", &c); err != nil || c.ConsultantID != "k1" || c.ListPos["consultant"] == 0 {
		t.Fatalf("stored company %+v, %v", c, err)
	}
	a := jobmatch.Assignment{ConsultantID: "k2", By: "admin", Reason: "ferie", At: now.Add(time.Hour)}
	if err := rs[1].AssignCompany(ctx, &c, a); err != nil {
		t.Fatal(err)
	}
	if got := refs(store.CompanyList("consultant:k1")); slices.Contains(got, "10000001") {
		t.Fatalf("still on k1's list: %v", got)
	}
	if got := refs(store.CompanyList("consultant:k2")); !slices.Contains(got, "10000001") {
		t.Fatalf("not on k2's list: %v", got)
	}
	var back jobmatch.Company
	if err := rs[0].Get(ctx, store.ColCompanies, "10000001", &back); err != nil || back.ConsultantID != "k2" || len(back.History) != 2 ||
		back.ListPos["consultant"] != c.ListPos["consultant"] {
		t.Fatalf("after the reassignment %+v (in memory %+v), %v", back, c, err)
	}
	if err := rs[0].Get(ctx, store.ColCompanies, "10000002", &back); err != nil || back.Name != "Firma Nyt Navn" || back.Employees != 40 ||
		len(back.Contacts) != 1 || back.ConsultantID != "k2" {
		t.Fatalf("updated company %+v, %v", back, err)
	}
	if got := refs(store.CompanyList("")); len(got) < 3 {
		t.Fatalf("every company: %v", got)
	}
}
