package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/web"
)

// RegisterShortlists adds the pre-screening: shortlists, transitions,
// consents and revoking an employer's link.
func RegisterShortlists(s *web.Server, sl *screening.Service, vacancies *intake.Service) {
	g := s.Group()
	cv := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	g.POST("/vacancies/:id/shortlist", func(c echo.Context) error {
		var in struct {
			CandidateID  string   `json:"candidate_id"`
			CandidateIDs []string `json:"candidate_ids"`
		}
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		ids := in.CandidateIDs
		if in.CandidateID != "" {
			ids = append([]string{in.CandidateID}, ids...)
		}
		es, err := sl.Add(c.Request().Context(), web.CurrentUser(c), c.Param("id"), ids)
		if err != nil {
			return err
		}
		if in.CandidateID != "" && len(in.CandidateIDs) == 0 {
			return c.JSON(http.StatusCreated, es[0])
		}
		return c.JSON(http.StatusCreated, map[string]any{"items": es})
	}, cv)
	g.GET("/vacancies/:id/shortlist", func(c echo.Context) error {
		es, err := sl.List(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"items": es})
	}, cv)
	g.POST("/shortlist/:entry_id/transitions", func(c echo.Context) error {
		var in screening.TransitionInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		e, err := sl.Move(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, e)
	}, cv)
	g.POST("/candidates/:id/consents", func(c echo.Context) error {
		var in screening.VacancyConsentInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		k, err := sl.GiveConsent(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, k)
	}, cv)
	g.DELETE("/candidates/:id/consents/:vacancy_id", func(c echo.Context) error {
		if err := sl.WithdrawConsent(c.Request().Context(), web.CurrentUser(c), c.Param("id"), c.Param("vacancy_id")); err != nil {
			return err
		}
		return c.NoContent(http.StatusNoContent)
	}, cv)
	g.DELETE("/vacancies/:id/status-link", func(c echo.Context) error {
		if err := sl.RevokeLink(c.Request().Context(), web.CurrentUser(c), c.Param("id")); err != nil {
			return err
		}
		return c.NoContent(http.StatusNoContent)
	}, cv)
	registerInvitations(s, sl, vacancies)
}
