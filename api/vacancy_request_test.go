package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestClosingResolvesTheVacancysRequest: a vacancy filled or closed left
// the request it came in as open, and it went "Over fristen" in the
// consultant's "Mine åbne henvendelser". Now the close resolves it (the
// outcome says filled or closed), counted once as any resolution is, so
// the figures' rebuild agrees; a request resolved by hand before stays as
// it was.
func TestClosingResolvesTheVacancysRequest(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	post := func(cvr string) *jobmatch.Vacancy {
		t.Helper()
		var rec struct{ ID string }
		if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &rec); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
		}
		v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	filled, closed, byHand := post(demo.CVR(77)), post(demo.CVR(76)), post(demo.CVR(75))
	open := func() map[string]bool {
		rs, err := env.Sys.Intake.OpenRequests(ctx, filled.ConsultantID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, r := range rs {
			out[r.ID] = true
		}
		return out
	}
	if o := open(); !o[filled.RequestID] || !o[closed.RequestID] || !o[byHand.RequestID] {
		t.Fatalf("the vacancies' requests are not open: %v", o)
	}
	if res := k.Do("POST", "/api/v1/requests/"+byHand.RequestID+"/resolve", map[string]any{"resolution": "Aftalt i telefonen"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("resolve: %d %s", res.StatusCode, res.Body)
	}
	admin, _ := env.Sys.Staff.User(ctx, "admin@demo.local")
	year := time.Now().In(jobmatch.Copenhagen).Year()
	kpiBefore, err := env.Sys.Followup.KPI(ctx, admin, year, "")
	if err != nil {
		t.Fatal(err)
	}
	for id, status := range map[string]string{filled.ID: "filled", closed.ID: "closed", byHand.ID: "filled"} {
		if res := k.Do("PATCH", "/api/v1/vacancies/"+id, map[string]any{"status": status, "note": "Aftalt med Ole"}, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("close: %d %s", res.StatusCode, res.Body)
		}
	}
	if o := open(); o[filled.RequestID] || o[closed.RequestID] {
		t.Errorf("a closed vacancy's request is still open: %v", o)
	}
	for _, c := range []struct {
		id, outcome, resolution string
	}{{filled.RequestID, "filled", "Stillingen er besat. Aftalt med Ole"}, {closed.RequestID, "closed", "Stillingen er lukket uden at blive besat. Aftalt med Ole"},
		{byHand.RequestID, "", "Aftalt i telefonen"}} {
		r, err := env.Sys.Intake.Request(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != jobmatch.RequestResolved || r.Outcome != c.outcome || r.Resolution != c.resolution {
			t.Errorf("request %s: %s %q %q, want resolved %q %q", r.Reference, r.Status, r.Outcome, r.Resolution, c.outcome, c.resolution)
		}
	}
	kpiAfter, err := env.Sys.Followup.KPI(ctx, admin, year, "")
	if err != nil {
		t.Fatal(err)
	}
	if d := kpiAfter.Requests.Resolved - kpiBefore.Requests.Resolved; d != 2 {
		t.Errorf("resolutions counted by the closes: %d, want 2 (the one resolved by hand counted once, before)", d)
	}
	rebuildAgrees(t, env, year)
}
