package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestEveryPostHonoursIdempotencyKey: an interview booked and a contact
// logged twice under one Idempotency-Key are booked and logged once, and
// the repeat gets the first answer; the key with another body is refused
// (422 on the key, as the intake's paths answer). Only the vacancies and
// the requests honoured the key: two interviews, two invitations to the
// citizen, two contacts against the year's target.
func TestEveryPostHonoursIdempotencyKey(t *testing.T) {
	env := systemtest.Start(t)
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	_, _, es := preScreenVacancy(t, env, k, demo.CVR(84), cv("IK-1", "Tømrer", map[string]any{"name": "Ivan Idem", "email": "ivan@example.dk"}))
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
	booking := map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}
	path := "/api/v1/shortlist/" + es[0].ID + "/interviews"
	var first, again jobmatch.InterviewInvite
	res1 := k.Do("POST", path, booking, &first, "Idempotency-Key", "iv-1")
	res2 := k.Do("POST", path, booking, &again, "Idempotency-Key", "iv-1")
	if res1.StatusCode != http.StatusCreated || res2.StatusCode != http.StatusCreated || first.ID == "" || again.ID != first.ID ||
		res2.Header.Get("Location") != res1.Header.Get("Location") {
		t.Fatalf("interview twice: %d %s / %d %s", res1.StatusCode, res1.Body, res2.StatusCode, res2.Body)
	}
	var list struct{ Items []jobmatch.InterviewInvite }
	k.Do("GET", path, nil, &list)
	if len(list.Items) != 1 {
		t.Errorf("interviews after a repeat: %d", len(list.Items))
	}
	var box struct{ Items []struct{ To string } }
	admin.Do("GET", "/api/v1/outbox", nil, &box)
	mails := 0
	for _, m := range box.Items {
		if m.To == "ivan@example.dk" {
			mails++
		}
	}
	if mails != 1 {
		t.Errorf("invitations to the citizen after a repeat: %d", mails)
	}
	other := map[string]any{}
	for key, v := range booking {
		other[key] = v
	}
	other["place"] = "Virksomheden"
	if res := k.Do("POST", path, other, nil, "Idempotency-Key", "iv-1"); res.StatusCode != http.StatusUnprocessableEntity ||
		len(res.Problem(t).Errors) != 1 || res.Problem(t).Errors[0].Field != "Idempotency-Key" {
		t.Errorf("the key with another booking: %d %s", res.StatusCode, res.Body)
	}

	contact := map[string]any{"cvr": demo.CVR(84), "kind": "visit", "date": time.Now().In(jobmatch.Copenhagen).Format("2006-01-02")}
	c1 := admin.Do("POST", "/api/v1/contacts", contact, nil, "Idempotency-Key", "contact-1")
	c2 := admin.Do("POST", "/api/v1/contacts", contact, nil, "Idempotency-Key", "contact-1")
	if c1.StatusCode != http.StatusCreated || c2.StatusCode != http.StatusCreated || string(c1.Body) != string(c2.Body) {
		t.Fatalf("contact twice: %d %s / %d %s", c1.StatusCode, c1.Body, c2.StatusCode, c2.Body)
	}
	contact["kind"] = "phone"
	if res := admin.Do("POST", "/api/v1/contacts", contact, nil, "Idempotency-Key", "contact-1"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("the key with another contact: %d %s", res.StatusCode, res.Body)
	}
	// Without a key, or under a new one, a POST is done again.
	if res := admin.Do("POST", "/api/v1/contacts", contact, nil, "Idempotency-Key", "contact-2"); res.StatusCode != http.StatusCreated || strings.Contains(string(res.Body), string(c1.Body)) {
		t.Errorf("a new key: %d %s", res.StatusCode, res.Body)
	}
}
