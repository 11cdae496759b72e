package system_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestTwoReplicasOnceOnlySteps clicks the once-only steps through two
// replicas on one database at the same instant: of two resolutions of one
// request and two closings of one vacancy exactly one wins (the other is a
// 409), the figures count each once on both replicas, and the company's
// employer survey, triggered by every one of those steps, goes out once.
// Before the steps were claimed by a unique insert, the in-process lock
// let both replicas pass.
func TestTwoReplicasOnceOnlySteps(t *testing.T) {
	a := systemtest.Start(t)
	b := a.Replica()
	kons := [2]*systemtest.Client{a.Login("konsulent@demo.local"), b.Login("konsulent@demo.local")}
	hot := a.Login("hotline@demo.local")
	lone := [2]*systemtest.Client{a.Login("leder@demo.local"), b.Login("leder@demo.local")}
	admin := a.Login("admin@demo.local")

	const n = 6
	cvr := demo.CVR(500)
	var requests, vacancies []string
	for i := 0; i < n; i++ {
		var r, v struct{ ID string }
		body := map[string]any{"company": systemtest.VacancyBody(cvr)["company"], "topic": "subsidy", "channel": "phone", "text": fmt.Sprintf("Opkald %d om løntilskud", i)}
		if res := hot.Do("POST", "/api/v1/requests", body, &r); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
		if res := a.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &v); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
		}
		requests, vacancies = append(requests, r.ID), append(vacancies, v.ID)
	}

	// both sends one step through each replica at once and wants one 200
	// and one 409.
	both := func(what string, do func(k int) *systemtest.Response) {
		t.Helper()
		var codes [2]int
		var wg sync.WaitGroup
		for k := range 2 {
			wg.Add(1)
			go func() { defer wg.Done(); codes[k] = do(k).StatusCode }()
		}
		wg.Wait()
		ok, conflict := 0, 0
		for _, c := range codes {
			switch c {
			case http.StatusOK:
				ok++
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 1 {
			t.Errorf("%s through both replicas at once: statuses %v, want one 200 and one 409", what, codes)
		}
	}
	for i := 0; i < n; i++ {
		both("resolve request "+requests[i], func(k int) *systemtest.Response {
			return kons[k].Do("POST", "/api/v1/requests/"+requests[i]+"/resolve", map[string]any{"resolution": fmt.Sprint("Ringet tilbage fra replika ", k)}, nil)
		})
		both("fill vacancy "+vacancies[i], func(k int) *systemtest.Response {
			return kons[k].Do("PATCH", "/api/v1/vacancies/"+vacancies[i], map[string]any{"status": "filled"}, nil)
		})
	}

	year := time.Now().In(copenhagen(t)).Year()
	for k := range 2 {
		var fig struct {
			Requests struct {
				Resolved int `json:"resolved"`
			} `json:"requests"`
			Vacancies struct {
				Filled int `json:"filled"`
			} `json:"vacancies"`
		}
		if res := lone[k].Do("GET", fmt.Sprintf("/api/v1/kpi?year=%d", year), nil, &fig); res.StatusCode != http.StatusOK {
			t.Fatalf("kpi on replica %d: %d %s", k, res.StatusCode, res.Body)
		}
		// Each filled vacancy resolves the request it came in as, once:
		// the n requests and the n vacancies' own.
		if fig.Requests.Resolved != 2*n || fig.Vacancies.Filled != n {
			t.Errorf("replica %d counts %d resolved and %d filled, want %d and %d", k, fig.Requests.Resolved, fig.Vacancies.Filled, 2*n, n)
		}
	}
	var box struct{ Items []struct{ Kind, To string } }
	if res := admin.Do("GET", "/api/v1/outbox?limit=200", nil, &box); res.StatusCode != http.StatusOK {
		t.Fatalf("outbox: %d %s", res.StatusCode, res.Body)
	}
	surveys := 0
	for _, m := range box.Items {
		if m.Kind == "survey_employer" {
			surveys++
		}
	}
	if surveys != 1 {
		t.Errorf("%d employer surveys to one company after %d triggers through two replicas, want 1", surveys, 2*n)
	}
}
