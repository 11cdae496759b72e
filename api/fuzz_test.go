package api_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/intake"
	"jobmatch/web"
)

// FuzzDecodeVacancy feeds arbitrary bodies through the API's strict JSON
// decoding and validation: it must never panic, and every failure must be a
// validation error or an HTTP error that maps to a 4xx status.
func FuzzDecodeVacancy(f *testing.F) {
	f.Add(`{"company":{"cvr":"10000009","name":"A","postal_code":"6400","contact":{"name":"Ole","email":"o@x.dk"}},"title":"Tømrer","description":"En god stilling her","postal_code":"6400","employment_type":"ordinary","hours":"full","positions":1}`)
	f.Add(`{"title": 5}`)
	f.Add(`{"start_date":"2026-13-01"}`)
	f.Add(`[]`)
	f.Add(`{"x":1}{"y":2}`)
	f.Add(`{"description":"cpr 010190-1234"}`)
	val := app.NewValidator(nil)
	e := echo.New()
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/vacancies", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		c := e.NewContext(req, httptest.NewRecorder())
		var in intake.VacancyInput
		err := web.DecodeJSON(c, &in)
		if err == nil {
			err = val.Validate(in)
		}
		if err == nil {
			return
		}
		status, _ := web.ToStatus(err)
		if status < 400 || status >= 500 {
			t.Fatalf("body %q: error %v maps to %d", body, err, status)
		}
		var ve *jobmatch.ValidationError
		if errors.As(err, &ve) && len(ve.Fields) == 0 {
			t.Fatalf("validation error without fields for %q", body)
		}
	})
}
