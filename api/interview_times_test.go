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

// TestInterviewTimesThatCannotBe: an interview from 23.30 to 07.00 the
// next morning was booked and mailed, and so was one of eight hours. An
// interview ends on the day it begins and lasts at most 4 hours; a move
// is held to the same.
func TestInterviewTimesThatCannotBe(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	_, _, es := preScreenVacancy(t, env, k, demo.CVR(74), cv("IVT-1", "Tømrer", map[string]any{"name": "Nat Natlig", "email": "nat@example.dk"}))
	path := "/api/v1/shortlist/" + es[0].ID + "/interviews"
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	at := func(d, h, m int) string {
		return time.Date(day.Year(), day.Month(), day.Day()+d, h, m, 0, 0, jobmatch.Copenhagen).Format(time.RFC3339)
	}
	body := func(start, end string) map[string]any {
		return map[string]any{"start": start, "end": end, "mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}
	}
	refused := func(res *systemtest.Response, code, words string) {
		t.Helper()
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"code":"`+code+`"`) || !strings.Contains(string(res.Body), words) {
			t.Errorf("want 422 %s %q: %d %s", code, words, res.StatusCode, res.Body)
		}
	}
	refused(k.Do("POST", path, body(at(0, 23, 30), at(1, 7, 0)), nil), "iv_same_day", "samme dag")
	refused(k.Do("POST", path, body(at(0, 8, 0), at(0, 13, 0)), nil), "iv_too_long", "højst vare 4 timer")
	refused(k.Do("POST", path, body(at(0, 8, 0), at(0, 13, 0)), nil, "Accept-Language", "en"), "iv_too_long", "at most 4 hours")
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", path, body(at(0, 8, 0), at(0, 12, 0)), &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("four hours: %d %s", res.StatusCode, res.Body)
	}
	refused(k.Do("PATCH", path+"/"+iv.ID, map[string]any{"start": at(0, 22, 0), "end": at(1, 1, 0)}, nil), "iv_same_day", "samme dag")
}
