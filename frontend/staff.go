package frontend

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/i18n"
)

func (f *Frontend) loginForm(c echo.Context) error {
	if api.CurrentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/staff")
	}
	return f.render(c, http.StatusOK, "login", "page.login", map[string]string{"Next": safeNext(c.QueryParam("next")), "Email": ""}, nil)
}

// safeNext keeps redirects after login on this site: only a local path
// (parsed: no scheme, no host, no backslash, no control or space
// characters, not "//"), else /staff. Browsers drop tabs and newlines from
// URLs, so "/\t/evil.example" would otherwise become "//evil.example".
func safeNext(n string) string {
	const home = "/staff"
	if n == "" || len(n) > 2000 || !strings.HasPrefix(n, "/") || strings.HasPrefix(n, "//") {
		return home
	}
	for _, r := range n {
		if r < 0x21 || r == 0x7f || r == '\\' || (r >= 0x80 && unicode.IsSpace(r)) || unicode.IsControl(r) {
			return home
		}
	}
	u, err := url.Parse(n)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return home
	}
	return n
}

func (f *Frontend) loginSubmit(c echo.Context) error {
	email, password, next := c.FormValue("email"), c.FormValue("password"), safeNext(c.FormValue("next"))
	token, _, err := f.srv.Login(c, email, password)
	if errors.Is(err, jobmatch.ErrUnauthorized) {
		return f.render(c, http.StatusUnauthorized, "login", "page.login", map[string]string{"Next": next, "Email": email},
			map[string]string{"password": tr(c, "login.failed")})
	}
	if errors.Is(err, api.ErrLoginThrottled) {
		return f.render(c, http.StatusTooManyRequests, "login", "page.login", map[string]string{"Next": next, "Email": email},
			map[string]string{"password": i18n.T(api.Lang(c), "p.login_throttled")})
	}
	if err != nil {
		return err
	}
	api.SetSessionCookie(c, token)
	return c.Redirect(http.StatusSeeOther, next)
}

func (f *Frontend) logout(c echo.Context) error {
	if t, ok := c.Get("token").(string); ok {
		_ = f.svc.Logout(c.Request().Context(), t)
	}
	api.ClearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/")
}

type homeData struct {
	Companies    app.Page[*jobmatch.Company]
	Requests     app.Page[*jobmatch.Request]
	OpenRequests []*jobmatch.Request
	Vacancies    app.Page[*jobmatch.Vacancy]
	Scope        string
	Sections     []HomeSection
	Worklist     *app.Worklist
	Now          time.Time
}

// HomeSection is an extra block on the staff home page, added by later capabilities.
type HomeSection struct {
	HTML template.HTML
}

// homeSections lets other files add blocks to the staff home page.
var homeSections []func(f *Frontend, c echo.Context) (HomeSection, bool)

func (f *Frontend) staffHome(c echo.Context) error {
	u := api.CurrentUser(c)
	ctx := c.Request().Context()
	scope := "consultant:" + u.ID
	if u.Role != jobmatch.RoleConsultant || c.QueryParam("all") == "1" {
		scope = ""
	}
	q, err := api.ListParams(c)
	if err != nil {
		return err
	}
	d := homeData{Scope: scope}
	cq := q
	cq.Scope = scope
	if d.Companies, err = f.svc.Companies(ctx, cq); err != nil {
		return err
	}
	rq := app.ListQuery{Scope: scope, Limit: 25}
	if d.Requests, err = f.svc.Requests(ctx, rq); err != nil {
		return err
	}
	if d.Vacancies, err = f.svc.Vacancies(ctx, rq); err != nil {
		return err
	}
	if u.Role == jobmatch.RoleConsultant {
		w, err := f.svc.Worklist(ctx, u)
		if err != nil {
			return err
		}
		d.OpenRequests, d.Worklist = w.OpenRequests, w
		d.Now = f.svc.Now()
	}
	for _, s := range homeSections {
		if sec, ok := s(f, c); ok {
			d.Sections = append(d.Sections, sec)
		}
	}
	return f.render(c, http.StatusOK, "home", "page.home", d, nil)
}

func tr(c echo.Context, key string) string { return trLang(api.Lang(c), key) }

// resolveRequest closes an open request from the overview.
func (f *Frontend) resolveRequest(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	_, err = f.svc.ResolveRequest(c.Request().Context(), api.CurrentUser(c), c.Param("id"), app.ResolveInput{Resolution: v["resolution"], Outcome: v["outcome"]})
	var ve *jobmatch.ValidationError
	switch {
	case errors.As(err, &ve):
		setFlash(c, tr(c, "home.resolve_missing"))
	case errors.Is(err, jobmatch.ErrConflict):
		setFlash(c, tr(c, "home.resolved_already"))
	case err != nil:
		return err
	default:
		setFlash(c, tr(c, "home.resolved"))
	}
	return c.Redirect(http.StatusSeeOther, "/staff")
}
