package api_test

import (
	"context"
	"math"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestMatchReasonsReadDanish: a consultant reads a warehouse vacancy's
// matches. The 13.5-year warehouse worker scores full on experience, the
// reasons are Danish with Danish numbers, the words the CV shares with the
// ad are whole words of the CV (never a stem, never the ad's "Vi søger",
// "kommer du til at arbejde", "erfaring"),
// the weights come back as they were set and the parts add up.
func TestMatchReasonsReadDanish(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	// Build the taxonomy's lexicons before the first CV (on a busy machine
	// the first normalisation can outlast the client's timeout).
	env.Sys.Taxonomy.NormalizeSkill("truckkørsel")
	env.Sys.Taxonomy.NormalizeOccupation("lagerarbejder")
	var worker struct{ ID string }
	body := cv("W-1", "Lagerarbejder", map[string]any{"postal_code": "7100", "max_commute_km": 40,
		"skills":     []string{"truckkørsel", "pluk og pak"},
		"summary":    "Jeg søger nyt arbejde. Erfaren lagerarbejder med truckcertifikat, pluk og pakning.",
		"experience": []map[string]any{{"title": "Lagerarbejder", "employer": "Dansk Lager A/S", "years": 13.5}}})
	if res := k.Do("POST", "/api/v1/candidates", body, &worker); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	other := cv("W-2", "Tømrer", map[string]any{"postal_code": "7100", "skills": []string{"tagarbejde"},
		"summary": "Vi søger nye udfordringer.", "experience": []map[string]any{{"title": "Tømrer", "years": 8}}})
	if res := k.Do("POST", "/api/v1/candidates", other, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 14, map[string]any{"title": "Lagermedarbejder", "postal_code": "7100",
		"description":     "Vi søger en lagermedarbejder til pluk og pak på vores lager. Du kommer til at arbejde i et travlt team, og erfaring er en fordel.",
		"skills_required": []string{"truckkørsel"}, "skills_desired": []string{}})

	var p struct {
		Items []struct {
			CandidateID string  `json:"candidate_id"`
			Score       float64 `json:"score"`
			Points      float64 `json:"points"`
			MaxPoints   float64 `json:"max_points"`
			Components  []struct {
				Name                                string
				Value, Contribution, Points, Weight float64
				SetWeight                           float64 `json:"set_weight"`
			} `json:"components"`
			Reasons []struct {
				Code, Kind, DA, EN string
				Points             float64
			} `json:"reasons"`
		} `json:"items"`
		Occupations []struct{ Label, Title string } `json:"occupations"`
	}
	q := "?w_occupation=0.15&w_required_skills=0.20&w_text=0.35"
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches"+q, nil, &p); res.StatusCode != http.StatusOK {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	if len(p.Items) == 0 || p.Items[0].CandidateID != worker.ID {
		t.Fatalf("the warehouse worker should rank first: %+v", p.Items)
	}
	if len(p.Occupations) == 0 || p.Occupations[0].Title == "" || strings.Contains(p.Occupations[0].Title, "lædervare") {
		t.Fatalf("the title should read as the STAR/Jobnet title: %+v", p.Occupations)
	}
	top := p.Items[0]
	set := map[string]float64{"occupation": 0.15, "required_skills": 0.20, "text": 0.35}
	sum, pts := 0.0, 0.0
	for _, c := range top.Components {
		sum += c.Contribution
		pts += c.Points
		if w, ok := set[c.Name]; ok && c.SetWeight != w {
			t.Fatalf("%s: weight shown as %.2f, set %.2f", c.Name, c.SetWeight, w)
		}
		if c.Name == "experience" && c.Value < 0.99 {
			t.Fatalf("13.5 years as a warehouse worker: experience %.2f", c.Value)
		}
	}
	if math.Abs(sum-top.Score) > 0.002 || math.Abs(pts-top.Points) > 0.002 || math.Abs(top.Points/top.MaxPoints-top.Score) > 0.002 {
		t.Fatalf("parts do not add up: score %.4f contributions %.4f points %.4f/%.4f", top.Score, sum, top.Points, top.MaxPoints)
	}
	englishNumber := regexp.MustCompile(`\d\.\d`)
	var exp, text string
	for i, r := range top.Reasons {
		if englishNumber.MatchString(r.DA) {
			t.Fatalf("English number in a Danish reason: %q", r.DA)
		}
		if i > 0 && math.Abs(r.Points) > math.Abs(top.Reasons[i-1].Points)+1e-9 {
			t.Fatalf("reasons not by how much they moved the score: %+v", top.Reasons)
		}
		switch r.Code {
		case "experience":
			exp = r.DA
		case "text":
			text = r.DA
		}
	}
	if !strings.Contains(exp, "13,5 år") {
		t.Fatalf("experience reason: %q", exp)
	}
	words, ok := strings.CutPrefix(text, "Ord fra opslaget i CV'et: ")
	if !ok {
		t.Fatalf("text reason: %q", text)
	}
	cvText := strings.ToLower("Lagerarbejder truckkørsel pluk og pak Jeg søger nyt arbejde. Erfaren lagerarbejder med truckcertifikat, pluk og pakning. Dansk Lager A/S")
	cvWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(cvText, func(r rune) bool { return r == ' ' || r == '.' || r == ',' || r == '/' }) {
		cvWords[w] = true
	}
	for _, w := range strings.Split(words, ", ") {
		if !cvWords[w] {
			t.Fatalf("%q is not a whole word of the CV (%q)", w, text)
		}
		if w == "søger" || w == "vi" || w == "søg" || w == "arbejde" || w == "erfaren" {
			t.Fatalf("the ad's boilerplate shown as a shared word: %q", text)
		}
	}

	// The vacancy page says the same in Danish: the STAR/Jobnet title, the
	// weights as set with a decimal comma, the years, no run id in the
	// heading.
	page := k.Do("GET", "/staff/vacancies/"+vid+q, nil, nil, "Accept", "text/html")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("vacancy page: %d", page.StatusCode)
	}
	html := string(page.Body)
	for _, want := range []string{"13,5 år", "<td>0,35</td>", "<td>0,15</td>", "Ord fra opslaget i CV&#39;et", p.Occupations[0].Title} {
		if !strings.Contains(html, want) {
			t.Errorf("vacancy page lacks %q", want)
		}
	}
	h2 := regexp.MustCompile(`(?s)<h2 id="matches-h">.*?</h2>`).FindString(html)
	if h2 == "" || strings.Contains(h2, "kørsel") || !strings.Contains(html, "Rangeringen er gemt, så den kan efterprøves.") {
		t.Errorf("matches heading %q", h2)
	}
	if regexp.MustCompile(`<td>\d+\.\d+</td>`).MatchString(html) {
		t.Errorf("an English decimal point on the Danish page")
	}
}

// TestYearsTheAdAsks: an ad that says "mindst 5 års erfaring" asks five
// years though the vacancy's field is empty (a vacancy posted by the API,
// or before the form asked it): the reason says "ønsket 5 år", not the
// three years the matcher assumes when nothing is asked.
func TestYearsTheAdAsks(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k := env.Login("konsulent@demo.local")
	env.Sys.Taxonomy.NormalizeOccupation("kok")
	body := cv("KOK-2", "Kok", map[string]any{"postal_code": "7100", "experience": []map[string]any{{"title": "Kok", "years": 2}}})
	if res := k.Do("POST", "/api/v1/candidates", body, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	vid := postVacancy(t, env, 15, map[string]any{"title": "Kok", "postal_code": "7100",
		"description": "Vi søger en kok til vores restaurant. Du har mindst 5 års erfaring fra et travlt køkken.", "skills_required": []string{}, "skills_desired": []string{}})
	var p struct {
		Items []struct {
			Reasons []struct{ Code, Kind, DA string } `json:"reasons"`
		} `json:"items"`
	}
	if res := k.Do("GET", "/api/v1/vacancies/"+vid+"/matches", nil, &p); res.StatusCode != http.StatusOK || len(p.Items) == 0 {
		t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
	}
	found := false
	for _, r := range p.Items[0].Reasons {
		if r.Code == "experience" {
			found = true
			if r.Kind != "gap" || !strings.Contains(r.DA, "5 år") {
				t.Errorf("experience reason %q (%s), want a gap against 5 years asked", r.DA, r.Kind)
			}
		}
	}
	if !found {
		t.Errorf("no experience reason: %+v", p.Items[0].Reasons)
	}
}
