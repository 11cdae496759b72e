package frontend

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/i18n"
	"jobmatch/web"
)

func (f *Frontend) registerVacancyClose(public, staff *echo.Group) {
	staff.POST("/vacancies/:id/close", f.vacancyClose, f.requireCVReader)
	staff.POST("/vacancies/:id/occupation", f.vacancyOccupation, f.requireCVReader)
}

// vacancyOccupation is the consultant correcting the occupation a vacancy
// is matched as, when its title names another or many ("Chauffør").
func (f *Frontend) vacancyOccupation(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	ctx, by, lang := c.Request().Context(), web.CurrentUser(c), web.Lang(c)
	if v["clear"] != "" {
		if _, err := f.cfg.Intake.ClearVacancyOccupation(ctx, by, c.Param("id")); err != nil {
			return err
		}
		setFlash(c, i18n.T(lang, "vac.occupation_cleared"))
		return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+c.Param("id"))
	}
	vac, err := f.cfg.Intake.SetVacancyOccupation(ctx, by, c.Param("id"), intake.VacancyOccupation{Occupation: v["occupation"]})
	switch {
	case errors.Is(err, jobmatch.ErrInvalid):
		setFlashError(c, i18n.T(lang, "vac.occupation_unknown"))
	case err != nil:
		return err
	default:
		setFlash(c, fmt.Sprintf(i18n.T(lang, "vac.occupation_set"), f.cfg.CVs.Taxonomy().DisplayTitle(vac.Occupation, string(lang))))
	}
	return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+c.Param("id"))
}

// vacancyClose is the consultant closing a vacancy by hand: filled (by a
// candidate the jobcenter presented, or not) or closed unfilled.
func (f *Frontend) vacancyClose(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := intake.VacancyClose{Status: v["status"], Note: v["note"], FilledByPresented: v["filled_by_presented"] == "on"}
	_, err = f.cfg.Intake.CloseVacancy(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
	lang := web.Lang(c)
	switch {
	case errors.Is(err, jobmatch.ErrConflict):
		setFlashError(c, i18n.T(lang, "vac.already_closed"))
	case errors.Is(err, jobmatch.ErrInvalid):
		// Said at the radios, the fold open (DKFDS's error at the field).
		setFlashAt(c, i18n.T(lang, "vac.close_pick"), "close", true)
		return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+c.Param("id")+"#close")
	case err != nil:
		return err
	default:
		setFlash(c, i18n.T(lang, "vac.closed_"+in.Status))
	}
	return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+c.Param("id"))
}

func init() {
	i18n.Register(map[string][2]string{
		"vac.ended_filled": {"Stillingen er besat – der rangeres ikke flere kandidater.", "The vacancy is filled – no more candidates are ranked."},
		"vac.ended_closed": {"Stillingen er lukket – der rangeres ikke flere kandidater.", "The vacancy is closed – no more candidates are ranked."},
		"vac.last_run":     {"Seneste rangering (%s)", "Latest ranking (%s)"},
		"vac.history":      {"Forløb", "History"},
	})
}
