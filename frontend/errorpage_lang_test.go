package frontend_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestErrorPagesAreInThePagesLanguage: the pages are Danish unless the
// reader chose English (?lang=, remembered in a cookie), whatever the
// browser's Accept-Language; an error no route's language had chosen (a
// method no route takes, a path none has) followed Accept-Language: an
// English browser read "Error 405 This method is not allowed here." on
// the Danish public side.
func TestErrorPagesAreInThePagesLanguage(t *testing.T) {
	env := systemtest.Start(t)
	get := func(c *systemtest.Client, method, path string) (int, string) {
		t.Helper()
		res := c.Do(method, path, nil, nil, "Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9")
		return res.StatusCode, html.UnescapeString(string(res.Body))
	}
	anon := env.Client()
	for _, tc := range []struct {
		method, path string
		status       int
		want         string
	}{
		{"PUT", "/status/" + strings.Repeat("a", 32) + "/answers", http.StatusMethodNotAllowed, "<h1>Fejl 405</h1>"},
		{"DELETE", "/", http.StatusMethodNotAllowed, "<h1>Fejl 405</h1>"},
		{"GET", "/nowhere", http.StatusNotFound, "<h1>Siden findes ikke</h1>"},
		{"GET", "/status/" + strings.Repeat("a", 32), http.StatusNotFound, "<h1>Siden findes ikke</h1>"},
	} {
		status, page := get(anon, tc.method, tc.path)
		if status != tc.status || !strings.Contains(page, tc.want) || !strings.Contains(page, `<html lang="da"`) {
			t.Errorf("%s %s to an English browser: %d\n%.600s", tc.method, tc.path, status, page)
		}
	}
	// Chosen English: by ?lang=, and then by the cookie it set.
	if status, page := get(anon, "PUT", "/?lang=en"); status != http.StatusMethodNotAllowed || !strings.Contains(page, "<h1>Error 405</h1>") {
		t.Errorf("PUT /?lang=en: %d\n%.600s", status, page)
	}
	if status, _ := get(anon, "GET", "/about?lang=en"); status != http.StatusOK {
		t.Fatalf("/about?lang=en: %d", status)
	}
	if status, page := get(anon, "DELETE", "/"); status != http.StatusMethodNotAllowed || !strings.Contains(page, "<h1>Error 405</h1>") {
		t.Errorf("DELETE / with English chosen: %d\n%.600s", status, page)
	}
}
