package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestReceiptSaysWhenAndMailsTheContact: the 201 carries answer_by (a date
// from the topic's deadline in working days), the contact gets a receipt
// e-mail with the reference and the private link, and a phone call may be
// logged without the caller's name while other channels still need it.
func TestReceiptSaysWhenAndMailsTheContact(t *testing.T) {
	env := systemtest.Start(t)
	var rec struct {
		Reference string `json:"reference"`
		StatusURL string `json:"status_url"`
		AnswerBy  string `json:"answer_by"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(31)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	due, err := time.Parse(time.DateOnly, rec.AnswerBy)
	if err != nil || due.Before(time.Now().AddDate(0, 0, -1)) {
		t.Fatalf("answer_by = %q (%v)", rec.AnswerBy, err)
	}
	admin := env.Login("admin@demo.local")
	ms := outbox(t, admin, "receipt")
	if len(ms) != 1 || ms[0].To != "ole@als-toemrer.dk" || !strings.Contains(ms[0].Body, rec.Reference) || !strings.Contains(ms[0].Body, rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]) {
		t.Fatalf("receipt mail: %+v", ms)
	}

	hot := env.Login("hotline@demo.local")
	call := func(channel string) *systemtest.Response {
		return hot.Do("POST", "/api/v1/requests", map[string]any{
			"company": map[string]any{"cvr": demo.CVR(31), "name": "Als Tømrer ApS", "postal_code": "6400", "contact": map[string]any{"phone": "22334455"}},
			"topic":   "other", "channel": channel, "text": "Spørger om løntilskud"}, nil)
	}
	if res := call("phone"); res.StatusCode != http.StatusCreated {
		t.Fatalf("phone call without the caller's name: %d %s", res.StatusCode, res.Body)
	}
	res := call("email")
	if code, _ := res.Problem(t).Field("company.contact.name"); res.StatusCode != http.StatusUnprocessableEntity || code != "required" {
		t.Fatalf("e-mail without a name: %d %s", res.StatusCode, res.Body)
	}
}

// TestGzipWhenAsked: pages, JSON and static files are compressed for a
// client that asks, and sent as they are to one that does not.
func TestGzipWhenAsked(t *testing.T) {
	env := systemtest.Start(t)
	for _, path := range []string{"/", "/api/v1/openapi.json", "/static/app.css", "/static/dkfds/css/dkfds-virkdk.min.css"} {
		for _, ask := range []bool{true, false} {
			req, _ := http.NewRequest("GET", env.URL+path, nil)
			if ask {
				req.Header.Set("Accept-Encoding", "gzip")
			}
			res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			got := res.Header.Get("Content-Encoding")
			if res.StatusCode != http.StatusOK || (ask && got != "gzip") || (!ask && got != "") {
				t.Errorf("%s (asked %v): %d, Content-Encoding %q", path, ask, res.StatusCode, got)
			}
		}
	}
}
