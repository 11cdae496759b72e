package frontend

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/i18n"
	"jobmatch/web"
)

func (f *Frontend) loginForm(c echo.Context) error {
	if u := web.CurrentUser(c); u != nil {
		return c.Redirect(http.StatusSeeOther, homeOf(u))
	}
	next := c.QueryParam("next")
	if next != "" {
		next = safeNext(next)
	}
	return f.render(c, http.StatusOK, "login", "page.login", map[string]string{"Next": next, "Email": ""}, nil)
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
	token, u, err := f.srv.Login(c, email, password)
	if errors.Is(err, jobmatch.ErrUnauthorized) {
		return f.render(c, http.StatusUnauthorized, "login", "page.login", map[string]string{"Next": next, "Email": email},
			map[string]string{"password": tr(c, "login.failed")})
	}
	if errors.Is(err, web.ErrLoginThrottled) || errors.Is(err, web.ErrLoginThrottledAddress) {
		key := "p.login_throttled"
		if errors.Is(err, web.ErrLoginThrottledAddress) {
			key = "p.login_throttled_address"
		}
		return f.render(c, http.StatusTooManyRequests, "login", "page.login", map[string]string{"Next": next, "Email": email},
			map[string]string{"password": i18n.T(web.Lang(c), key)})
	}
	if err != nil {
		return err
	}
	web.SetSessionCookie(c, token)
	if c.FormValue("next") == "" && u != nil {
		// No page asked for: each role lands on its own start page.
		next = homeOf(u)
	}
	return c.Redirect(http.StatusSeeOther, next)
}

func (f *Frontend) logout(c echo.Context) error {
	if t, ok := c.Get("token").(string); ok {
		_ = f.cfg.Staff.Logout(c.Request().Context(), t)
	}
	web.ClearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/")
}

type homeData struct {
	Companies    app.Page[*jobmatch.Company]
	Requests     app.Page[*jobmatch.Request]
	OpenRequests []*jobmatch.Request
	Vacancies    app.Page[*jobmatch.Vacancy]
	Scope        string
	// Hotline: the hotline's overview, the requests it logs first.
	Hotline  bool
	Sections []HomeSection
	Worklist *followup.Worklist
	Now      time.Time
	// The open requests' filter, sort and page.
	WL worklistView
}

// worklistView is the consultant's open requests filtered (topic, overdue,
// company), sorted by a column and cut into pages.
type worklistView struct {
	Topic, Company, Sort, Dir string
	Overdue                   bool
	Page, Pages, Total        int
	Topics                    []jobmatch.Topic
	// Query is the filter as a query string (without sort and page), a URL
	// part the template must not escape again.
	Query template.URL
}

const worklistPageSize = 20

func filterWorklist(c echo.Context, rs []*jobmatch.Request, now time.Time) ([]*jobmatch.Request, worklistView) {
	v := worklistView{Topic: c.QueryParam("topic"), Company: strings.TrimSpace(c.QueryParam("company")), Sort: c.QueryParam("sort"),
		Dir: c.QueryParam("dir"), Overdue: c.QueryParam("overdue") == "1", Topics: hotlineTopics}
	if v.Sort == "" {
		v.Sort = "due"
	}
	if v.Dir != "desc" {
		v.Dir = "asc"
	}
	q := url.Values{}
	if v.Topic != "" {
		q.Set("topic", v.Topic)
	}
	if v.Company != "" {
		q.Set("company", v.Company)
	}
	if v.Overdue {
		q.Set("overdue", "1")
	}
	v.Query = template.URL(q.Encode())
	company := strings.ToLower(v.Company)
	var out []*jobmatch.Request
	for _, r := range rs {
		if v.Topic != "" && string(r.Topic) != v.Topic {
			continue
		}
		if v.Overdue && (r.DueAt == nil || !r.DueAt.Before(now)) {
			continue
		}
		if company != "" && !strings.Contains(strings.ToLower(r.CompanyName), company) && !strings.Contains(r.CVR, company) {
			continue
		}
		out = append(out, r)
	}
	far := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	due := func(r *jobmatch.Request) time.Time {
		if r.DueAt == nil {
			return far
		}
		return *r.DueAt
	}
	switch v.Sort {
	case "received", "company", "topic", "ref":
	default:
		v.Sort = "due"
	}
	less := func(a, b *jobmatch.Request) bool {
		switch v.Sort {
		case "received":
			return a.ReceivedAt.Before(b.ReceivedAt)
		case "company":
			return strings.ToLower(a.CompanyName) < strings.ToLower(b.CompanyName)
		case "topic":
			return a.Topic < b.Topic
		case "ref":
			return a.Reference < b.Reference
		}
		return due(a).Before(due(b))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if v.Dir == "desc" { // reversed, equal rows keep their order
			return less(out[j], out[i])
		}
		return less(out[i], out[j])
	})
	v.Total = len(out)
	v.Pages = (len(out) + worklistPageSize - 1) / worklistPageSize
	v.Page, _ = strconv.Atoi(c.QueryParam("page"))
	if v.Page < 1 {
		v.Page = 1
	}
	if v.Pages > 0 && v.Page > v.Pages {
		v.Page = v.Pages
	}
	from := (v.Page - 1) * worklistPageSize
	if from > len(out) {
		from = len(out)
	}
	return out[from:min(from+worklistPageSize, len(out))], v
}

// HomeSection is an extra block on the staff home page, added by later capabilities.
type HomeSection struct {
	HTML template.HTML
}

// homeSections lets other files add blocks to the staff home page.
var homeSections []func(f *Frontend, c echo.Context) (HomeSection, bool)

func (f *Frontend) staffHome(c echo.Context) error {
	u := web.CurrentUser(c)
	ctx := c.Request().Context()
	scope := "consultant:" + u.ID
	if u.Role != jobmatch.RoleConsultant || c.QueryParam("all") == "1" {
		scope = ""
	}
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	d := homeData{Scope: scope, Hotline: u.Role == jobmatch.RoleHotline}
	cq := q
	cq.Scope = scope
	if d.Companies, err = f.cfg.Companies.Companies(ctx, cq); err != nil {
		return err
	}
	// The latest 25 of each, and the next 25 from a link ("49 i alt"
	// showed 25 and no way to the rest).
	rq := app.ListQuery{Scope: scope, Limit: 25, Cursor: c.QueryParam("rcursor")}
	if d.Requests, err = f.cfg.Intake.Requests(ctx, rq); err != nil {
		return err
	}
	vq := app.ListQuery{Scope: scope, Limit: 25, Cursor: c.QueryParam("vcursor")}
	if d.Vacancies, err = f.cfg.Intake.Vacancies(ctx, vq); err != nil {
		return err
	}
	if u.Role == jobmatch.RoleConsultant {
		w, err := f.cfg.Followup.Worklist(ctx, u)
		if err != nil {
			return err
		}
		d.Now = f.cfg.Env.Now()
		d.Worklist = w
		d.OpenRequests, d.WL = filterWorklist(c, w.OpenRequests, d.Now)
	}
	for _, s := range homeSections {
		if sec, ok := s(f, c); ok {
			d.Sections = append(d.Sections, sec)
		}
	}
	return f.render(c, http.StatusOK, "home", "page.home", d, nil)
}

func tr(c echo.Context, key string) string { return trLang(web.Lang(c), key) }

// resolveRequest closes an open request from the overview.
func (f *Frontend) resolveRequest(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	_, err = f.cfg.Intake.ResolveRequest(c.Request().Context(), web.CurrentUser(c), c.Param("id"), intake.ResolveInput{Resolution: v["resolution"], Outcome: v["outcome"]})
	var ve *jobmatch.ValidationError
	switch {
	case errors.As(err, &ve):
		setFlashError(c, tr(c, "home.resolve_missing"))
	case errors.Is(err, jobmatch.ErrConflict):
		setFlash(c, tr(c, "home.resolved_already"))
	case err != nil:
		return err
	default:
		setFlash(c, tr(c, "home.resolved"))
	}
	return c.Redirect(http.StatusSeeOther, "/staff")
}

// homeOf is the start page of a role: management follows the figures,
// the hotline logs calls (it landed on the overview of every request, a
// click from the hotline every morning).
func homeOf(u *jobmatch.User) string {
	switch u.Role {
	case jobmatch.RoleManagement:
		return "/dashboard"
	case jobmatch.RoleHotline:
		return "/staff/hotline"
	}
	return "/staff"
}
