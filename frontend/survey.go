package frontend

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/surveys"
	"jobmatch/i18n"
	"jobmatch/web"
)

type surveyPage struct {
	Survey    *jobmatch.Survey
	Token     string
	Questions []string
	Values    map[string]string
	Done      bool
	Gone      bool
}

// registerSurvey adds the one-time survey links. They sit outside the CSRF
// group: the unguessable token in the path is the credential, and the JSON
// form of the answer comes from no page of ours.
func (f *Frontend) registerSurvey(e *echo.Echo) {
	g := e.Group("", f.language)
	g.GET("/survey/:token", f.survey)
	g.POST("/survey/:token", f.surveyAnswer, f.srv.PublicRateLimit())
}

func (f *Frontend) survey(c echo.Context) error {
	v, err := f.cfg.Surveys.SurveyByToken(c.Request().Context(), c.Param("token"))
	if errors.Is(err, jobmatch.ErrGone) {
		return f.render(c, http.StatusGone, "survey", "page.survey", surveyPage{Survey: v, Gone: true}, nil)
	}
	if err != nil {
		return err
	}
	f.surveyLang(c, v)
	return f.render(c, http.StatusOK, "survey", "page.survey", surveyPage{Survey: v, Token: c.Param("token"), Questions: v.Questions(), Values: map[string]string{}}, nil)
}

// surveyLang answers in the survey's language unless the reader chose one.
func (f *Frontend) surveyLang(c echo.Context, v *jobmatch.Survey) {
	if c.QueryParam("lang") != "" {
		return
	}
	if _, err := c.Cookie("jm_lang"); err == nil {
		return
	}
	if l := i18n.Parse(v.Lang); l != "" {
		c.Set("lang", l)
	}
}

func (f *Frontend) surveyAnswer(c echo.Context) error {
	ctx := c.Request().Context()
	token := c.Param("token")
	if strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		var in surveys.Answer
		err := web.DecodeJSON(c, &in)
		var v *jobmatch.Survey
		if err == nil {
			v, err = f.cfg.Surveys.AnswerSurvey(ctx, token, in)
		}
		if err != nil {
			return web.WriteProblem(c, err)
		}
		return c.JSON(http.StatusOK, map[string]any{"answered_at": v.AnsweredAt, "answers": v.Answers})
	}
	vals, err := formValues(c)
	if err != nil {
		return err
	}
	in := surveys.Answer{Answers: map[string]int{}, Comment: vals["comment"]}
	for _, q := range []string{"labour", "service"} {
		if s, ok := vals[q]; ok {
			n, err := strconv.Atoi(s)
			if err != nil {
				n = -1
			}
			in.Answers[q] = n
		}
	}
	v, err := f.cfg.Surveys.AnswerSurvey(ctx, token, in)
	switch {
	case errors.Is(err, jobmatch.ErrGone):
		return f.render(c, http.StatusGone, "survey", "page.survey", surveyPage{Survey: v, Gone: true}, nil)
	case errors.Is(err, jobmatch.ErrInvalid):
		v, gerr := f.cfg.Surveys.SurveyByToken(ctx, token)
		if gerr != nil {
			return gerr
		}
		errs := fieldErrors(c, err)
		for _, q := range v.Questions() {
			if _, ok := errs[q]; ok && vals[q] == "" {
				// The summary names no field for a scale: say what to do.
				errs[q] = i18n.T(web.Lang(c), "survey.pick")
			}
		}
		return f.render(c, http.StatusUnprocessableEntity, "survey", "page.survey",
			surveyPage{Survey: v, Token: token, Questions: v.Questions(), Values: vals}, errs)
	case err != nil:
		return err
	}
	return f.render(c, http.StatusOK, "survey", "page.survey", surveyPage{Survey: v, Done: true}, nil)
}

// fieldErrors maps the answer's field errors ("answers.labour") to the
// form's fields ("labour").
func fieldErrors(c echo.Context, err error) map[string]string {
	var ve *jobmatch.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	out := map[string]string{}
	for k, m := range fieldMessages(web.Lang(c), ve) {
		out[strings.TrimPrefix(k, "answers.")] = m
	}
	return out
}
