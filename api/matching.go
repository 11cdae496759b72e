package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/matching"
	"jobmatch/web"
)

// RegisterMatching adds the match endpoints (consultants and admins): a
// vacancy's ranked candidates, a candidate's fitting vacancies, and the
// recorded runs.
func RegisterMatching(s *web.Server, ms *matching.Service) {
	h := &matchHandlers{ms: ms}
	g := s.Group()
	cv := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	g.GET("/vacancies/:id/matches", h.vacancyMatches, cv)
	g.GET("/vacancies/:id/explain", func(c echo.Context) error {
		x, err := ms.Explain(c.Request().Context(), web.CurrentUser(c), c.Param("id"), c.QueryParam("candidate_id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, x)
	}, cv)
	g.GET("/vacancies/:id/match-runs", h.runs, cv)
	g.GET("/candidates/:id/matches", h.candidateMatches, cv)
	g.GET("/match-runs/:id", h.run, cv)
}

type matchHandlers struct{ ms *matching.Service }

func (h *matchHandlers) vacancyMatches(c echo.Context) error {
	q, err := web.MatchQueryFrom(c)
	if err != nil {
		return err
	}
	page, err := h.ms.VacancyMatches(c.Request().Context(), web.CurrentUser(c), c.Param("id"), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

func (h *matchHandlers) candidateMatches(c echo.Context) error {
	q, err := web.MatchQueryFrom(c)
	if err != nil {
		return err
	}
	page, err := h.ms.CandidateMatches(c.Request().Context(), web.CurrentUser(c), c.Param("id"), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

func (h *matchHandlers) run(c echo.Context) error {
	r, err := h.ms.MatchRun(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

func (h *matchHandlers) runs(c echo.Context) error {
	lq, err := web.ListParams(c)
	if err != nil {
		return err
	}
	p, err := h.ms.MatchRuns(c.Request().Context(), web.CurrentUser(c), c.Param("id"), lq)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}
