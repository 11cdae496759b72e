package web

import (
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/cvs"
	"jobmatch/app/matching"
)

// Request parameters the API and the pages read alike.

// SearchParamsFrom reads the search query string (shared with the page).
func SearchParamsFrom(c echo.Context) (cvs.SearchParams, error) {
	return SearchParamsFromValues(c.QueryParams())
}

// SearchParamsFromValues reads search parameters from a query string's values.
func SearchParamsFromValues(q url.Values) (cvs.SearchParams, error) {
	p := cvs.SearchParams{Q: q.Get("q"), Occupation: q.Get("occupation"), Near: q.Get("near"), Area: q.Get("area"),
		AvailableBefore: q.Get("available_before"), Sort: q.Get("sort"), Cursor: q.Get("cursor"), Why: q.Get("why"),
		ConsentOnly: q.Get("consent") == "true" || q.Get("consent") == "yes", Facets: q.Get("facets") == "true",
		NoExperience: q.Get("no_experience") == "true"}
	multi := func(k string) []string { return commaList(q, k) }
	p.Skills, p.Licences, p.Languages, p.TargetGroups, p.Eligibility = multi("skills"), multi("licence"), multi("language"), multi("target_group"), multi("eligibility")
	p.Hours, p.Shifts, p.Education = multi("hours"), multi("shift"), multi("education")
	// A skill as the CVs name it may hold a comma: one a parameter.
	for _, l := range q["skill"] {
		if l = strings.TrimSpace(l); l != "" {
			p.SkillLabels = append(p.SkillLabels, l)
		}
	}
	verr := &jobmatch.ValidationError{}
	if v := q.Get("radius_km"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f > 0 && f <= 500) { // NaN too
			verr.Add("radius_km", "km", "")
		}
		p.RadiusKm = f
	}
	if v := q.Get("min_years"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > cvs.MaxYears {
			verr.Add("min_years", "range", "0–"+strconv.Itoa(cvs.MaxYears))
		}
		p.MinYears = n
	}
	if v := q.Get("no_experience"); v != "" && v != "true" && v != "false" {
		verr.Add("no_experience", "oneof", "true false")
	} else if p.NoExperience && p.MinYears > 0 {
		verr.Add("no_experience", "excluded_with", "min_years")
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > app.MaxPageSize {
			verr.Add("limit", "range", "1–"+strconv.Itoa(app.MaxPageSize))
		}
		p.Limit = n
	}
	return p, verr.Err()
}

// MatchQueryFrom reads a match run's settings from the query string:
// require=distance,licence relax=eligibility radius_km=40
// w_occupation=0.4 … limit cursor why (shared with the page).
func MatchQueryFrom(c echo.Context) (matching.Query, error) {
	qs := c.QueryParams()
	q := matching.Query{Cursor: qs.Get("cursor"), Why: qs.Get("why"), Weights: map[string]float64{}}
	verr := &jobmatch.ValidationError{}
	q.Require, q.Relax = commaList(qs, "require"), commaList(qs, "relax")
	if v := qs.Get("radius_km"); v != "" {
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			verr.Add("radius_km", "decimal", "")
		}
		q.RadiusKm = f
	}
	if v := qs.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			verr.Add("limit", "min", "1")
		}
		q.Limit = n
	}
	for k, vs := range qs {
		name, ok := strings.CutPrefix(k, "w_")
		if !ok || len(vs) == 0 || vs[0] == "" {
			continue
		}
		// A weight is a decimal number, in a Danish hand "0,25".
		f, err := strconv.ParseFloat(strings.Replace(vs[0], ",", ".", 1), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			verr.Add(k, "decimal", "")
			continue
		}
		q.Weights[name] = f
	}
	return q, verr.Err()
}

// commaList reads every value of key k, each a comma-separated list, without
// blanks: skills=a,b&skills=c is [a b c].
func commaList(q url.Values, k string) []string {
	var out []string
	for _, v := range q[k] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}
