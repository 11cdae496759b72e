package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch/app/intake"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestEmployerNameStaysHidden: while the employer has not agreed to show
// its name, the vacancy's own text does not tell it either: the citizen's
// consent page and the public feed and page show "[virksomheden]" where
// the text named the company ("Als Tømrer ApS søger …", as 69 of 200 demo
// vacancies do), and the feed's hiring organisation is neutral, with no
// CVR. Once the employer agrees, the name is there as written.
func TestEmployerNameStaysHidden(t *testing.T) {
	env := systemtest.Start(t)
	env.Sys.Taxonomy.NormalizeSkill("tagarbejde")
	k, anon := env.Login("konsulent@demo.local"), env.Client()
	cvr := demo.CVR(83)
	body := systemtest.VacancyBody(cvr)
	body["description"] = "Als Tømrer ApS søger en dygtig tømrer til renovering på Als. Hos ALS TØMRER får du gode kolleger, og Als Tømrers værksted ligger i Sønderborg."
	var rec struct{ ID string }
	if res := anon.Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var c struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates", cv("EN-1", "Tømrer", map[string]any{"skills": []string{"tagarbejde"}}), &c); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	var e entry
	if res := k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	deadline := time.Now().AddDate(0, 0, 5).Format(time.DateOnly)
	if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/consent-request", map[string]any{"channel": "email", "deadline": deadline}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent request: %d %s", res.StatusCode, res.Body)
	}
	token := consentLink.FindStringSubmatch(mailsOf(outboxOf(t, env.Login("admin@demo.local")), "consent_request_email")[0].Body)[1]

	named := func(s string) bool { return strings.Contains(strings.ToLower(s), "als tømrer") }
	type consentPage struct {
		Vacancy struct {
			Description  string
			EmployerName string `json:"employer_name"`
		}
	}
	for lang, placeholder := range map[string]string{"da": "[virksomheden]", "en": "[the company]"} {
		var page consentPage
		if res := anon.Do("GET", "/consent/"+token+"?lang="+lang, nil, &page, "Accept", "application/json"); res.StatusCode != http.StatusOK {
			t.Fatalf("consent page: %d %s", res.StatusCode, res.Body)
		}
		if d := page.Vacancy.Description; named(d) || page.Vacancy.EmployerName != "" || !strings.HasPrefix(d, placeholder+" søger") || strings.Count(d, placeholder) != 3 {
			t.Errorf("consent page (%s) without the employer's agreement: %+v", lang, page.Vacancy)
		}
	}
	if html := string(anon.Do("GET", "/consent/"+token, nil, nil, "Accept", "text/html").Body); named(html) {
		t.Error("the consent page's HTML names the employer")
	}

	k.Do("PUT", "/api/v1/vacancies/"+rec.ID+"/publication", map[string]any{"publish": true}, nil)
	var feed struct{ Items []map[string]any }
	if res := anon.Do("GET", "/feeds/vacancies.json", nil, &feed); res.StatusCode != http.StatusOK || len(feed.Items) != 1 {
		t.Fatalf("feed: %d %s", res.StatusCode, res.Body)
	}
	jp := feed.Items[0]
	org, _ := jp["hiringOrganization"].(map[string]any)
	if d, _ := jp["description"].(string); named(d) || !strings.HasPrefix(d, "[virksomheden] søger") || org["name"] != intake.AnonymousEmployer || org["identifier"] != nil {
		t.Errorf("feed without the name agreed: %v", jp)
	}
	if raw := string(anon.Do("GET", "/feeds/vacancies.json", nil, nil).Body); named(raw) || strings.Contains(raw, cvr) {
		t.Errorf("the feed names the employer or its CVR: %s", raw)
	}
	if html := string(anon.Do("GET", "/jobs/"+rec.ID, nil, nil, "Accept", "text/html").Body); named(html) || strings.Contains(html, cvr) {
		t.Error("the public page names the employer or its CVR")
	}

	// Agreed: the name, as the employer wrote it.
	k.Do("PUT", "/api/v1/vacancies/"+rec.ID+"/publication", map[string]any{"publish": true, "show_name": true}, nil)
	var page consentPage
	anon.Do("GET", "/consent/"+token, nil, &page, "Accept", "application/json")
	if page.Vacancy.Description != body["description"] || page.Vacancy.EmployerName != "Als Tømrer ApS" {
		t.Errorf("consent page with the name agreed: %+v", page.Vacancy)
	}
	anon.Do("GET", "/feeds/vacancies.json", nil, &feed)
	org, _ = feed.Items[0]["hiringOrganization"].(map[string]any)
	if id, _ := org["identifier"].(map[string]any); feed.Items[0]["description"] != body["description"] || org["name"] != "Als Tømrer ApS" || id["value"] != cvr {
		t.Errorf("feed with the name agreed: %v", feed.Items[0])
	}
}
