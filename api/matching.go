package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
)

// RegisterMatching adds the match endpoints (consultants and admins): a
// vacancy's ranked candidates, a candidate's fitting vacancies, and the
// recorded runs.
func RegisterMatching(s *Server, ms *app.Matching) {
	h := &matchHandlers{ms: ms}
	g := s.Group()
	cv := RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	g.GET("/vacancies/:id/matches", h.vacancyMatches, cv)
	g.GET("/vacancies/:id/explain", func(c echo.Context) error {
		x, err := ms.Explain(c.Request().Context(), CurrentUser(c), c.Param("id"), c.QueryParam("candidate_id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, x)
	}, cv)
	g.GET("/vacancies/:id/match-runs", h.runs, cv)
	g.GET("/candidates/:id/matches", h.candidateMatches, cv)
	g.GET("/match-runs/:id", h.run, cv)
}

type matchHandlers struct{ ms *app.Matching }

// MatchQueryFrom reads a match run's settings from the query string:
// require=distance,licence relax=eligibility radius_km=40
// w_occupation=0.4 … limit cursor why (shared with the page).
func MatchQueryFrom(c echo.Context) (app.MatchQuery, error) {
	qs := c.QueryParams()
	q := app.MatchQuery{Cursor: qs.Get("cursor"), Why: qs.Get("why"), Weights: map[string]float64{}}
	verr := &jobmatch.ValidationError{}
	list := func(k string) []string {
		var out []string
		for _, v := range qs[k] {
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					out = append(out, x)
				}
			}
		}
		return out
	}
	q.Require, q.Relax = list("require"), list("relax")
	if v := qs.Get("radius_km"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			verr.Add("radius_km", "number", "")
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
		f, err := strconv.ParseFloat(vs[0], 64)
		if err != nil {
			verr.Add(k, "number", "")
			continue
		}
		q.Weights[name] = f
	}
	return q, verr.Err()
}

func (h *matchHandlers) vacancyMatches(c echo.Context) error {
	q, err := MatchQueryFrom(c)
	if err != nil {
		return err
	}
	page, err := h.ms.VacancyMatches(c.Request().Context(), CurrentUser(c), c.Param("id"), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

func (h *matchHandlers) candidateMatches(c echo.Context) error {
	q, err := MatchQueryFrom(c)
	if err != nil {
		return err
	}
	page, err := h.ms.CandidateMatches(c.Request().Context(), CurrentUser(c), c.Param("id"), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}

func (h *matchHandlers) run(c echo.Context) error {
	r, err := h.ms.MatchRun(c.Request().Context(), CurrentUser(c), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

func (h *matchHandlers) runs(c echo.Context) error {
	lq, err := ListParams(c)
	if err != nil {
		return err
	}
	p, err := h.ms.MatchRuns(c.Request().Context(), CurrentUser(c), c.Param("id"), lq)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}
