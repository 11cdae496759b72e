package frontend

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/i18n"
)

func init() {
	routes = append(routes, func(f *Frontend, public, staff *echo.Group) {
		staff.POST("/vacancies/:id/shortlist", f.shortlistAdd, f.requireCVReader)
		staff.POST("/vacancies/:id/consent", f.shortlistConsent, f.requireCVReader)
		staff.POST("/shortlist/:entry_id/move", f.shortlistMove, f.requireCVReader)
	})
}

// shortlistRow is one entry on the vacancy page's shortlist.
type shortlistRow struct {
	*app.Entry
	Next    []app.Stage
	Consent bool
	Reveal  bool
}

func (f *Frontend) shortlistRows(c echo.Context, vacancyID string) ([]shortlistRow, error) {
	if f.cfg.Shortlists == nil {
		return nil, nil
	}
	ctx := c.Request().Context()
	es, err := f.cfg.Shortlists.List(ctx, api.CurrentUser(c), vacancyID)
	if err != nil {
		return nil, err
	}
	rows := make([]shortlistRow, 0, len(es))
	for _, e := range es {
		r := shortlistRow{Entry: e, Next: app.NextStages(e.Stage)}
		if k, err := f.cfg.Shortlists.Consent(ctx, e.CandidateID, vacancyID); err == nil && k.Active() {
			r.Consent, r.Reveal = true, k.RevealIdentity
		}
		rows = append(rows, r)
	}
	return rows, nil
}

func (f *Frontend) backToVacancy(c echo.Context, id string) error {
	return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+id+"#shortlist-h")
}

// flashErr turns a refused step into a message the consultant can act on.
func (f *Frontend) flashErr(c echo.Context, err error) error {
	lang := api.Lang(c)
	var ce *jobmatch.ConflictError
	var ve *jobmatch.ValidationError
	switch {
	case errors.As(err, &ce):
		setFlash(c, i18n.T(lang, "sl.refused")+": "+ce.Detail)
	case errors.As(err, &ve):
		msg := i18n.T(lang, "sl.invalid")
		for k, m := range fieldMessages(lang, ve) {
			msg += " " + k + ": " + m
		}
		setFlash(c, msg)
	default:
		return err
	}
	return nil
}

func (f *Frontend) shortlistAdd(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	ids := form["candidate_id"]
	es, err := f.cfg.Shortlists.Add(c.Request().Context(), api.CurrentUser(c), c.Param("id"), ids)
	if err != nil {
		if err := f.flashErr(c, err); err != nil {
			return err
		}
	} else {
		setFlash(c, i18n.T(api.Lang(c), "sl.added", len(es)))
	}
	return f.backToVacancy(c, c.Param("id"))
}

func (f *Frontend) shortlistMove(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	version, _ := strconv.ParseInt(v["version"], 10, 64)
	in := app.TransitionInput{To: v["to"], Note: v["note"], Version: version}
	if in.To == string(app.StageInterviewed) {
		in.Interview = &app.Interview{Date: v["interview_date"], By: v["interview_by"], Notes: v["interview_notes"], Assessment: v["assessment"]}
	}
	e, err := f.cfg.Shortlists.Move(c.Request().Context(), api.CurrentUser(c), c.Param("entry_id"), in)
	vacancyID := v["vacancy_id"]
	if err != nil {
		if err := f.flashErr(c, err); err != nil {
			return err
		}
	} else {
		vacancyID = e.VacancyID
		setFlash(c, i18n.T(api.Lang(c), "sl.moved", i18n.T(api.Lang(c), "stage."+string(e.Stage))))
	}
	return f.backToVacancy(c, vacancyID)
}

func (f *Frontend) shortlistConsent(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := app.VacancyConsentInput{VacancyID: c.Param("id"), Channel: v["channel"], RevealIdentity: v["reveal_identity"] == "on"}
	if _, err := f.cfg.Shortlists.GiveConsent(c.Request().Context(), api.CurrentUser(c), v["candidate_id"], in); err != nil {
		if err := f.flashErr(c, err); err != nil {
			return err
		}
	} else {
		setFlash(c, i18n.T(api.Lang(c), "sl.consented"))
	}
	return f.backToVacancy(c, c.Param("id"))
}
