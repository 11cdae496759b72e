package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestJobPosting: a vacancy as schema.org JobPosting JSON-LD; once the
// employer agrees to publish it, it is in the public feed and on a public
// page with the JSON-LD embedded; closed, it leaves both.
func TestJobPosting(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	anon := env.Client()
	var rec struct{ ID string }
	body := systemtest.VacancyBody(demo.CVR(91))
	body["experience_years"] = 2
	body["education_level"] = "bachelor"
	_ = jsonDecode(ck.do(anon, "POST", "/api/v1/vacancies", body, 201).Body, &rec)
	v, _ := env.Sys.Intake.Vacancy(t.Context(), rec.ID)
	k := env.Login(v.ConsultantID)
	var jp map[string]any
	_ = jsonDecode(ck.do(k, "GET", "/api/v1/vacancies/"+rec.ID+"/jobposting", nil, 200).Body, &jp)
	// The years asked, in schema.org's months.
	if exp, _ := jp["experienceRequirements"].(map[string]any); exp["monthsOfExperience"] != 24.0 {
		t.Errorf("experienceRequirements %v, want 24 months", jp["experienceRequirements"])
	}
	// The education asked, in schema.org's (and Google's) categories.
	if edu, _ := jp["educationRequirements"].(map[string]any); edu["credentialCategory"] != "bachelor degree" {
		t.Errorf("educationRequirements %v, want a bachelor degree", jp["educationRequirements"])
	}
	org, _ := jp["hiringOrganization"].(map[string]any)
	loc, _ := jp["jobLocation"].(map[string]any)
	addr, _ := loc["address"].(map[string]any)
	if jp["@context"] != "https://schema.org/" || jp["@type"] != "JobPosting" || jp["title"] != "Tømrer" || org["name"] != "Als Tømrer ApS" ||
		addr["postalCode"] != "6400" || addr["addressLocality"] != "Sønderborg" || addr["addressCountry"] != "DK" || jp["employmentType"] != "FULL_TIME" ||
		!strings.HasPrefix(jp["validThrough"].(string), v.Deadline.Format("2006-01-02")+"T23:59:59") || jp["datePosted"] == nil {
		t.Fatalf("JobPosting: %v", jp)
	}
	if b, _ := json.Marshal(jp); strings.Contains(string(b), "ole@als-toemrer.dk") || strings.Contains(string(b), "Ole Olsen") {
		t.Fatal("the posting names the contact person")
	}
	ck.do(env.Login("hotline@demo.local"), "GET", "/api/v1/vacancies/"+rec.ID+"/jobposting", nil, 403)

	var feed struct{ Items []map[string]any }
	_ = jsonDecode(ck.do(anon, "GET", "/feeds/vacancies.json", nil, 200).Body, &feed)
	if len(feed.Items) != 0 {
		t.Fatalf("unpublished in the feed: %v", feed.Items)
	}
	if res := anon.Do("GET", "/jobs/"+rec.ID, nil, nil, "Accept", "text/html"); res.StatusCode != 404 {
		t.Fatalf("unpublished page: %d", res.StatusCode)
	}
	ck.do(k, "PUT", "/api/v1/vacancies/"+rec.ID+"/publication", map[string]any{"publish": true}, 200)
	_ = jsonDecode(ck.do(anon, "GET", "/feeds/vacancies.json", nil, 200).Body, &feed)
	if len(feed.Items) != 1 || feed.Items[0]["title"] != "Tømrer" || !strings.HasSuffix(feed.Items[0]["url"].(string), "/jobs/"+rec.ID) {
		t.Fatalf("feed: %v", feed.Items)
	}
	page := string(anon.Do("GET", "/jobs/"+rec.ID, nil, nil, "Accept", "text/html").Body)
	i := strings.Index(page, `<script type="application/ld+json">`)
	if i < 0 {
		t.Fatalf("no JSON-LD on the page")
	}
	raw := page[i+len(`<script type="application/ld+json">`):]
	raw = raw[:strings.Index(raw, "</script>")]
	var embedded map[string]any
	if err := json.Unmarshal([]byte(raw), &embedded); err != nil || embedded["@type"] != "JobPosting" || embedded["title"] != "Tømrer" {
		t.Fatalf("embedded JSON-LD %q: %v", raw, err)
	}
	k.Do("PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "closed"}, nil)
	_ = jsonDecode(anon.Do("GET", "/feeds/vacancies.json", nil, nil).Body, &feed)
	if len(feed.Items) != 0 {
		t.Fatalf("closed vacancy still in the feed")
	}
}
