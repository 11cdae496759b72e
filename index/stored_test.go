package index_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/index"
)

// A search that asks for CVs gets each hit's CV as the store holds it, the
// version the hit was found by, after a change and after a restart; one that
// does not ask loads none.
func TestHitsCarryTheirCV(t *testing.T) {
	ctx := context.Background()
	st := storeOpen(t)
	dir := t.TempDir()
	ix, _, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	sy := index.NewSyncer(ix, st, quiet, nil)
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	c := candidate("S-1", "lagermedarbejder", "8000")
	c.Email, c.Phone = "s1@example.org", "+45 12 34 56 78"
	c.Experience = []jobmatch.Experience{{Title: "Lagerarbejder", Employer: "Coop Lager Aarhus", Years: 13.5}}
	c.Education = []jobmatch.Education{{Level: "vocational", Field: "Lager- og terminaluddannelsen"}}
	c.Languages = []jobmatch.Language{{Code: "da", Level: "C1"}, {Code: "en", Level: "B1"}}
	c.DrivingLicences = []string{"B", "C"}
	c.Eligibility = []jobmatch.Scheme{"loentilskud"}
	c.AvailableFrom = jobmatch.Date{Time: at.AddDate(0, 1, 0).Truncate(24 * time.Hour)}
	c.Consent = jobmatch.CandidateConsent{Given: true, RecordedAt: &at, Channel: "meeting"}
	upsert(t, st, c)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}

	shows := func(ix *index.Index, summary string) {
		t.Helper()
		res, err := ix.Search(ctx, index.Query{Text: "lager", Everyday: true, CVs: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 {
			t.Fatalf("hits %d, want 1", len(res.Hits))
		}
		got, ok := res.Hits[0].Candidate()
		if !ok {
			t.Fatalf("the hit carries no CV (%d bytes)", len(res.Hits[0].CV))
		}
		want, err := st.Candidate(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Summary != summary || want.Summary != summary {
			t.Fatalf("summary %q (store %q), want %q", got.Summary, want.Summary, summary)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Fatalf("the hit's CV differs from the store's:\n got %s\nwant %s", g, w)
		}
	}
	shows(ix, c.Summary)

	c.Summary = "Truckfører og lagerarbejder med 13,5 års erfaring"
	upsert(t, st, c)
	if err := sy.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	shows(ix, c.Summary)
	ix = reopen(t, ix, dir)
	shows(ix, c.Summary)

	res, err := ix.Search(ctx, index.Query{Text: "lager", Everyday: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].CV != nil {
		t.Fatalf("a search without CVs loaded %d hits with %d bytes", len(res.Hits), len(res.Hits[0].CV))
	}
	if _, ok := (index.Hit{ID: "other", CV: []byte(`{"id":"` + c.ID + `"}`)}).Candidate(); ok {
		t.Fatal("a stored CV of another id was accepted")
	}
}
