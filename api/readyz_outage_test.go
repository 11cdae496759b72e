package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// TestReadyzWithTheDatabaseDown: with the database down, /readyz answers
// a signed-in caller in JSON, not ready, as it answers a load balancer. It
// looked up the caller's session first, waited out the driver's server
// selection (10 s) and answered with the HTML page "Fejl 503". With the
// database up, staff still see the details.
func TestReadyzWithTheDatabaseDown(t *testing.T) {
	env := systemtest.Start(t)
	px, u := dbBehindProxy(t, env.Sys.Store.URI())
	rep := env.ReplicaAt(u.String()) // the service's own timeouts, none from the URI
	for !rep.Sys.Ready() {
		time.Sleep(20 * time.Millisecond)
	}
	k := rep.Login("konsulent@demo.local")
	var up map[string]any
	if res := k.Do("GET", "/readyz", nil, &up); res.StatusCode != http.StatusOK || up["database"] == nil {
		t.Fatalf("database up, staff: %d %s", res.StatusCode, res.Body)
	}

	px.setCut(true)
	for name, c := range map[string]*systemtest.Client{"staff": k, "anonymous": rep.Client()} {
		res := c.Do("GET", "/readyz", nil, nil, "Accept", "text/html")
		var body map[string]any
		if res.StatusCode != http.StatusServiceUnavailable || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") ||
			json.Unmarshal(res.Body, &body) != nil || body["ready"] != false {
			t.Errorf("database down, %s: %d %s %s", name, res.StatusCode, res.Header.Get("Content-Type"), res.Body)
		}
	}
	// A signed-in request is told to try again, as before.
	if res := k.Do("GET", "/api/v1/auth/me", nil, nil); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("database down, API: %d %s", res.StatusCode, res.Body)
	}
}
