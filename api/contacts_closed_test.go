package api_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobmatch/app/followup"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestContactsOfAReportedHalfYear: on 7 December a contact dated 10 March
// and one dated 10 December last year were both logged (201), and the
// ended first half-year's contacts went from 1.292 to 1.293, silently.
// A contact is now logged in its half-year or the month after (December's
// in January), the refusal says from which day, and a period just ended
// says its contacts may still be logged until then.
func TestContactsOfAReportedHalfYear(t *testing.T) {
	var clock atomic.Int64
	set := func(s string) {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		clock.Store(ts.UnixNano())
	}
	set("2026-12-07T10:00:00Z")
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return time.Unix(0, clock.Load()) }})
	admin := env.Login("admin@demo.local")
	cvr := demo.CVR(88)
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	h1 := func() int64 {
		var f followup.KPIFigures
		if res := admin.Do("GET", "/api/v1/kpi?year=2026&half=H1", nil, &f); res.StatusCode != http.StatusOK {
			t.Fatalf("kpi: %d %s", res.StatusCode, res.Body)
		}
		return f.Contacts.Count
	}
	log := func(date string, want int) *systemtest.Response {
		t.Helper()
		res := admin.Do("POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "visit", "date": date}, nil, "Accept-Language", "da")
		if res.StatusCode != want {
			t.Fatalf("a contact dated %s: %d %s, want %d", date, res.StatusCode, res.Body, want)
		}
		return res
	}
	before := h1()
	for _, date := range []string{"2026-03-10", "2026-06-30", "2025-12-10"} {
		res := log(date, http.StatusUnprocessableEntity)
		code, msg := res.Problem(t).Field("date")
		if code != "too_old" || !strings.Contains(msg, "2026-07-01") || strings.Contains(msg, "%") {
			t.Errorf("%s: %s %q", date, code, msg)
		}
	}
	if after := h1(); after != before {
		t.Errorf("the ended first half-year's contacts went from %d to %d", before, after)
	}
	log("2026-07-01", http.StatusCreated)

	// In January, December's visits are still logged, not June's; the
	// year just ended says its contacts may still rise until 31 January.
	set("2027-01-15T10:00:00Z")
	admin = env.Login("admin@demo.local") // the session has expired
	log("2026-12-30", http.StatusCreated)
	log("2026-06-30", http.StatusUnprocessableEntity)
	page := string(admin.Do("GET", "/dashboard/report?year=2026&half=", nil, nil, "Accept", "text/html", "Accept-Language", "da").Body)
	if !strings.Contains(page, "kontakter kan stadig registreres til og med 31. jan") || strings.Contains(page, "er ikke begyndt") {
		t.Errorf("the year just ended does not say its contacts may still be logged: %s", page[strings.Index(page, "<h1"):][:600])
	}
	set("2027-02-01T10:00:00Z")
	admin = env.Login("admin@demo.local")
	log("2026-12-30", http.StatusUnprocessableEntity)
	if page := string(admin.Do("GET", "/dashboard/report?year=2026&half=", nil, nil, "Accept", "text/html", "Accept-Language", "da").Body); strings.Contains(page, "kan stadig registreres") {
		t.Errorf("the year's figures are final in February, yet: %s", page[strings.Index(page, "<h1"):][:600])
	}
}
