package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestAreaInTheWords: a region, landsdel, island or municipality among the
// words ("kok på fyn", "chauffør nordjylland", "lager vejle kommune") is
// where, as its postal codes; before, "fyn" was a word no CV held, so "kok
// på fyn" found every cook by any word. "pa" is "på" typed without å after
// another word.
func TestAreaInTheWords(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK-ODENSE", "Kok", map[string]any{"postal_code": "5000"}),
		cv("KOK-SVENDBORG", "Kok", map[string]any{"postal_code": "5700"}),
		cv("KOK-KOLDING", "Kok", map[string]any{"postal_code": "6000"}),
		cv("KOK-AALBORG", "Kok", map[string]any{"postal_code": "9000"}),
		cv("LAGER-VEJLE", "Lagermedarbejder", map[string]any{"postal_code": "7100"}),
		cv("LAGER-FREDERICIA", "Lagermedarbejder", map[string]any{"postal_code": "7000"}),
	)
	waitSearch(t, k, "", 6)
	type result struct {
		searchResult
		AnyWord     bool                                `json:"any_word"`
		Interpreted []struct{ Term, Label, Via string } `json:"interpreted"`
	}
	for q, want := range map[string][]string{
		"kok på fyn":          {"KOK-ODENSE", "KOK-SVENDBORG"},
		"kok pa fyn":          {"KOK-ODENSE", "KOK-SVENDBORG"},
		"kok i syddanmark":    {"KOK-KOLDING", "KOK-ODENSE", "KOK-SVENDBORG"},
		"kok i jylland":       {"KOK-AALBORG", "KOK-KOLDING"},
		"kok nordjylland":     {"KOK-AALBORG"},
		"lager vejle kommune": {"LAGER-VEJLE"}, // Fredericia is 20 km away: "lager vejle" finds both
	} {
		var r result
		k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape(q), nil, &r)
		got := r.refs()
		slices.Sort(got)
		if !slices.Equal(got, want) || r.AnyWord {
			t.Errorf("%s: %v (any word %v), want %v", q, got, r.AnyWord, want)
		}
		if len(r.Interpreted) == 0 || r.Interpreted[0].Via != "area" || strings.Contains(r.Interpreted[0].Term, "kok") {
			t.Errorf("%s read as %+v, want an area", q, r.Interpreted)
		}
	}
	// The filter itself, and a key it does not know.
	if got := search(t, k, "area=fyn").refs(); len(got) != 2 {
		t.Errorf("area=fyn: %v", got)
	}
	if res := k.Do("GET", "/api/v1/candidates/search?area=mars", nil, nil); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"area"`) {
		t.Errorf("area=mars: %d %s", res.StatusCode, res.Body)
	}
	// The audit log says where the search looked, not only its words.
	var audit struct {
		Items []struct{ Action, Query string } `json:"items"`
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &audit)
	if !slices.ContainsFunc(audit.Items, func(e struct{ Action, Query string }) bool {
		return e.Action == "cv.search" && e.Query == "area=fyn"
	}) {
		t.Errorf("no audit line says the area searched: %+v", audit.Items)
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("kok på fyn"), nil, nil).Body)
	if !strings.Contains(page, "«på fyn» læst som område: Fyn") {
		t.Errorf("the page does not say how «på fyn» was read: %.2000s", page)
	}
	// Nobody in the area: how many anywhere, with the words without it
	// (it offered the occupations of the area's CVs instead).
	var none struct {
		Total int `json:"total"`
		Wider []struct {
			RadiusKm float64 `json:"radius_km"`
			Total    int     `json:"total"`
			Q        string  `json:"q"`
		} `json:"wider"`
	}
	k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("lagermedarbejder på fyn"), nil, &none)
	if none.Total != 0 || len(none.Wider) != 1 || none.Wider[0].Total != 2 || none.Wider[0].Q != "lagermedarbejder" || none.Wider[0].RadiusKm != 0 {
		t.Errorf("lagermedarbejder på fyn: %d found, wider %+v, want 0 and the 2 anywhere", none.Total, none.Wider)
	}
	for _, q := range []string{"q=" + url.QueryEscape("lagermedarbejder på fyn"), "q=lagermedarbejder&area=fyn"} {
		page = string(k.Do("GET", "/staff/candidates?"+q, nil, nil).Body)
		if !strings.Contains(page, `href="/staff/candidates?q=lagermedarbejder">i hele landet</a> <span class="badge">2</span>`) {
			t.Errorf("%s: the page offers no search without the area: %.3000s", q, page)
		}
	}
}
