package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

func init() {
	i18n.Register(map[string][2]string{
		"v.unreachable": {"Borgeren har ingen adresse til den kanal (e-mail eller mobilnummer mangler på CV'et).", "The citizen has no address for that channel (e-mail or mobile number missing on the CV)."},
		"v.rfc3339":     {"Skriv et tidspunkt som 2026-03-10T10:00:00+01:00.", "Enter a time as 2026-03-10T10:00:00+01:00."},
		"v.after_start": {"Sluttidspunktet skal ligge efter starttidspunktet.", "The end must be after the start."},
		"v.https_url":   {"Skriv et link, der begynder med https://.", "Enter a link starting with https://."},
	})
}

// registerInvitations adds consent by link and interview invitations to a
// shortlist entry, and the employer's publication agreement of a vacancy.
func registerInvitations(s *web.Server, sl *screening.Service, vacancies *intake.Service) {
	g := s.Group()
	cv := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	g.POST("/shortlist/:entry_id/consent-request", func(c echo.Context) error {
		var in screening.ConsentRequestInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		r, err := sl.RequestConsent(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, r)
	}, cv)
	g.POST("/shortlist/:entry_id/interviews", func(c echo.Context) error {
		var in screening.InterviewInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		iv, err := sl.ProposeInterview(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, iv)
	}, cv)
	g.GET("/shortlist/:entry_id/interviews", func(c echo.Context) error {
		ivs, err := sl.Interviews(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"items": ivs})
	}, cv)
	// One route for /interviews/{id} and /interviews/{id}.ics: echo's
	// parameters run to the next slash.
	g.GET("/shortlist/:entry_id/interviews/:id", func(c echo.Context) error {
		id, ics := strings.CutSuffix(c.Param("id"), ".ics")
		iv, err := sl.Interview(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), id)
		if err != nil {
			return err
		}
		if !ics {
			return c.JSON(http.StatusOK, iv)
		}
		b, err := sl.ICS(c.Request().Context(), iv)
		if err != nil {
			return err
		}
		c.Response().Header().Set("Content-Disposition", `attachment; filename="interview.ics"`)
		return c.Blob(http.StatusOK, "text/calendar; charset=utf-8", b)
	}, cv)
	g.PATCH("/shortlist/:entry_id/interviews/:id", func(c echo.Context) error {
		var in screening.InterviewChange
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		iv, err := sl.ChangeInterview(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, iv)
	}, cv)
	g.GET("/candidates/:id/shortlists", func(c echo.Context) error {
		ps, err := sl.Processes(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"items": ps})
	}, cv)
	g.GET("/candidates/:id/export", func(c echo.Context) error {
		x, err := sl.Export(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
		if err != nil {
			return err
		}
		c.Response().Header().Set("Cache-Control", "no-store")
		c.Response().Header().Set("Content-Disposition", `attachment; filename="citizen-`+x.Candidate.ID+`.json"`)
		return c.JSON(http.StatusOK, x)
	}, cv)
	g.GET("/vacancies/:id/jobposting", func(c echo.Context) error {
		v, err := vacancies.Vacancy(c.Request().Context(), c.Param("id"))
		if err != nil {
			return err
		}
		jp := vacancies.JobPostingOf(v, sl.City(v.PostalCode), web.AbsoluteURL(c, "/jobs/"+v.ID))
		return c.JSON(http.StatusOK, jp)
	}, cv)
	g.GET("/vacancies/:id/publication", func(c echo.Context) error {
		if _, err := vacancies.Vacancy(c.Request().Context(), c.Param("id")); err != nil {
			return err
		}
		p, err := vacancies.Publication(c.Request().Context(), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, cv)
	g.PUT("/vacancies/:id/publication", func(c echo.Context) error {
		var in jobmatch.Publication
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		p, err := vacancies.SetPublication(c.Request().Context(), web.CurrentUser(c), c.Param("id"), jobmatch.Publication{ShowName: in.ShowName, Publish: in.Publish})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, cv)
}
