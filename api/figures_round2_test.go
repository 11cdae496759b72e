package api_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// TestDashboardCardsGiveTheirN: the cards printed "inden fristen: 92,1 %"
// and "af de besatte med en præsenteret kandidat: 20,0 %" with no count,
// while the report gives (n=190); each share now says what it is of, as
// the retention card does, whose sentence begins with a capital.
func TestDashboardCardsGiveTheirN(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	if err := env.Sys.Env.CountPeriods(context.Background(), time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC), map[string]int64{
		"requests": 200, "requests_resolved": 190, "requests_in_time": 175,
		"vacancies_posted": 200, "vacancies_filled": 130, "vacancies_filled_presented": 26,
		"requests_topic_retention": 30, "retention_full_return": 7, "retention_partial_return": 14, "retention_no_return": 7}); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]map[string]string{
		"da": {"requests": "inden fristen: 92,1\u00a0% af 190 afsluttede", "vacancies": "med en præsenteret kandidat: 20,0\u00a0% af 130 besatte",
			"retention": "Hel eller delvis tilbagevenden: 75,0\u00a0% af 28 afsluttede sager"},
		"en": {"requests": "within the deadline: 92.1\u00a0% of 190 resolved", "vacancies": "by a presented candidate: 20.0\u00a0% of 130 filled",
			"retention": "Full or partial return: 75.0\u00a0% of 28 cases resolved"},
	} {
		page := html.UnescapeString(string(admin.Do("GET", "/dashboard?year=2026&half=H1&lang="+lang, nil, nil, "Accept", "text/html").Body))
		for card, w := range want {
			got := regexp.MustCompile(`(?s)<div class="kpi-card" id="kpi-` + card + `">.*?</div>`).FindString(page)
			if !strings.Contains(got, w) {
				t.Errorf("%s: the %s card lacks %q: %s", lang, card, w, got)
			}
		}
	}
}

// TestDashboardSaysWhatIsWrong: a goal of 101 % said "Skal være mellem 0
// og 100 %", though 0 is refused too; a hand-made link with ?half=2 gave
// an error page of "Nogle felter er ikke udfyldt korrekt." that named no
// field. The page names it, in the select's words.
func TestDashboardSaysWhatIsWrong(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return now }})
	admin := env.Login("admin@demo.local")
	page := string(admin.Do("GET", "/dashboard?year=2026", nil, nil, "Accept", "text/html").Body)
	v := url.Values{"year": {"2026"}, "contacts": {"2500"}, "citizen_satisfaction_share": {"101"}, "employer_satisfaction_share": {"92"}}
	if m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page); m != nil {
		v.Set("_csrf", html.UnescapeString(m[1]))
	}
	res := admin.Do("POST", "/dashboard/targets", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if body := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-citizen_satisfaction_share">Skal være over 0 og højst 100 %.</span>`) {
		t.Errorf("a goal of 101 %%: %d %.500s", res.StatusCode, body)
	}
	for _, path := range []string{"/dashboard/report?year=2026&half=2", "/dashboard?year=2026&half=2"} {
		for lang, want := range map[string]string{"da": "<li>Halvår: Vælg hele året, 1. eller 2. halvår.</li>", "en": "<li>Half: Choose the whole year, the first or the second half.</li>"} {
			res := admin.Do("GET", path+"&lang="+lang, nil, nil, "Accept", "text/html")
			if body := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
				t.Errorf("%s in %s: %d, want %q in %.2000s", path, lang, res.StatusCode, want, body)
			}
		}
	}
}
