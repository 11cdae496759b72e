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
	"html"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/cvs"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/app/matching"
	"jobmatch/app/screening"
	"jobmatch/app/staff"
	"jobmatch/app/surveys"
	"jobmatch/i18n"
	"jobmatch/kpi"
	"jobmatch/matcher"
	"jobmatch/web"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config holds the frontend's dependencies.
type Config struct {
	// Env is the use cases' environment (clock, validator).
	Env *app.Env
	// Staff signs staff out.
	Staff *staff.Service
	// Companies shows a company, its contact person, timeline and contacts.
	Companies *companies.Service
	// Intake takes the entry form and the hotline's requests, lists them,
	// shows a status link and closes vacancies.
	Intake *intake.Service
	// Surveys shows and takes survey answers.
	Surveys *surveys.Service
	// Followup draws the dashboard and the worklist.
	Followup *followup.Service
	// Places names postal districts in forms (optional).
	Places interface {
		ValidPostal(code string) bool
		Name(code string) string
	}
	// CVs are the staff's CV pages.
	CVs *cvs.Service
	// Matching ranks candidates on the vacancy page.
	Matching *matching.Service
	// CompanySearch finds companies on the hotline page.
	CompanySearch *companies.Search
	// Screening is the pre-screening on the vacancy and status pages.
	Screening *screening.Service
	// Retention is what the privacy page says of how long data is kept.
	Retention Retention
}

// Retention are the periods, in days, after which the service erases
// data (0: never, or not set); the privacy page states them.
type Retention struct {
	CVDays, ShortlistDays, MatchRunDays, LinkGraceDays int
}

// Frontend renders the pages.
type Frontend struct {
	srv   *web.Server
	cfg   Config
	pages map[string]*template.Template
	// labels are each page's form fields by name, as the i18n key of the
	// label the page gives them, so the error summary can say which field
	// ("Virksomhedens navn: Skal udfyldes." where five lines read "Skal
	// udfyldes.").
	labels map[string]map[string]string
	// order is each page's labelled fields in the order the page has them.
	order map[string][]string
	// anchors are the ids of each page's fields written by hand, by name.
	anchors map[string]map[string]string
	// ownSummary marks the pages that place their error summary themselves;
	// the layout shows it at the top of the others that have errors.
	ownSummary map[string]bool
}

// summaryLine is one line of a form's error summary; Anchor is the id of
// the field it leads to ("f-email" for the partials' fields, the page's own
// id for a field written by hand: "c-date").
type summaryLine struct{ Field, Label, Message, Anchor string }

// labelPatterns find a field's label in a template: the input and
// textarea partials' dict, and a label written by hand.
var labelPatterns = []*regexp.Regexp{
	regexp.MustCompile(`"name" "([^"]+)" "label" \(t "([^"]+)"\)`),
	regexp.MustCompile(`for="f-([^"{]+)"[^>]*>\{\{t "([^"]+)"\}\}`),
}

// fieldIDs find the id of a field written by hand (an input, select or
// textarea with its own id, or the id given to a page's own partial) by
// its name, and labelFor a label by the id it is for: the summary's line
// for "date" leads to #c-date and says its label.
var (
	fieldIDs = []*regexp.Regexp{
		regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*?\sid="(?P<id>[^"{]+)"[^>]*?\sname="(?P<name>[^"{]+)"`),
		regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*?\sname="(?P<name>[^"{]+)"[^>]*?\sid="(?P<id>[^"{]+)"`),
		regexp.MustCompile(`"id" "(?P<id>[^"]+)" "name" "(?P<name>[^"]+)" "label" \(t "(?P<label>[^"]+)"\)`),
		// A field whose errors come under another name than the one it
		// is sent by says so (data-error): the hotline's new company's
		// CVR is sent as "cvr" and its error is "new_cvr", whose line in
		// the summary led to #f-new_cvr, which is no field.
		regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*?\sid="(?P<id>[^"{]+)"[^>]*?\sdata-error="(?P<name>[^"{]+)"`),
	}
	labelFor = regexp.MustCompile(`for="([^"{]+)"[^>]*>\{\{t "([^"]+)"\}\}`)
)

// Register adds the pages to the server.
func Register(srv *web.Server, cfg Config) error {
	f := &Frontend{srv: srv, cfg: cfg}
	if err := f.parse(); err != nil {
		return err
	}
	e := srv.Echo()
	// Compress pages, JSON and static files for clients that ask
	// (Accept-Encoding: gzip); small answers are sent as they are.
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, MinLength: 1024}))
	srv.HTMLError = f.errorPage
	static, _ := fs.Sub(staticFS, "static")
	files := echo.WrapHandler(http.StripPrefix("/static/", cacheStatic(http.FileServer(http.FS(static)))))
	e.GET("/static/*", func(c echo.Context) error {
		// Files, not listings of the folders they are in.
		name, err := url.PathUnescape(c.Param("*"))
		if err != nil {
			return echo.ErrNotFound
		}
		if st, err := fs.Stat(static, strings.TrimSuffix(name, "/")); err != nil || st.IsDir() {
			return echo.ErrNotFound
		}
		return files(c)
	})

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
	g.GET("/about/privacy", f.aboutPrivacy)
	g.GET("/about/accessibility", f.aboutAccessibility)
	g.GET("/login", f.loginForm)
	g.POST("/login", f.loginSubmit, srv.PublicRateLimit())
	g.POST("/logout", f.logout)
	staff := g.Group("/staff", f.requireStaff, f.figuresOnly)
	staff.GET("", f.staffHome)
	staff.POST("/requests/:id/resolve", f.resolveRequest)
	f.registerSurvey(e)
	f.registerEmployer(e)
	// Every page's routes, in one place (each file adds its own group).
	for _, register := range []func(public, staff *echo.Group){
		f.registerCandidates, f.registerCompany, f.registerConsent, f.registerDashboard, f.registerHotline,
		f.registerInterviews, f.registerJobs, f.registerShortlist, f.registerVacancy, f.registerVacancyClose,
		f.registerWhyNot,
	} {
		register(g, staff)
	}
	return nil
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

var funcs = template.FuncMap{
	"join": strings.Join,
	// icon draws a DKFDS icon from the vendored sprite; decorative, so
	// hidden from screen readers (the text next to it says it).
	"icon": func(name string) template.HTML {
		return template.HTML(`<svg class="icon-svg" focusable="false" aria-hidden="true"><use href="/static/dkfds/img/all-svg-icons.svg#` + template.HTMLEscapeString(name) + `"></use></svg>`)
	},
	"list": func(a ...string) []string { return a },
	// inlist: the form value (one item a line, or comma-separated) holds item.
	"inlist": func(value, item string) bool { return slices.Contains(splitList(value), item) },
	// date and datetime are replaced per request by the page language's
	// (see render): one format on every page, i18n.Date / i18n.DateTime.
	"date":     func(t any) string { return dateIn(i18n.DA, t) },
	"datetime": func(t any) string { return dateTimeIn(i18n.DA, t) },
	// started reports whether a date is today or before (Copenhagen): a
	// CV available from a day gone by is available now.
	// started: the day (a jobmatch.Date or "2006-01-02") is today or past.
	"started": func(d any) bool {
		var t time.Time
		switch v := d.(type) {
		case jobmatch.Date:
			t = v.Time
		case string:
			var err error
			if t, err = time.Parse(time.DateOnly, v); err != nil {
				return false
			}
		}
		return !t.After(time.Now().In(jobmatch.Copenhagen))
	},
	"lower":     strings.ToLower,
	"hasSuffix": strings.HasSuffix,
	"add":       func(a, b int) int { return a + b },
	"pct":       func(f float64) string { return fmt.Sprintf("%.0f %%", f*100) },
	"fpct":      fmtPct,
	"fnum":      fmtNum,
	"pts":       func(lang i18n.Lang, v float64) string { return i18n.Number(lang, v, 2) }, // a score or its part, as on the match cards
	// ptsof says a score as the match card does: "0,87 af 0,90 mulige
	// point = 97 %".
	"ptsof": func(lang i18n.Lang, cs []matcher.Component, score float64) string {
		got, max := 0.0, 0.0
		for _, c := range cs {
			got, max = got+c.Points, max+c.SetWeight
		}
		return i18n.T(lang, "wn.points_of", i18n.Number(lang, got, 2), i18n.Number(lang, max, 2), i18n.Percent(lang, score))
	},
	"fint": func(l i18n.Lang, v any) string { return fmtInt(l, toFloat(v)) },
	// fdiff is the change from prev to v as the two figures are shown
	// (each rounded first: 67,6 % beside 59,4 % is 8,2 points, not the
	// unrounded 8,3).
	"fdiff": func(l i18n.Lang, unit string, v, prev float64) string {
		return fchange(l, unit, shownAs(unit, v)-shownAs(unit, prev))
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
	// noise: a change of a share whose 95 % interval includes zero.
	"noise": func(unit string, v float64, n int, prev float64, prevN int) bool {
		return unit == "share" && n > 0 && prevN > 0 && v != prev && kpi.WithinNoise(v, n, prev, prevN)
	},
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
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
	"langlevel": func(s string) string { return s },
	"action":    func(s string) string { return s },
	"actor":     func(s string) string { return s },
	"reason":    func(_, s string) string { return s },
	"period":    func(s string) string { return s },
	"timespan":  func(_, _ time.Time) string { return "" },
	// clock says a time of day (Copenhagen) in the page's language,
	// "kl. 21.10" in Danish as datetime does: hhmm is a time field's
	// value, and the hotline's warning said "kl. 21:10".
	"clock": func(t time.Time) string { return i18n.Clock(i18n.DA, t.In(jobmatch.Copenhagen)) },
	// isoday and hhmm fill a date and a time field with a moment
	// (Copenhagen): the interview's booked slot in its "move" form.
	"isoday":    func(t time.Time) string { return t.In(jobmatch.Copenhagen).Format(time.DateOnly) },
	"hhmm":      func(t time.Time) string { return t.In(jobmatch.Copenhagen).Format("15:04") },
	"place":     func(code string) string { return code },
	"education": func(level, field string) string { return field },
	"num":       func(v any, decimals int) string { return i18n.Trimmed(i18n.DA, toFloat(v), decimals) },
	"years":     func(v any) string { return yearsWord(i18n.DA, toFloat(v)) },
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
	f.labels = map[string]map[string]string{}
	f.order = map[string][]string{}
	f.anchors = map[string]map[string]string{}
	f.ownSummary = map[string]bool{}
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
			"summary": func(map[string]string) []summaryLine { return nil },
		}).ParseFS(templateFS, files...)
		if err != nil {
			return fmt.Errorf("frontend: parse %s: %w", n, err)
		}
		page := strings.TrimSuffix(base, ".html")
		f.pages[page] = t
		src, err := fs.ReadFile(templateFS, n)
		if err != nil {
			return err
		}
		f.labels[page] = map[string]string{}
		type found struct {
			at              int
			field, text, id string
		}
		var all []found
		for _, re := range labelPatterns {
			for _, m := range re.FindAllSubmatchIndex(src, -1) {
				all = append(all, found{at: m[0], field: string(src[m[2]:m[3]]), text: string(src[m[4]:m[5]])})
			}
		}
		byID := map[string]string{}
		for _, m := range labelFor.FindAllSubmatch(src, -1) {
			byID[string(m[1])] = string(m[2])
		}
		f.anchors[page] = map[string]string{}
		var ids []found
		for _, re := range fieldIDs {
			for _, m := range re.FindAllSubmatchIndex(src, -1) {
				x := found{at: m[0]}
				for i, n := range re.SubexpNames() {
					switch v := ""; n {
					case "id", "name", "label":
						if m[2*i] >= 0 {
							v = string(src[m[2*i]:m[2*i+1]])
						}
						switch n {
						case "id":
							x.id = v
						case "name":
							x.field = v
						default:
							x.text = v
						}
					}
				}
				ids = append(ids, x)
			}
		}
		slices.SortFunc(ids, func(a, b found) int { return a.at - b.at })
		for _, x := range ids {
			if strings.HasPrefix(x.field, "_") || x.id == "f-"+x.field {
				continue
			}
			if _, ok := f.anchors[page][x.field]; !ok {
				f.anchors[page][x.field] = x.id
				if x.text == "" {
					x.text = byID[x.id]
				}
				all = append(all, x)
			}
		}
		slices.SortFunc(all, func(a, b found) int { return a.at - b.at })
		for _, x := range all {
			if _, ok := f.labels[page][x.field]; !ok {
				f.labels[page][x.field] = x.text
				f.order[page] = append(f.order[page], x.field)
			}
		}
		f.ownSummary[page] = bytes.Contains(src, []byte(`template "errorsummary"`))
	}
	return nil
}

// dateIn formats a time, *time.Time, jobmatch.Date or "YYYY-MM-DD" string
// as a calendar date in the language.
// yearsWord is the word after n years: "år" in Danish, "year" or "years"
// in English ("1 years" was written).
func yearsWord(l i18n.Lang, n float64) string {
	if l == i18n.EN && n == 1 {
		return "year"
	}
	return i18n.T(l, "cand.years")
}

func dateIn(l i18n.Lang, t any) string {
	switch v := t.(type) {
	case time.Time:
		if v.IsZero() {
			return ""
		}
		return i18n.Date(l, v.In(jobmatch.Copenhagen))
	case *time.Time:
		if v == nil {
			return ""
		}
		return dateIn(l, *v)
	case jobmatch.Date:
		return i18n.Date(l, v.Time)
	case string:
		if d, err := time.Parse(time.DateOnly, v); err == nil {
			return i18n.Date(l, d)
		}
		return v
	}
	return ""
}

// dateTimeIn formats a moment with its time of day (Copenhagen).
func dateTimeIn(l i18n.Lang, t any) string {
	switch v := t.(type) {
	case time.Time:
		return i18n.DateTime(l, v.In(jobmatch.Copenhagen))
	case *time.Time:
		if v == nil {
			return ""
		}
		return i18n.DateTime(l, v.In(jobmatch.Copenhagen))
	}
	return dateIn(l, t)
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float64:
		return x
	case float32:
		return float64(x)
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
	// LangSwitch is the page in the other language, its query kept (a URL,
	// so the template does not escape the query's own escapes again).
	LangSwitch template.URL
	Flash      string
	// FlashAt is the id of the element the flash belongs to (a shortlist
	// row, say): the page shows the message there, not at the top.
	FlashAt string
	// FlashError marks the flash as a refusal (shown as an error).
	FlashError bool
	Errors     map[string]string // field → message
	// Summary is the layout showing the error summary at the top: the
	// page has errors and does not place the summary itself.
	Summary bool
	Data    any
}

func (f *Frontend) render(c echo.Context, status int, name, titleKey string, data any, errs map[string]string) error {
	t, ok := f.pages[name]
	if !ok {
		return fmt.Errorf("frontend: no page %q", name)
	}
	lang := web.Lang(c)
	p := Page{Lang: lang, User: web.CurrentUser(c), Path: c.Request().URL.Path, Data: data, Errors: errs, Summary: len(errs) > 0 && !f.ownSummary[name]}
	p.Title = i18n.T(lang, titleKey)
	if tok, ok := c.Get("csrf").(string); ok {
		p.CSRF = tok
	}
	q := c.Request().URL.Query()
	other := "en"
	if lang == i18n.EN {
		other = "da"
	}
	q.Set("lang", other)
	// The page's own path, never another site's: "//evil.example/x" (a
	// 404 page) is a link to evil.example, "/\\evil.example" too.
	own := "/" + strings.TrimLeft(p.Path, "/\\")
	if back, ok := c.Get("page_url").(*url.URL); ok {
		// A form's page shown again from its POST: the language link
		// leads to the page, not to the form's action.
		own, q = back.Path, back.Query()
		q.Set("lang", other)
	}
	p.LangSwitch = template.URL((&url.URL{Path: own, RawQuery: q.Encode()}).String())
	if fl, err := c.Cookie("jm_flash"); err == nil {
		p.Flash, _ = url.QueryUnescape(fl.Value)
		c.SetCookie(&http.Cookie{Name: "jm_flash", Path: "/", MaxAge: -1})
		if at, err := c.Cookie("jm_flash_at"); err == nil {
			v, _ := url.QueryUnescape(at.Value)
			p.FlashAt, p.FlashError = strings.TrimPrefix(v, "!"), strings.HasPrefix(v, "!")
			c.SetCookie(&http.Cookie{Name: "jm_flash_at", Path: "/", MaxAge: -1})
		}
	}
	t, err := t.Clone()
	if err != nil {
		return err
	}
	anchor := func(field string) string {
		if id, ok := f.anchors[name][field]; ok {
			return id
		}
		return "f-" + field
	}
	t.Funcs(template.FuncMap{
		"t": func(key string, args ...any) string { return i18n.T(lang, key, args...) },
		// summary lists a form's errors in the order of its fields, each
		// with its field's label.
		"summary": func(errs map[string]string) []summaryLine {
			var out []summaryLine
			for _, field := range f.order[name] {
				if m, ok := errs[field]; ok {
					out = append(out, summaryLine{field, "", m, anchor(field)})
					if k := f.labels[name][field]; k != "" {
						out[len(out)-1].Label = i18n.T(lang, k)
					}
				}
			}
			var rest []string
			for field := range errs {
				if _, ok := f.labels[name][field]; !ok {
					rest = append(rest, field)
				}
			}
			slices.Sort(rest)
			for _, field := range rest {
				out = append(out, summaryLine{Field: field, Message: errs[field], Anchor: anchor(field)})
			}
			return out
		},
		"field":    func(name string) string { return errs[name] },
		"date":     func(t any) string { return dateIn(lang, t) },
		"datetime": func(t any) string { return dateTimeIn(lang, t) },
		"clock":    func(t time.Time) string { return i18n.Clock(lang, t.In(jobmatch.Copenhagen)) },
		"timespan": func(from, to time.Time) string {
			return i18n.TimeSpan(lang, from.In(jobmatch.Copenhagen), to.In(jobmatch.Copenhagen))
		},
		"num":       func(v any, decimals int) string { return i18n.Trimmed(lang, toFloat(v), decimals) },
		"years":     func(v any) string { return yearsWord(lang, toFloat(v)) },
		"education": func(level, field string) string { return i18n.Education(lang, level, field) },
		// place writes a postal code with its district: "6100 Haderslev".
		"place": func(code string) string {
			if f.cfg.Places != nil {
				if n := f.cfg.Places.Name(code); n != "" {
					return code + " " + n
				}
			}
			return code
		},
		// period names a follow-up period: "2026-H1" → "1. halvår 2026".
		"period": func(p string) string { return periodName(lang, p) },
		// action names an audit line's action: "cv.read" → "Læste CV'et".
		"action": func(a string) string {
			if k := "act." + a; i18n.Has(k) {
				return i18n.T(lang, k)
			}
			if to, ok := strings.CutPrefix(a, "shortlist."); ok && i18n.Has("stage."+to) {
				return i18n.T(lang, "act.shortlist_step", i18n.T(lang, "stage."+to))
			}
			return a
		},
		// reason says an audit line's reason, which for some actions is a
		// code: the channel of a consent, the place of an interview.
		"reason": func(action, r string) string {
			prefix := map[string]string{"consent.request": "ch.", "consent.remind": "ch.", "consent.give": "cc.", "consent.withdraw": "cc.", "interview.propose": "fw.mode_", "cv.read": "read."}[action]
			if k := prefix + r; prefix != "" && i18n.Has(k) {
				return i18n.T(lang, k)
			}
			return r
		},
		// actor names who did something when no staff name is known.
		"actor": func(id string) string {
			if cvr, ok := strings.CutPrefix(id, "employer:"); ok {
				return i18n.T(lang, "act.by_employer", cvr)
			}
			if k := "act.by_" + id; i18n.Has(k) {
				return i18n.T(lang, k)
			}
			return i18n.T(lang, "act.by_staff_gone")
		},
		"langlevel": func(s string) string {
			// "da B2" → "dansk B2" / "Danish B2"
			code, level, _ := strings.Cut(s, " ")
			if k := "lang." + code; i18n.Has(k) {
				code = i18n.T(lang, k)
			}
			return strings.TrimSpace(code + " " + level)
		},
	})
	// The title names the record a page shows (its "record" template: a
	// citizen's name, a company, a vacancy with its reference), so tabs and
	// history tell one CV from the next, and starts "Fejl: " when the page
	// answers a form with errors (WCAG 3.3.1, DKFDS's error pattern): a
	// screen reader hears it first.
	if rt := t.Lookup("record"); rt != nil {
		var b bytes.Buffer
		if err := rt.Execute(&b, p); err != nil {
			return fmt.Errorf("frontend: render %s title: %w", name, err)
		}
		if r := strings.Join(strings.Fields(html.UnescapeString(b.String())), " "); r != "" {
			p.Title = r + " · " + p.Title
		}
	}
	if len(errs) > 0 || p.FlashError {
		p.Title = i18n.T(lang, "app.title_error", p.Title)
	}
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
		if l := i18n.Parse(c.QueryParam("lang")); l != "" {
			c.SetCookie(&http.Cookie{Name: "jm_lang", Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
		}
		c.Set("lang", pageLang(c))
		return next(c)
	}
}

// pageLang is the language a page is shown in (language): ?lang=, the
// jm_lang cookie, else Danish; a JSON caller's Accept-Language.
func pageLang(c echo.Context) i18n.Lang {
	l := i18n.Parse(c.QueryParam("lang"))
	if l == "" {
		if ck, err := c.Cookie("jm_lang"); err == nil {
			l = i18n.Parse(ck.Value)
		}
	}
	if r := c.Request(); l == "" && (strings.Contains(r.Header.Get(echo.HeaderAccept), echo.MIMEApplicationJSON) ||
		strings.HasPrefix(r.Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON)) {
		// A program on a private link (JSON) is answered in the
		// language it asks, as the API is; a page is Danish unless
		// the reader chose English.
		l = i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
	}
	if l == "" {
		l = i18n.DA
	}
	return l
}

func (f *Frontend) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if web.CurrentUser(c) == nil {
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
		if u := web.CurrentUser(c); u != nil && u.Role == jobmatch.RoleManagement {
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

// setFlashError shows a one-time refusal on the next page (an error, not a
// green receipt: "the occupation is unknown" looked like a success).
func setFlashError(c echo.Context, msg string) { setFlashAt(c, msg, "", true) }

// setFlashAt shows a one-time message on the next page inside the element
// with the given id (where the action happened); isErr shows it as a
// refusal.
func setFlashAt(c echo.Context, msg, at string, isErr bool) {
	setFlash(c, msg)
	if isErr {
		at = "!" + at
	}
	c.SetCookie(&http.Cookie{Name: "jm_flash_at", Value: url.QueryEscape(at), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

type errorData struct {
	Status    int
	Message   string
	RequestID string
	// Heading says what happened in words ("Siden findes ikke"); Next
	// what to do; Home is the signed-in user's start page (the public
	// form for the employer, the dashboard for management).
	Heading, Next, Home string
	// Link says the page was a private link (status, consent, survey);
	// Citizen that it was a citizen's (consent, survey), who is sent to
	// their jobcentre, not to the employers' form.
	Link, Citizen bool
	// Fields are a refused query's wrong parameters, each with its name
	// ("Halvår: Vælg hele året, 1. eller 2. halvår."): a page has no
	// form to mark them at.
	Fields []string
}

// errorHeadings are the statuses whose page says more than the message.
var errorHeadings = map[int]bool{http.StatusNotFound: true, http.StatusForbidden: true, http.StatusGone: true, http.StatusInternalServerError: true}

func (f *Frontend) errorPage(err error, c echo.Context) {
	status, key := web.ToStatus(err)
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Message == "csrf" {
		key = "page.csrf"
	}
	if status == http.StatusUnauthorized {
		_ = c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
		return
	}
	// Chosen as every page's is, whether or not a route's language ran:
	// a method no route takes ("Fejl 405") or a path none has was in the
	// browser's Accept-Language (web.Lang), "Error 405" to an English
	// browser on the Danish public side.
	c.Set("lang", pageLang(c))
	lang := web.Lang(c)
	d := errorData{Status: status, Message: i18n.T(lang, key), RequestID: c.Response().Header().Get(echo.HeaderXRequestID), Home: "/"}
	if u := web.CurrentUser(c); u != nil {
		d.Home = homeOf(u)
	}
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Fields {
			line := i18n.FieldMessage(lang, fe)
			if k := "param." + fe.Field; i18n.Has(k) {
				line = i18n.T(lang, k) + ": " + line
			}
			d.Fields = append(d.Fields, line)
		}
	}
	path := c.Request().URL.Path
	d.Citizen = strings.HasPrefix(path, "/consent/") || strings.HasPrefix(path, "/survey/")
	d.Link = strings.HasPrefix(path, "/status/") || d.Citizen
	title := "page.error"
	if errorHeadings[status] {
		title = fmt.Sprintf("error.h%d", status)
		d.Heading = i18n.T(lang, title)
		next := fmt.Sprintf("error.next%d", status)
		if d.Link {
			next = "error.next_link"
		}
		if d.Citizen {
			next = "error.next_citizen_link"
		}
		d.Next = i18n.T(lang, next)
	}
	if strings.HasPrefix(key, "p.intake_limited") {
		// The public form past its budgets: what to do now, not "Fejl 429".
		title = "error.h429_intake"
		d.Heading, d.Next = i18n.T(lang, title), d.Message
	}
	if rerr := f.render(c, status, "error", title, d, nil); rerr != nil {
		_ = c.String(status, d.Message)
	}
}

func (f *Frontend) about(c echo.Context) error {
	return f.render(c, http.StatusOK, "about", "page.about", nil, nil)
}

// aboutPrivacy says how the service handles personal data, with the
// retention periods it runs with.
func (f *Frontend) aboutPrivacy(c echo.Context) error {
	return f.render(c, http.StatusOK, "privacy", "page.privacy", f.cfg.Retention, nil)
}

// aboutAccessibility is the service's accessibility statement.
func (f *Frontend) aboutAccessibility(c echo.Context) error {
	return f.render(c, http.StatusOK, "accessibility", "page.accessibility", nil, nil)
}

// periodName says a follow-up period ("2026", "2026-H1") in words: "1.
// halvår 2026" / "first half of 2026".
func periodName(lang i18n.Lang, p string) string {
	y, h, ok := strings.Cut(p, "-H")
	if !ok || (h != "1" && h != "2") {
		return p
	}
	return i18n.T(lang, "period.h"+h, y)
}

// shownAs rounds a figure as the pages show it: a share to a tenth of a
// percent, a count to a whole, anything else to a tenth.
func shownAs(unit string, v float64) float64 {
	switch unit {
	case "share":
		return math.Round(v*1000) / 1000
	case "count":
		return math.Round(v)
	}
	return math.Round(v*10) / 10
}

// fchange says a change with its sign, in the unit: "+8,2 pct.-point",
// "−3", "0" for none.
func fchange(l i18n.Lang, unit string, v float64) string {
	if math.Abs(v) < 1e-9 {
		return "0"
	}
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
}
