package cvs_test

import (
	"html"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// searchCV is a CV to create for a search test, in postal code.
func searchCV(ref, occupation, postal, summary string) map[string]any {
	return map[string]any{
		"external_ref": ref, "name": "Borger " + ref, "email": strings.ToLower(ref) + "@example.dk", "postal_code": postal,
		"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{occupation},
		"languages": []map[string]string{{"code": "da", "level": "C2"}}, "available_from": "2026-01-15", "summary": summary,
		"experience": []map[string]any{{"title": occupation, "years": 3}},
		"consent":    map[string]any{"given": true, "channel": "meeting"},
	}
}

type searchRead struct {
	Items []struct {
		Candidate struct {
			ExternalRef string `json:"external_ref"`
		} `json:"candidate"`
	} `json:"items"`
	Total       int                                 `json:"total"`
	AnyWord     bool                                `json:"any_word"`
	Required    [][]string                          `json:"required_words"`
	Interpreted []struct{ Term, Label, Via string } `json:"interpreted"`
	Tried       []struct {
		Word     string `json:"word"`
		Required bool   `json:"required"`
	} `json:"tried"`
}

func (r searchRead) refs() []string {
	var out []string
	for _, it := range r.Items {
		out = append(out, it.Candidate.ExternalRef)
	}
	slices.Sort(out)
	return out
}

func (r searchRead) required(word string) bool {
	for _, e := range r.Tried {
		if e.Word == word {
			return e.Required
		}
	}
	return false
}

func startSearch(t *testing.T, cvs ...map[string]any) func(q string) searchRead {
	t.Helper()
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	for _, c := range cvs {
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	get := func(q string) searchRead {
		t.Helper()
		var r searchRead
		if res := k.Do("GET", "/api/v1/candidates/search?limit=50&q="+url.QueryEscape(q), nil, &r); res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", q, res.StatusCode, res.Body)
		}
		return r
	}
	// The index takes the CVs in the background: wait until it holds them.
	for deadline := time.Now().Add(10 * time.Second); get("").Total != len(cvs) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	return get
}

// TestBracketsGroupAlternatives: "(kok OR tjener) aarhus" is either
// occupation and the place; the brackets stuck to the words and
// "(kok eller tjener) faget" found every cook (kok, or tjener and faget).
// "|" is "eller", a bracket within one is part of it, a bracket without
// its pair a space; a word of alternatives is no word every CV found
// holds ("required" in tried), and the page says what was asked.
func TestBracketsGroupAlternatives(t *testing.T) {
	get := startSearch(t,
		searchCV("KOK-S", "Kok", "6400", "Erfaren og stabil."),
		searchCV("KOK-NY", "Kok", "6400", "Ny i faget."),
		searchCV("TJENER-S", "Tjener", "6400", "Erfaren og stabil."),
		searchCV("KOK-A", "Kok", "8000", "Erfaren og stabil."),
		searchCV("LAGER-S", "Lagermedarbejder", "6400", "Erfaren og stabil."),
		searchCV("LAGER-NY", "Lagermedarbejder", "6400", "Ny i faget."),
		searchCV("CHAUF-S", "Lastbilchauffør", "6400", "Erfaren og stabil."),
		searchCV("CHAUF-A", "Lastbilchauffør", "8000", "Erfaren og stabil."),
	)
	for q, want := range map[string][]string{
		"(kok OR tjener) aarhus":               {"KOK-A"},
		"(kok OR tjener) sønderborg":           {"KOK-NY", "KOK-S", "TJENER-S"},
		"(kok eller tjener) i Sønderborg":      {"KOK-NY", "KOK-S", "TJENER-S"},
		"(lager | chauffør) Aarhus":            {"CHAUF-A"},
		"kok OR tjener":                        {"KOK-A", "KOK-NY", "KOK-S", "TJENER-S"},
		"kok | tjener":                         {"KOK-A", "KOK-NY", "KOK-S", "TJENER-S"},
		"(kok eller tjener) faget":             {"KOK-NY"},
		"faget (tjener OR lagermedarbejder)":   {"LAGER-NY"},
		"((kok | tjener) eller lager) faget":   {"KOK-NY", "LAGER-NY"},
		"(kok eller (tjener)) faget":           {"KOK-NY"},
		"kok (faget":                           {"KOK-NY"},
		"kok) faget(":                          {"KOK-NY"},
		"(kok eller tjener) (sønderborg":       {"KOK-NY", "KOK-S", "TJENER-S"},
		"kok eller (tjener eller lager) faget": {"KOK-A", "KOK-NY", "KOK-S", "LAGER-NY"},
	} {
		if r := get(q); !slices.Equal(r.refs(), want) {
			t.Errorf("%s: %v (required %v, any %v), want %v", q, r.refs(), r.Required, r.AnyWord, want)
		}
	}
	r := get("(kok eller tjener) faget")
	if !reflect.DeepEqual(r.Required, [][]string{{"kok/tjener", "faget"}}) || r.required("kok") || r.required("tjener") || !r.required("faget") {
		t.Errorf("(kok eller tjener) faget: required %v, tried %+v, want kok or tjener, and faget", r.Required, r.Tried)
	}
	r = get("(kok OR tjener) sønderborg")
	for _, in := range r.Interpreted {
		if in.Via == "label" && in.Term != "(kok OR tjener)" {
			t.Errorf("(kok OR tjener) sønderborg: %q read as %s, want the words as typed without the place", in.Term, in.Label)
		}
	}
	// Alternatives: each was asked, neither is held by every CV found.
	r = get("kok eller tjener")
	if !reflect.DeepEqual(r.Required, [][]string{{"kok"}, {"tjener"}}) || r.required("kok") || r.required("tjener") {
		t.Errorf("kok eller tjener: required %v, tried %+v: neither is in every CV found", r.Required, r.Tried)
	}
	if r := get("kok faget"); !r.required("kok") || !r.required("faget") {
		t.Errorf("kok faget: tried %+v, want both required", r.Tried)
	}
}

// TestBracketsOnThePage: the page says what a bracket asked.
func TestBracketsOnThePage(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	for _, c := range []map[string]any{searchCV("KOK-NY", "Kok", "6400", "Ny i faget."), searchCV("TJENER-S", "Tjener", "6400", "Erfaren og stabil.")} {
		if res := k.Do("POST", "/api/v1/candidates", c, nil); res.StatusCode != 201 {
			t.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
	}
	want := "Alle fundne kandidater matcher «kok/tjener» og «faget»."
	var body string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		body = html.UnescapeString(string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("(kok eller tjener) faget"), nil, nil).Body))
		if strings.Contains(body, want) || time.Now().After(deadline) {
			break
		}
	}
	if !strings.Contains(body, want) {
		t.Errorf("the page for (kok eller tjener) faget does not say %q", want)
	}
}
