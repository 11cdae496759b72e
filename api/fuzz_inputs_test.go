package api_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/cvs"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/app/staff"
	"jobmatch/web"
)

// Every JSON body the API accepts, as the handler decodes it. Bodies that
// are anonymous structs in the handlers are mirrored here.
var jsonBodies = []func() any{
	func() any { return new(intake.VacancyInput) },
	func() any { return new(intake.RequestInput) },
	func() any { return new(cvs.CandidateInput) },
	func() any { return new(companies.ContactInput) },
	func() any { return new(intake.ResolveInput) },
	func() any { return new(staff.AbsenceInput) },
	func() any { return new(companies.BulkReassignInput) },
	func() any { return new(screening.TransitionInput) },
	func() any { return new(screening.VacancyConsentInput) },
	func() any { return new(screening.AnswerInput) },
	func() any { return new(jobmatch.SurveyRules) },
	func() any { return new(followup.Targets) },
	func() any { return new(staff.NewUser) },
	func() any { return new(intake.VacancyClose) },
	func() any { return new(intake.VacancyOccupation) },
	func() any { // POST /auth/login
		return &struct {
			Email    string `json:"email" validate:"required,email,max=200"`
			Password string `json:"password" validate:"required,max=200"`
		}{}
	},
	func() any { // PUT /companies/:cvr/consultant
		return &struct {
			ConsultantID string `json:"consultant_id" validate:"required,email"`
			Reason       string `json:"reason" validate:"max=500,runes"`
		}{}
	},
	func() any { // POST /vacancies/:id/shortlist
		return &struct {
			CandidateID  string   `json:"candidate_id"`
			CandidateIDs []string `json:"candidate_ids"`
		}{}
	},
	func() any { // PUT /settings/deadlines
		return &struct {
			Days map[string]int `json:"days"`
		}{}
	},
}

// FuzzJSONBodies feeds arbitrary bytes to the strict decoding and the
// validation of every JSON body: nothing panics, every refusal is a 4xx
// (422 with at least one field, 413 or 415), and a body that passes
// decodes and validates the same after a round trip through JSON.
func FuzzJSONBodies(f *testing.F) {
	for i := range jsonBodies {
		f.Add(uint8(i), `{}`)
		f.Add(uint8(i), `{"company":{"cvr":"10000009","name":"A","postal_code":"6400","contact":{"name":"Ole","email":"o@x.dk"}},"title":"Tømrer"}`)
	}
	f.Add(uint8(0), `{"title": 5}`)
	f.Add(uint8(2), `{"external_ref":"x","name":"Ann","postal_code":"6400","target_group":"a","summary":"０１０１９０－１２３４"}`)
	f.Add(uint8(10), `{"employer_every_days":1,"citizen_every_days":2,"valid_days":3,"triggers":{"visit":true}}`)
	f.Add(uint8(17), `{"days":{"vacancy":2}}`)
	f.Add(uint8(1), `[]`)
	f.Add(uint8(1), `{"x":1}{"y":2}`)
	val := app.NewValidator(nil)
	e := echo.New()
	decode := func(kind int, body string) (any, error) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/x", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		c := e.NewContext(req, httptest.NewRecorder())
		v := jsonBodies[kind]()
		err := web.DecodeJSON(c, v)
		if err == nil {
			err = val.Validate(v)
		}
		return v, err
	}
	f.Fuzz(func(t *testing.T, kind uint8, body string) {
		k := int(kind) % len(jsonBodies)
		v, err := decode(k, body)
		if err != nil {
			status, _ := web.ToStatus(err)
			if status < 400 || status >= 500 {
				t.Fatalf("body %q: error %v maps to %d", body, err, status)
			}
			var ve *jobmatch.ValidationError
			if errors.As(err, &ve) && len(ve.Fields) == 0 {
				t.Fatalf("validation error without fields for %q", body)
			}
			return
		}
		again, _ := json.Marshal(v)
		if _, err := decode(k, string(again)); err != nil {
			t.Fatalf("accepted %q, but not its round trip %s: %v", body, again, err)
		}
	})
}

// FuzzQueryParams: the query strings of search, matching and lists never
// panic and refuse only with field errors.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{"q=t%C3%B8mrer&near=6400&radius_km=30&skills=a,b&limit=10", "radius_km=abc&limit=-1",
		"w_occupation=0.4&require=distance&relax=eligibility", "cursor=zzzz&limit=100000", "limit=5&cursor=1z"} {
		f.Add(s)
	}
	e := echo.New()
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest(http.MethodGet, "/x", nil)
		req.URL.RawQuery = raw
		for _, parse := range []func(c echo.Context) error{
			func(c echo.Context) error { _, err := web.SearchParamsFrom(c); return err },
			func(c echo.Context) error { _, err := web.MatchQueryFrom(c); return err },
			func(c echo.Context) error { _, err := web.ListParams(c); return err },
		} {
			err := parse(e.NewContext(req, httptest.NewRecorder()))
			if err == nil {
				continue
			}
			var ve *jobmatch.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("query %q: %v is not a field error", raw, err)
			}
		}
	})
}
