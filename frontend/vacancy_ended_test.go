package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// runsOf is the number of match runs recorded for a vacancy.
func runsOf(t *testing.T, k *systemtest.Client, vacancyID string) int64 {
	t.Helper()
	var p struct{ Total int64 }
	if res := k.Do("GET", "/api/v1/vacancies/"+vacancyID+"/match-runs", nil, &p); res.StatusCode != http.StatusOK {
		t.Fatalf("match runs: %d %s", res.StatusCode, res.Body)
	}
	return p.Total
}

// TestEndedVacancyIsNotRanked: a closed or filled vacancy's page still
// ranked every citizen ("Kandidater (90)", 23 "Sæt på kortlisten" buttons
// that all failed), offered the step, interview and consent forms on its
// shortlist, and recorded a new match run at each view (as did the API's
// matches). Now its page says nobody is ranked any more and links the last
// run, the shortlist rows are read-only with their history, no run is
// recorded, and the API answers 409.
func TestEndedVacancyIsNotRanked(t *testing.T) {
	env := systemtest.Start(t)
	for i, c := range []struct{ status, lang, line string }{
		{"closed", "da", "Stillingen er lukket – der rangeres ikke flere kandidater."},
		{"filled", "en", "The vacancy is filled – no more candidates are ranked."},
	} {
		rc := newRowCase(t, env, 61+i, "Else Ended", "contacted", "interested")
		rc.pageLang = c.lang
		open := rc.page(t)
		for _, want := range []string{`class="move-form"`, `class="match-settings"`, `class="interview-form"`} {
			if !strings.Contains(open, want) {
				t.Fatalf("%s: the open vacancy's page has no %s", c.status, want)
			}
		}
		rc.post(t, "/staff/vacancies/"+rc.vacancy+"/close", url.Values{"status": {c.status}, "note": {"Besat af egen kandidat"}})
		before := runsOf(t, rc.k, rc.vacancy)
		if before == 0 {
			t.Fatalf("%s: no run recorded while the vacancy was open", c.status)
		}
		page := rc.page(t)
		text := html.UnescapeString(page)
		if !strings.Contains(text, c.line) {
			t.Errorf("%s: the page does not say %q", c.status, c.line)
		}
		if !strings.Contains(page, `class="last-run" href="/api/v1/match-runs/`) {
			t.Errorf("%s: the page does not link the last run", c.status)
		}
		for _, gone := range []string{`id="matches-h"`, `shortlist-add`, `bulk-shortlist`, `class="match-settings"`, `class="move-form"`,
			`class="interview-form"`, `consent-request-form`, `class="consent-form"`, `class="close-form"`} {
			if strings.Contains(page, gone) {
				t.Errorf("%s: the ended vacancy's page still has %s", c.status, gone)
			}
		}
		row := rc.row(t, page)
		if !strings.Contains(row, `class="entry-steps"`) || !strings.Contains(row, "Else Ended") {
			t.Errorf("%s: the shortlist row has no history: %s", c.status, row)
		}
		if got := runsOf(t, rc.k, rc.vacancy); got != before {
			t.Errorf("%s: the page recorded a run: %d runs, was %d", c.status, got, before)
		}
		res := rc.k.Do("GET", "/api/v1/vacancies/"+rc.vacancy+"/matches", nil, nil, "Accept-Language", c.lang)
		if res.StatusCode != http.StatusConflict || !strings.Contains(string(res.Body), "vacancy_closed") {
			t.Errorf("%s: matches through the API: %d %s", c.status, res.StatusCode, res.Body)
		}
		if got := runsOf(t, rc.k, rc.vacancy); got != before {
			t.Errorf("%s: the API recorded a run: %d runs, was %d", c.status, got, before)
		}
	}
}
