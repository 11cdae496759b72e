package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestStartingHandler: while the service starts, its port answers: the
// process lives (/healthz), it is not ready (/readyz 503), a request gets
// 503 with Retry-After (problem+json for the API, a page in Danish and
// English for a browser); then the service's own handler answers.
func TestStartingHandler(t *testing.T) {
	var h startingHandler
	h.at("loading the demo data")
	get := func(path, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if r := get("/healthz", ""); r.Code != 200 || !strings.Contains(r.Body.String(), "starting") {
		t.Errorf("/healthz while starting: %d %s", r.Code, r.Body)
	}
	if r := get("/readyz", ""); r.Code != 503 || !strings.Contains(r.Body.String(), `"ready":false`) || !strings.Contains(r.Body.String(), `"start":"loading the demo data"`) {
		t.Errorf("/readyz while starting: %d %s", r.Code, r.Body)
	}
	if r := get("/api/v1/vacancies", "application/json"); r.Code != 503 || r.Header().Get("Retry-After") == "" || r.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("the API while starting: %d %v", r.Code, r.Header())
	}
	if r := get("/staff", "text/html"); r.Code != 503 || !strings.Contains(r.Body.String(), "Tjenesten er ved at starte") || !strings.Contains(r.Body.String(), "The service is starting") {
		t.Errorf("a page while starting: %d %s", r.Code, r.Body)
	}
	h.serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	if r := get("/staff", "text/html"); r.Code != http.StatusTeapot {
		t.Errorf("after the start: %d", r.Code)
	}
}
