package system_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"jobmatch/system"
)

func readyz(t *testing.T, h http.Handler, remote string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest("GET", "/readyz", nil)
	req.RemoteAddr = remote
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("readyz body %q: %v", rec.Body.String(), err)
	}
	return rec.Code, body
}

// /readyz is false until the lexicons are built and the match features
// loaded, names what it waits for to the machine itself, and tells an
// anonymous caller from elsewhere only ok / not ok.
func TestReadyzWaitsForStartUp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, system.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); _ = sys.Close(context.Background()) }()
	h := sys.Handler()
	// Before Start nothing is built or loaded.
	code, body := readyz(t, h, "127.0.0.1:5000")
	if code != http.StatusServiceUnavailable || body["ready"] != false {
		t.Fatalf("before start: %d %v", code, body)
	}
	var waiting []string
	for _, w := range body["waiting_for"].([]any) {
		waiting = append(waiting, w.(string))
	}
	if !slices.Contains(waiting, "taxonomy") || !slices.Contains(waiting, "matcher") {
		t.Fatalf("waiting_for %v, want taxonomy and matcher", waiting)
	}
	// Names only: the checks' details (error texts) are for signed-in staff.
	if _, ok := body["taxonomy"]; ok || len(body) != 2 {
		t.Fatalf("an anonymous loopback caller sees more than the names: %v", body)
	}
	// An anonymous caller from elsewhere learns only that it is not ready.
	code, body = readyz(t, h, "203.0.113.7:40000")
	if code != http.StatusServiceUnavailable || len(body) != 1 || body["ready"] != false {
		t.Fatalf("anonymous remote before start: %d %v", code, body)
	}
	sys.Start(ctx)
	for deadline := time.Now().Add(5 * time.Minute); !sys.Ready(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("not ready")
		}
	}
	code, body = readyz(t, h, "[::1]:5000")
	if code != http.StatusOK || body["ready"] != true || len(body["waiting_for"].([]any)) != 0 {
		t.Fatalf("after start: %d %v", code, body)
	}
	code, body = readyz(t, h, "203.0.113.7:40000")
	if code != http.StatusOK || len(body) != 1 || body["ready"] != true {
		t.Fatalf("anonymous remote after start: %d %v", code, body)
	}
}
