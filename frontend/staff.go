package frontend

import (
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
)

func (f *Frontend) loginForm(c echo.Context) error {
	if u := api.CurrentUser(c); u != nil {
		return c.Redirect(http.StatusSeeOther, homeOf(u))
	}
	next := c.QueryParam("next")
	if next != "" {
		next = safeNext(next)
	}
	return f.render(c, http.StatusOK, "login", "page.login", map[string]string{"Next": next, "Email": ""}, nil)
}

// safeNext keeps redirects after login on this site.
func safeNext(n string) string {
	if !strings.HasPrefix(n, "/") || strings.HasPrefix(n, "//") || strings.Contains(n, "\\") {
		return "/staff"
	}
	return n
}

func (f *Frontend) loginSubmit(c echo.Context) error {
	email, password, next := c.FormValue("email"), c.FormValue("password"), safeNext(c.FormValue("next"))
	token, u, err := f.svc.Login(c.Request().Context(), email, password)
	if errors.Is(err, jobmatch.ErrUnauthorized) {
		return f.render(c, http.StatusUnauthorized, "login", "page.login", map[string]string{"Next": next, "Email": email},
			map[string]string{"password": tr(c, "login.failed")})
	}
	if err != nil {
		return err
	}
	api.SetSessionCookie(c, token, false)
	if c.FormValue("next") == "" && u != nil {
		// No page asked for: each role lands on its own start page.
		next = homeOf(u)
	}
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

// homeOf is the start page of a role: management follows the figures.
func homeOf(u *jobmatch.User) string {
	if u.Role == jobmatch.RoleManagement {
		return "/dashboard"
	}
	return "/staff"
}
