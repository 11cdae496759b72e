package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobmatch"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/kpi"
	"jobmatch/store"
	"jobmatch/system/systemtest"

	"go.mongodb.org/mongo-driver/v2/bson"
)

type matchPage struct {
	Items []struct {
		Rank        int     `json:"rank"`
		CandidateID string  `json:"candidate_id"`
		Score       float64 `json:"score"`
		DistanceKm  float64 `json:"distance_km"`
		Components  []struct {
			Name                        string
			Weight, Value, Contribution float64
		} `json:"components"`
		Reasons   []struct{ Code, Kind, DA, EN string } `json:"reasons"`
		Candidate struct {
			ID, Name, PostalCode string
			TargetGroup          string `json:"target_group"`
		} `json:"candidate"`
	} `json:"items"`
	Total       int64  `json:"total"`
	NextCursor  string `json:"next_cursor"`
	MatchRunID  string `json:"match_run_id"`
	Occupations []struct{ URI, Label, Via string }
	Criteria    map[string]any `json:"criteria"`
}

func (p matchPage) ids() []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i] = it.CandidateID
	}
	return out
}

func postVacancy(t *testing.T, env *systemtest.Env, cvr int, fields map[string]any) string {
	t.Helper()
	body := systemtest.VacancyBody(demo.CVR(cvr))
	for k, v := range fields {
		body[k] = v
	}
	var rec struct{ ID string }
	res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("post vacancy: %d %s", res.StatusCode, res.Body)
	}
	return rec.ID
}

func TestVacancyMatchesRankWithReasons(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 1500, 3, nil); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	// People written for this test: a SOSU assistant in Aarhus, one in
	// Copenhagen, a SOSU helper (related) and a carpenter.
	mk := func(ref, occ, postal string, extra map[string]any) string {
		m := cv(ref, occ, map[string]any{"postal_code": postal, "max_commute_km": 40,
			"skills":     []string{"personlig pleje", "medicinhåndtering", "dokumentation"},
			"experience": []map[string]any{{"title": occ, "years": 5}}})
		for k, v := range extra {
			m[k] = v
		}
		var c struct{ ID string }
		if res := k.Do("POST", "/api/v1/candidates", m, &c); res.StatusCode != http.StatusCreated {
			t.Fatalf("create %s: %d %s", ref, res.StatusCode, res.Body)
		}
		return c.ID
	}
	aarhus := mk("M-1", "Social- og sundhedsassistent", "8000", nil)
	kbh := mk("M-2", "Social- og sundhedsassistent", "2100", nil)
	helper := mk("M-3", "Social- og sundhedshjælper", "8200", nil)
	carpenter := mk("M-4", "Tømrer", "8000", map[string]any{"skills": []string{"tagarbejde"}})
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 12, map[string]any{"title": "SOSU-assistent", "postal_code": "8000",
		"description":     "Plejecenter i Aarhus søger social- og sundhedsassistent til dagvagt.",
		"skills_required": []string{"medicinhåndtering", "personlig pleje"}, "skills_desired": []string{"dokumentation"},
		"languages": []map[string]string{{"code": "da", "level": "B2"}}})

	var p matchPage
	res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=50", nil, &p)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	if len(p.Items) == 0 || p.MatchRunID == "" || p.Total < int64(len(p.Items)) {
		t.Fatalf("no matches: %+v", p)
	}
	if len(p.Occupations) == 0 || !strings.Contains(strings.ToLower(p.Occupations[0].Label), "sundhedsassistent") {
		t.Fatalf("title read as %+v", p.Occupations)
	}
	for i := 1; i < len(p.Items); i++ {
		if p.Items[i].Score > p.Items[i-1].Score {
			t.Fatalf("not sorted at %d", i)
		}
	}
	if p.Items[0].CandidateID != aarhus {
		t.Fatalf("the SOSU assistant in Aarhus should rank first, got %+v", p.Items[0].Candidate)
	}
	ids := p.ids()
	if slices.Contains(ids, kbh) {
		t.Fatal("a candidate 150 km away with a 40 km commute passed the distance filter")
	}
	if !slices.Contains(ids, helper) || slices.Index(ids, helper) < 1 {
		t.Fatalf("the related SOSU helper should follow: %v", ids)
	}
	if i := slices.Index(ids, carpenter); i >= 0 && i < slices.Index(ids, helper) {
		t.Fatal("a carpenter ranked above a related occupation")
	}
	top := p.Items[0]
	sum, codes := 0.0, map[string]bool{}
	for _, c := range top.Components {
		sum += c.Contribution
		if c.Weight <= 0 || c.Value < 0 || c.Value > 1 {
			t.Fatalf("component %+v", c)
		}
	}
	if diff := sum - top.Score; diff > 0.01 || diff < -0.01 {
		t.Fatalf("components sum to %.3f, score %.3f", sum, top.Score)
	}
	for _, r := range top.Reasons {
		codes[r.Code] = true
		if r.DA == "" || r.EN == "" {
			t.Fatalf("reason without text: %+v", r)
		}
	}
	if !codes["occupation_same"] && !codes["occupation_synonym"] {
		t.Fatalf("top candidate's occupation reason: %+v", top.Reasons)
	}
	for _, want := range []string{"required_skills_matched", "distance", "language", "experience"} {
		if !codes[want] {
			t.Fatalf("top candidate lacks reason %s: %+v", want, top.Reasons)
		}
	}

	// The run is recorded and the audit log links to it.
	var run struct {
		VacancyID string   `json:"vacancy_id"`
		Ranked    []string `json:"ranked"`
		By        string   `json:"by"`
	}
	k.Do("GET", "/api/v1/match-runs/"+p.MatchRunID, nil, &run)
	if run.VacancyID != vid || len(run.Ranked) < len(ids) || !slices.Equal(run.Ranked[:len(ids)], ids) {
		t.Fatalf("run record %+v", run)
	}
	admin := env.Login("admin@demo.local")
	var audit struct {
		Items []struct {
			Action     string `json:"action"`
			MatchRunID string `json:"match_run_id"`
		}
	}
	admin.Do("GET", "/api/v1/audit?limit=20", nil, &audit)
	found := false
	for _, e := range audit.Items {
		found = found || (e.Action == "match.run" && e.MatchRunID == p.MatchRunID)
	}
	if !found {
		t.Fatal("match run not in the audit log")
	}

	// Relaxing the distance brings the Copenhagen candidate in; weights
	// move the order; bad settings are field errors.
	var relaxed matchPage
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=200&relax=distance", nil, &relaxed)
	if !slices.Contains(relaxed.ids(), kbh) || relaxed.Total <= p.Total {
		t.Fatalf("relax=distance: %d vs %d", relaxed.Total, p.Total)
	}
	var byDistance matchPage
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=30&radius_km=60&w_occupation=0&w_required_skills=0&w_desired_skills=0&w_experience=0&w_availability=0&w_languages=0&w_text=0&w_distance=1", nil, &byDistance)
	for i := 1; i < len(byDistance.Items); i++ {
		if byDistance.Items[i].DistanceKm < byDistance.Items[i-1].DistanceKm-0.01 {
			t.Fatalf("weighting only distance (one radius for all) should sort by distance: %v then %v", byDistance.Items[i-1].DistanceKm, byDistance.Items[i].DistanceKm)
		}
	}
	for _, bad := range []struct{ query, field string }{
		{"w_occupation=2", "w_occupation"}, {"require=telepathy", "require"}, {"w_charm=0.5", "w_charm"}, {"limit=500", "limit"},
		// NaN parses as a number; written into the match run it broke
		// the embedded store's connection (a 500).
		{"radius_km=NaN", "radius_km"}, {"w_required_skills=nan", "w_required_skills"},
	} {
		res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?"+bad.query, nil, nil)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d", bad.query, res.StatusCode)
		}
		if code, _ := res.Problem(t).Field(bad.field); code == "" {
			t.Fatalf("%s: no error on %s: %s", bad.query, bad.field, res.Body)
		}
	}
	// A weight is a decimal: not "enter a whole number"; "0,25" is one.
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?w_occupation=abc", nil, nil, "Accept-Language", "da"); !strings.Contains(string(res.Body), "Skriv et tal, fx 0,25.") {
		t.Fatalf("a weight that is no number: %s", res.Body)
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=1&w_occupation=0,25", nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("a weight with a decimal comma: %d %s", res.StatusCode, res.Body)
	}
	if res := env.Login("hotline@demo.local").Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline reads matches: %d", res.StatusCode)
	}
	// The purpose a consultant writes is in the audit log; its CSV keeps a
	// formula a text for Excel.
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=1&why="+url.QueryEscape(`=HYPERLINK("http://evil.example/","Klik")`), nil, nil)
	if res := admin.Do("GET", "/api/v1/audit?format=csv", nil, nil); !strings.Contains(string(res.Body), `'=HYPERLINK`) || strings.Contains(string(res.Body), `,"=HYPERLINK`) {
		t.Fatalf("audit CSV: the formula is a formula: %.2000s", res.Body)
	}
	// Danish Excel splits at semicolons: the part after one is a cell.
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=1&why="+url.QueryEscape(`x; =1+2;@SUM(A1)`), nil, nil)
	if res := admin.Do("GET", "/api/v1/audit?format=csv", nil, nil); !strings.Contains(string(res.Body), `x; '=1+2;'@SUM(A1)`) {
		t.Fatalf("audit CSV: a formula after a semicolon: %.2000s", res.Body)
	}

	// Paging: the second page continues the first.
	var p1, p2 matchPage
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=2", nil, &p1)
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?limit=2&cursor="+p1.NextCursor, nil, &p2)
	if p1.NextCursor == "" || len(p2.Items) == 0 || p2.Items[0].Rank != 3 || slices.Contains(p1.ids(), p2.Items[0].CandidateID) {
		t.Fatalf("paging: %v / %v", p1.ids(), p2.ids())
	}

	// Reverse match: the vacancy fits the Aarhus assistant.
	var rev struct {
		Items []struct {
			Vacancy struct{ ID, Title string } `json:"vacancy"`
			Score   float64                    `json:"score"`
			Reasons []struct{ Code string }    `json:"reasons"`
		} `json:"items"`
		MatchRunID string `json:"match_run_id"`
	}
	if res := k.Do("GET", "/api/v1/candidates/"+aarhus+"/matches", nil, &rev); res.StatusCode != http.StatusOK {
		t.Fatalf("reverse: %d %s", res.StatusCode, res.Body)
	}
	if len(rev.Items) == 0 || rev.Items[0].Vacancy.ID != vid || rev.MatchRunID == "" {
		t.Fatalf("reverse match: %+v", rev)
	}
}

// TestMatchesOfTheMinorGroupWhenNobodyHoldsTheOccupation: a vacancy for a
// bartender (ISCO 5132), where no CV holds that occupation or one of its
// unit group, found nobody: retrieval looked only for the words of its
// title and skills and for the occupations of its unit group. The tjener
// (5131, the same minor group, which the score counts at 0.4) is now among
// the matches, with the reason that says so; a carpenter nearby is not.
// localCV creates a CV of occ in 6400 Sønderborg with years in occ (and
// extra fields) as k, and returns its id.
// matchesOf is the first page of a vacancy's matches.
func matchesOf(t *testing.T, k *systemtest.Client, vid string) matchPage {
	t.Helper()
	var p matchPage
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &p); res.StatusCode != http.StatusOK {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	return p
}

func localCV(t *testing.T, k *systemtest.Client, ref, occ string, years float64, extra map[string]any) string {
	t.Helper()
	m := map[string]any{"postal_code": "6400", "max_commute_km": 30, "experience": []map[string]any{{"title": occ, "years": years}}}
	for f, v := range extra {
		m[f] = v
	}
	var c struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates", cv(ref, occ, m), &c); res.StatusCode != http.StatusCreated {
		t.Fatalf("create %s: %d %s", ref, res.StatusCode, res.Body)
	}
	return c.ID
}

func TestMatchesOfTheMinorGroupWhenNobodyHoldsTheOccupation(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	waiter, carpenter := localCV(t, k, "T-1", "Tjener", 4, nil), localCV(t, k, "C-1", "Tømrer", 4, nil)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 13, map[string]any{"title": "Bartender", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en bartender til vores hotelbar."})
	p := matchesOf(t, k, vid)
	ids := p.ids()
	if !slices.Contains(ids, waiter) || slices.Contains(ids, carpenter) {
		t.Fatalf("bartender: %v, want the waiter %s and not the carpenter %s", ids, waiter, carpenter)
	}
	has := false
	for _, r := range p.Items[slices.Index(ids, waiter)].Reasons {
		has = has || r.Code == "occupation_group"
	}
	if !has {
		t.Fatalf("the waiter's reasons %+v say nothing of the minor group", p.Items[slices.Index(ids, waiter)].Reasons)
	}
}

// TestMatchesBySharedSkills: a Køkkenchef vacancy (ESCO's køkkenchef,
// 3434) had one match, a scenefunktionær of its minor group (343), who
// shares none of its essential skills, with "Stilling i samme faglige
// område" as the reason; the kok (5120), who shares half of them, was not
// retrieved. The minor group now counts where the two share some skills,
// and retrieval adds the occupations that share the most.
func TestMatchesBySharedSkills(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	plain := map[string]any{"summary": "Stabil og mødestabil."}
	cook, stagehand := localCV(t, k, "K-1", "Kok", 6, plain), localCV(t, k, "S-1", "Scenefunktionær", 6, plain)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 15, map[string]any{"title": "Køkkenchef", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en erfaren leder af vores restaurant ved havnen."})
	p := matchesOf(t, k, vid)
	ids := p.ids()
	if len(ids) == 0 || ids[0] != cook {
		t.Fatalf("køkkenchef: %v, want the cook %s first", ids, cook)
	}
	has := false
	for _, r := range p.Items[0].Reasons {
		has = has || r.Code == "occupation_skills"
	}
	if !has {
		t.Errorf("the cook's reasons %+v say nothing of the skills shared", p.Items[0].Reasons)
	}
	if i := slices.Index(ids, stagehand); i >= 0 {
		for _, r := range p.Items[i].Reasons {
			if r.Code == "occupation_group" {
				t.Errorf("the stagehand is of the køkkenchef's field: %+v", p.Items[i].Reasons)
			}
		}
	}
}

// TestMatchesRetrieveWhatTheScoreRanks: a Sygeplejerske vacancy counts a
// social- og sundhedsassistent's years in part (the two share 24 % of
// their essential skills, so the years asked, 3, count 0,7), and the
// exhaustive scan ranked them; the
// matcher's retrieval added only the eight occupations nearest a
// sygeplejerske, nurses of a speciality nobody holds, and left them out.
func TestMatchesRetrieveWhatTheScoreRanks(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	plain := map[string]any{"summary": "Stabil og mødestabil.", "skills": []string{}}
	nurse, ssa := localCV(t, k, "N-1", "Sygeplejerske", 5, plain), localCV(t, k, "A-1", "Social- og sundhedsassistent", 10, plain)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 18, map[string]any{"title": "Sygeplejerske", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en sygeplejerske til afdelingen."})
	p := matchesOf(t, k, vid)
	ids := p.ids()
	if len(ids) != 2 || ids[0] != nurse || ids[1] != ssa {
		t.Fatalf("sygeplejerske: %v, want the nurse %s, then the social- og sundhedsassistent %s", ids, nurse, ssa)
	}
	var said []string
	for _, r := range p.Items[1].Reasons {
		if r.Code == "experience" {
			said = append(said, r.DA)
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], "Social- og sundhedsassistent (10 år, tæller som 0,7 år)") {
		t.Errorf("the social- og sundhedsassistent's years: %q", said)
	}
}

// TestSameTitleIsTheSameOccupation: a CV titled "Salgskonsulent" is
// normalised to ESCO's assistent til salgssupport, which lists the word
// among its names; a vacancy titled so was read only as the three concepts
// STAR's Salgskonsulent is close to (handelsagent, …), and its
// salgskonsulenter came through the title's words alone ("Titlen ligner
// opslagets"). The same words are the same occupation now, said in the
// employer's words: "Samme stilling: Salgskonsulent".
func TestSameTitleIsTheSameOccupation(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	seller := localCV(t, k, "S-1", "Salgskonsulent", 5, nil)
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Salgskonsulent", "salgskonsulent"} {
		vid := postVacancy(t, env, 16+i, map[string]any{"title": title, "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
			"description": "Vi søger en salgskonsulent til B2B-salg i Sønderjylland."})
		p := matchesOf(t, k, vid)
		if len(p.Items) == 0 || p.Items[0].CandidateID != seller {
			t.Fatalf("%s: %v, want the salgskonsulent", title, p.ids())
		}
		var said []string
		for _, r := range p.Items[0].Reasons {
			if strings.HasPrefix(r.Code, "occupation") {
				said = append(said, r.Code+": "+r.DA)
			}
		}
		if want := "occupation_synonym: Samme stilling: " + title; !slices.Contains(said, want) {
			t.Errorf("%s: the occupation's reasons %q, want %q", title, said, want)
		}
	}
}

func TestProtectedAttributesDoNotMoveTheRanking(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	type person struct{ ref, occ, postal string }
	people := []person{{"P-1", "Kok", "5000"}, {"P-2", "Kok", "5200"}, {"P-3", "Køkkenmedhjælper", "5000"},
		{"P-4", "Kok", "5700"}, {"P-5", "Tjener", "5000"}, {"P-6", "Kok", "5000"}}
	save := func(round int) {
		for i, p := range people {
			m := cv(p.ref, p.occ, map[string]any{"postal_code": p.postal, "skills": []string{"madlavning", "hygiejne"},
				"experience": []map[string]any{{"title": p.occ, "years": i + 1}}})
			// Name, gender, birth year and nationality change every round.
			m["name"] = fmt.Sprintf("Person %d-%d", i, round)
			m["gender"] = []string{"female", "male", "other"}[(i+round)%3]
			m["birth_year"] = 1950 + 3*i + 11*round
			m["nationality"] = []string{"DK", "SY", "PL", "UA"}[(i+round)%4]
			if res := k.Do("POST", "/api/v1/candidates", m, nil); res.StatusCode >= 300 {
				t.Fatalf("save: %d %s", res.StatusCode, res.Body)
			}
		}
		if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	save(0)
	vid := postVacancy(t, env, 14, map[string]any{"title": "Kok", "postal_code": "5000", "description": "Restaurant i Odense søger kok.",
		"skills_required": []string{"madlavning"}, "skills_desired": []string{"hygiejne"}})
	var before matchPage
	k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?relax=distance", nil, &before)
	if len(before.Items) < 5 {
		t.Fatalf("too few matches to compare: %d", len(before.Items))
	}
	for round := 1; round <= 2; round++ {
		save(round)
		var after matchPage
		k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?relax=distance", nil, &after)
		if !slices.Equal(before.ids(), after.ids()) {
			t.Fatalf("round %d: ranking moved when only protected attributes changed:\n%v\n%v", round, before.ids(), after.ids())
		}
		for i := range before.Items {
			if before.Items[i].Score != after.Items[i].Score {
				t.Fatalf("round %d: score of %s moved %.4f → %.4f", round, before.Items[i].CandidateID, before.Items[i].Score, after.Items[i].Score)
			}
		}
		if after.Items[0].Candidate.Name == before.Items[0].Candidate.Name {
			t.Fatal("the names did not change: the test would prove nothing")
		}
	}
}

func TestSubsidySchemesLimitCandidates(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	mk := func(ref, group string, elig []string) string {
		var c struct{ ID string }
		k.Do("POST", "/api/v1/candidates", cv(ref, "Lagermedarbejder", map[string]any{"postal_code": "7100", "target_group": group,
			"eligibility": elig, "skills": []string{"truckkørsel"}}), &c)
		return c.ID
	}
	refugee := mk("S-1", "refugee_family_reunified", nil)
	flagged := mk("S-2", "close_to_job", []string{"igu"})
	other := mk("S-3", "close_to_job", nil)
	flex := mk("S-4", "further_from_job", []string{"fleksjob"})
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		employment string
		want       []string
		not        []string
	}{
		{"igu", []string{refugee, flagged}, []string{other, flex}},
		{"fleksjob", []string{flex}, []string{refugee, flagged, other}},
		{"loentilskud", []string{refugee, flex}, []string{other}},
		{"virksomhedspraktik", []string{refugee, flagged, other, flex}, nil},
		{"ordinary", []string{refugee, flagged, other, flex}, nil},
	} {
		t.Run(tt.employment, func(t *testing.T) {
			vid := postVacancy(t, env, 15, map[string]any{"title": "Lagermedarbejder", "postal_code": "7100", "employment_type": tt.employment,
				"description": "Lager i Vejle søger medarbejder.", "skills_required": []string{"truckkørsel"}})
			var p matchPage
			k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &p)
			ids := p.ids()
			for _, id := range tt.want {
				if !slices.Contains(ids, id) {
					t.Fatalf("eligible %s missing: %v", id, ids)
				}
			}
			for _, id := range tt.not {
				if slices.Contains(ids, id) {
					t.Fatalf("ineligible %s listed", id)
				}
			}
			if tt.employment == "igu" {
				has := false
				for _, r := range p.Items[0].Reasons {
					has = has || r.Code == "scheme_eligible"
				}
				if !has {
					t.Fatal("no reason says why the person is eligible")
				}
				var relaxed matchPage
				k.Do("GET", "/api/v1/vacancies/"+vid+"/matches?relax=eligibility", nil, &relaxed)
				if !slices.Contains(relaxed.ids(), other) {
					t.Fatal("relax=eligibility should show everyone")
				}
			}
		})
	}
}

func TestCompanySearchWhileTyping(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	rows := []companies.CompanyRow{
		{CVR: demo.CVR(501), Name: "Søndergård Tømrer ApS", PostalCode: "6400"},
		{CVR: demo.CVR(502), Name: "Århus Bilcenter A/S", PostalCode: "8000"},
		{CVR: demo.CVR(503), Name: "Vestjysk VVS", PostalCode: "6700"},
	}
	if _, _, err := env.Sys.Companies.ImportCompanies(ctx, rows); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	type hit struct {
		CVR           string                              `json:"cvr"`
		Name          string                              `json:"name"`
		ContactPerson struct{ Name, Phone, Email string } `json:"contact_person"`
	}
	search := func(q string) []hit {
		var p struct{ Items []hit }
		res := hot.Do("GET", "/api/v1/companies/search?q="+url.QueryEscape(q), nil, &p)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("search %q: %d %s", q, res.StatusCode, res.Body)
		}
		return p.Items
	}
	if h := search(demo.CVR(502)[:4]); len(h) == 0 || !slices.ContainsFunc(h, func(x hit) bool { return x.CVR == demo.CVR(502) }) {
		t.Fatalf("4 CVR digits: %+v", h)
	}
	for q, want := range map[string]string{"sondergaard": "Søndergård Tømrer ApS", "aarhus bil": "Århus Bilcenter A/S", "vestjysk": "Vestjysk VVS", "vestjusk": "Vestjysk VVS"} {
		h := search(q)
		if len(h) == 0 || h[0].Name != want {
			t.Fatalf("%q: %+v, want %s first", q, h, want)
		}
		if h[0].ContactPerson.Name == "" {
			t.Fatalf("%q: no contact person", q)
		}
	}
	// A company created through the entry point is found at once.
	postVacancy(t, env, 504, nil)
	if h := search("Als Tømrer"); len(h) == 0 {
		t.Fatal("a company created by the entry point is not found")
	}
	// By what the hotline sees before a name: the number on the display,
	// the address a mail came from, the domain; the caller comes along.
	type callerHit struct {
		CVR    string
		Match  string
		Caller *struct{ Name, Phone, Email string }
	}
	find := func(q string) []callerHit {
		var p struct{ Items []callerHit }
		hot.Do("GET", "/api/v1/companies/search?q="+url.QueryEscape(q), nil, &p)
		return p.Items
	}
	for q, match := range map[string]string{"12 34 56 78": "phone", "+45 12345678": "phone", "ole@als-toemrer.dk": "email", "Ole Olsen <OLE@als-toemrer.dk>": "email"} {
		if h := find(q); len(h) == 0 || h[0].CVR != demo.CVR(504) || h[0].Match != match || h[0].Caller == nil || h[0].Caller.Name != "Ole Olsen" {
			t.Errorf("%q: %+v, want Als Tømrer first by %s, with Ole Olsen calling", q, h, match)
		}
	}
	if h := find("info@als-toemrer.dk"); len(h) == 0 || h[0].CVR != demo.CVR(504) || h[0].Match != "domain" || h[0].Caller != nil {
		t.Errorf("another address of the domain: %+v, want Als Tømrer by its domain, no caller", h)
	}
	// A phone-only caller the hotline logs joins the company's contacts:
	// their next call finds it by the number.
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": demo.CVR(503), "name": "Vestjysk VVS", "postal_code": "6700",
		"contact": map[string]any{"name": "Jens Vest", "phone": "87 65 43 21"}}, "topic": "other", "channel": "phone", "text": "Spørger om løntilskud"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("log a call: %d %s", res.StatusCode, res.Body)
	}
	if h := find("87654321"); len(h) == 0 || h[0].CVR != demo.CVR(503) || h[0].Caller == nil || h[0].Caller.Name != "Jens Vest" {
		t.Errorf("a phone-only caller's number: %+v, want Vestjysk VVS with Jens Vest", h)
	}
	if res := env.Client().Do("GET", "/api/v1/companies/search?q=x", nil, nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("anonymous search: %d", res.StatusCode)
	}
}

// TestHotlineLogsARequestOnTheConsultantsWorklist: the hotline finds the
// company by four CVR digits, logs a phone call, and the company's contact
// consultant sees it on the worklist; the consultant logs a visit, which
// counts toward the year's target and shows on the company's timeline.
func TestHotlineLogsARequestOnTheConsultantsWorklist(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	cvr := demo.CVR(611)
	if _, _, err := env.Sys.Companies.ImportCompanies(ctx, []companies.CompanyRow{{CVR: cvr, Name: "Kolding Smedie ApS", PostalCode: "6000"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	var found struct {
		Items []struct {
			CVR           string                       `json:"cvr"`
			ContactPerson struct{ Name, Email string } `json:"contact_person"`
		}
	}
	hot.Do("GET", "/api/v1/companies/search?q="+cvr[:4], nil, &found)
	i := slices.IndexFunc(found.Items, func(x struct {
		CVR           string                       `json:"cvr"`
		ContactPerson struct{ Name, Email string } `json:"contact_person"`
	}) bool {
		return x.CVR == cvr
	})
	if i < 0 {
		t.Fatalf("company not found by 4 digits: %+v", found)
	}
	owner := found.Items[i].ContactPerson.Email
	var rec struct {
		ID            string
		ContactPerson struct{ Email string } `json:"contact_person"`
	}
	res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Kolding Smedie ApS", "postal_code": "6000",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "retention", "channel": "phone", "text": "Svend sygemeldt, vil gerne fastholde"}, &rec)
	if res.StatusCode != http.StatusCreated || rec.ContactPerson.Email != owner {
		t.Fatalf("log request: %d %s", res.StatusCode, res.Body)
	}
	k := env.Login(owner)
	var wl struct {
		OpenRequests []struct {
			ID    string  `json:"id"`
			DueAt *string `json:"due_at"`
		} `json:"open_requests"`
		Contacts struct {
			Count         int64 `json:"count"`
			Target        int64 `json:"target"`
			TargetShare   int64 `json:"target_share"`
			TargetDefault bool  `json:"target_default"`
		} `json:"contacts"`
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if !slices.ContainsFunc(wl.OpenRequests, func(r struct {
		ID    string  `json:"id"`
		DueAt *string `json:"due_at"`
	}) bool {
		return r.ID == rec.ID && r.DueAt != nil
	}) {
		t.Fatalf("request not on the owner's worklist with a deadline: %+v", wl.OpenRequests)
	}
	before := wl.Contacts.Count
	// Whom to call back: the caller on the worklist and the company's page
	// (stored, shown nowhere), and the company's contact people.
	if home := string(k.Do("GET", "/staff", nil, nil, "Accept", "text/html").Body); !strings.Contains(home, `<span class="muted req-caller">Per Hansen · <a href="tel:22334455">`) {
		t.Errorf("the worklist does not say who called")
	}
	if co := string(k.Do("GET", "/staff/companies/"+cvr, nil, nil, "Accept", "text/html").Body); !strings.Contains(co, `<span class="tl-caller">Fra <b>Per Hansen</b> · <a href="tel:22334455">`) ||
		!strings.Contains(co, `<ul class="company-people nobullet-list"><li><b>Per Hansen</b>`) {
		t.Errorf("the company's page does not say who called or who its people are")
	}
	// The company's open vacancies, each a link to its page.
	vac := systemtest.VacancyBody(cvr)
	var vrec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", vac, &vrec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	if co := unmarked(string(k.Do("GET", "/staff/companies/"+cvr, nil, nil, "Accept", "text/html").Body)); !strings.Contains(co, `<ul class="open-vacancies nobullet-list"><li><a href="/staff/vacancies/`+vrec.ID+`">`) {
		t.Errorf("the company's page does not list its open vacancy")
	}
	// The jobcentre's day: between 23:00 and 24:00 UTC the machine's
	// date was yesterday in Copenhagen's terms, and the timeline put the
	// request (today) before the contact (dated yesterday).
	today := time.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	if res := k.Do("POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "visit", "date": today, "note": "Besøg om fastholdelse"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("contact: %d %s", res.StatusCode, res.Body)
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	// No target set for the year: a share of the default, said so.
	if wl.Contacts.Count != before+1 || !wl.Contacts.TargetDefault || wl.Contacts.Target != 2500 || wl.Contacts.TargetShare == 0 {
		t.Fatalf("contacts %+v", wl.Contacts)
	}
	var tl struct {
		Items []struct{ Kind, ID string }
	}
	k.Do("GET", "/api/v1/companies/"+cvr+"/timeline", nil, &tl)
	kinds := map[string]bool{}
	for _, it := range tl.Items {
		kinds[it.Kind] = true
	}
	if !kinds["contact"] || !kinds["request"] || tl.Items[0].Kind != "contact" {
		t.Fatalf("timeline: %+v", tl.Items)
	}
	for _, bad := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"cvr": cvr, "kind": "telepathy", "date": today}, "kind"},
		{map[string]any{"cvr": cvr, "kind": "visit", "date": "2999-01-01"}, "date"},
		{map[string]any{"cvr": demo.CVR(612), "kind": "visit", "date": today}, "cvr"},
		// A year already reported: one dated 2020 changed its figures.
		{map[string]any{"cvr": cvr, "kind": "phone", "date": "2020-01-01"}, "date"},
	} {
		res := k.Do("POST", "/api/v1/contacts", bad.body, nil)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%v: %d", bad.body, res.StatusCode)
		}
		if code, _ := res.Problem(t).Field(bad.field); code == "" {
			t.Fatalf("%v: no error on %s: %s", bad.body, bad.field, res.Body)
		}
	}
	// The first day still open is logged (TestContactsOfAReportedHalfYear).
	first := kpi.OpenFrom(time.Now()).Format(time.DateOnly)
	if res := k.Do("POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "phone", "date": first}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("a contact dated %s: %d %s", first, res.StatusCode, res.Body)
	}
	if res := hot.Do("POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "visit", "date": today}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline logs a contact: %d", res.StatusCode)
	}

	// Resolving records what was done and takes it off the worklist; a
	// second resolution is a conflict.
	resolve := map[string]any{"resolution": "Aftalt delvis raskmelding", "outcome": "partial_return"}
	if res := k.Do("POST", "/api/v1/requests/"+rec.ID+"/resolve", resolve, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("resolve: %d %s", res.StatusCode, res.Body)
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	for _, r := range wl.OpenRequests {
		if r.ID == rec.ID {
			t.Fatal("a resolved request is still on the worklist")
		}
	}
	if res := k.Do("POST", "/api/v1/requests/"+rec.ID+"/resolve", resolve, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("second resolve: %d", res.StatusCode)
	}

	// Away with a deputy: new requests go to the deputy, the company keeps
	// its contact person; back again, they return.
	deputy := "mads@demo.local"
	if owner == deputy {
		deputy = "fatima@demo.local"
	}
	if res := k.Do("PUT", "/api/v1/users/"+owner+"/absence", map[string]any{"away": true, "deputy_id": deputy}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("absence: %d %s", res.StatusCode, res.Body)
	}
	var rec2 struct {
		ID            string
		StatusURL     string `json:"status_url"`
		ContactPerson struct {
			Email  string
			Deputy *struct{ Email, Name string }
		} `json:"contact_person"`
	}
	hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Kolding Smedie ApS", "postal_code": "6000",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455", "email": "per@kolding-smedie.dk"}}, "topic": "subsidy", "channel": "phone", "text": "Spørgsmål om løntilskud"}, &rec2)
	if rec2.ContactPerson.Email != owner {
		t.Fatalf("the company's contact person changed to %s", rec2.ContactPerson.Email)
	}
	// The receipt, its mail and the status page say who answers meanwhile
	// (they named only the one away).
	if d := rec2.ContactPerson.Deputy; d == nil || d.Email != deputy {
		t.Fatalf("the receipt names no deputy: %+v", rec2.ContactPerson)
	}
	status := rec2.StatusURL[strings.Index(rec2.StatusURL, "/status/"):]
	if page := string(env.Client().Do("GET", status, nil, nil, "Accept", "text/html").Body); !strings.Contains(page, `class="cp-deputy-name">`+rec2.ContactPerson.Deputy.Name+`<`) {
		t.Fatalf("the status page names no deputy")
	}
	var box struct{ Items []struct{ Kind, Body string } }
	env.Login("admin@demo.local").Do("GET", "/api/v1/outbox", nil, &box)
	if i := slices.IndexFunc(box.Items, func(m struct{ Kind, Body string }) bool { return m.Kind == "receipt" }); i < 0 || !strings.Contains(box.Items[i].Body, "Imens går din henvendelse til "+rec2.ContactPerson.Deputy.Name) {
		t.Fatalf("the receipt mail names no deputy: %+v", box.Items)
	}
	var dwl struct {
		OpenRequests []struct{ ID string } `json:"open_requests"`
	}
	env.Login(deputy).Do("GET", "/api/v1/worklist", nil, &dwl)
	if !slices.ContainsFunc(dwl.OpenRequests, func(r struct{ ID string }) bool { return r.ID == rec2.ID }) {
		t.Fatalf("the deputy's worklist lacks the request: %+v", dwl.OpenRequests)
	}
	if res := k.Do("PUT", "/api/v1/users/"+owner+"/absence", map[string]any{"away": true, "deputy_id": "hotline@demo.local"}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a hotline deputy: %d", res.StatusCode)
	}
	k.Do("PUT", "/api/v1/users/"+owner+"/absence", map[string]any{"away": false}, nil)
	var rec3 struct{ ID string }
	hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Kolding Smedie ApS", "postal_code": "6000",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "other", "channel": "email", "text": "Tak for hjælpen"}, &rec3)
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if !slices.ContainsFunc(wl.OpenRequests, func(r struct {
		ID    string  `json:"id"`
		DueAt *string `json:"due_at"`
	}) bool {
		return r.ID == rec3.ID
	}) {
		t.Fatal("back from absence, new requests should return to the owner")
	}
}

func TestBulkReassignKeepsHistory(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	var rows []companies.CompanyRow
	for i := 0; i < 12; i++ {
		rows = append(rows, companies.CompanyRow{CVR: demo.CVR(800 + i), Name: fmt.Sprintf("Firma %d ApS", i), PostalCode: "6000"})
	}
	if _, _, err := env.Sys.Companies.ImportCompanies(ctx, rows); err != nil {
		t.Fatal(err)
	}
	c0, _ := env.Sys.Companies.Company(ctx, demo.CVR(800))
	from := c0.ConsultantID
	to := "lars@demo.local"
	if from == to {
		to = "mads@demo.local"
	}
	var owned int
	for _, r := range rows {
		if c, _ := env.Sys.Companies.Company(ctx, r.CVR); c.ConsultantID == from {
			owned++
		}
	}
	admin := env.Login("admin@demo.local")
	var out struct{ Moved int }
	res := admin.Do("POST", "/api/v1/companies/reassign", map[string]any{"from": from, "to": to, "reason": "Barsel"}, &out)
	if res.StatusCode != http.StatusOK || out.Moved < owned {
		t.Fatalf("reassign: %d %s (owned %d)", res.StatusCode, res.Body, owned)
	}
	c, _ := env.Sys.Companies.Company(ctx, demo.CVR(800))
	if c.ConsultantID != to || len(c.History) < 2 || c.History[len(c.History)-1].Reason != "Barsel" {
		t.Fatalf("after reassignment: %s %+v", c.ConsultantID, c.History)
	}
	var hits struct {
		Items []struct {
			ContactPerson struct{ Email string } `json:"contact_person"`
		}
	}
	admin.Do("GET", "/api/v1/companies/search?q="+demo.CVR(800), nil, &hits)
	if len(hits.Items) == 0 || hits.Items[0].ContactPerson.Email != to {
		t.Fatalf("company search shows the old contact person: %+v", hits)
	}
	if res := env.Login("konsulent@demo.local").Do("POST", "/api/v1/companies/reassign", map[string]any{"from": from, "to": to, "reason": "x y z"}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("a consultant reassigns in bulk: %d", res.StatusCode)
	}
}

func TestDeadlinesPerTopicAreSettings(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	// A PUT replaces the whole document: every topic is named, a missing one is a 422.
	days := map[string]int{"vacancy": 5, "retention": 1, "layoff": 2, "other": 5, "subsidy": 10}
	if res := admin.Do("PUT", "/api/v1/settings/deadlines", map[string]any{"days": map[string]int{"subsidy": 10}}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("partial body: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PUT", "/api/v1/settings/deadlines", map[string]any{"days": days}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("set: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PUT", "/api/v1/settings/deadlines", map[string]any{"days": map[string]int{"gossip": 1}}, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("unknown topic: %d", res.StatusCode)
	}
	hot := env.Login("hotline@demo.local")
	company := map[string]any{"cvr": demo.CVR(901), "name": "Frist ApS", "postal_code": "6000", "contact": map[string]any{"name": "Ib", "phone": "22334455"}}
	var sub, ret struct{ ID string }
	hot.Do("POST", "/api/v1/requests", map[string]any{"company": company, "topic": "subsidy", "channel": "phone", "text": "Løntilskud?"}, &sub)
	hot.Do("POST", "/api/v1/requests", map[string]any{"company": company, "topic": "retention", "channel": "phone", "text": "Sygemeldt"}, &ret)
	rs, err := env.Sys.Intake.Request(context.Background(), sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	rr, _ := env.Sys.Intake.Request(context.Background(), ret.ID)
	if rs.DueAt == nil || rr.DueAt == nil || !rs.DueAt.After(rr.DueAt.AddDate(0, 0, 7)) {
		t.Fatalf("subsidy due %v should be ten working days out, retention %v one", rs.DueAt, rr.DueAt)
	}
	// The retention request told the retention team; the subsidy one did not.
	var out struct {
		Items []struct{ To, Kind, Ref string }
	}
	admin.Do("GET", "/api/v1/outbox", nil, &out)
	if len(out.Items) != 1 || out.Items[0].Ref != ret.ID || out.Items[0].Kind != "retention_request" || out.Items[0].To == "" {
		t.Fatalf("outbox: %+v", out.Items)
	}
}

// TestKPIFiguresFromCounters seeds known events on both sides of the
// half-year boundary (Europe/Copenhagen) and checks the figures exactly.
func TestKPIFiguresFromCounters(t *testing.T) {
	var clock atomic.Int64
	set := func(s string) {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		clock.Store(ts.UnixNano())
	}
	set("2026-06-30T21:30:00Z") // 23:30 on 30 June in Copenhagen: H1
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return time.Unix(0, clock.Load()) }})
	anon := env.Client()
	company := func(n int) map[string]any {
		return map[string]any{"cvr": demo.CVR(n), "name": fmt.Sprintf("KPI %d ApS", n), "postal_code": "6000", "contact": map[string]any{"name": "Ib", "email": "ib@kpi.dk"}}
	}
	anon.Do("POST", "/api/v1/requests", map[string]any{"company": company(970), "topic": "subsidy", "channel": "web", "text": "IGU?"}, nil)
	vac := systemtest.VacancyBody(demo.CVR(971))
	vac["start_date"], vac["deadline"] = "2026-09-01", "2026-08-01"
	if res := anon.Do("POST", "/api/v1/vacancies", vac, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	co, _ := env.Sys.Companies.Company(context.Background(), demo.CVR(970))
	k := env.Login(co.ConsultantID)
	if res := k.Do("POST", "/api/v1/contacts", map[string]any{"cvr": demo.CVR(970), "kind": "visit", "date": "2026-06-30"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("contact: %d %s", res.StatusCode, res.Body)
	}
	set("2026-06-30T22:30:00Z") // 00:30 on 1 July in Copenhagen: H2
	var rec struct{ ID string }
	anon.Do("POST", "/api/v1/requests", map[string]any{"company": company(970), "topic": "retention", "channel": "web", "text": "Sygemeldt"}, &rec)
	set("2026-07-01T03:30:00Z") // five hours later
	if res := k.Do("POST", "/api/v1/requests/"+rec.ID+"/resolve", map[string]any{"resolution": "Plan for delvis raskmelding", "outcome": "partial_return"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("resolve: %d %s", res.StatusCode, res.Body)
	}
	type figures struct {
		Period   string
		Contacts struct{ Count, Target int64 }
		Requests struct {
			Count, Resolved     int64
			MedianResponseHours float64          `json:"median_response_hours"`
			ShareInTime         float64          `json:"share_in_time"`
			ByTopic             map[string]int64 `json:"by_topic"`
			OpenNow             int64            `json:"open_now"`
			OverdueNow          int64            `json:"overdue_now"`
		}
		Vacancies struct{ Posted int64 }
		Retention struct {
			Requests      int64
			PartialReturn int64   `json:"partial_return"`
			ShareReturned float64 `json:"share_returned"`
		}
		CitizenSatisfaction struct{ N int } `json:"citizen_satisfaction"`
	}
	get := func(q string) figures {
		var f figures
		if res := k.Do("GET", "/api/v1/kpi?"+q, nil, &f); res.StatusCode != http.StatusOK {
			t.Fatalf("kpi %s: %d %s", q, res.StatusCode, res.Body)
		}
		return f
	}
	y := get("year=2026")
	if y.Requests.Count != 3 || y.Vacancies.Posted != 1 || y.Contacts.Count != 1 || y.Contacts.Target != 2500 || y.Retention.Requests != 1 ||
		y.Retention.PartialReturn != 1 || y.Retention.ShareReturned != 1 || y.Requests.Resolved != 1 || y.Requests.ShareInTime != 1 {
		t.Fatalf("year: %+v", y)
	}
	if y.Requests.MedianResponseHours <= 0 || y.Requests.MedianResponseHours > 24 {
		t.Fatalf("median response %v h, want within the 0–24 h bucket", y.Requests.MedianResponseHours)
	}
	// Today's backlog: the two requests still open (the subsidy question
	// and the vacancy's), none past its deadline yet; six weeks on, both.
	if y.Requests.OpenNow != 2 || y.Requests.OverdueNow != 0 {
		t.Fatalf("backlog: %d open, %d overdue, want 2 and 0", y.Requests.OpenNow, y.Requests.OverdueNow)
	}
	h1, h2 := get("year=2026&half=H1"), get("year=2026&half=H2")
	if h1.Period != "2026-H1" || h1.Requests.Count != 2 || h1.Contacts.Count != 1 || h1.Vacancies.Posted != 1 || h1.Requests.ByTopic["subsidy"] != 1 || h1.Contacts.Target != 1250 {
		t.Fatalf("H1: %+v", h1)
	}
	if h2.Requests.Count != 1 || h2.Requests.ByTopic["retention"] != 1 || h2.Contacts.Count != 0 || h2.Requests.Resolved != 1 {
		t.Fatalf("H2: %+v", h2)
	}
	if res := k.Do("GET", "/api/v1/kpi?year=2026&half=H3", nil, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("half=H3: %d", res.StatusCode)
	}
	rebuildAgrees(t, env, 2026)
	set("2026-08-15T10:00:00Z")
	k = env.Login(co.ConsultantID)
	if late := get("year=2026&half=H1"); late.Requests.OpenNow != 2 || late.Requests.OverdueNow != 2 {
		t.Fatalf("backlog six weeks on: %d open, %d overdue, want 2 and 2", late.Requests.OpenNow, late.Requests.OverdueNow)
	}
}

// TestTimelineByDay: a contact logged today for last week's visit stands
// below today's request on the company's timeline, though written after it.
func TestTimelineByDay(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(612)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Vejle Smedie ApS", PostalCode: "7100"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	var rec struct{ ID string }
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Vejle Smedie ApS", "postal_code": "7100",
		"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "subsidy", "channel": "phone", "text": "Løntilskud?"}, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	k := env.Login("konsulent@demo.local")
	now := time.Now().In(jobmatch.Copenhagen)
	for _, c := range []struct {
		days int
		note string
	}{{10, "Besøg for ti dage siden"}, {3, "Telefon for tre dage siden"}} {
		body := map[string]any{"cvr": cvr, "kind": "visit", "date": now.AddDate(0, 0, -c.days).Format(time.DateOnly), "note": c.note}
		if res := k.Do("POST", "/api/v1/contacts", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("contact: %d %s", res.StatusCode, res.Body)
		}
	}
	var tl struct {
		Items []struct{ Kind, ID, Text string }
	}
	k.Do("GET", "/api/v1/companies/"+cvr+"/timeline", nil, &tl)
	var got []string
	for _, it := range tl.Items {
		got = append(got, it.Kind+":"+it.Text)
	}
	want := []string{"request:Løntilskud?", "contact:Telefon for tre dage siden", "contact:Besøg for ti dage siden"}
	if !slices.Equal(got, want) {
		t.Fatalf("timeline %q, want %q", got, want)
	}
}

// TestConsultantSetsTheOccupation: a title such as "Chauffør" names many
// occupations, and the matching read it as a dyretransportchauffør and a
// tankvogn's driver, so a lastbilchauffør's eighteen years counted half as
// a related occupation's. The consultant sets the occupation the vacancy
// is matched as (by a title the taxonomy knows, or a URI): it is the one
// target, the lastbilchauffør's is the same occupation, and the page's form
// does the same. A name the taxonomy does not know is a field error, and
// nothing changes.
func TestConsultantSetsTheOccupation(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	driver := localCV(t, k, "L-1", "Lastbilchauffør", 18, map[string]any{"driving_licences": []string{"B", "C", "CE"}})
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 17, map[string]any{"title": "Chauffør", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en chauffør med kørekort C/CE til distribution."})
	reasonsOf := func(p matchPage, id string) []string {
		var codes []string
		if i := slices.Index(p.ids(), id); i >= 0 {
			for _, r := range p.Items[i].Reasons {
				codes = append(codes, r.Code)
			}
		}
		return codes
	}
	before := matchesOf(t, k, vid)
	want, _, _ := env.Sys.Taxonomy.NormalizeOccupation("Lastbilchauffør")
	if slices.ContainsFunc(before.Occupations, func(o struct{ URI, Label, Via string }) bool { return o.URI == want }) ||
		slices.Contains(reasonsOf(before, driver), "occupation_same") {
		t.Fatalf("before: the title read as %+v, the driver's reasons %v; the case needs a title read as another occupation", before.Occupations, reasonsOf(before, driver))
	}

	var bad struct {
		Errors []struct{ Field, Code string } `json:"errors"`
	}
	if res := k.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": "xqzv blorf"}, nil); res.StatusCode != http.StatusUnprocessableEntity ||
		json.Unmarshal(res.Body, &bad) != nil || len(bad.Errors) == 0 || bad.Errors[0].Field != "occupation" {
		t.Fatalf("an unknown occupation: %d %s", res.StatusCode, res.Body)
	}
	var v struct {
		Occupation string `json:"occupation"`
		Version    int64  `json:"version"`
	}
	if res := k.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": "Lastbilchauffør"}, &v); res.StatusCode != http.StatusOK || v.Occupation != want {
		t.Fatalf("set: %d %s, want occupation %s", res.StatusCode, res.Body, want)
	}
	after := matchesOf(t, k, vid)
	if len(after.Occupations) != 1 || after.Occupations[0].URI != want || after.Occupations[0].Via != "given" {
		t.Fatalf("after: targets %+v, want only %s, given", after.Occupations, want)
	}
	if !slices.Contains(reasonsOf(after, driver), "occupation_same") {
		t.Fatalf("after: the driver's reasons %v, want the same occupation", reasonsOf(after, driver))
	}
	if res := k.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": want, "version": v.Version - 1}, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("a stale version: %d %s, want 409", res.StatusCode, res.Body)
	}
	// Consultants at one version at once, through two replicas: one is
	// saved, the others are told (both were saved, one choice lost).
	k2 := env.Replica().Login("konsulent@demo.local")
	for round := 0; round < 3; round++ {
		var cur struct{ Version int64 }
		k.Do("GET", "/api/v1/vacancies/"+vid, nil, &cur)
		codes := make([]int, 8)
		var wg sync.WaitGroup
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := k
				if i%2 == 1 {
					c = k2
				}
				codes[i] = c.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": want, "version": cur.Version}, nil).StatusCode
			}()
		}
		wg.Wait()
		saved := 0
		for _, c := range codes {
			if c == http.StatusOK {
				saved++
			} else if c != http.StatusConflict {
				t.Fatalf("round %d: %v", round, codes)
			}
		}
		var after struct{ Version int64 }
		k.Do("GET", "/api/v1/vacancies/"+vid, nil, &after)
		if saved != 1 || after.Version != cur.Version+1 {
			t.Fatalf("round %d: %d of 8 saved at one version (%v), version %d → %d", round, saved, codes, cur.Version, after.Version)
		}
	}
	// A clear (no version) beside a versioned save: both answered 200
	// with the same new version, and the clear was lost. Now each write
	// claims its version: the two end two versions on, or one is refused.
	for round := 0; round < 3; round++ {
		var cur struct{ Version int64 }
		k.Do("GET", "/api/v1/vacancies/"+vid, nil, &cur)
		var wg sync.WaitGroup
		var clear, put *systemtest.Response
		wg.Add(2)
		go func() { defer wg.Done(); clear = k2.Do("DELETE", "/api/v1/vacancies/"+vid+"/occupation", nil, nil) }()
		go func() {
			defer wg.Done()
			put = k.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": want, "version": cur.Version}, nil)
		}()
		wg.Wait()
		var after struct{ Version int64 }
		k.Do("GET", "/api/v1/vacancies/"+vid, nil, &after)
		saved := 0
		for _, r := range []*systemtest.Response{clear, put} {
			if r.StatusCode == http.StatusOK {
				saved++
			}
		}
		if after.Version != cur.Version+int64(saved) {
			t.Fatalf("round %d: clear %d, put %d, version %d → %d", round, clear.StatusCode, put.StatusCode, cur.Version, after.Version)
		}
	}

	// The page: the form sets it by a URI as well, and says so.
	other := "http://data.europa.eu/esco/occupation/952aa13c-731f-4add-98d1-66b59f70e607" // dyretransportchauffør
	page := string(k.Do("GET", "/staff/vacancies/"+vid, nil, nil, "Accept", "text/html").Body)
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, `action="/staff/vacancies/`+vid+`/occupation"`) {
		t.Fatalf("the vacancy page has no form to set the occupation")
	}
	form := url.Values{"occupation": {other}, "_csrf": {html.UnescapeString(m[1])}}
	res := k.Do("POST", "/staff/vacancies/"+vid+"/occupation", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the form: %d %.500s", res.StatusCode, res.Body)
	}
	page = unmarked(string(k.Do("GET", res.Header.Get("Location"), nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(page, "Stillingen matches nu som Dyretransportchauffør") || !strings.Contains(page, "Matches som: <span class=\"concept\">Dyretransportchauffør</span>") {
		t.Fatalf("the page after the form says nothing of it: %.2000s", page)
	}
	if after := matchesOf(t, k, vid); len(after.Occupations) != 1 || after.Occupations[0].URI != other {
		t.Fatalf("after the form: targets %+v, want %s", after.Occupations, other)
	}

	// Undone: the page's "Læs titlen igen" and the API's DELETE read the
	// title again.
	if !strings.Contains(page, `name="clear" value="1"`) {
		t.Fatalf("the page with an occupation set has no button to read the title again")
	}
	form = url.Values{"clear": {"1"}, "_csrf": {html.UnescapeString(m[1])}}
	if res := k.Do("POST", "/staff/vacancies/"+vid+"/occupation", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the clear form: %d %.300s", res.StatusCode, res.Body)
	}
	again := matchesOf(t, k, vid)
	if slices.ContainsFunc(again.Occupations, func(o struct{ URI, Label, Via string }) bool { return o.Via == "given" }) || len(again.Occupations) != len(before.Occupations) {
		t.Fatalf("after clearing: targets %+v, want the title's reading %+v", again.Occupations, before.Occupations)
	}
	k.Do("PUT", "/api/v1/vacancies/"+vid+"/occupation", map[string]any{"occupation": "Lastbilchauffør"}, nil)
	var cleared struct {
		Occupation string `json:"occupation"`
	}
	if res := k.Do("DELETE", "/api/v1/vacancies/"+vid+"/occupation", nil, &cleared); res.StatusCode != http.StatusOK || cleared.Occupation != "" {
		t.Fatalf("DELETE: %d %s", res.StatusCode, res.Body)
	}
	if again := matchesOf(t, k, vid); len(again.Occupations) != len(before.Occupations) {
		t.Fatalf("after DELETE: targets %+v, want the title's reading", again.Occupations)
	}
}

// TestVacanciesThatFitACitizen: the CV page links to the open vacancies
// that fit the citizen, ranked with the score and reasons of the vacancy's
// own list (the reverse match the API had and no page showed); the
// hotline may not open it.
func TestVacanciesThatFitACitizen(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	cook := localCV(t, k, "K-1", "Kok", 6, map[string]any{"summary": "Kok med hygiejnebevis."})
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	kitchen := postVacancy(t, env, 21, map[string]any{"title": "Kok", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Vi søger en kok til vores kantine."})
	roof := postVacancy(t, env, 22, map[string]any{"title": "Tagdækker", "postal_code": "6400", "skills_required": []string{}, "skills_desired": []string{},
		"description": "Tagdækning med tagpap og skifer."})
	pageOf := func(c *systemtest.Client, path string) (int, string) {
		res := c.Do("GET", path, nil, nil, "Accept", "text/html")
		return res.StatusCode, string(res.Body)
	}
	if _, page := pageOf(k, "/staff/candidates/"+cook); !strings.Contains(page, `href="/staff/candidates/`+cook+`/vacancies"`) {
		t.Fatalf("the CV page has no link to the vacancies that fit")
	}
	status, page := pageOf(k, "/staff/candidates/"+cook+"/vacancies")
	if status != http.StatusOK || !strings.Contains(page, `href="/staff/vacancies/`+kitchen+`"`) || strings.Contains(page, roof) ||
		!strings.Contains(page, "Samme stilling: Kok") || !strings.Contains(page, "1</b> åben stilling passer") {
		t.Fatalf("the vacancies that fit: %d %.3000s", status, page)
	}
	// From the list onto the vacancy's shortlist: the vacancy's page, the
	// citizen on its shortlist.
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, `action="/staff/vacancies/`+kitchen+`/shortlist"`) {
		t.Fatalf("the list has no button to shortlist the citizen")
	}
	form := url.Values{"candidate_id": {cook}, "_csrf": {html.UnescapeString(m[1])}}
	res := k.Do("POST", "/staff/vacancies/"+kitchen+"/shortlist", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/staff/vacancies/"+kitchen) {
		t.Fatalf("shortlisting from the list: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	var sl struct {
		Items []struct {
			CandidateID string `json:"candidate_id"`
		} `json:"items"`
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+kitchen+"/shortlist", nil, &sl); res.StatusCode != http.StatusOK || len(sl.Items) != 1 || sl.Items[0].CandidateID != cook {
		t.Fatalf("the vacancy's shortlist: %d %s", res.StatusCode, res.Body)
	}
	// Back on the list, the vacancy says so instead of offering it again.
	if _, page := pageOf(k, "/staff/candidates/"+cook+"/vacancies"); !strings.Contains(page, "på kortlisten: foreslået") || strings.Contains(page, `action="/staff/vacancies/`+kitchen+`/shortlist"`) {
		t.Fatalf("the list after shortlisting: %.3000s", page)
	}
	if status, _ := pageOf(env.Login("hotline@demo.local"), "/staff/candidates/"+cook+"/vacancies"); status != http.StatusForbidden {
		t.Fatalf("the hotline opened a citizen's vacancies: %d", status)
	}
}

// TestVacancyThatSaysGender: a vacancy whose text says a gender or an
// ethnic origin is refused now, naming the words (TestVacancyAskingGender
// AgeOrOriginIsRefused); one stored before says so on the consultant's
// page, and why, and on the company's; a vacancy whose text says "20
// mand" does not.
func TestVacancyThatSaysGender(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	body := systemtest.VacancyBody(demo.CVR(1))
	body["title"], body["description"] = "Kvindelig kassemedarbejder", "Vi søger en pige til kassen, gerne etnisk dansk."
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(string(res.Body), "«Kvindelig»") || !strings.Contains(string(res.Body), "«pige», «etnisk»") {
		t.Fatalf("post vacancy: %d %s", res.StatusCode, res.Body)
	}
	// One stored before the entry point refused them.
	body["title"], body["description"] = "Kassemedarbejder", "Vi søger en til kassen."
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("post vacancy: %d %s", res.StatusCode, res.Body)
	}
	if _, err := env.Sys.Store.C(store.ColVacancies).UpdateOne(context.Background(), bson.D{{Key: "_id", Value: rec.ID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "title", Value: "Kvindelig kassemedarbejder"}, {Key: "description", Value: "Vi søger en pige til kassen, gerne etnisk dansk."}}}}); err != nil {
		t.Fatal(err)
	}
	said := rec.ID
	// The company is told on its own page, too.
	status := string(env.Client().Do("GET", rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):], nil, nil, "Accept", "text/html").Body)
	if !strings.Contains(status, "Dit opslag nævner «Kvindelig», «pige», «etnisk». Jobcentret finder og foreslår kandidater ud fra, hvad jobbet kræver") {
		t.Errorf("the company's page does not say: %s", status)
	}
	plain := postVacancy(t, env, 1, map[string]any{"title": "Smed", "description": "Vi er 20 mand på værkstedet og mangler en smed."})
	page := string(k.Do("GET", "/staff/vacancies/"+said, nil, nil).Body)
	if !strings.Contains(page, "Opslaget nævner køn eller etnisk oprindelse: «Kvindelig», «pige», «etnisk».") {
		t.Errorf("the page does not say the vacancy mentions gender: %s", page)
	}
	if page := string(k.Do("GET", "/staff/vacancies/"+plain, nil, nil).Body); strings.Contains(page, "nævner køn") {
		t.Errorf("the smed's page says it mentions gender")
	}
}

// TestHotlineSeesItsCallsOfToday: the hotline's page lists the calls its
// user logged today, the latest first, so what was just typed can be
// checked; another user's call is not among them.
func TestHotlineSeesItsCallsOfToday(t *testing.T) {
	env := systemtest.Start(t)
	hot, k := env.Login("hotline@demo.local"), env.Login("konsulent@demo.local")
	// Before the first call, the page says how to log one.
	if page := string(hot.Do("GET", "/staff/hotline", nil, nil, "Accept", "text/html").Body); !strings.Contains(page, "Ingen endnu. Find virksomheden ovenfor") {
		t.Errorf("the hotline's page before any call says nothing of today's calls: %s", page)
	}
	logCall := func(c *systemtest.Client, text string) string {
		var rec struct{ Reference string }
		res := c.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": demo.CVR(612), "name": "Vejle Smedie ApS", "postal_code": "7100",
			"contact": map[string]any{"name": "Per Hansen", "phone": "22334455"}}, "topic": "subsidy", "channel": "phone", "text": text}, &rec)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("log request: %d %s", res.StatusCode, res.Body)
		}
		return rec.Reference
	}
	first := logCall(hot, "Spørger til løntilskud.")
	second := logCall(hot, "Spørger til IGU.")
	other := logCall(k, "Konsulentens eget notat.")
	page := string(hot.Do("GET", "/staff/hotline", nil, nil, "Accept", "text/html").Body)
	i, j := strings.Index(page, second), strings.Index(page, first)
	if !strings.Contains(page, "Dine registreringer i dag") || i < 0 || j < 0 || i > j {
		t.Errorf("the hotline's page does not list its calls %s and %s, the latest first: %s", second, first, page)
	}
	if strings.Contains(page, other) {
		t.Errorf("the hotline's page lists the consultant's %s", other)
	}
	// Many requests from others later (the web form, the consultants):
	// the hotline's own calls of today are still listed (of the latest
	// 40 of all, none were).
	for i := range 45 {
		logCall(k, fmt.Sprintf("Notat %d.", i))
	}
	if page := string(hot.Do("GET", "/staff/hotline", nil, nil, "Accept", "text/html").Body); !strings.Contains(page, first) || !strings.Contains(page, second) {
		t.Errorf("the hotline's calls %s and %s are gone from its page after 45 others", first, second)
	}
}

// TestLanguagesAreCodesAndLevels: a CV's and a vacancy's languages are a
// language code and a CEFR level: "zz"/"Q7", "<script>" and a level with
// control characters were stored. The answer names the field in Danish.
func TestLanguagesAreCodesAndLevels(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	type problem struct {
		Errors []struct{ Field, Code, Message string } `json:"errors"`
	}
	for _, langs := range [][]map[string]string{
		{{"code": "da", "level": "Q7"}}, {{"code": "<script>", "level": "B1"}}, {{"code": "", "level": "B1"}},
		{{"code": "da", "level": "B2\u0000\u001b[2J"}}, {{"code": "danish", "level": "B1"}},
	} {
		refused := func(res *systemtest.Response) bool {
			var p problem
			return res.StatusCode == http.StatusUnprocessableEntity && json.Unmarshal(res.Body, &p) == nil && len(p.Errors) > 0 &&
				strings.HasPrefix(p.Errors[0].Field, "languages[0].") && p.Errors[0].Message != ""
		}
		body := systemtest.VacancyBody(demo.CVR(1))
		body["languages"] = langs
		if res := env.Client().Do("POST", "/api/v1/vacancies", body, nil); !refused(res) {
			t.Errorf("vacancy with languages %v: %d %s", langs, res.StatusCode, res.Body)
		}
		if res := k.Do("POST", "/api/v1/candidates", cv("LANG-1", "Kok", map[string]any{"languages": langs}), nil); !refused(res) {
			t.Errorf("CV with languages %v: %d %s", langs, res.StatusCode, res.Body)
		}
	}
	// Either case, and a language without a level, are languages.
	body := systemtest.VacancyBody(demo.CVR(1))
	body["languages"] = []map[string]string{{"code": "DA", "level": "b1"}, {"code": "prs", "level": ""}}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, nil); res.StatusCode != http.StatusCreated {
		t.Errorf("vacancy with DA b1 and prs: %d %s", res.StatusCode, res.Body)
	}
}
