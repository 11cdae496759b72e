package frontend

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/web"
)

func (f *Frontend) registerCompany(public, staff *echo.Group) {
	staff.GET("/companies/:cvr", f.companyView)
	staff.POST("/companies/:cvr/contacts", f.companyContact)
}

type companyPage struct {
	Company  *jobmatch.Company
	Owner    jobmatch.ContactPerson
	Timeline app.Page[companies.TimelineItem]
	Kinds    []string
	Values   map[string]string
	Next     string
	// Open are the company's vacancies not yet filled or closed, of its
	// latest 50: what a consultant on the phone with it works on.
	Open []*jobmatch.Vacancy
}

// companyView is a company's page: facts, the one contact person, and the
// timeline of requests, vacancies and contacts; consultants log a contact
// here.
func (f *Frontend) companyView(c echo.Context) error {
	return f.renderCompany(c, http.StatusOK, map[string]string{"kind": "visit", "date": time.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)}, nil)
}

func (f *Frontend) renderCompany(c echo.Context, status int, values map[string]string, errs map[string]string) error {
	ctx := c.Request().Context()
	co, err := f.cfg.Companies.Company(ctx, c.Param("cvr"))
	if err != nil {
		return err
	}
	d := companyPage{Company: co, Kinds: companies.ContactKinds, Values: values}
	d.Owner, _ = f.cfg.Companies.ContactPersonOf(ctx, co)
	lq, err := web.ListParams(c)
	if err != nil {
		return err
	}
	if d.Timeline, err = f.cfg.Companies.Timeline(ctx, web.CurrentUser(c), co.CVR, lq); err != nil {
		return err
	}
	if web.CurrentUser(c).CanReadCVs() && lq.Cursor == "" {
		vs, err := f.cfg.Intake.Vacancies(ctx, app.ListQuery{Scope: "company:" + co.CVR, Limit: 50})
		if err != nil {
			return err
		}
		for _, v := range vs.Items {
			if v.Status != jobmatch.VacancyFilled && v.Status != jobmatch.VacancyClosed {
				d.Open = append(d.Open, v)
			}
		}
	}
	if d.Timeline.NextCursor != "" {
		d.Next = "/staff/companies/" + co.CVR + "?cursor=" + d.Timeline.NextCursor
	}
	return f.render(c, status, "company", "page.company", d, errs)
}

func (f *Frontend) companyContact(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := companies.ContactInput{CVR: c.Param("cvr"), Kind: v["kind"], Date: v["date"], Note: v["note"], FollowUp: v["follow_up"]}
	_, err = f.cfg.Companies.LogContact(c.Request().Context(), web.CurrentUser(c), in)
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		return f.renderCompany(c, http.StatusUnprocessableEntity, v, fieldMessages(web.Lang(c), ve))
	}
	if err != nil {
		return err
	}
	setFlash(c, tr(c, "co.contact_logged"))
	return c.Redirect(http.StatusSeeOther, "/staff/companies/"+c.Param("cvr"))
}
