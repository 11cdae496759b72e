package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/store/storetest"
)

func cv(ref, name string) *jobmatch.Candidate {
	return &jobmatch.Candidate{ExternalRef: ref, Name: name, PostalCode: "6400"}
}

// TestUpsertCandidatesByReference is the contract of the CV writes keyed
// by the municipality's reference, on two replicas: a new reference makes
// one CV, the same rows again change nothing, a changed row updates the CV
// it had, a reference twice in one batch is written once (the later row),
// and replicas writing the same new references at once end with one CV
// per reference, the one its reference names.
func TestUpsertCandidatesByReference(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	now := time.Now().UTC().Truncate(time.Millisecond)
	seq := func() int64 {
		n, err := rs[0].CurrentSeq(ctx, index.SeqName)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	write := func(s *store.Store, cs ...*jobmatch.Candidate) []store.CandidateWrite {
		t.Helper()
		res, err := s.UpsertCandidates(ctx, cs, now)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	res := write(rs[0], cv("A", "Anna"), cv("B", "Bo"))
	if !res[0].Created || !res[1].Created || !res[0].Changed || res[0].ID == res[1].ID {
		t.Fatalf("new references: %+v", res)
	}
	ids := map[string]string{"A": res[0].ID, "B": res[1].ID}
	head := seq()

	res = write(rs[1], cv("A", "Anna"), cv("B", "Bo"))
	if res[0].Changed || res[1].Changed || res[0].ID != ids["A"] || res[1].ID != ids["B"] || seq() != head {
		t.Fatalf("the same rows again (other replica): %+v, change log %d → %d", res, head, seq())
	}

	res = write(rs[0], cv("A", "Anna Hansen"), cv("C", "Carl"), cv("C", "Carla"))
	if !res[0].Changed || res[0].Created || res[0].ID != ids["A"] {
		t.Fatalf("a changed row: %+v", res[0])
	}
	if res[1].Changed || !res[2].Changed || !res[2].Created {
		t.Fatalf("a reference twice in one batch: %+v %+v", res[1], res[2])
	}
	if seq() != head+2 {
		t.Fatalf("change log %d → %d; want two entries (A changed, C once)", head, seq())
	}
	for ref, want := range map[string]string{"A": "Anna Hansen", "C": "Carla"} {
		c, err := rs[1].CandidateByRef(ctx, ref)
		if err != nil || c.Name != want {
			t.Fatalf("%s reads %+v, %v; want %s", ref, c, err, want)
		}
	}

	// Both replicas, eight writers each, write the same 20 new references.
	var mu sync.Mutex
	got := map[string]map[string]bool{} // reference → ids answered
	hammer(t, rs, 1, func(s *store.Store, r, w, i int) error {
		var batch []*jobmatch.Candidate
		for k := range 20 {
			batch = append(batch, cv(fmt.Sprint("R", k), fmt.Sprint("Person ", k)))
		}
		res, err := s.UpsertCandidates(ctx, batch, now)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		for k, wr := range res {
			ref := batch[k].ExternalRef
			if got[ref] == nil {
				got[ref] = map[string]bool{}
			}
			got[ref][wr.ID] = true
		}
		return nil
	})
	for k := range 20 {
		ref := fmt.Sprint("R", k)
		c, err := rs[0].CandidateByRef(ctx, ref)
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		if len(got[ref]) != 1 || !got[ref][c.ID] {
			t.Fatalf("%s: writers were answered ids %v; the reference names %s", ref, got[ref], c.ID)
		}
	}
}

// TestUpsertChangedCVs: a batch of changed CVs over stored ones (a second
// import of an updated file) is written, in time: bulk writes of too many
// replacements stalled the embedded backend past the client's time limit.
func TestUpsertChangedCVs(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Now().UTC().Truncate(time.Millisecond)
	batch := func(k int, name string) []*jobmatch.Candidate {
		var cs []*jobmatch.Candidate
		for i := range 500 {
			cs = append(cs, cv(fmt.Sprint("P-", k, "-", i), name))
		}
		return cs
	}
	for k := range 6 {
		if _, err := st.UpsertCandidates(ctx, batch(k, "Borger"), now); err != nil {
			t.Fatal(err)
		}
	}
	res, err := st.UpsertCandidates(ctx, batch(3, "Borger Nielsen"), now)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res {
		if !w.Changed || w.Created {
			t.Fatalf("a changed CV: %+v", w)
		}
	}
	if c, err := st.CandidateByRef(ctx, "P-3-499"); err != nil || c.Name != "Borger Nielsen" {
		t.Fatalf("P-3-499 reads %+v, %v", c, err)
	}
}
