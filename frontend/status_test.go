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
	for _, want := range []string{`class="request-subsidy">Løntilskud<`, `class="request-text">Vi overvejer en medarbejder i løntilskud. Hvordan gør vi?<`, "Karen Konsulent"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("status page lacks %q", want)
		}
	}
}
