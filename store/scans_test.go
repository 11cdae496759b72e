package store_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// The maintenance scans and the reverse match's follower read what the
// other replica filed: every request, every vacancy (and the new ones after
// a position), every survey.
func TestScansAndFollower(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	received := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var vids []string
	for i := range 3 {
		r := &jobmatch.Request{ID: jobmatch.NewID(), CVR: "12345678", ConsultantID: "k1", Topic: jobmatch.TopicVacancy, Status: jobmatch.RequestOpen, ReceivedAt: received, Version: 1}
		v := &jobmatch.Vacancy{ID: jobmatch.NewID(), CVR: r.CVR, ConsultantID: "k1", Title: "Job", CreatedAt: received}
		if i == 2 {
			v = nil
		} else {
			r.VacancyID = v.ID
			vids = append(vids, v.ID)
		}
		if err := rs[0].FileRequest(ctx, r, v, nil, store.Link{}); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	if err := rs[1].EachRequest(ctx, func(r *jobmatch.Request) error {
		n++
		return nil
	}); err != nil || n != 3 {
		t.Fatalf("request scan: %d, %v", n, err)
	}
	var scanned []string
	if err := rs[1].EachVacancy(ctx, func(v *jobmatch.Vacancy) error {
		scanned = append(scanned, v.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(scanned)
	if want := slices.Sorted(slices.Values(vids)); !slices.Equal(scanned, want) {
		t.Fatalf("vacancy scan %v, want %v", scanned, want)
	}
	ids, pos, err := rs[1].VacancyIDsAfter(ctx, 0, 1)
	if err != nil || len(ids) != 1 || ids[0] != vids[0] {
		t.Fatalf("first vacancy %v at %d, %v; want %s", ids, pos, err, vids[0])
	}
	ids, pos, err = rs[1].VacancyIDsAfter(ctx, pos, 10)
	if err != nil || len(ids) != 1 || ids[0] != vids[1] {
		t.Fatalf("vacancies after the first %v, %v; want %s", ids, err, vids[1])
	}
	if more, at, err := rs[0].VacancyIDsAfter(ctx, pos, 10); err != nil || len(more) != 0 || at != pos {
		t.Fatalf("nothing new: %v at %d, %v", more, at, err)
	}

	if err := rs[0].SurveySent(ctx, "company:1", &jobmatch.Survey{ID: "s1", Audience: jobmatch.SurveyEmployer}); err != nil {
		t.Fatal(err)
	}
	var seen []jobmatch.Survey
	if err := rs[1].EachSurvey(ctx, func(v *jobmatch.Survey) error {
		seen = append(seen, *v)
		return nil
	}); err != nil || len(seen) != 1 || seen[0].Audience != jobmatch.SurveyEmployer {
		t.Fatalf("survey scan %+v, %v", seen, err)
	}
}

// A job started on one replica progresses on the other; a company is read
// by CVR; the assignment rule's turns are numbered 1, 2, … across replicas
// without a gap or a repeat, per group.
func TestJobsCompaniesTurns(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	j := &jobmatch.Job{ID: "J1", Kind: "import_candidates", Status: "running", By: "k1", StartedAt: now}
	if err := rs[0].JobStarted(ctx, j); err != nil {
		t.Fatal(err)
	}
	if err := rs[1].JobStarted(ctx, j); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("a job started twice: %v", err)
	}
	j.Status, j.Progress = "done", jobmatch.ImportProgress{Rows: 3, Created: 2, Failed: 1, Errors: []jobmatch.RowError{{Row: 2, Field: "email", Code: "email"}}}
	if err := rs[1].JobProgressed(ctx, j); err != nil {
		t.Fatal(err)
	}
	got, err := rs[0].Job(ctx, "J1")
	if err != nil || got.Status != "done" || got.Progress.Created != 2 || len(got.Progress.Errors) != 1 || got.Progress.Errors[0].Field != "email" {
		t.Fatalf("job %+v, %v", got, err)
	}

	c := &jobmatch.Company{CVR: "12345678", Name: "Lager A/S", ConsultantID: "k1", CreatedAt: now}
	if err := rs[0].CreateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got, err := rs[1].Company(ctx, "12345678"); err != nil || got.Name != "Lager A/S" || got.ConsultantID != "k1" {
		t.Fatalf("company %+v, %v", got, err)
	}
	if _, err := rs[1].Company(ctx, "87654321"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown company: %v", err)
	}

	var mu sync.Mutex
	turns := map[string][]int64{}
	hammer(t, rs, 3, func(s *store.Store, r, w, i int) error {
		group := "all"
		if w%2 == 1 {
			group = "area:2:k1,k2"
		}
		n, err := s.NextTurn(ctx, group)
		mu.Lock()
		turns[group] = append(turns[group], n)
		mu.Unlock()
		return err
	})
	for group, ns := range turns {
		slices.Sort(ns)
		for i, n := range ns {
			if n != int64(i+1) {
				t.Fatalf("turns of %s: %v, want 1…%d", group, ns, len(ns))
			}
		}
	}
}
