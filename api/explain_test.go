package api_test

import (
	"strings"
	"testing"

	"jobmatch/app/matching"
	"jobmatch/demo"
)

// TestWhyNot: a CV beyond its commute is left out by the distance
// criterion, and its score in parts stands beside the last shortlisted
// candidate's; the about page says what the ranking never uses.
func TestWhyNot(t *testing.T) {
	_, router := loadSpec(t)
	env := startWithClock(t, newClock())
	ck := &checker{t: t, env: env, router: router}
	k := env.Login("konsulent@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(93), cv("WN-1", "Tømrer", map[string]any{"name": "Nær Nielsen", "skills": []string{"tagarbejde"}}))
	var far struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("WN-2", "Tømrer", map[string]any{"name": "Fjern Frederiksen", "postal_code": "9000", "max_commute_km": 10}), &far)

	var x matching.Explanation
	_ = jsonDecode(ck.do(k, "GET", "/api/v1/vacancies/"+vid+"/explain?candidate_id="+far.ID, nil, 200).Body, &x)
	if x.Excluded != "distance" || x.Candidate.Name != "Fjern Frederiksen" || x.LastShortlisted == nil || x.LastShortlisted.ID != es[0].CandidateID {
		t.Fatalf("explanation: %+v", x)
	}
	if len(x.Candidate.Result.Components) == 0 || len(x.Candidate.Result.Components) != len(x.LastShortlisted.Result.Components) {
		t.Fatalf("parts: %+v", x.Candidate.Result.Components)
	}
	sum := 0.0
	for _, c := range x.Candidate.Result.Components {
		sum += c.Contribution
	}
	if d := sum - x.Candidate.Result.Score; d > 0.001 || d < -0.001 || x.LastShortlisted.Result.Score <= x.Candidate.Result.Score {
		t.Fatalf("parts add to %.4f, score %.4f; shortlisted %.4f", sum, x.Candidate.Result.Score, x.LastShortlisted.Result.Score)
	}
	ck.do(k, "GET", "/api/v1/vacancies/"+vid+"/explain?candidate_id=", nil, 422)
	ck.do(k, "GET", "/api/v1/vacancies/"+vid+"/explain?candidate_id=nobody", nil, 422)
	ck.do(env.Login("hotline@demo.local"), "GET", "/api/v1/vacancies/"+vid+"/explain?candidate_id="+far.ID, nil, 403)

	page := string(k.Do("GET", "/staff/vacancies/"+vid+"/whynot?candidate_id="+far.ID, nil, nil, "Accept", "text/html").Body)
	if !strings.Contains(page, `id="wn-excluded"`) || !strings.Contains(page, "Nær Nielsen") || !strings.Contains(page, "afstand") {
		t.Fatal("why-not page lacks the exclusion or the comparison")
	}
	about := env.Client().Do("GET", "/about/matching?lang=en", nil, nil, "Accept", "text/html")
	if b := string(about.Body); about.StatusCode != 200 || !strings.Contains(b, "mother tongue") || !strings.Contains(b, `id="w-text"`) || !strings.Contains(b, "0.656") || !strings.Contains(b, "never rejects") {
		t.Fatalf("about page: %d", about.StatusCode)
	}
}
