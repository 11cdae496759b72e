package frontend_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestOverviewGroupsTheCallersPhone: the open requests said "Mette
// Petersen · 28874489" as typed, where every other number reads "88 72 41
// 04". The caller's number is grouped as the others now; its link calls
// the number.
func TestOverviewGroupsTheCallersPhone(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	cvr := demo.CVR(743)
	if res := hot.Do("POST", "/api/v1/requests", map[string]any{"company": map[string]any{"cvr": cvr, "name": "Sønderborg VVS ApS", "postal_code": "6400",
		"contact": map[string]any{"name": "Mette Petersen", "phone": "28874489"}}, "topic": "vacancy", "channel": "phone", "text": "Søger en VVS-montør"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	co, err := env.Sys.Companies.Company(context.Background(), cvr)
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(hotlinePage(t, env.Login(co.ConsultantID), "/staff"))
	if !strings.Contains(page, `Mette Petersen · <a href="tel:28874489">28 87 44 89</a>`) {
		t.Errorf("the caller's phone on the overview: %s", page)
	}
}
