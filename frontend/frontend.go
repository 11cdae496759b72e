// Package frontend serves jobmatch's server-rendered pages: the employers' one
// entry point, the private status link, and the staff pages. Pages work
// without JavaScript, speak Danish by default with English one click away,
// and call the same services as the JSON API.
package frontend

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config holds the frontend's dependencies.
type Config struct {
	// Places names postal districts in forms (optional).
	Places interface {
		ValidPostal(code string) bool
	}
	// Candidates is the CV service for the staff's CV pages.
	Candidates *app.Candidates
	// Matching ranks candidates on the vacancy page.
	Matching *app.Matching
	// Companies finds companies on the hotline page.
	Companies *app.CompanySearch
	// Shortlists is the pre-screening on the vacancy and status pages.
	Shortlists *app.Shortlists
}

// Frontend renders the pages.
type Frontend struct {
	srv   *api.Server
	svc   *app.Service
	cfg   Config
	pages map[string]*template.Template
}

// Register adds the pages to the server.
func Register(srv *api.Server, cfg Config) error {
	f := &Frontend{srv: srv, svc: srv.Service(), cfg: cfg}
	if err := f.parse(); err != nil {
		return err
	}
	e := srv.Echo()
	srv.HTMLError = f.errorPage
	static, _ := fs.Sub(staticFS, "static")
	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", cacheStatic(http.FileServer(http.FS(static))))))

	csrf := middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup: "form:_csrf", CookieName: "jm_csrf", CookiePath: "/", CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteLaxMode, ContextKey: "csrf",
		ErrorHandler: func(err error, c echo.Context) error {
			return echo.NewHTTPError(http.StatusForbidden, "csrf")
		},
	})
	g := e.Group("", f.language, csrf)
	g.GET("/", f.entryForm)
	g.POST("/", f.entrySubmit, srv.PublicRateLimit())
	g.GET("/status/:token", f.status)
	g.GET("/about", f.about)
	g.GET("/login", f.loginForm)
	g.POST("/login", f.loginSubmit, srv.PublicRateLimit())
	g.POST("/logout", f.logout)
	staff := g.Group("/staff", f.requireStaff, f.figuresOnly)
	staff.GET("", f.staffHome)
	staff.POST("/requests/:id/resolve", f.resolveRequest)
	f.registerSurvey(e)
	f.registerEmployer(e)
	for _, r := range routes {
		r(f, g, staff)
	}
	return nil
}

// routes lets other files of this package add their pages.
var routes []func(f *Frontend, public *echo.Group, staff *echo.Group)

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

var funcs = template.FuncMap{
	"join": strings.Join,
	"list": func(a ...string) []string { return a },
	"date": func(t any) string {
		switch v := t.(type) {
		case time.Time:
			if v.IsZero() {
				return ""
			}
			return v.In(jobmatch.Copenhagen).Format("02-01-2006")
		case *time.Time:
			if v == nil {
				return ""
			}
			return v.In(jobmatch.Copenhagen).Format("02-01-2006")
		case jobmatch.Date:
			if v.IsZero() {
				return ""
			}
			return v.Format("02-01-2006")
		}
		return ""
	},
	"datetime": func(t time.Time) string { return t.In(jobmatch.Copenhagen).Format("02-01-2006 15:04") },
	"lower":    strings.ToLower,
	"add":      func(a, b int) int { return a + b },
	"pct":      func(f float64) string { return fmt.Sprintf("%.0f %%", f*100) },
	"fpct":     fmtPct,
	"fnum":     fmtNum,
	"fint":     func(l i18n.Lang, v any) string { return fmtInt(l, toFloat(v)) },
	"fchange": func(l i18n.Lang, unit string, v float64) string {
		sign := "+"
		if v < 0 {
			sign, v = "−", -v
		}
		switch unit {
		case "share":
			pp := " pct.-point"
			if l == i18n.EN {
				pp = " pp"
			}
			return sign + fmtNum(l, v*100) + pp
		case "count":
			return sign + fmtInt(l, v)
		}
		return sign + fmtNum(l, v)
	},
	"ffig": func(l i18n.Lang, unit string, v float64) string {
		switch unit {
		case "share":
			return fmtPct(l, v)
		case "count":
			return fmtInt(l, v)
		}
		return fmtNum(l, v)
	},
	"mul":  func(a, b float64) float64 { return a * b },
	"addf": func(a, b float64) float64 { return a + b },
	"overdue": func(due *time.Time, now time.Time) bool {
		return due != nil && due.Before(now)
	},
	"deref": func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	},
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
}

func (f *Frontend) parse() error {
	f.pages = map[string]*template.Template{}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || strings.HasPrefix(base, "_") {
			continue
		}
		files := []string{"templates/layout.html", n}
		partials, _ := fs.Glob(templateFS, "templates/_*.html")
		files = append(files, partials...)
		t, err := template.New("layout.html").Funcs(funcs).Funcs(template.FuncMap{
			"t": func(string, ...any) string { return "" }, "field": func(string) string { return "" },
		}).ParseFS(templateFS, files...)
		if err != nil {
			return fmt.Errorf("frontend: parse %s: %w", n, err)
		}
		f.pages[strings.TrimSuffix(base, ".html")] = t
	}
	return nil
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// Page is what every template gets.
type Page struct {
	Lang  i18n.Lang
	Title string
	User  *jobmatch.User
	CSRF  string
	Path  string
	// Query is the request's query without lang, for the language switch.
	Query  string
	Flash  string
	Errors map[string]string // field → message
	Data   any
}

func (f *Frontend) render(c echo.Context, status int, name, titleKey string, data any, errs map[string]string) error {
	t, ok := f.pages[name]
	if !ok {
		return fmt.Errorf("frontend: no page %q", name)
	}
	lang := api.Lang(c)
	p := Page{Lang: lang, User: api.CurrentUser(c), Path: c.Request().URL.Path, Data: data, Errors: errs}
	p.Title = i18n.T(lang, titleKey)
	if tok, ok := c.Get("csrf").(string); ok {
		p.CSRF = tok
	}
	q := c.Request().URL.Query()
	q.Del("lang")
	p.Query = q.Encode()
	if fl, err := c.Cookie("jm_flash"); err == nil {
		p.Flash, _ = url.QueryUnescape(fl.Value)
		c.SetCookie(&http.Cookie{Name: "jm_flash", Path: "/", MaxAge: -1})
	}
	t, err := t.Clone()
	if err != nil {
		return err
	}
	t.Funcs(template.FuncMap{
		"t":     func(key string, args ...any) string { return i18n.T(lang, key, args...) },
		"field": func(name string) string { return errs[name] },
	})
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		return fmt.Errorf("frontend: render %s: %w", name, err)
	}
	c.Response().Header().Set("Content-Language", string(lang))
	return c.HTMLBlob(status, buf.Bytes())
}

// language picks the page language: ?lang= (remembered in a cookie), the
// cookie, else Danish. Pages are Danish by default whatever the browser
// asks for — the jobcentre's own language — with English one click away; the
// JSON API follows Accept-Language instead.
func (f *Frontend) language(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		l := i18n.Parse(c.QueryParam("lang"))
		if l != "" {
			c.SetCookie(&http.Cookie{Name: "jm_lang", Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
		} else if ck, err := c.Cookie("jm_lang"); err == nil {
			l = i18n.Parse(ck.Value)
		}
		if l == "" {
			l = i18n.DA
		}
		c.Set("lang", l)
		return next(c)
	}
}

func (f *Frontend) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if api.CurrentUser(c) == nil {
			return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
		}
		return next(c)
	}
}

// figuresOnly keeps management to the figures: the staff pages show request
// texts and employers' contacts, so management is sent from /staff to the
// dashboard and gets a 403 on every other staff page.
func (f *Frontend) figuresOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if u := api.CurrentUser(c); u != nil && u.Role == jobmatch.RoleManagement {
			if c.Request().Method == http.MethodGet && strings.TrimSuffix(c.Request().URL.Path, "/") == "/staff" {
				return c.Redirect(http.StatusSeeOther, "/dashboard")
			}
			return jobmatch.ErrForbidden
		}
		return next(c)
	}
}

// setFlash shows a one-time message on the next page.
func setFlash(c echo.Context, msg string) {
	c.SetCookie(&http.Cookie{Name: "jm_flash", Value: url.QueryEscape(msg), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

type errorData struct {
	Status    int
	Message   string
	RequestID string
}

func (f *Frontend) errorPage(err error, c echo.Context) {
	status, key := api.ToStatus(err)
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Message == "csrf" {
		key = "page.csrf"
	}
	if status == http.StatusUnauthorized {
		_ = c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
		return
	}
	d := errorData{Status: status, Message: i18n.T(api.Lang(c), key), RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
	if rerr := f.render(c, status, "error", "page.error", d, nil); rerr != nil {
		_ = c.String(status, d.Message)
	}
}

func (f *Frontend) about(c echo.Context) error {
	return f.render(c, http.StatusOK, "about", "page.about", nil, nil)
}
