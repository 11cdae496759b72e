package frontend

import (
	"encoding/json"
	"html/template"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/web"
)

func (f *Frontend) registerJobs(public, staff *echo.Group) {
	public.GET("/jobs/:id", f.jobPage)
	f.srv.Echo().GET("/feeds/vacancies.json", f.jobFeed, f.srv.PublicRateLimit())
}

type jobPage struct {
	V      *jobmatch.Vacancy
	City   string
	JSONLD template.JS
}

// jobPage is the public page of a vacancy the employer agreed to publish,
// with its schema.org JobPosting embedded for search engines.
func (f *Frontend) jobPage(c echo.Context) error {
	if f.cfg.Screening == nil {
		return echo.ErrNotFound
	}
	v, err := f.cfg.Intake.PublishedVacancy(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	city := f.cfg.Screening.City(v.PostalCode)
	b, err := json.Marshal(f.cfg.Intake.JobPostingOf(v, city, web.AbsoluteURL(c, "/jobs/"+v.ID)))
	if err != nil {
		return err
	}
	// json.Marshal escapes <, > and &, so the script cannot be closed early.
	return f.render(c, http.StatusOK, "job", "page.job", jobPage{V: v, City: city, JSONLD: template.JS(b)}, nil)
}

// jobFeed lists the published open vacancies as JobPosting JSON-LD.
func (f *Frontend) jobFeed(c echo.Context) error {
	if f.cfg.Screening == nil {
		return echo.ErrNotFound
	}
	vs, err := f.cfg.Intake.PublishedVacancies(c.Request().Context())
	if err != nil {
		return err
	}
	items := make([]intake.JobPosting, 0, len(vs))
	for _, v := range vs {
		items = append(items, f.cfg.Intake.JobPostingOf(v, f.cfg.Screening.City(v.PostalCode), web.AbsoluteURL(c, "/jobs/"+v.ID)))
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return c.JSON(http.StatusOK, map[string]any{"generated_at": f.cfg.Env.Now().UTC().Format(time.RFC3339), "items": items})
}
