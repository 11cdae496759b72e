package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/app/intake"
	"jobmatch/app/staff"
	"jobmatch/web"
)

// RegisterCompanySearch adds GET /api/v1/companies/search?q= for the
// hotline and consultants: CVR digits or part of the name, while typing.
func RegisterCompanySearch(s *web.Server, cs *companies.Search) {
	s.Group().GET("/companies/search", func(c echo.Context) error {
		limit, _ := strconv.Atoi(c.QueryParam("limit"))
		p, err := cs.Search(c.Request().Context(), c.QueryParam("q"), limit)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, web.RequireRole(web.Operational...))
}

// RegisterCompanyService adds the consultant's worklist, the contact log
// and a company's timeline.
func RegisterCompanyService(s *web.Server, u UseCases) {
	g := s.Group()
	staffOnly := web.RequireRole(web.Staff...)
	ops := web.RequireRole(web.Operational...) // management reads figures only
	g.GET("/worklist", func(c echo.Context) error {
		w, err := u.Followup.Worklist(c.Request().Context(), web.CurrentUser(c))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, w)
	}, ops)
	g.POST("/contacts", func(c echo.Context) error {
		var in companies.ContactInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		ct, err := u.Companies.LogContact(c.Request().Context(), web.CurrentUser(c), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, ct)
	}, web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin))
	g.POST("/requests/:id/resolve", func(c echo.Context) error {
		var in intake.ResolveInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		r, err := u.Intake.ResolveRequest(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	}, web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin))
	// A request logged by mistake (on the wrong company) or twice is
	// withdrawn by whoever logged it, the same day, while still open: it
	// leaves the consultant's list and the figures.
	g.POST("/requests/:id/cancel", func(c echo.Context) error {
		var in companies.CancelInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		r, err := u.Companies.CancelRequest(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	}, web.RequireRole(jobmatch.RoleHotline, jobmatch.RoleConsultant, jobmatch.RoleAdmin))
	g.POST("/companies/reassign", func(c echo.Context) error {
		var in companies.BulkReassignInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		m, err := u.Companies.BulkReassign(c.Request().Context(), web.CurrentUser(c), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, m)
	}, web.RequireRole(jobmatch.RoleAdmin))
	g.GET("/kpi", func(c echo.Context) error {
		year, half, err := yearHalf(c)
		if err != nil {
			return err
		}
		f, err := u.Followup.KPI(c.Request().Context(), web.CurrentUser(c), year, half)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, f)
	}, staffOnly)
	g.GET("/outbox", func(c echo.Context) error {
		lq, err := web.ListParams(c)
		if err != nil {
			return err
		}
		p, err := u.Env.Outbox(c.Request().Context(), web.CurrentUser(c), lq)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, web.RequireRole(jobmatch.RoleAdmin))
	g.GET("/settings/deadlines", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]any{"days": u.Intake.DeadlineDays(c.Request().Context())})
	}, staffOnly)
	g.PUT("/settings/deadlines", func(c echo.Context) error {
		var in struct {
			Days map[string]int `json:"days"`
		}
		if err := web.DecodeWhole(c, &in, "days"); err != nil {
			return err
		}
		// The whole table: a topic left out would silently fall back.
		verr := &jobmatch.ValidationError{}
		for _, t := range jobmatch.Topics {
			if _, ok := in.Days[string(t)]; !ok {
				verr.Add("days."+string(t), "required", "")
			}
		}
		if err := verr.Err(); err != nil {
			return err
		}
		days, err := u.Intake.SetDeadlineDays(c.Request().Context(), web.CurrentUser(c), in.Days)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"days": days})
	}, web.RequireRole(jobmatch.RoleAdmin))
	g.PUT("/users/:id/absence", func(c echo.Context) error {
		var in staff.AbsenceInput
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		u, err := u.Staff.SetAbsence(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	}, staffOnly)
	g.GET("/companies/:cvr/timeline", func(c echo.Context) error {
		lq, err := web.ListParams(c)
		if err != nil {
			return err
		}
		p, err := u.Companies.Timeline(c.Request().Context(), web.CurrentUser(c), c.Param("cvr"), lq)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, ops)
}
