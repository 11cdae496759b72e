package frontend

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

type consentPage struct {
	*screening.ConsentPage
	Token string
	Done  bool
	Gone  bool
	// Ended: gone as the vacancy was filled or closed meanwhile.
	Ended bool
	// Unknown: a link the service does not know; Help says so in the
	// page's language first, then in the other.
	Unknown bool
	Help    []linkHelp
}

// linkHelp is what an unknown link's page says, in one language.
type linkHelp struct{ Lang, Heading, Why, What string }

// unknownConsentLink answers a consent link the service does not know
// (mistyped, cut short, replaced by a newer link and since erased): an
// expected case for a citizen, so a page saying what to do, in Danish and
// English as the link's language is not known, and no error id.
func (f *Frontend) unknownConsentLink(c echo.Context) error {
	lang, other := web.Lang(c), i18n.EN
	if lang == i18n.EN {
		other = i18n.DA
	}
	p := consentPage{Unknown: true}
	for _, l := range []i18n.Lang{lang, other} {
		p.Help = append(p.Help, linkHelp{Lang: string(l), Heading: i18n.T(l, "consent.unknown_h"), Why: i18n.T(l, "consent.unknown_why"), What: i18n.T(l, "consent.unknown_what")})
	}
	return f.render(c, http.StatusNotFound, "consent", "consent.unknown_h", p, nil)
}

func (f *Frontend) registerConsent(public, staff *echo.Group) {
	// The consent link sits outside the CSRF group like the survey: the
	// unguessable token in the path is the credential.
	g := f.srv.Echo().Group("", f.language)
	g.GET("/consent/:token", f.consent)
	g.POST("/consent/:token", f.consentAnswer, f.srv.PublicRateLimit())
	staff.POST("/shortlist/:entry_id/consent-request", f.consentRequest, f.requireCVReader)
	staff.GET("/candidates/:id/export", f.citizenExport, f.requireCVReader)
}

func wantsJSON(c echo.Context) bool {
	return strings.Contains(c.Request().Header.Get(echo.HeaderAccept), "application/json")
}

// privatePage marks a page reached by a private link: no referrer leaks
// the token, no search engine keeps it, no cache holds it.
func privatePage(c echo.Context) {
	h := c.Response().Header()
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Cache-Control", "no-store")
}

func (f *Frontend) consent(c echo.Context) error {
	if f.cfg.Screening == nil {
		return echo.ErrNotFound
	}
	privatePage(c)
	ctx := c.Request().Context()
	r, err := f.cfg.Screening.ConsentByToken(ctx, c.Param("token"))
	if errors.Is(err, jobmatch.ErrGone) && r != nil {
		f.consentLang(c, r.Lang)
		if wantsJSON(c) {
			return web.WriteProblem(c, err)
		}
		return f.render(c, http.StatusGone, "consent", "page.consent", consentPage{Gone: true, Ended: errors.Is(err, screening.ErrVacancyEnded),
			ConsentPage: &screening.ConsentPage{Answer: r.Answer, AnsweredAt: r.AnsweredAt, Consultant: f.cfg.Screening.Asker(ctx, r)}}, nil)
	}
	if err != nil {
		if wantsJSON(c) {
			return web.WriteProblem(c, err)
		}
		if errors.Is(err, jobmatch.ErrNotFound) {
			return f.unknownConsentLink(c)
		}
		return err
	}
	f.consentLang(c, r.Lang)
	p, err := f.cfg.Screening.ConsentViewIn(ctx, r, web.Lang(c))
	if err != nil {
		return err
	}
	if wantsJSON(c) {
		return c.JSON(http.StatusOK, p)
	}
	return f.render(c, http.StatusOK, "consent", "page.consent", consentPage{ConsentPage: p, Token: c.Param("token")}, nil)
}

// consentLang answers in the link's language unless the reader chose one.
func (f *Frontend) consentLang(c echo.Context, lang string) {
	if c.QueryParam("lang") != "" {
		return
	}
	if _, err := c.Cookie("jm_lang"); err == nil {
		return
	}
	if l := i18n.Parse(lang); l != "" {
		c.Set("lang", l)
	}
}

func (f *Frontend) consentAnswer(c echo.Context) error {
	if f.cfg.Screening == nil {
		return echo.ErrNotFound
	}
	privatePage(c)
	ctx := c.Request().Context()
	token := c.Param("token")
	before, _ := f.cfg.Screening.ConsentByToken(ctx, token)
	if before != nil {
		f.consentLang(c, before.Lang)
	}
	if strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		var in screening.ConsentAnswerInput
		err := web.DecodeJSON(c, &in)
		var p *screening.ConsentPage
		if err == nil {
			p, err = f.cfg.Screening.AnswerConsent(ctx, token, in)
		}
		if err != nil {
			return web.WriteProblem(c, err)
		}
		return c.JSON(http.StatusOK, map[string]any{"answer": p.Answer, "answered_at": p.AnsweredAt})
	}
	v, err := formValues(c)
	if err != nil {
		return err
	}
	p, err := f.cfg.Screening.AnswerConsent(ctx, token, screening.ConsentAnswerInput{Answer: v["answer"], Seen: v["seen"]})
	switch {
	case errors.Is(err, jobmatch.ErrGone):
		// Answered already (a second click, a change of mind): say so, as
		// the link does when opened again, not "the deadline has passed".
		gone := &screening.ConsentPage{}
		r, rerr := f.cfg.Screening.ConsentByToken(ctx, token)
		if r != nil {
			gone.Answer, gone.AnsweredAt, gone.Consultant = r.Answer, r.AnsweredAt, f.cfg.Screening.Asker(ctx, r)
		}
		return f.render(c, http.StatusGone, "consent", "page.consent", consentPage{Gone: true, Ended: errors.Is(rerr, screening.ErrVacancyEnded), ConsentPage: gone}, nil)
	case errors.Is(err, jobmatch.ErrNotFound) && before == nil:
		return f.unknownConsentLink(c)
	case errors.Is(err, jobmatch.ErrInvalid):
		r, gerr := f.cfg.Screening.ConsentByToken(ctx, token)
		if gerr != nil {
			return gerr
		}
		p, gerr := f.cfg.Screening.ConsentViewIn(ctx, r, web.Lang(c))
		if gerr != nil {
			return gerr
		}
		return f.render(c, http.StatusUnprocessableEntity, "consent", "page.consent", consentPage{ConsentPage: p, Token: token},
			map[string]string{"answer": i18n.T(web.Lang(c), "consent.pick")})
	case err != nil:
		return err
	}
	return f.render(c, http.StatusOK, "consent", "page.consent", consentPage{ConsentPage: p, Done: true}, nil)
}

func (f *Frontend) consentRequest(c echo.Context) error {
	v, e, err := f.shortlistForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := screening.ConsentRequestInput{Channel: v["channel"], Deadline: v["deadline"], Lang: string(web.Lang(c))}
	_, err = f.cfg.Screening.RequestConsent(ctx, web.CurrentUser(c), e.ID, in)
	return f.afterStep(c, e.VacancyID, "sl-"+e.CandidateID, err, "fw.consent_sent")
}

// citizenExport is the printable version of everything held about a
// citizen (the same data as the API's export, audited the same way).
func (f *Frontend) citizenExport(c echo.Context) error {
	x, err := f.cfg.Screening.Export(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return f.render(c, http.StatusOK, "export", "page.export", x, nil)
}
