package system_test

import (
	"net/http"
	"testing"

	"jobmatch/app"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRecountAfterCrash: a request stored whose counters were not (its
// process killed between the two writes) leaves the dashboard short; the
// recount at the next start after an unclean stop finds it and makes the
// figures agree with the events again, and finds nothing on a second look.
func TestRecountAfterCrash(t *testing.T) {
	env := systemtest.Start(t)
	ctx := t.Context()
	hot := env.Login("hotline@demo.local")
	var r struct{ ID string }
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(600))["company"], "topic": "subsidy", "channel": "phone", "text": "Spørger til løntilskud"}
	if res := hot.Do("POST", "/api/v1/requests", body, &r); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	req, err := env.Sys.Store.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The kill between the request and its counters: take them back.
	short := map[string]int64{}
	for k, v := range app.ReceiptCounters(req) {
		short[k] = -v
	}
	if err := env.Sys.Store.CountEvents(ctx, req.ReceivedAt, short); err != nil {
		t.Fatal(err)
	}
	if n, err := env.Sys.RecountAfterCrash(ctx); err != nil || n == 0 {
		t.Fatalf("the recount after the crash: %d counters differed, %v; want the request's", n, err)
	}
	// Alone, or on an external database (other replicas may count
	// there), the figures agree again: there only this process's slot's
	// shards are recounted, from the events that name its slot.
	check, err := env.Sys.Followup.RebuildKPI(ctx, false)
	if err != nil || len(check.Diffs) != 0 {
		t.Fatalf("after the recount: %+v %v", check, err)
	}
	if n, err := env.Sys.RecountAfterCrash(ctx); err != nil || n != 0 {
		t.Fatalf("a second recount: %d, %v", n, err)
	}
}
