package frontend

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

// answerReasons are the reasons an employer picks for "not relevant".
var answerReasons = []string{"qualifications", "experience", "availability", "language", "distance", "other"}

// presented returns the anonymised profiles on a vacancy's private link
// (none for a request's link).
func (f *Frontend) presented(c echo.Context, view *intake.StatusView) ([]screening.Profile, error) {
	if view.Kind != "vacancy" || f.cfg.Screening == nil {
		return nil, nil
	}
	v, err := f.cfg.Screening.VacancyOfLink(c.Request().Context(), c.Param("token"))
	if err != nil {
		return nil, err
	}
	// The positions filled from the shortlist: "1 af 2 stillinger besat"
	// (the page said "Kandidater præsenteret" after a hire).
	if view.Filled, err = f.cfg.Screening.PositionsFilled(c.Request().Context(), v); err != nil {
		return nil, err
	}
	return f.cfg.Screening.PresentedIn(c.Request().Context(), v, web.Lang(c))
}

// languageLevels are the languages of the presented profiles as the
// employer reads them, by profile: "Dansk: flydende (C2)", the level in
// the words the entry form explains the levels by (the page said bare
// codes, "Dansk C2, Engelsk B2"), its code after them.
func languageLevels(lang i18n.Lang, presented []screening.Profile) map[string][]string {
	out := make(map[string][]string, len(presented))
	for _, p := range presented {
		for _, l := range p.Languages {
			code, level, _ := strings.Cut(l, " ")
			name := code
			if k := "lang." + code; i18n.Has(k) {
				name = i18n.T(lang, k)
			}
			text := strings.TrimSpace(name + " " + level)
			if k := "emp.level." + strings.ToUpper(level); level != "" && i18n.Has(k) {
				text = name + ": " + i18n.T(lang, k, strings.ToUpper(level))
			}
			out[p.ProfileID] = append(out[p.ProfileID], text)
		}
	}
	return out
}

func init() {
	statusExtensions = append(statusExtensions, func(_ *Frontend, _ echo.Context, view *intake.StatusView, out map[string]any) {
		if view.Vacancy != nil {
			out["positions_filled"] = view.Filled
		}
	})
}

// registerEmployer adds the employer's answers on the private link. Like
// the survey it sits outside the CSRF group: the token is the credential.
func (f *Frontend) registerEmployer(e *echo.Echo) {
	g := e.Group("", f.language)
	g.POST("/status/:token/answers", f.employerAnswer, f.srv.PublicRateLimit())
	g.GET("/status/:token/answers", f.answersPage)
}

// answersPage sends a GET of the answers' address to the status page. A
// refused answer is the status page shown from the form's POST, so the
// address bar holds /status/TOKEN/answers: a reload after it, or a
// bookmark of it, said "Fejl 405 – Metoden er ikke tilladt her".
func (f *Frontend) answersPage(c echo.Context) error {
	return c.Redirect(http.StatusSeeOther, "/status/"+url.PathEscape(c.Param("token")))
}

func (f *Frontend) employerAnswer(c echo.Context) error {
	if f.cfg.Screening == nil {
		return echo.ErrNotFound
	}
	ctx := c.Request().Context()
	token := c.Param("token")
	if strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		var in screening.AnswerInput
		err := web.DecodeJSON(c, &in)
		var a *jobmatch.EmployerAnswer
		if err == nil {
			a, err = f.cfg.Screening.Answer(ctx, token, in)
		}
		if err != nil {
			return web.WriteProblem(c, err)
		}
		return c.JSON(http.StatusCreated, a)
	}
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := screening.AnswerInput{ProfileID: v["profile_id"], Answer: v["answer"], Reason: v["reason"], Text: v["text"]}
	if _, err := f.cfg.Screening.Answer(ctx, token, in); err != nil {
		var ve *jobmatch.ValidationError
		var ce *jobmatch.ConflictError
		if errors.As(err, &ce) && ce.Code == "vacancy_closed" {
			// From a page loaded before the vacancy was filled.
			setFlashError(c, i18n.T(web.Lang(c), "emp.ended"))
			return c.Redirect(http.StatusSeeOther, "/status/"+token)
		}
		if errors.As(err, &ce) && (ce.Code == "profile_closed" || ce.Code == "already_answered") {
			// From a page loaded before the candidate was hired or
			// withdrew, or before an answer given in another tab.
			setFlashError(c, i18n.T(web.Lang(c), "c."+ce.Code)+" "+i18n.T(web.Lang(c), "emp.page_updated"))
			return c.Redirect(http.StatusSeeOther, "/status/"+token)
		}
		if !errors.As(err, &ve) {
			return err
		}
		for _, fe := range ve.Fields {
			if fe.Field == "profile_id" {
				// A profile withdrawn (or its consent) after the page was
				// loaded: no form on the page is its, so say so above it.
				setFlashError(c, i18n.T(web.Lang(c), "v.unknown_profile")+" "+i18n.T(web.Lang(c), "emp.page_updated"))
				return c.Redirect(http.StatusSeeOther, "/status/"+token)
			}
		}
		// The page again, the answer's form open with what was typed;
		// its language link leads to the page, not to the form's action.
		c.Set("page_url", &url.URL{Path: "/status/" + token})
		return f.statusPage(c, &failedAnswer{AnswerInput: in, Errors: fieldMessages(web.Lang(c), ve)})
	}
	setFlash(c, i18n.T(web.Lang(c), "emp.answered"))
	return c.Redirect(http.StatusSeeOther, "/status/"+token)
}
