package system_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/store/storetest"
	"jobmatch/system/systemtest"
)

// TestTwoReplicasOneDatabase runs two services with their own in-memory
// state and search index on one database (the embedded FerretDB shared over
// its listener, or FerretDB on PostgreSQL in .ci/run's second pass) and
// writes through both at once: reference numbers stay unique, list totals
// and KPI counters are exact on both, of two moves of one shortlist entry at
// the same version exactly one wins, a CV written or erased through one is
// found or gone in the other's search, and a company created through one is
// found by the other's company search.
func TestTwoReplicasOneDatabase(t *testing.T) {
	a := systemtest.Start(t)
	b := a.Replica()
	// The occupation and skill lexicons are built on first use (issue 12 point 2 is
	// about that stall); build it here, outside any request's time limit.
	for _, env := range []*systemtest.Env{a, b} {
		env.Sys.Taxonomy.NormalizeOccupation("Tømrer")
		env.Sys.Taxonomy.NormalizeSkill("tagarbejde")
	}
	t.Logf("backend %s, replica slots %d and %d", storetest.Backend(), a.Sys.Store.Slot(), b.Sys.Store.Slot())
	envs := []*systemtest.Env{a, b}
	login := func(email string) [2]*systemtest.Client {
		return [2]*systemtest.Client{a.Login(email), b.Login(email)}
	}
	hot, kons, lone := login("hotline@demo.local"), login("konsulent@demo.local"), login("leder@demo.local")
	admin := login("admin@demo.local")

	// 120 hotline requests from 30 companies, half through each replica,
	// eight at a time; companies are created by whichever replica is first.
	const n, companies = 120, 30
	refs := make([]string, n)
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				company := systemtest.VacancyBody(demo.CVR(200 + i%companies))["company"]
				body := map[string]any{"company": company, "topic": "subsidy", "channel": "phone", "text": fmt.Sprintf("Opkald %d om løntilskud", i)}
				var r struct{ Reference string }
				res := hot[i%2].Do("POST", "/api/v1/requests", body, &r)
				if res.StatusCode != http.StatusCreated {
					t.Errorf("request %d through replica %d: %d %s", i, i%2, res.StatusCode, res.Body)
				}
				refs[i] = r.Reference
			}
		}()
	}
	for i := 0; i < n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	seen := map[string]bool{}
	for _, r := range refs {
		if r == "" || seen[r] {
			t.Fatalf("reference %q missing or given twice", r)
		}
		seen[r] = true
	}

	// Every list total exact on both, and the pages hold each entry once.
	year := time.Now().In(copenhagen(t)).Year()
	for k, env := range envs {
		for _, list := range []struct {
			path string
			want int
		}{{"/api/v1/requests?limit=200", n}, {"/api/v1/companies?limit=200", companies}} {
			var p struct {
				Items []struct {
					ID  string `json:"id"`
					CVR string `json:"cvr"`
				} `json:"items"`
				Total int `json:"total"`
			}
			if res := admin[k].Do("GET", list.path, nil, &p); res.StatusCode != http.StatusOK {
				t.Fatalf("%s on replica %d: %d %s", list.path, k, res.StatusCode, res.Body)
			}
			ids := map[string]bool{}
			for _, it := range p.Items {
				ids[it.ID+it.CVR] = true
			}
			if p.Total != list.want || len(p.Items) != list.want || len(ids) != list.want {
				t.Errorf("%s on replica %d (%s): total %d, %d items, %d distinct; want %d", list.path, k, env.URL, p.Total, len(p.Items), len(ids), list.want)
			}
		}
		var fig struct {
			Requests struct {
				Count int `json:"count"`
			} `json:"requests"`
		}
		if res := lone[k].Do("GET", fmt.Sprintf("/api/v1/kpi?year=%d", year), nil, &fig); res.StatusCode != http.StatusOK {
			t.Fatalf("kpi on replica %d: %d %s", k, res.StatusCode, res.Body)
		}
		if fig.Requests.Count != n {
			t.Errorf("KPI requests on replica %d: %d, want %d", k, fig.Requests.Count, n)
		}
	}

	// A CV written through A is found in B's search; erased through B, it
	// is gone from A's.
	var cand struct{ ID string }
	body := map[string]any{
		"external_ref": "RPL-1", "name": "Borger Replika", "email": "rpl-1@example.dk", "postal_code": "6400",
		"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"},
		"skills": []string{"tagarbejde"}, "languages": []map[string]string{{"code": "da", "level": "C2"}},
		"available_from": "2026-01-15", "summary": "Erfaren replikeringsspecialist.",
		"consent": map[string]any{"given": true, "channel": "meeting"},
	}
	if res := kons[0].Do("POST", "/api/v1/candidates", body, &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("candidate: %d %s", res.StatusCode, res.Body)
	}
	took := waitFor(t, "the CV in replica B's search", func() bool { return searchTotal(t, kons[1], "replikeringsspecialist") == 1 })
	t.Logf("CV written through A found through B after %v", took)

	// Two consultants move one shortlist entry at the same version through
	// different replicas: exactly one move wins, every round.
	var vac struct{ ID string }
	vb := systemtest.VacancyBody(demo.CVR(300))
	if res := a.Client().Do("POST", "/api/v1/vacancies", vb, &vac); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var e struct {
		ID      string
		Version int64
	}
	if res := kons[1].Do("POST", "/api/v1/vacancies/"+vac.ID+"/shortlist", map[string]any{"candidate_id": cand.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	for round, to := range []string{"contacted", "interested", "withdrawn"} {
		codes := [2]int{}
		var bodies [2][]byte
		var mw sync.WaitGroup
		for k := range 2 {
			mw.Add(1)
			go func() {
				defer mw.Done()
				res := kons[k].Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version, "note": fmt.Sprint("replika ", k)}, nil)
				codes[k], bodies[k] = res.StatusCode, res.Body
			}()
		}
		mw.Wait()
		wins := 0
		for k := range 2 {
			switch codes[k] {
			case http.StatusOK:
				wins++
				_ = json.Unmarshal(bodies[k], &e)
			case http.StatusConflict:
			default:
				t.Fatalf("round %d, replica %d: %d %s", round, k, codes[k], bodies[k])
			}
		}
		if wins != 1 {
			t.Fatalf("round %d (→ %s): statuses %v, want exactly one 200 and one 409", round, to, codes)
		}
		if e.Version != int64(round)+2 {
			t.Fatalf("round %d: version %d after the move", round, e.Version)
		}
	}

	if res := kons[1].Do("DELETE", "/api/v1/candidates/"+cand.ID, nil, nil); res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusOK {
		t.Fatalf("erase: %d %s", res.StatusCode, res.Body)
	}
	took = waitFor(t, "the erased CV gone from replica A's search", func() bool { return searchTotal(t, kons[0], "replikeringsspecialist") == 0 })
	t.Logf("CV erased through B gone from A after %v", took)

	// A company created through A is found by B's company search.
	company := systemtest.VacancyBody(demo.CVR(400))["company"].(map[string]any)
	company["name"] = "Replikasnedkeriet ApS"
	if res := hot[0].Do("POST", "/api/v1/requests", map[string]any{"company": company, "topic": "other", "channel": "phone", "text": "Nyt firma"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request from a new company: %d %s", res.StatusCode, res.Body)
	}
	took = waitFor(t, "the new company in replica B's company search", func() bool {
		var p struct {
			Items []struct{ CVR string } `json:"items"`
		}
		hot[1].Do("GET", "/api/v1/companies/search?q="+url.QueryEscape("Replikasnedkeriet"), nil, &p)
		return len(p.Items) == 1 && p.Items[0].CVR == demo.CVR(400)
	})
	t.Logf("company created through A found through B after %v", took)
}

func searchTotal(t *testing.T, c *systemtest.Client, q string) int {
	t.Helper()
	var r struct {
		Total int `json:"total"`
	}
	if res := c.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape(q), nil, &r); res.StatusCode != http.StatusOK {
		t.Fatalf("search: %d %s", res.StatusCode, res.Body)
	}
	return r.Total
}

// waitFor polls cond until it holds and returns how long that took; the
// generous bound only keeps a broken build from hanging (the time is
// logged and measured in docs/benchmarks.md, not asserted).
func waitFor(t *testing.T, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 60*time.Second {
			t.Fatalf("%s: not after %v", what, time.Since(start))
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

func copenhagen(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
