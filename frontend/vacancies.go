package frontend

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/i18n"
	"jobmatch/web"
)

func init() {
	i18n.Register(map[string][2]string{
		"page.vacancies":  {"Stillinger", "Vacancies"},
		"vl.status":       {"Status", "Status"},
		"vl.open":         {"Åbne", "Open"},
		"vl.filled":       {"Besatte", "Filled"},
		"vl.closed":       {"Lukkede", "Closed"},
		"vl.all":          {"Alle", "All"},
		"vl.whose":        {"Konsulent", "Consultant"},
		"vl.mine":         {"Mine stillinger", "My vacancies"},
		"vl.everyone":     {"Alle konsulenters stillinger", "Every consultant's vacancies"},
		"vl.q":            {"Søg i titel, virksomhed eller reference", "Search title, company or reference"},
		"vl.position":     {"Viser %d–%d af %d stillinger", "Showing %d–%d of %d vacancies"},
		"vl.none":         {"Ingen stillinger passer til filtret.", "No vacancies match the filter."},
		"vl.pages":        {"Sider med stillinger", "Pages of vacancies"},
		"vl.prev":         {"Forrige", "Previous"},
		"vl.next":         {"Næste", "Next"},
		"vl.positions":    {"Besat", "Filled"},
		"vl.positions_of": {"%d af %d", "%d of %d"},
		"vl.deadline":     {"Ansøgningsfrist", "Application deadline"},
		"vl.no_deadline":  {"Ingen frist", "No deadline"},
		"vl.overdue":      {"Over fristen", "Past the deadline"},
		"vl.bound":        {"Listen omfatter de nyeste %d stillinger.", "The list covers the newest %d vacancies."},
	})
}

// vacancyListBound is how many vacancies the list reads, newest first, to
// filter and sort. The store's vacancy lists are read by _id (fast on
// every backend); status, text and deadline are not indexed, so the page
// filters in Go after that read: at the demo's 200 vacancies (a
// municipality's few hundred open and recent) that is one or two reads of
// 200. Past the bound the page says it covers only the newest.
const vacancyListBound = 1000

// vacancyListPageSize is the rows of a page of the list.
const vacancyListPageSize = 25

// vacancyRow is one vacancy on the list.
type vacancyRow struct {
	*jobmatch.Vacancy
	// Filled is the positions filled: the hired from its shortlist, or
	// all of them once it is marked filled (by hand, too); Of is how many
	// it has (one when it says none).
	Filled, Of int
	Overdue    bool
}

type vacancyListPage struct {
	Status, Whose, Q string
	Rows             []vacancyRow
	Total            int
	// Position is "Viser 1–25 af 43 stillinger"; Prev and Next the pages
	// around, the filter kept.
	Position, Prev, Next string
	// Bound is the number read when there were more (the list covers the
	// newest only), else 0.
	Bound    int
	Filtered bool
}

// vacancyStatuses are the list's status filters; open (not filled or
// closed) by default.
var vacancyStatuses = []string{"open", "filled", "closed", "all"}

// vacancyList is the consultant's list of vacancies: by status (open by
// default), their own or everyone's (a consultant's default is their
// own), a text filter, sorted by deadline (the nearest first, none last)
// then newest, in pages. The only list was the unfiltered one on /staff,
// newest first, with filled and closed ones among the open.
func (f *Frontend) vacancyList(c echo.Context) error {
	ctx, u := c.Request().Context(), web.CurrentUser(c)
	d := vacancyListPage{Status: c.QueryParam("status"), Whose: c.QueryParam("whose"), Q: strings.TrimSpace(c.QueryParam("q"))}
	if !slices.Contains(vacancyStatuses, d.Status) {
		d.Status = "open"
	}
	if d.Whose != "mine" && d.Whose != "all" {
		d.Whose = "all"
		if u.Role == jobmatch.RoleConsultant {
			d.Whose = "mine"
		}
	}
	scope := ""
	if d.Whose == "mine" {
		scope = "consultant:" + u.ID
	}
	var all []*jobmatch.Vacancy
	q := app.ListQuery{Scope: scope, Limit: app.MaxPageSize}
	for {
		p, err := f.cfg.Intake.Vacancies(ctx, q)
		if err != nil {
			return err
		}
		all = append(all, p.Items...)
		if p.NextCursor == "" {
			break
		}
		if len(all) >= vacancyListBound {
			d.Bound = len(all)
			break
		}
		q.Cursor = p.NextCursor
	}
	text := strings.ToLower(d.Q)
	var hits []*jobmatch.Vacancy
	for _, v := range all {
		switch {
		case d.Status == "open" && v.Status.Ended(),
			(d.Status == "filled" || d.Status == "closed") && string(v.Status) != d.Status:
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(v.Title), text) && !strings.Contains(strings.ToLower(v.CompanyName), text) &&
			!strings.Contains(strings.ToLower(v.Reference), text) {
			continue
		}
		hits = append(hits, v)
	}
	// The nearest deadline first, those without one last; then newest.
	slices.SortStableFunc(hits, func(a, b *jobmatch.Vacancy) int {
		switch {
		case a.Deadline.IsZero() != b.Deadline.IsZero():
			if a.Deadline.IsZero() {
				return 1
			}
			return -1
		case !a.Deadline.Equal(b.Deadline.Time):
			return a.Deadline.Compare(b.Deadline.Time)
		}
		return b.CreatedAt.Compare(a.CreatedAt)
	})
	d.Total = len(hits)
	d.Filtered = d.Q != "" || c.QueryParam("status") != "" || c.QueryParam("whose") != ""
	pages := max((len(hits)+vacancyListPageSize-1)/vacancyListPageSize, 1)
	page, _ := strconv.Atoi(c.QueryParam("page"))
	page = min(max(page, 1), pages)
	from := (page - 1) * vacancyListPageSize
	to := min(from+vacancyListPageSize, len(hits))
	today := f.cfg.Env.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	for _, v := range hits[from:to] {
		r := vacancyRow{Vacancy: v, Of: max(v.Positions, 1)}
		if v.Status == jobmatch.VacancyFilled {
			r.Filled = r.Of
		} else if f.cfg.Screening != nil {
			n, err := f.cfg.Screening.HiredOn(ctx, v.ID)
			if err != nil {
				return err
			}
			r.Filled = n
		}
		// Overdue: the deadline has passed and the vacancy is still open.
		r.Overdue = !v.Status.Ended() && !v.Deadline.IsZero() && v.Deadline.Format(time.DateOnly) < today
		d.Rows = append(d.Rows, r)
	}
	if len(hits) > 0 {
		d.Position = fmt.Sprintf(tr(c, "vl.position"), from+1, to, len(hits))
	}
	at := func(n int) string {
		v := url.Values{"status": {d.Status}, "whose": {d.Whose}}
		if d.Q != "" {
			v.Set("q", d.Q)
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		return "/staff/vacancies?" + v.Encode()
	}
	if page > 1 {
		d.Prev = at(page - 1)
	}
	if page < pages {
		d.Next = at(page + 1)
	}
	return f.render(c, http.StatusOK, "vacancies", "page.vacancies", d, nil)
}
