package frontend

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/followup"
	"jobmatch/i18n"
	"jobmatch/kpi"
	"jobmatch/web"
)

func (f *Frontend) registerDashboard(public, staff *echo.Group) {
	g := public.Group("/dashboard", f.requireStaff, f.requireFigures)
	g.GET("", f.dashboard)
	g.GET("/report", f.report)
	g.POST("/targets", f.dashboardTargets, web.RequireRole(jobmatch.RoleAdmin))
}

// dashboardTargets sets a year's targets from the dashboard's form (admins
// only, by the route and the service): the company contacts, and the goals
// for the citizens' and the employers' satisfaction in percent ("92",
// "92,5 %"). Saved, the answer is a message beside the form; refused, the
// dashboard again with the form open, what was typed kept, and each wrong
// field marked with its message.
func (f *Frontend) dashboardTargets(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	lang := web.Lang(c)
	year, err := strconv.Atoi(strings.TrimSpace(v["year"]))
	if err != nil {
		return jobmatch.Invalid("year", "year", "")
	}
	back := fmt.Sprintf("/dashboard?year=%d&half=%s#targets", year, url.QueryEscape(v["half"]))
	verr := &jobmatch.ValidationError{}
	in := followup.Targets{}
	if in.Contacts, err = strconv.ParseInt(strings.NewReplacer(".", "", " ", "").Replace(strings.TrimSpace(v["contacts"])), 10, 64); err != nil {
		verr.Add("contacts", "type", "number")
	}
	percent := func(field string) float64 {
		s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v[field]), "%"))
		p, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		switch {
		case err != nil:
			verr.Add(field, "type", "number")
		case p < 0 || p > 100:
			// Typed in percent: "at most 100 %", not the share's "at
			// most 1" the service would say.
			verr.Add(field, "percent", "")
		case p == 0:
			// The service reads a share of 0 as "left out" and keeps
			// the default: 0 % was saved as 92 % with "Målene er
			// gemt". A goal of none is no goal.
			verr.Add(field, "goal_above_zero", "")
		}
		return p / 100
	}
	in.CitizenSatisfactionShare = percent("citizen_satisfaction_share")
	in.EmployerSatisfactionShare = percent("employer_satisfaction_share")
	if verr.Err() == nil {
		_, err = f.cfg.Followup.SetTargets(c.Request().Context(), web.CurrentUser(c), year, in)
		if !errors.As(err, &verr) && err != nil {
			return err
		}
	}
	if len(verr.Fields) > 0 {
		typed := map[string]string{}
		for _, k := range []string{"contacts", "citizen_satisfaction_share", "employer_satisfaction_share"} {
			typed[k] = v[k]
		}
		c.Set("page_url", &url.URL{Path: "/dashboard", RawQuery: url.Values{"year": {strconv.Itoa(year)}, "half": {v["half"]}}.Encode()})
		return f.renderDashboard(c, year, v["half"], typed, fieldMessages(lang, verr))
	}
	setFlashAt(c, i18n.T(lang, "dash.targets_saved", year), "targets", false)
	return c.Redirect(http.StatusSeeOther, back)
}

// requireFigures lets management and admins (and consultants, who follow
// their own contacts) see the figures; the hotline gets a 403.
func (f *Frontend) requireFigures(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !web.CurrentUser(c).CanReadFigures() {
			return jobmatch.ErrForbidden
		}
		return next(c)
	}
}

// satRow is one satisfaction figure as the dashboard prints it.
type satRow struct {
	Key    string
	Label  string
	S      followup.Satisfaction
	Target float64 // 0: none
	// TargetDefault: the target is the standing 92 % nobody set for the
	// year, named "standardmål" wherever it is shown.
	TargetDefault bool
	// Goal says in words whether the share reached the target ("nået",
	// "ikke nået", "… indtil nu" in a running period); "" with no answers.
	Goal   string
	GoalOK bool
}

// satBar is a satisfaction figure as the chart shows it: the share and
// its n, or with no answers "ingen svar", as the table's "–" says (the
// chart said "0,0 % (n=0)", a share no one gave).
func satBar(lang i18n.Lang, r satRow) kpi.Bar {
	word := i18n.T(lang, "dash.target")
	if r.TargetDefault {
		word = i18n.T(lang, "dash.target_default")
	}
	b := kpi.Bar{Label: r.Label, Value: r.S.ShareSatisfied * 100, Text: fmt.Sprintf("%s (n=%d)", fmtPct(lang, r.S.ShareSatisfied), r.S.N),
		Target: r.Target * 100, TargetText: word + " " + fmtPct(lang, r.Target)}
	if r.S.N == 0 {
		b.Value, b.Text = 0, i18n.T(lang, "dash.no_answers_short")
	}
	return b
}

// goalWord says whether a figure met its target, in lang: "nået" or "ikke
// nået", and "nået indtil nu" while the period runs (the figure may still
// move).
func goalWord(lang i18n.Lang, met, running bool) string {
	k := "dash.goal_met"
	if !met {
		k = "dash.goal_not_met"
	}
	if running {
		k += "_so_far"
	}
	return i18n.T(lang, k)
}

// periodNote says that a period's figures are not final: "foreløbig, til
// og med 7. dec. 2026" while it runs, "ikke begyndt" before, "kontakter kan
// stadig registreres til og med 31. jan. 2027" in the month after it
// ended; "" once its figures are final.
func periodNote(lang i18n.Lang, f *followup.KPIFigures) string {
	switch f.Status {
	case kpi.Ended.String():
		if d, err := time.ParseInLocation(time.DateOnly, f.LateUntil, jobmatch.Copenhagen); err == nil {
			// Just ended: its contacts may still be logged for a month.
			return i18n.T(lang, "dash.late_contacts", i18n.Date(lang, d))
		}
		return ""
	case kpi.NotStarted.String():
		return i18n.T(lang, "dash.not_started")
	}
	d, err := time.ParseInLocation(time.DateOnly, f.AsOf, jobmatch.Copenhagen)
	if err != nil {
		return i18n.T(lang, "dash.provisional_undated")
	}
	return i18n.T(lang, "dash.provisional", i18n.Date(lang, d))
}

// contactsStatus says where the contacts stand against the target: met or
// not once the period has ended, not begun before it, and the pace while
// it runs. ok is the colour (the words say it too). A default target
// nobody set is judged as a set one (the card marks it "(standard)"): the
// contacts against the year's target are the headline goal, and "Intet
// mål sat" left management with none beside the API's default.
func contactsStatus(lang i18n.Lang, f *followup.KPIFigures) (text string, ok bool) {
	c := f.Contacts
	k := "dash.against_target"
	if c.TargetDefault {
		k = "dash.against_default_target"
	}
	against := i18n.T(lang, k, fmtInt(lang, float64(c.Count)), fmtInt(lang, float64(c.Target)))
	switch f.Status {
	case kpi.Ended.String():
		if c.Trend.Met {
			return i18n.T(lang, "dash.met") + " · " + against, true
		}
		return i18n.T(lang, "dash.not_met") + " · " + against + " " + i18n.T(lang, "dash.short_by", fmtInt(lang, float64(c.Target-c.Count))), false
	case kpi.NotStarted.String():
		p, _ := kpi.ParsePeriod(f.Period)
		return i18n.T(lang, "dash.not_begun", i18n.Date(lang, p.Start())), true
	}
	word := i18n.T(lang, "dash.behind")
	if c.Trend.OnTrack {
		word = i18n.T(lang, "dash.on_track")
	}
	// The projection is for the end of the period ("prognose 1.109" read
	// as a figure for now): the year's or the half-year's.
	projected := "dash.projected"
	if p, err := kpi.ParsePeriod(f.Period); err == nil && p.Kind == kpi.Half {
		projected = "dash.projected_half"
	}
	return word + " · " + i18n.T(lang, "dash.expected") + " " + fmtInt(lang, c.Trend.Expected) + " · " + i18n.T(lang, projected) + " " + fmtInt(lang, c.Trend.Projected), c.Trend.OnTrack
}

// goalsLine says a year's goals: "Mål for 2026: 3.000 virksomhedskontakter
// · 92,0 % borgere tilfredse (standard) · …", and for goals an admin set,
// by whom and when where that was recorded. A goal nobody set for the year
// is the standing default, marked "(standard)", the contacts' as the
// satisfaction goals' (followup.KPIContacts.TargetDefault).
func goalsLine(lang i18n.Lang, t followup.Targets) string {
	fallback := map[string]bool{}
	for _, f := range t.Defaults {
		fallback[f] = true
	}
	mark := func(field, s string) string {
		if fallback[field] {
			return s + " " + i18n.T(lang, "dash.goal_standard")
		}
		return s
	}
	parts := []string{
		mark("contacts", i18n.T(lang, "dash.goal_contacts", fmtInt(lang, float64(t.Contacts)))),
		mark("citizen_satisfaction_share", i18n.T(lang, "dash.goal_citizens", fmtPct(lang, t.CitizenSatisfactionShare))),
		mark("employer_satisfaction_share", i18n.T(lang, "dash.goal_employers", fmtPct(lang, t.EmployerSatisfactionShare))),
	}
	if t.SetBy != "" && t.SetAt != nil {
		parts = append(parts, i18n.T(lang, "dash.goals_set_by", t.SetBy, i18n.DateTime(lang, t.SetAt.In(jobmatch.Copenhagen))))
	}
	return i18n.T(lang, "dash.goals_line", t.Year, strings.Join(parts, " · "))
}

// yearChoices are the years the dashboard's select offers, newest first:
// this year and five before, next year with next (its goals are set, or
// the reader is the admin who sets them in December), and the year shown
// if it is none of those. Next year was offered to everyone: a year with
// no figures and no goals.
func yearChoices(now time.Time, shown int, next bool) []int {
	this := now.In(jobmatch.Copenhagen).Year()
	first := this
	if next {
		first = this + 1
	}
	var ys []int
	for y := first; y >= this-5; y-- {
		ys = append(ys, y)
	}
	if shown > first || shown < this-5 {
		ys = append(ys, shown)
		sort.Sort(sort.Reverse(sort.IntSlice(ys)))
	}
	return ys
}

type dashboardPage struct {
	Year, Half string
	Years      []int
	F          *followup.KPIFigures
	Sat        []satRow
	Charts     []template.HTML
	Contacts   template.HTML
	Consultant template.HTML
	Months     kpi.Table
	// PerMonth is each month's contacts and requests (not the running
	// total); "–" for a month to come.
	PerMonth kpi.Table
	Topics   template.HTML
	Channels template.HTML
	SatChart template.HTML
	// The same figures as tables, one per chart.
	ConsultantTable, TopicsTable, ChannelsTable kpi.Table
	// Targets are the year's goals, for an admin's form (nil for others).
	Targets *followup.Targets
	// Goals is the year's goals in words, for everyone: each one a
	// fallback nobody set marked "(standard)", and who set the others and
	// when ("2.500" beside "default": true read as a goal someone chose).
	Goals string
	// Note says the period's figures are not final ("foreløbig, til og med
	// 7. dec. 2026", "ikke begyndt"); "" once it has ended.
	Note string
	// ContactsStatus is the contacts against the target in words.
	ContactsStatus   string
	ContactsStatusOK bool
	// NotStarted: the period has not begun, so it has no pace to be on.
	NotStarted bool
	// Running: the period holds today, so today's backlog (the requests
	// open now) is part of it; for a period over or to come it is not,
	// and "Åbne i dag" under 2025's figures read as 2025's.
	Running bool
	// Typed is what an admin typed in the targets form when it was
	// refused, to show again (nil otherwise: the year's goals).
	Typed map[string]string
}

// period reads ?year= and ?half= (default: this year, the current half).
func period(c echo.Context, now time.Time) (int, string, error) {
	year := now.In(jobmatch.Copenhagen).Year()
	half := "H1"
	if now.In(jobmatch.Copenhagen).Month() > 6 {
		half = "H2"
	}
	if y := c.QueryParam("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return 0, "", jobmatch.Invalid("year", "year", "")
		}
		year = n
	}
	if h, ok := c.QueryParams()["half"]; ok {
		half = h[0]
	}
	if half != "" && half != "H1" && half != "H2" {
		// Said in the select's words ("?half=2" from a hand-made link
		// gave only "Nogle felter er ikke udfyldt korrekt."), not the
		// API's "Vælg en af: H1, H2".
		return 0, "", jobmatch.Invalid("half", "half", "")
	}
	return year, half, nil
}

func (f *Frontend) dashboard(c echo.Context) error {
	year, half, err := period(c, f.cfg.Env.Now())
	if err != nil {
		return err
	}
	return f.renderDashboard(c, year, half, nil, nil)
}

// renderDashboard shows a period's figures. typed and errs are an admin's
// refused targets form: what was typed, and a message per wrong field
// (the page is then a 422 with the form open).
func (f *Frontend) renderDashboard(c echo.Context, year int, half string, typed, errs map[string]string) error {
	ctx := c.Request().Context()
	lang := web.Lang(c)
	fig, err := f.cfg.Followup.KPI(ctx, web.CurrentUser(c), year, half)
	if err != nil {
		return err
	}
	d := dashboardPage{Year: strconv.Itoa(year), Half: half, F: fig, Note: periodNote(lang, fig), NotStarted: fig.Status == kpi.NotStarted.String(),
		Running: fig.Status == kpi.Running.String(), Typed: typed}
	d.ContactsStatus, d.ContactsStatusOK = contactsStatus(lang, fig)
	goals, err := f.cfg.Followup.Targets(ctx, year)
	if err != nil {
		return err
	}
	d.Goals = goalsLine(lang, goals)
	if u := web.CurrentUser(c); u != nil && u.Role == jobmatch.RoleAdmin {
		d.Targets = &goals
	}
	next := d.Targets != nil
	if !next {
		nt, err := f.cfg.Followup.Targets(ctx, f.cfg.Env.Now().In(jobmatch.Copenhagen).Year()+1)
		if err != nil {
			return err
		}
		next = !nt.Default
	}
	d.Years = yearChoices(f.cfg.Env.Now(), year, next)
	T := func(k string, a ...any) string { return i18n.T(lang, k, a...) }

	// Contacts: cumulative per month against a steady pace to the target.
	var x []string
	var actual, pace []float64
	var actualText, paceText []string
	cum := 0.0
	now := f.cfg.Env.Now()
	months := fig.Contacts.ByMonth
	for i, m := range months {
		p, _ := kpi.ParsePeriod(m.Month)
		x = append(x, monthLabel(lang, p.N))
		step := float64(fig.Contacts.Target) * float64(i+1) / float64(len(months))
		pace = append(pace, math.Round(step))
		paceText = append(paceText, fmtInt(lang, math.Round(step)))
		if p.Start().After(now) {
			actual = append(actual, math.NaN())
			actualText = append(actualText, "")
			continue
		}
		cum += float64(m.Count)
		actual = append(actual, cum)
		actualText = append(actualText, fmtInt(lang, cum))
	}
	series := []kpi.Series{{Name: T("dash.contacts_actual"), Values: actual, Texts: actualText}, {Name: T("dash.contacts_pace"), Values: pace, Texts: paceText}}
	title, desc := T("dash.contacts_chart"), T("dash.contacts_chart_desc", fmtInt(lang, float64(fig.Contacts.Count)), fmtInt(lang, float64(fig.Contacts.Target)))
	if fig.Contacts.TargetDefault {
		// The pace toward the default nobody set for the year, said so.
		series[1].Name = T("dash.contacts_pace_default")
		desc = T("dash.contacts_chart_desc_default", fmtInt(lang, float64(fig.Contacts.Count)), fmtInt(lang, float64(fig.Contacts.Target)), year)
	}
	d.Contacts = kpi.LineChart(title, desc, x, series,
		func(v float64) string {
			if v == math.Trunc(v) {
				return fmtInt(lang, v)
			}
			return fmtNum(lang, v)
		})
	d.Months = kpi.LineTable(title, T("dash.month"), x, series)
	// Each month's own counts beside the running total: a slow month is
	// seen here, not only as a flatter line.
	d.PerMonth = kpi.Table{Caption: T("dash.per_month", periodName(lang, fig.Period)), Columns: []string{T("dash.month"), T("dash.contacts"), T("dash.requests")}}
	for i, m := range months {
		p, _ := kpi.ParsePeriod(m.Month)
		row := []string{x[i], "–", "–"}
		if !p.Start().After(now) {
			row[1] = fmtInt(lang, float64(m.Count))
			if i < len(fig.Requests.ByMonth) {
				row[2] = fmtInt(lang, float64(fig.Requests.ByMonth[i].Count))
			}
		}
		d.PerMonth.Rows = append(d.PerMonth.Rows, row)
	}

	var bars []kpi.Bar
	for _, cc := range fig.Contacts.ByConsultant {
		label := cc.Name
		switch {
		case cc.Former:
			label = T("dash.former_staff")
		case label == "":
			label = cc.ID
		}
		bars = append(bars, kpi.Bar{Label: label, Value: float64(cc.Count), Text: fmtInt(lang, float64(cc.Count))})
	}
	if len(bars) > 0 {
		d.Consultant = kpi.BarChart(T("dash.by_consultant"), T("dash.by_consultant_desc"), bars)
		d.ConsultantTable = kpi.BarTable(T("dash.by_consultant"), T("dash.consultant"), T("dash.contacts"), bars)
	}

	dt := fig.SatisfactionTargetsDefault
	d.Sat = []satRow{
		{Key: "labour", Label: T("dash.sat_labour"), S: fig.EmployerSatisfaction["labour"], Target: fig.EmployerSatisfactionTarget, TargetDefault: dt},
		{Key: "service", Label: T("dash.sat_service"), S: fig.EmployerSatisfaction["service"], Target: fig.EmployerSatisfactionTarget, TargetDefault: dt},
		{Key: "citizen", Label: T("dash.sat_citizen"), S: fig.CitizenSatisfaction, Target: fig.CitizenSatisfactionTarget, TargetDefault: dt},
	}
	for i, r := range d.Sat {
		if r.Target > 0 && r.S.N > 0 {
			d.Sat[i].GoalOK = followup.ShareMet(r.S.ShareSatisfied, r.Target)
			d.Sat[i].Goal = goalWord(lang, d.Sat[i].GoalOK, fig.Status != kpi.Ended.String())
		}
	}
	var sb []kpi.Bar
	for _, r := range d.Sat {
		sb = append(sb, satBar(lang, r))
	}
	d.SatChart = kpi.BarChart(T("dash.sat_chart"), T("dash.sat_chart_desc"), sb)

	tb := countBars(lang, fig.Requests.ByTopic, func(k string) string { return T("topic." + k) })
	d.Topics = kpi.BarChart(T("dash.by_topic"), T("dash.by_topic_desc"), tb)
	d.TopicsTable = kpi.BarTable(T("dash.by_topic"), T("col.topic"), T("dash.requests"), tb)
	cb := countBars(lang, fig.Requests.ByChannel, func(k string) string { return T("ch." + k) })
	d.Channels = kpi.BarChart(T("dash.by_channel"), T("dash.by_channel_desc"), cb)
	d.ChannelsTable = kpi.BarTable(T("dash.by_channel"), T("col.channel"), T("dash.requests"), cb)
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return f.render(c, status, "dashboard", "page.dashboard", d, errs)
}

func (f *Frontend) report(c echo.Context) error {
	year, half, err := period(c, f.cfg.Env.Now())
	if err != nil {
		return err
	}
	r, err := f.cfg.Followup.KPIReport(c.Request().Context(), web.CurrentUser(c), year, half, string(web.Lang(c)))
	if err != nil {
		return err
	}
	title := "page.report"
	if half == "" {
		title = "page.report_year"
	}
	lang := web.Lang(c)
	p := reportPage{Year: strconv.Itoa(year), Half: half, R: r, Note: periodNote(lang, r.Current), PreviousNote: periodNote(lang, r.Before),
		Running: r.Current.Status == kpi.Running.String(), NotStarted: r.Current.Status == kpi.NotStarted.String()}
	if d, err := time.ParseInLocation(time.DateOnly, r.Current.AsOf, jobmatch.Copenhagen); err == nil {
		p.AsOf = i18n.Date(lang, d)
	}
	p.Printed = i18n.DateTime(lang, f.cfg.Env.Now().In(jobmatch.Copenhagen))
	if st := r.SameTime; st != nil {
		if d, err := time.ParseInLocation(time.DateOnly, st.Through, jobmatch.Copenhagen); err == nil {
			p.PreviousThrough = i18n.Date(lang, d)
		}
		p.SameTimeNote = sameTimeNote(lang, st)
		p.ChangeLabel = i18n.T(lang, "report.change_same_time_half")
		if half == "" {
			p.ChangeLabel = i18n.T(lang, "report.change_same_time_year")
		}
	}
	for _, row := range r.Rows {
		if row.Cohort {
			p.Cohort = true
		}
	}
	return f.render(c, http.StatusOK, "report", title, p, nil)
}

type reportPage struct {
	Year, Half string
	R          *followup.Report
	// Note and PreviousNote say a period's figures are not final
	// ("foreløbig, til og med 7. dec. 2026", or for one just ended that
	// its contacts may still be logged); "" once they are (periodNote).
	Note, PreviousNote string
	// AsOf is the last day a running period's figures cover, in words.
	AsOf string
	// Running: the period is not over, so the figures over its new
	// vacancies (Cohort) have not had their time yet.
	Running, Cohort bool
	// NotStarted: the period has not begun, so it has no figures to
	// compare with the period before (the change is "–").
	NotStarted bool
	// PreviousThrough is, for a running period, the day of the period
	// before its figures run up to ("2. jan. 2026" on 2 July): the two are
	// compared at the same point (followup.SameTime); SameTimeNote says
	// how, and ChangeLabel names the change column so ("Ændring mod
	// samme tidspunkt i forrige halvår"). All "" otherwise.
	PreviousThrough, SameTimeNote, ChangeLabel string
	// Printed is when the report was made ("7. dec. 2026 kl. 11.00"), so
	// a printed copy says which day's figures it holds; the jobcentre's
	// name beside it is the service's ("app.name": there is no other in
	// the configuration).
	Printed string
}

// sameTimeNote says how a running period's figures are compared with the
// period before's at the same point: the counters are per month, so its
// whole months and the next pro rata ("… tager januar–maj 2026 med hele og
// juni 2026 med 7 af månedens 30 dage: lige så stor en del, som der er gået
// af december (7 af 31 dage)"). It said "juni 2026 med 7/31", December's
// fraction beside June, which has 30 days.
func sameTimeNote(lang i18n.Lang, st *followup.SameTime) string {
	month := func(s string) string {
		p, err := kpi.ParsePeriod(s)
		if err != nil {
			return s
		}
		return fullMonthNames[i18nIndex(lang)][p.N-1]
	}
	pr, _ := kpi.ParsePeriod(st.ProRata)
	prorata := month(st.ProRata) + " " + strconv.Itoa(pr.Year)
	// The days of the month before taken: up to Through, its day.
	taken := st.Days
	if d, err := time.Parse(time.DateOnly, st.Through); err == nil {
		taken = d.Day()
	}
	if st.WholeFrom == "" {
		return i18n.T(lang, "report.same_time_month", prorata, taken, pr.Days(), month(st.Month), st.Days, st.DaysInMonth)
	}
	whole := month(st.WholeFrom)
	if st.WholeTo != st.WholeFrom {
		whole += "–" + month(st.WholeTo)
	}
	return i18n.T(lang, "report.same_time_months", whole+" "+strconv.Itoa(pr.Year), prorata, taken, pr.Days(), month(st.Month), st.Days, st.DaysInMonth)
}

var fullMonthNames = [2][12]string{
	{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

func i18nIndex(lang i18n.Lang) int {
	if lang == i18n.EN {
		return 1
	}
	return 0
}

func init() {
	// figunit is the unit a report figure is printed in: whole days as
	// whole numbers ("44 dage", "+3"), not "44,0".
	funcs["figunit"] = func(unit string, vs ...float64) string {
		if unit != "days" {
			return unit
		}
		for _, v := range vs {
			if v != math.Trunc(v) {
				return unit
			}
		}
		return "count"
	}
	funcs["fdays"] = fmtDays
	// goal says whether a report figure met its target ("nået", "ikke
	// nået"; "… indtil nu" in a running period).
	funcs["goal"] = goalWord
	funcs["met"] = func(b *bool) bool { return b != nil && *b }
	// fdiff is the change from prev to v as the two figures are shown:
	// each rounded the way it is printed ("22,2" for 22,25, as
	// strconv rounds, not math.Round's 22,3), so the change agrees with
	// what a reader subtracts.
	funcs["fdiff"] = func(l i18n.Lang, unit string, v, prev float64) string {
		return fchange(l, unit, shownFigure(unit, v)-shownFigure(unit, prev))
	}
	// sentence begins a sentence with a capital: "The second half of 2026
	// is not over", not "the second half …".
	funcs["sentence"] = sentence
	funcs["theperiod"] = thePeriod
}

// thePeriod names a period inside a sentence: in English a half-year
// takes its article ("every figure for the second half of 2026", not
// "for second half of 2026"); a year ("2026") and Danish ("2. halvår
// 2026") take none.
func thePeriod(lang i18n.Lang, p string) string {
	name := periodName(lang, p)
	if lang == i18n.EN && name != p {
		return "the " + name
	}
	return name
}

// sentence capitalises the first letter of s.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// shownFigure is a report figure as it is printed (fmtPct, fmtInt,
// fmtNum), in its unit: a share to a tenth of a percent, a count whole,
// anything else to a tenth. It is computed in whole tenths (or wholes)
// so the difference of two has no binary noise.
func shownFigure(unit string, v float64) float64 {
	switch unit {
	case "count":
		return math.Round(v)
	case "share":
		return tenths(v*100) / 100
	}
	return tenths(v)
}

// tenths rounds v to one decimal exactly as strconv prints it with 'f', 1.
func tenths(v float64) float64 {
	p, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 1, 64), 64)
	if err != nil {
		return v
	}
	return math.Round(p*10) / 10
}

func countBars(lang i18n.Lang, m map[string]int64, label func(string) string) []kpi.Bar {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var bars []kpi.Bar
	for _, k := range keys {
		bars = append(bars, kpi.Bar{Label: label(k), Value: float64(m[k]), Text: fmtInt(lang, float64(m[k]))})
	}
	return bars
}

var monthNames = [2][12]string{
	{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

func monthLabel(lang i18n.Lang, m int) string {
	if lang == i18n.EN {
		return monthNames[1][m-1]
	}
	return monthNames[0][m-1]
}

// fmtInt prints a whole number with the language's thousands separator.
func fmtInt(lang i18n.Lang, v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	sep := "."
	if lang == i18n.EN {
		sep = ","
	}
	neg := ""
	if s[0] == '-' {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return neg + s
}

// fmtPct prints a share as a percentage with one decimal in the language,
// as i18n.Percent does a whole one: Danish with a non-breaking space
// before "%" so "73,5 %" never wraps apart, English with none ("73.5%";
// it wrote "92.0 %").
func fmtPct(lang i18n.Lang, share float64) string {
	s := strconv.FormatFloat(share*100, 'f', 1, 64)
	if lang == i18n.EN {
		return s + "%"
	}
	return replaceDot(s) + "\u00a0%"
}

// fmtDays prints a number of days: whole days whole ("44"), anything else
// with one decimal ("12,5").
func fmtDays(lang i18n.Lang, v float64) string {
	if v == math.Trunc(v) {
		return fmtInt(lang, v)
	}
	return fmtNum(lang, v)
}

// fmtNum prints a number with one decimal in the language.
func fmtNum(lang i18n.Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang != i18n.EN {
		s = replaceDot(s)
	}
	return s
}

func replaceDot(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '.' {
			b[i] = ','
		}
	}
	return string(b)
}
