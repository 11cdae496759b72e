package api_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestMatchTotalIsTheSameOnEveryPage: the retrieval depth grew with the
// page (4×(offset+limit)), so an Elektriker vacancy's total rose as the
// consultant paged (284, 351, 408 … 698, 454 at limit=200): the count of
// the candidates retrieved so far, and each page cut from another ranking.
// Every page and every limit now gives one total, and the pages together
// are the ranking once: no one twice, no gap.
func TestMatchTotalIsTheSameOnEveryPage(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 1500, 29, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Minute); !env.Sys.PoolReady(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("match features not loaded")
		}
	}
	k := env.Login("konsulent@demo.local")
	vid := postVacancy(t, env, 31, map[string]any{"title": "Elektriker", "postal_code": "6400",
		"skills_required": []string{"el-installation"}, "skills_desired": []string{"kørekort B"},
		"description": "Vi søger en elektriker til installationer hos private og erhverv."})
	type page struct {
		matchPage
		AtLeast   bool `json:"total_at_least"`
		Retrieved int  `json:"retrieved"`
	}
	walk := func(limit string) (ids []string, totals []int64, atLeast bool) {
		cursor := ""
		for n := 0; n < 200; n++ {
			var p page
			if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit="+limit+"&cursor="+cursor, nil, &p); res.StatusCode != http.StatusOK {
				t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
			}
			for i, it := range p.Items {
				if it.Rank != len(ids)+1 {
					t.Fatalf("limit %s: item %d of a page has rank %d after %d", limit, i, it.Rank, len(ids))
				}
				ids = append(ids, it.CandidateID)
			}
			totals = append(totals, p.Total)
			atLeast = p.AtLeast
			if p.NextCursor == "" {
				return ids, totals, atLeast
			}
			cursor = p.NextCursor
		}
		t.Fatalf("limit %s: no last page", limit)
		return nil, nil, false
	}
	by25, totals25, atLeast := walk("25")
	by200, totals200, _ := walk("200")
	total := totals25[0]
	if total <= 200 {
		t.Fatalf("total %d: the test wants more candidates than one page of 200", total)
	}
	for _, n := range append(totals25, totals200...) {
		if n != total {
			t.Fatalf("totals by page: limit 25 %v, limit 200 %v; want %d on every page", totals25, totals200, total)
		}
	}
	if int64(len(by25)) != total {
		t.Errorf("paging 25 at a time reached %d of %d candidates (at least: %v)", len(by25), total, atLeast)
	}
	seen := map[string]bool{}
	for _, id := range by25 {
		if seen[id] {
			t.Fatalf("%s on two pages", id)
		}
		seen[id] = true
	}
	if !slices.Equal(by25, by200) {
		t.Errorf("the pages of 25 and of 200 rank differently (%d and %d candidates)", len(by25), len(by200))
	}
}
