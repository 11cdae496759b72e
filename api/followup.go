package api

import (
	"encoding/csv"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/followup"
	"jobmatch/app/intake"
	"jobmatch/i18n"
	"jobmatch/kpi"
	"jobmatch/web"
)

// RegisterFollowUp adds closing vacancies by hand, setting the occupation
// a vacancy is matched as, targets, survey rules,
// citizen surveys and the KPI export.
func RegisterFollowUp(s *web.Server, u UseCases) {
	g := s.Group()
	cv := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	figures := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin, jobmatch.RoleManagement)
	admin := web.RequireRole(jobmatch.RoleAdmin)
	g.PATCH("/vacancies/:id", func(c echo.Context) error {
		var in intake.VacancyClose
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		v, err := u.Intake.CloseVacancy(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, v)
	}, cv)
	g.PUT("/vacancies/:id/occupation", func(c echo.Context) error {
		var in intake.VacancyOccupation
		if err := web.DecodeJSON(c, &in); err != nil {
			return err
		}
		v, err := u.Intake.SetVacancyOccupation(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, v)
	}, cv)
	g.DELETE("/vacancies/:id/occupation", func(c echo.Context) error {
		v, err := u.Intake.ClearVacancyOccupation(c.Request().Context(), web.CurrentUser(c), c.Param("id"))
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, v)
	}, cv)
	g.GET("/targets/:year", func(c echo.Context) error {
		year, err := strconv.Atoi(c.Param("year"))
		if err != nil || year < 2000 || year > 2100 {
			return jobmatch.Invalid("year", "year", "")
		}
		t, err := u.Followup.Targets(c.Request().Context(), year)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, t)
	}, figures)
	g.PUT("/targets/:year", func(c echo.Context) error {
		year, err := strconv.Atoi(c.Param("year"))
		if err != nil {
			return jobmatch.Invalid("year", "year", "")
		}
		var in followup.Targets
		if err := web.DecodeWhole(c, &in, "contacts", "citizen_satisfaction_share"); err != nil {
			return err
		}
		t, err := u.Followup.SetTargets(c.Request().Context(), web.CurrentUser(c), year, in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, t)
	}, admin)
	g.GET("/settings/surveys", func(c echo.Context) error {
		return c.JSON(http.StatusOK, u.Surveys.SurveyRules(c.Request().Context()))
	}, admin)
	g.PUT("/settings/surveys", func(c echo.Context) error {
		var in jobmatch.SurveyRules
		if err := web.DecodeWhole(c, &in, "employer_every_days", "citizen_every_days", "valid_days", "triggers"); err != nil {
			return err
		}
		r, err := u.Surveys.SetSurveyRules(c.Request().Context(), web.CurrentUser(c), in)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	}, admin)
	g.POST("/candidates/:id/survey", func(c echo.Context) error {
		sent, err := u.Surveys.SendCitizenSurvey(c.Request().Context(), web.CurrentUser(c), c.Param("id"), "manual")
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]bool{"sent": sent})
	}, cv)
	report := func(c echo.Context) (*followup.Report, error) {
		year, half, err := yearHalf(c)
		if err != nil {
			return nil, err
		}
		return u.Followup.KPIReport(c.Request().Context(), web.CurrentUser(c), year, half, string(web.Lang(c)))
	}
	g.GET("/kpi/report", func(c echo.Context) error {
		r, err := report(c)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	}, figures)
	g.GET("/kpi/export.csv", func(c echo.Context) error {
		// dialect=excel-da is for Danish Excel: ";" between fields, decimal
		// comma and a UTF-8 byte order mark (so æøå open right with a
		// double click); the plain default is RFC 4180 with decimal points.
		dialect := c.QueryParam("dialect")
		if dialect != "" && dialect != "excel-da" {
			return jobmatch.Invalid("dialect", "oneof", "excel-da")
		}
		// by= splits the period per month, consultant, topic or
		// channel: one row each, with the figures its counters hold
		// per row (exportBy); without it, the period's figures.
		by := c.QueryParam("by")
		if by != "" && breakdownFigures[by] == nil {
			return jobmatch.Invalid("by", "oneof", "month consultant topic channel")
		}
		if by != "" {
			return exportBy(c, u, by, dialect)
		}
		r, err := report(c)
		if err != nil {
			return err
		}
		h := c.Response().Header()
		h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		name := "jobmatch-kpi-" + r.Period
		if dialect != "" {
			name += "-" + dialect
		}
		h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`.csv"`)
		c.Response().WriteHeader(http.StatusOK)
		num := func(s string) string { return s }
		unit := func(s string) string { return s }
		// percent: in the Danish Excel file a share is a percentage, as
		// a person reads it ("92,3" in a figure named "… (%)"), not the
		// fraction 0,923; the plain CSV keeps the fraction for programs.
		percent := false
		// as_of and previous_as_of (added last, so the columns before keep
		// their places) are the day a period's figures run up to when it
		// has not ended: provisional figures. Empty for a period over;
		// beside a running period, previous_as_of is the day the period
		// before is compared up to (the same point, followup.SameTime).
		header := []string{"period", "figure", "label", "unit", "value", "n", "previous_period", "previous_value", "previous_n", "definition", "target", "as_of", "previous_as_of"}
		w := csv.NewWriter(c.Response())
		if dialect == "excel-da" {
			_, _ = c.Response().Write([]byte("\uFEFF"))
			w.Comma, w.UseCRLF = ';', true
			num = func(s string) string { return strings.Replace(s, ".", ",", 1) }
			percent = true
			if web.Lang(c) == i18n.DA {
				// For a person in Danish Excel: the columns and units in
				// Danish (the figure's key stays the key).
				header = []string{"periode", "nøgletal", "betegnelse", "enhed", "værdi", "n", "forrige periode", "forrige værdi", "forrige n", "definition", "mål", "foreløbig til og med", "forrige til og med"}
				unit = func(s string) string {
					if da, ok := map[string]string{"count": "antal", "share": "andel", "percent": "procent", "days": "dage", "hours": "timer"}[s]; ok {
						return da
					}
					return s
				}
			}
		}
		w.Write(header)
		for _, row := range r.Rows {
			label, u := row.Label, row.Unit
			if percent && u == "share" {
				label, u = label+" (%)", "percent"
			}
			// A median or share of no case is an empty cell, not 0.
			value := func(v float64, none bool) string {
				if none {
					return ""
				}
				return num(followup.FormatFigure(u, v))
			}
			w.Write([]string{r.Period, row.Key, label, unit(u), value(row.Value, row.None), nOrEmpty(row.N, row.Unit),
				r.Previous, value(row.Previous, row.PreviousNone), nOrEmpty(row.PreviousN, row.Unit), row.Definition,
				value(row.Target, row.Target == 0), asOf(r.Current), previousAsOf(r)})
		}
		w.Flush()
		return w.Error()
	}, figures)
}

// breakdownFigures are the figures of the CSV per month, consultant,
// topic or channel (by=): those the counters hold per row. A contact is
// counted per consultant, a request per topic and channel; per month,
// everything is (the response times and vacancies too).
var breakdownFigures = map[string][]string{
	"month": {"contacts", "requests", "requests_resolved", "requests_median_response_hours", "requests_share_in_time",
		"vacancies_posted", "vacancies_ended", "vacancies_filled", "vacancies_closed"},
	"consultant": {"contacts"},
	"topic":      {"requests"},
	"channel":    {"requests"},
}

// breakdownUnits are the units of the figures per row that are no count.
var breakdownUnits = map[string]string{"requests_median_response_hours": "hours", "requests_share_in_time": "share"}

// exportBy writes the CSV of a period per month, consultant, topic or
// channel: the period, the row's key ("2026-07", the consultant's id, the
// topic's or channel's key) and name, and a column per figure. In the
// Danish Excel dialect the columns are named in Danish (with lang da) and
// a share is a percentage, as in the CSV of the period's figures.
func exportBy(c echo.Context, u UseCases, by, dialect string) error {
	ctx, user, lang := c.Request().Context(), web.CurrentUser(c), web.Lang(c)
	year, half, err := yearHalf(c)
	if err != nil {
		return err
	}
	type row struct {
		key, label string
		values     map[string]float64
		none       bool // the median and share: no request resolved
	}
	var period string
	var rows []row
	if by == "month" {
		ms, err := u.Followup.KPIMonths(ctx, user, year, half)
		if err != nil {
			return err
		}
		period = strconv.Itoa(year)
		if half != "" {
			period += "-" + half
		}
		for _, m := range ms {
			rows = append(rows, row{key: m.Month, label: m.Month, none: m.Resolved == 0, values: map[string]float64{
				"contacts": float64(m.Contacts), "requests": float64(m.Requests), "requests_resolved": float64(m.Resolved),
				"requests_median_response_hours": m.MedianResponseHours, "requests_share_in_time": m.ShareInTime,
				"vacancies_posted": float64(m.VacanciesPosted), "vacancies_ended": float64(m.VacanciesEnded),
				"vacancies_filled": float64(m.VacanciesFilled), "vacancies_closed": float64(m.VacanciesClosed)}})
		}
	} else {
		f, err := u.Followup.KPI(ctx, user, year, half)
		if err != nil {
			return err
		}
		period = f.Period
		switch by {
		case "consultant":
			for _, cc := range f.Contacts.ByConsultant {
				label := cc.Name
				if cc.Former {
					label = i18n.T(lang, "dash.former_staff")
				}
				rows = append(rows, row{key: cc.ID, label: label, values: map[string]float64{"contacts": float64(cc.Count)}})
			}
		case "topic", "channel":
			m, prefix := f.Requests.ByTopic, "topic."
			if by == "channel" {
				m, prefix = f.Requests.ByChannel, "ch."
			}
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
			for _, k := range keys {
				label := i18n.T(lang, prefix+k)
				if label == prefix+k {
					label = k
				}
				rows = append(rows, row{key: k, label: label, values: map[string]float64{"requests": float64(m[k])}})
			}
		}
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	name := "jobmatch-kpi-" + period + "-" + by
	if dialect != "" {
		name += "-" + dialect
	}
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`.csv"`)
	c.Response().WriteHeader(http.StatusOK)
	w := csv.NewWriter(c.Response())
	num := func(s string) string { return s }
	percent := false
	header := []string{"period", by, "label"}
	if dialect == "excel-da" {
		_, _ = c.Response().Write([]byte("\uFEFF"))
		w.Comma, w.UseCRLF = ';', true
		num = func(s string) string { return strings.Replace(s, ".", ",", 1) }
		percent = true
		if lang == i18n.DA {
			header = []string{"periode", map[string]string{"month": "måned", "consultant": "konsulent", "topic": "emne", "channel": "kanal"}[by], "betegnelse"}
		}
	}
	figures := breakdownFigures[by]
	for _, k := range figures {
		if dialect == "" {
			// For programs: the figure's key, as the period's CSV has
			// in its column "figure".
			header = append(header, k)
			continue
		}
		label := followup.FigureLabel(k, string(lang))
		if percent && breakdownUnits[k] == "share" {
			label += " (%)"
		}
		header = append(header, label)
	}
	w.Write(header)
	for _, r := range rows {
		rec := []string{period, r.key, r.label}
		for _, k := range figures {
			unit := breakdownUnits[k]
			if unit == "" {
				unit = "count"
			}
			if unit != "count" && r.none {
				// A median or share of no case is an empty cell, not 0.
				rec = append(rec, "")
				continue
			}
			if percent && unit == "share" {
				unit = "percent"
			}
			rec = append(rec, num(followup.FormatFigure(unit, r.values[k])))
		}
		w.Write(rec)
	}
	w.Flush()
	return w.Error()
}

// asOf is the day a period's provisional figures run up to: empty for a
// period over (final figures) and for one not begun (no figures yet, and
// today is before it).
func asOf(f *followup.KPIFigures) string {
	if f == nil || f.Status == kpi.NotStarted.String() {
		return ""
	}
	return f.AsOf
}

// previousAsOf is the day the previous period's figures run up to: the
// same point as a running period's (its figures are compared up to it,
// not whole), else as asOf says.
func previousAsOf(r *followup.Report) string {
	if r.SameTime != nil {
		return r.SameTime.Through
	}
	return asOf(r.Before)
}

func nOrEmpty(n int, unit string) string {
	if unit != "share" || n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// yearHalf reads ?year= (required) and ?half= (H1, H2 or empty).
func yearHalf(c echo.Context) (int, string, error) {
	year, err := strconv.Atoi(c.QueryParam("year"))
	if err != nil {
		return 0, "", jobmatch.Invalid("year", "required", "")
	}
	half := c.QueryParam("half")
	if half != "" && half != "H1" && half != "H2" {
		return 0, "", jobmatch.Invalid("half", "oneof", "H1 H2")
	}
	return year, half, nil
}
