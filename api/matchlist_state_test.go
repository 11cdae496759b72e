package api_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/system/systemtest"
)

// TestMatchListSaysHired: a citizen hired through the jobcentre on one
// vacancy is not "Ledig nu" on another's match list: her availability
// scores nothing, the reason says the hire, and the person she ranked
// above now ranks above her.
func TestMatchListSaysHired(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	var hired, other struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("ML-1", "Tømrer", map[string]any{"experience": []map[string]any{{"title": "Tømrer", "years": 6}}}), &hired)
	k.Do("POST", "/api/v1/candidates", cv("ML-2", "Tømrer", map[string]any{"experience": []map[string]any{{"title": "Tømrer", "years": 2}}}), &other)
	waitSearch(t, k, "q=ML-2", 1)
	first := postVacancy(t, env, 91, nil)
	second := postVacancy(t, env, 92, nil)
	order := func() (matchPage, []string) {
		t.Helper()
		var p matchPage
		if res := k.Do("GET", "/api/v1/vacancies/"+second+"/matches?limit=50", nil, &p); res.StatusCode != http.StatusOK {
			t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
		}
		var ids []string
		for _, id := range p.ids() {
			if id == hired.ID || id == other.ID {
				ids = append(ids, id)
			}
		}
		return p, ids
	}
	// The index and the matcher's pool follow the store apart: both are
	// ranked once both are in.
	p, ids := order()
	for deadline := time.Now().Add(10 * time.Second); len(ids) < 2 && time.Now().Before(deadline); p, ids = order() {
		time.Sleep(50 * time.Millisecond)
	}
	if len(ids) != 2 || ids[0] != hired.ID {
		t.Fatalf("set-up: six years do not rank above two: %v (hired %s)", ids, hired.ID)
	}

	var e entry
	if res := k.Do("POST", "/api/v1/vacancies/"+first+"/shortlist", map[string]any{"candidate_id": hired.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	k.Do("POST", "/api/v1/candidates/"+hired.ID+"/consents", map[string]any{"vacancy_id": first, "channel": "meeting"}, nil)
	for _, to := range []string{"contacted", "interested", "interviewed", "presented", "hired"} {
		cur, _ := env.Sys.Screening.Entry(ctx, e.ID)
		b := map[string]any{"to": to, "version": cur.Version}
		if to == "interviewed" {
			b["interview"] = map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}
		}
		if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", b, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("→ %s: %s", to, res.Body)
		}
	}
	p, ids = order()
	if len(ids) != 2 || ids[0] != other.ID {
		t.Fatalf("the hired one still ranks first: %v (hired %s)", ids, hired.ID)
	}
	for _, it := range p.Items {
		if it.Candidate.ID != hired.ID {
			continue
		}
		var said []string
		for _, r := range it.Reasons {
			said = append(said, r.DA)
		}
		if s := strings.Join(said, " | "); strings.Contains(s, "Ledig") || !strings.Contains(s, "Ansat via jobcentret (") {
			t.Errorf("the hired one's reasons: %s", s)
		}
		for _, c := range it.Components {
			if c.Name == "availability" && c.Value != 0 {
				t.Errorf("the hired one's availability: %.2f", c.Value)
			}
		}
	}

	page := html.UnescapeString(string(k.Do("GET", "/staff/vacancies/"+second, nil, nil, "Accept", "text/html").Body))
	at := strings.Index(page, `id="m-`+hired.ID+`"`)
	if at < 0 || !strings.Contains(page[at:at+strings.Index(page[at:], `class="match-more"`)], "Ansat via jobcentret (") {
		t.Errorf("the hired one's card does not say the hire:\n%s", page)
	}
}

// TestMatchListSaysTheStage: a citizen withdrawn from the vacancy's own
// shortlist was "på kortlisten" at the top of its match list, as if in
// process: the card says the stage, and links to the shortlist's row.
// The list says when it was ranked.
func TestMatchListSaysTheStage(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("ST-1", "Tømrer", nil), &c)
	waitSearch(t, k, "q=ST-1", 1)
	vid := postVacancy(t, env, 93, nil)
	// The matcher's pool follows the store apart from the index.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var p matchPage
		if k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &p); len(p.Items) > 0 {
			break
		}
	}
	var e entry
	if res := k.Do("POST", "/api/v1/vacancies/"+vid+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "withdrawn", "version": e.Version}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("→ withdrawn: %s", res.Body)
	}
	page := html.UnescapeString(string(k.Do("GET", "/staff/vacancies/"+vid, nil, nil, "Accept", "text/html").Body))
	at := strings.Index(page, `id="m-`+c.ID+`"`)
	if at < 0 {
		t.Fatalf("the withdrawn one is not on the page:\n%s", page)
	}
	card := page[at:]
	card = card[:strings.Index(card, `class="match-more"`)]
	if !strings.Contains(card, `<a class="on-list" href="#sl-`+c.ID+`">på kortlisten: trukket tilbage</a>`) {
		t.Errorf("the withdrawn one's card:\n%s", card)
	}
	// The page says when it ranked, not the run's internal id ("(kørsel
	// 01a24f9b37d25b806c33 )").
	at = strings.Index(page, `class="muted run-ref"`)
	if at < 0 || strings.Contains(page, "kørsel") || !strings.HasPrefix(page[at+strings.Index(page[at:], ">")+1:], "Rangeret ") {
		t.Errorf("the run's line: %.200s", page[max(at, 0):])
	}
}

// TestInterviewHeldFormOffersTheBookedDay: the "samtale holdt" form
// offered today while the interview was booked for another day; it offers
// the day of the interview booked, once that day has come.
func TestInterviewHeldFormOffersTheBookedDay(t *testing.T) {
	clk := newClock()
	env := startWithClock(t, clk)
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("IV-1", "Tømrer", nil), &c)
	vid := postVacancy(t, env, 94, nil)
	var e entry
	if res := k.Do("POST", "/api/v1/vacancies/"+vid+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	for _, to := range []string{"contacted", "interested"} {
		res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version}, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("→ %s: %s", to, res.Body)
		}
		_ = jsonDecode(res.Body, &e)
	}
	start := atTen(clk.Now().AddDate(0, 0, 2))
	if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	dateOffered := func() string {
		res := k.Do("GET", "/staff/vacancies/"+vid, nil, nil, "Accept", "text/html")
		page := string(res.Body)
		const field = `name="interview_date" value="`
		at := strings.Index(page, field)
		if at < 0 {
			t.Fatalf("no interview form: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), page)
		}
		v := page[at+len(field):]
		return v[:strings.Index(v, `"`)]
	}
	today := func() string { return clk.Now().In(jobmatch.Copenhagen).Format(time.DateOnly) }
	// Still to come: an interview held cannot be in the future.
	if got := dateOffered(); got != today() {
		t.Errorf("before the interview the form offers %s, want today %s", got, today())
	}
	clk.Advance(3 * 24 * time.Hour)
	k = env.Login("konsulent@demo.local") // the session of three days ago has lapsed
	if got, want := dateOffered(), start.In(jobmatch.Copenhagen).Format(time.DateOnly); got != want {
		t.Errorf("the day after the interview the form offers %s, want its day %s (today %s)", got, want, today())
	}
}
