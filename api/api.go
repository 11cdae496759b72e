// Package api is the JSON API under /api/v1: the one entry point for
// employers' systems, staff sessions, CVs and their search, matching,
// pre-screening, the company service and the follow-up. It is a sibling of
// the pages (frontend) on the web kernel (web); system adds each group of
// routes explicitly. Handlers decode and validate, call one method of a use
// case, and encode; errors become problem+json in the kernel.
package api

import (
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/app/staff"
	"jobmatch/app/surveys"
)

// UseCases are the use cases behind the entry point, the company service
// and the follow-up routes; system builds them.
type UseCases struct {
	Env       *app.Env
	Staff     *staff.Service
	Companies *companies.Service
	Intake    *intake.Service
	Surveys   *surveys.Service
	Followup  *followup.Service
}
