package frontend

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/matching"
	"jobmatch/i18n"
	"jobmatch/web"
)

// fitRow is an open vacancy ranked for a citizen, as the page words it.
type fitRow struct {
	matching.VacancySummary
	Rank     int
	Score    string // "76 %"
	Distance string // "12 km", "" when unknown
	Reasons  []reasonRow
	// Stage is the citizen's stage on the vacancy's shortlist, "" when
	// not on it.
	Stage jobmatch.Stage
}

type candidateVacanciesData struct {
	Candidate *jobmatch.Candidate
	Rows      []fitRow
	Total     int64
	Next      string
}

// candidateVacancies lists the open vacancies that fit a citizen, with
// the score and reasons of the vacancy's own ranking: what a consultant
// asks when the citizen is at the desk. The reverse match of
// GET /api/v1/candidates/{id}/matches, recorded as a match run.
func (f *Frontend) candidateVacancies(c echo.Context) error {
	ctx, by := c.Request().Context(), web.CurrentUser(c)
	cand, err := f.cfg.CVs.Get(ctx, by, c.Param("id"), "page")
	if err != nil {
		return err
	}
	page, err := f.cfg.Matching.CandidateMatches(ctx, by, cand.ID, matching.Query{Limit: 10, Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	lang := web.Lang(c)
	d := candidateVacanciesData{Candidate: cand, Total: page.Total}
	for _, it := range page.Items {
		row := fitRow{VacancySummary: it.Vacancy, Rank: it.Rank, Score: i18n.Percent(lang, it.Score)}
		if it.DistanceKm != nil {
			row.Distance = i18n.Format(lang, i18n.Km(*it.DistanceKm))
		}
		row.Reasons = reasonRows(lang, it.Reasons)
		if f.cfg.Screening != nil {
			e, err := f.cfg.Screening.EntryFor(ctx, it.Vacancy.ID, cand.ID)
			switch {
			case err == nil:
				row.Stage = e.Stage
			case !errors.Is(err, jobmatch.ErrNotFound):
				return err
			}
		}
		d.Rows = append(d.Rows, row)
	}
	if page.NextCursor != "" {
		d.Next = "/staff/candidates/" + cand.ID + "/vacancies?cursor=" + url.QueryEscape(page.NextCursor)
	}
	return f.render(c, http.StatusOK, "candidate_vacancies", "page.candidate_vacancies", d, nil)
}
