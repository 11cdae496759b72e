package frontend_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestStatusPageShowsTheRequest: an employer's private status page says
// what they asked, and about which scheme, beside the contact person.
func TestStatusPageShowsTheRequest(t *testing.T) {
	env := systemtest.Start(t)
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(11))["company"], "topic": "subsidy", "channel": "web",
		"subsidy": "loentilskud", "text": "Vi overvejer en medarbejder i løntilskud. Hvordan gør vi?"}
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/requests", body, &rec); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	u, err := url.Parse(rec.StatusURL)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(env.URL + u.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	page, _ := io.ReadAll(res.Body)
	for _, want := range []string{`class="request-subsidy">Løntilskud<`, `class="request-text"><span lang="da">Vi overvejer en medarbejder i løntilskud. Hvordan gør vi?<`, "Karen Konsulent"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("status page lacks %q", want)
		}
	}
	// The scheme in the JSON too.
	var st struct{ Subsidy string }
	if env.Client().Do("GET", u.Path, nil, &st); st.Subsidy != "loentilskud" {
		t.Errorf("status JSON subsidy %q, want loentilskud", st.Subsidy)
	}
}

// TestStatusPageShowsTheVacancy: the page of a vacancy says what was
// posted (it showed the title alone): positions, type of employment,
// start and deadline.
func TestStatusPageShowsTheVacancy(t *testing.T) {
	env := systemtest.Start(t)
	body := systemtest.VacancyBody(demo.CVR(12))
	body["positions"], body["employment_type"], body["start_date"], body["deadline"] = 3, "loentilskud", "2099-03-01", "2099-02-01"
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != 201 {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	u, err := url.Parse(rec.StatusURL)
	if err != nil {
		t.Fatal(err)
	}
	page := string(env.Client().Do("GET", u.Path, nil, nil, "Accept", "text/html", "Accept-Language", "da").Body)
	for _, want := range []string{`class="vacancy-positions">3<`, `class="vacancy-employment">Løntilskud<`, `class="vacancy-start">1. mar. 2099<`, `class="vacancy-deadline">1. feb. 2099<`} {
		if !strings.Contains(page, want) {
			t.Errorf("status page lacks %q", want)
		}
	}
	var st struct {
		Positions      int
		EmploymentType string `json:"employment_type"`
		StartDate      string `json:"start_date"`
		Deadline       string
	}
	env.Client().Do("GET", u.Path, nil, &st)
	if st.Positions != 3 || st.EmploymentType != "loentilskud" || st.StartDate != "2099-03-01" || st.Deadline != "2099-02-01" {
		t.Errorf("status JSON: %+v", st)
	}
}
