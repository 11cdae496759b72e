package followup

import (
	"context"
	"math"
	"strconv"
	"time"

	"jobmatch"
	"jobmatch/kpi"
	"jobmatch/store"
)

// ReportRow is one figure of the half-year report: its value in the period
// and in the period before, with what it means.
type ReportRow struct {
	Key      string  `json:"key"`
	Label    string  `json:"label"`
	Unit     string  `json:"unit"` // count, share, hours, days, score
	Value    float64 `json:"value"`
	Previous float64 `json:"previous"`
	// N is the number of cases behind a share: the answers behind a
	// satisfaction figure, the vacancies, requests or retention cases
	// behind any other (casesOf); 0 for a figure that is no share.
	N         int `json:"n,omitempty"`
	PreviousN int `json:"previous_n,omitempty"`
	// None: a median or share of no case (no vacancy filled, no answer),
	// which has no value; Value is 0 and means nothing.
	None         bool `json:"none,omitempty"`
	PreviousNone bool `json:"previous_none,omitempty"`
	// Target is the period's goal for the company contacts (half the
	// year's for a half-year) and for a satisfaction share (the year's);
	// 0 where the figure has none.
	Target float64 `json:"target,omitempty"`
	// TargetDefault: the target is the jobcentre's standing goal (for the
	// contacts the default, 2.500 a year; for a satisfaction share 92 %),
	// as nobody set the year's goals.
	TargetDefault bool `json:"target_default,omitempty"`
	// TargetMet says whether the figure reached its target, as shown (to
	// a tenth of a percent): for the contacts only once the period has
	// ended, for a satisfaction share whenever there are answers (so far,
	// in a running period). Absent where there is nothing to judge.
	TargetMet *bool `json:"target_met,omitempty"`
	// Cohort marks a figure over the vacancies posted in the period: in a
	// running period the newest of them have not had their time yet, so
	// it tends to rise until well after the period ends.
	Cohort     bool   `json:"cohort,omitempty"`
	Definition string `json:"definition"`
}

// cohortFigures are the figures taken over the period's new vacancies.
var cohortFigures = map[string]bool{
	"job_orders_with_presented":       true,
	"job_orders_filled_by_presented":  true,
	"job_orders_days_to_presentation": true,
	"priority_vacancies_presented":    true,
}

// casesOf is, for a figure that is a median or a share, the number of
// cases it is taken over: with none there is no figure ("median days to
// fill 0,0" said that nothing was filled).
var casesOf = map[string]func(f *KPIFigures) int64{
	"employer_labour":                  func(f *KPIFigures) int64 { return int64(f.EmployerSatisfaction["labour"].N) },
	"employer_service":                 func(f *KPIFigures) int64 { return int64(f.EmployerSatisfaction["service"].N) },
	"citizen_satisfaction":             func(f *KPIFigures) int64 { return int64(f.CitizenSatisfaction.N) },
	"requests_median_response_hours":   func(f *KPIFigures) int64 { return f.Requests.Resolved },
	"requests_share_in_time":           func(f *KPIFigures) int64 { return f.Requests.Resolved },
	"vacancies_median_days_to_fill":    func(f *KPIFigures) int64 { return f.Vacancies.Filled },
	"vacancies_share_filled":           func(f *KPIFigures) int64 { return f.Vacancies.Ended },
	"vacancies_share_filled_presented": func(f *KPIFigures) int64 { return f.Vacancies.Filled },
	"retention_share_returned":         func(f *KPIFigures) int64 { return f.Retention.Resolved },
	"job_orders_with_presented":        func(f *KPIFigures) int64 { return f.JobOrders.Posted },
	"job_orders_filled_by_presented":   func(f *KPIFigures) int64 { return f.JobOrders.Posted },
	"job_orders_days_to_presentation":  func(f *KPIFigures) int64 { return f.JobOrders.WithPresented },
	"priority_vacancies_presented":     func(f *KPIFigures) int64 { return f.PriorityGroups.VacanciesPostedInPeriod },
}

// Report is the half-year (or year) report: every figure beside the
// previous period's.
type Report struct {
	Period   string `json:"period"`
	Previous string `json:"previous"`
	// SameTime: the period is running, so Before (and each row's
	// Previous) is the period before up to the same point, not the whole
	// of it; absent when the period is over or not begun.
	SameTime *SameTime   `json:"same_time,omitempty"`
	Current  *KPIFigures `json:"current"`
	Before   *KPIFigures `json:"before"`
	Rows     []ReportRow `json:"rows"`
}

// SameTime is how a running period is compared with the one before: up to
// the same point in it, not with the whole of it (the first days of July
// against all of the first half read as a fall of nearly 100 %). The
// counters are kept per month, so the period before is taken over its
// months up to the one that matches this month, whole, and that one pro
// rata: as many parts of it as days have gone of this month (Days of
// DaysInMonth, today included).
type SameTime struct {
	// WholeFrom and WholeTo are the months of the period before taken
	// whole ("2026-01", "2026-05"); empty in the period's first month.
	WholeFrom string `json:"whole_from,omitempty"`
	WholeTo   string `json:"whole_to,omitempty"`
	// ProRata is the month taken pro rata, Days/DaysInMonth of it.
	ProRata     string `json:"pro_rata"`
	Days        int    `json:"days"`
	DaysInMonth int    `json:"days_in_month"`
	// Through is the day of the period before that matches today: its
	// figures run up to about it ("2026-01-02" on 2 July).
	Through string `json:"through"`
	// Month is this month ("2026-07"), whose days gone set the share.
	Month string `json:"month"`

	k int // index of the month taken pro rata
}

// sameTime is the point in prev that matches now in cur, which holds now;
// nil when it does not.
func sameTime(now time.Time, cur, prev kpi.Period) *SameTime {
	now = now.In(jobmatch.Copenhagen)
	months, before := cur.Months(), prev.Months()
	for k, m := range months {
		if !m.Contains(now) || k >= len(before) {
			continue
		}
		st := &SameTime{k: k, Days: now.Day(), DaysInMonth: m.Days(), ProRata: before[k].String(), Month: m.String()}
		if k > 0 {
			st.WholeFrom, st.WholeTo = before[0].String(), before[k-1].String()
		}
		d := int(math.Round(float64(st.Days) * float64(before[k].Days()) / float64(st.DaysInMonth)))
		st.Through = before[k].Start().AddDate(0, 0, max(d, 1)-1).Format(time.DateOnly)
		return st
	}
	return nil
}

// counts is the period p's counters as far as st reaches: the sum of its
// whole months and its month k pro rata (each counter rounded to a whole,
// so a share or median is taken over whole cases), and the contacts per
// month the same way (none after month k).
func (st *SameTime) counts(y store.YearCounts, p kpi.Period) (map[string]int64, []map[string]int64) {
	c := map[string]int64{}
	months := p.Months()
	monthly := make([]map[string]int64, len(months))
	for i, m := range months {
		monthly[i] = map[string]int64{}
		if i > st.k {
			continue
		}
		for k, v := range y.MonthCounts(m.N) {
			if i == st.k {
				v = int64(math.Round(float64(v) * float64(st.Days) / float64(st.DaysInMonth)))
			}
			c[k] += v
			monthly[i][k] = v
		}
	}
	return c, monthly
}

// reportFigures are the report's figures in order: key, unit, Danish and
// English label, Danish and English definition.
var reportFigures = []struct {
	key, unit string
	label     [2]string
	def       [2]string
	value     func(f *KPIFigures) (float64, int)
}{
	{"contacts", "count", [2]string{"Virksomhedskontakter", "Company contacts"},
		[2]string{"Besøg, telefonmøder, møder og andre kontakter med virksomheder, som konsulenterne har registreret, efter kontaktens dato.", "Visits, phone meetings, meetings and other contacts with companies logged by the consultants, by the date of the contact."},
		func(f *KPIFigures) (float64, int) { return float64(f.Contacts.Count), 0 }},
	{"contacts_target", "count", [2]string{"Mål for virksomhedskontakter", "Target for company contacts"},
		[2]string{"Årets mål (halvdelen for et halvår), sat af en administrator; er der ikke sat et, jobcentrets standardmål (markeret „standard“).", "The year's target (half of it for a half-year), set by an admin; where none is set, the jobcentre's default target (marked \"default\")."},
		func(f *KPIFigures) (float64, int) { return float64(f.Contacts.Target), 0 }},
	{"employer_labour", "share", [2]string{"Virksomheder tilfredse med indsatsen for kvalificeret arbejdskraft", "Employers satisfied with the effort to supply qualified labour"},
		[2]string{"Andel af svarene 4–5 på en skala 1–5 i virksomhedsundersøgelsen, efter svardato.", "Share of answers 4–5 on a 1–5 scale in the employer survey, by the date answered."},
		func(f *KPIFigures) (float64, int) {
			s := f.EmployerSatisfaction["labour"]
			return s.ShareSatisfied, s.N
		}},
	{"employer_service", "share", [2]string{"Virksomheder tilfredse med den generelle virksomhedsservice", "Employers satisfied with the general company service"},
		[2]string{"Andel af svarene 4–5 på en skala 1–5 i virksomhedsundersøgelsen, efter svardato.", "Share of answers 4–5 on a 1–5 scale in the employer survey, by the date answered."},
		func(f *KPIFigures) (float64, int) {
			s := f.EmployerSatisfaction["service"]
			return s.ShareSatisfied, s.N
		}},
	{"citizen_satisfaction", "share", [2]string{"Borgere tilfredse eller meget tilfredse", "Citizens satisfied or very satisfied"},
		[2]string{"Andel af svarene 4–5 på en skala 1–5 i borgerundersøgelsen, efter svardato.", "Share of answers 4–5 on a 1–5 scale in the citizen survey, by the date answered."},
		func(f *KPIFigures) (float64, int) {
			return f.CitizenSatisfaction.ShareSatisfied, f.CitizenSatisfaction.N
		}},
	{"requests", "count", [2]string{"Henvendelser fra virksomheder", "Requests from companies"},
		[2]string{"Alle henvendelser (web, API, telefon, mail, besøg), efter modtagelsesdato.", "All requests (web, API, phone, mail, visit), by the date received."},
		func(f *KPIFigures) (float64, int) { return float64(f.Requests.Count), 0 }},
	{"requests_median_response_hours", "hours", [2]string{"Svartid, median (timer)", "Response time, median (hours)"},
		[2]string{"Tid fra modtagelse til afslutning for henvendelser afsluttet i perioden. Medianen anslås med én decimal ud fra, hvor mange der blev afsluttet inden for hver time (over 48 timer: hvert døgn), så den er sikker inden for en time (over 48 timer: et døgn).", "Time from receipt to resolution of requests resolved in the period. The median is estimated to one decimal from how many were resolved within each hour (above 48 hours: each day), so it is right within an hour (above 48 hours: a day)."},
		func(f *KPIFigures) (float64, int) { return f.Requests.MedianResponseHours, 0 }},
	{"requests_share_in_time", "share", [2]string{"Besvaret inden fristen", "Answered within the deadline"},
		[2]string{"Andel af henvendelser afsluttet i perioden, der blev afsluttet inden deres frist (arbejdsdage, helligdage sprunget over).", "Share of requests resolved in the period that were resolved by their deadline (working days, holidays skipped)."},
		func(f *KPIFigures) (float64, int) { return f.Requests.ShareInTime, 0 }},
	{"vacancies_posted", "count", [2]string{"Stillinger modtaget i perioden", "Vacancies posted in the period"},
		[2]string{"Stillinger modtaget (oprettet) i perioden, hvad enten de siden er besat, lukket eller stadig åbne.", "Vacancies received (posted) in the period, whether filled, closed or still open since."},
		func(f *KPIFigures) (float64, int) { return float64(f.Vacancies.Posted), 0 }},
	{"vacancies_ended", "count", [2]string{"Stillinger afsluttet i perioden (besat eller lukket)", "Vacancies ended in the period (filled or closed)"},
		[2]string{"Stillinger markeret som besat eller lukket i perioden, uanset hvornår de blev modtaget.", "Vacancies marked filled or closed in the period, whenever they were posted."},
		func(f *KPIFigures) (float64, int) { return float64(f.Vacancies.Ended), 0 }},
	{"vacancies_filled", "count", [2]string{"Besatte stillinger", "Filled vacancies"},
		[2]string{"Stillinger markeret som besat i perioden, uanset hvornår de blev modtaget.", "Vacancies marked filled in the period, whenever they were posted."},
		func(f *KPIFigures) (float64, int) { return float64(f.Vacancies.Filled), 0 }},
	{"vacancies_closed", "count", [2]string{"Stillinger lukket uden at blive besat", "Vacancies closed without being filled"},
		[2]string{"Stillinger lukket i perioden uden at blive besat.", "Vacancies closed in the period without being filled."},
		func(f *KPIFigures) (float64, int) { return float64(f.Vacancies.Closed), 0 }},
	{"vacancies_share_filled", "share", [2]string{"Besatte af de afsluttede stillinger", "Filled of the vacancies ended"},
		[2]string{"Andel af stillingerne afsluttet i perioden (besat eller lukket), der blev besat.", "Share of the vacancies ended in the period (filled or closed) that were filled."},
		func(f *KPIFigures) (float64, int) { return f.Vacancies.ShareFilled, 0 }},
	{"vacancies_median_days_to_fill", "days", [2]string{"Dage fra modtagelse til besættelse (median)", "Days from posting to filled (median)"},
		[2]string{"Dage fra modtagelse til besættelse for stillinger besat i perioden.", "Days from posting to filled for vacancies filled in the period."},
		func(f *KPIFigures) (float64, int) { return f.Vacancies.MedianDaysToFill, 0 }},
	{"vacancies_share_filled_presented", "share", [2]string{"Besatte stillinger, hvor den ansatte var præsenteret af jobcentret", "Filled vacancies where the person hired was presented by the jobcentre"},
		[2]string{"Andel af de besatte stillinger, hvor den ansatte var præsenteret af jobcentret.", "Share of filled vacancies where the person hired was presented by the jobcentre."},
		func(f *KPIFigures) (float64, int) { return f.Vacancies.ShareFilledPresented, 0 }},
	{"hires", "count", [2]string{"Ansat via jobcentret (personer)", "People hired through the jobcentre"},
		[2]string{"Ansættelser registreret på stillingernes kortlister i perioden (trinnet „ansat“), efter datoen for ansættelsen: én pr. person og stilling, også når stillingen har flere pladser og endnu ikke er besat helt.", "Hires recorded on the vacancies' shortlists in the period (the step \"hired\"), by the date of the hire: one per person and vacancy, also where the vacancy has several positions and is not yet wholly filled."},
		func(f *KPIFigures) (float64, int) { return float64(f.Hires), 0 }},
	{"retention_requests", "count", [2]string{"Henvendelser om fastholdelse", "Retention requests"},
		[2]string{"Henvendelser om en sygemeldt medarbejder, efter modtagelsesdato.", "Requests about a sick-listed employee, by the date received."},
		func(f *KPIFigures) (float64, int) { return float64(f.Retention.Requests), 0 }},
	{"retention_share_returned", "share", [2]string{"Fastholdelse: hel eller delvis tilbagevenden", "Retention: full or partial return to work"},
		[2]string{"Andel af afsluttede fastholdelsessager med udfaldet hel eller delvis tilbagevenden til arbejdet.", "Share of resolved retention cases with a full or partial return to work as their outcome."},
		func(f *KPIFigures) (float64, int) { return f.Retention.ShareReturned, 0 }},
}

// FigureLabel is a figure's name in lang ("da" or "en"), as the report
// names it; "requests_resolved", which the report has not, is named here.
// Any other key is its own name.
func FigureLabel(key, lang string) string {
	l := 0
	if lang == "en" {
		l = 1
	}
	if key == "requests_resolved" {
		return [2]string{"Henvendelser afsluttet i perioden", "Requests resolved in the period"}[l]
	}
	for _, f := range reportFigures {
		if f.key == key {
			return f.label[l]
		}
	}
	return key
}

// PreviousPeriod is the period a report compares with: the half before, or
// the year before.
func PreviousPeriod(year int, half string) (int, string) {
	switch half {
	case "H2":
		return year, "H1"
	case "H1":
		return year - 1, "H2"
	}
	return year - 1, ""
}

// KPIReport returns every figure of a period beside the previous period's,
// with definitions in lang ("da" or "en").
func (s *Service) KPIReport(ctx context.Context, by *jobmatch.User, year int, half, lang string) (*Report, error) {
	cur, err := s.KPI(ctx, by, year, half)
	if err != nil {
		return nil, err
	}
	py, ph := PreviousPeriod(year, half)
	var cut *SameTime
	if cur.Status == kpi.Running.String() {
		// Like with like: a running period against the one before up
		// to the same point, not against the whole of it.
		p, _ := kpi.ParsePeriod(cur.Period)
		cut = sameTime(s.now(), p, p.Prev())
	}
	before, err := s.kpi(ctx, by, py, ph, cut)
	if err != nil {
		return nil, err
	}
	l := 0
	if lang == "en" {
		l = 1
	}
	r := &Report{Period: cur.Period, Previous: before.Period, SameTime: cut, Current: cur, Before: before}
	for _, f := range reportFigures {
		v, n := f.value(cur)
		pv, pn := f.value(before)
		row := ReportRow{Key: f.key, Label: f.label[l], Unit: f.unit, Value: v, Previous: pv, N: n, PreviousN: pn, Definition: f.def[l]}
		if cases, ok := casesOf[f.key]; ok {
			row.None, row.PreviousNone = cases(cur) == 0, cases(before) == 0
			if f.unit == "share" {
				// Every share has its n, not only the surveys': one of
				// 1 filled vacancy beside one of 130 said "+20,9
				// pct.-point" with no n and no word of noise.
				row.N, row.PreviousN = int(cases(cur)), int(cases(before))
			}
		}
		if f.key == "contacts_target" && cur.Contacts.TargetDefault {
			// The default nobody set for the year, said so in the
			// report, the CSV and the API alike.
			row.Label += " " + [2]string{"(standard)", "(default)"}[l]
			row.TargetDefault = true
		}
		row.Cohort = cohortFigures[f.key]
		switch f.key {
		case "contacts":
			row.Target, row.TargetDefault = float64(cur.Contacts.Target), cur.Contacts.TargetDefault
			if cur.Status == kpi.Ended.String() {
				met := cur.Contacts.Count >= cur.Contacts.Target
				row.TargetMet = &met
			}
		case "employer_labour", "employer_service":
			row.Target, row.TargetDefault = cur.EmployerSatisfactionTarget, cur.SatisfactionTargetsDefault
		case "citizen_satisfaction":
			row.Target, row.TargetDefault = cur.CitizenSatisfactionTarget, cur.SatisfactionTargetsDefault
		}
		if row.Unit == "share" && row.Target > 0 && row.N > 0 {
			met := ShareMet(row.Value, row.Target)
			row.TargetMet = &met
		}
		r.Rows = append(r.Rows, row)
	}
	return r, nil
}

// ShareMet says whether a share reached its target as both are shown, to
// a tenth of a percent: 91,95 % is shown as 92,0 % and meets a goal of
// 92,0 %, or the page would say "92,0 % (mål 92,0 %): ikke nået".
func ShareMet(share, target float64) bool {
	return math.Round(share*1000) >= math.Round(target*1000)
}

// FormatFigure prints a report value for a CSV file: shares as fractions
// with three decimals, counts whole, hours and days with one decimal. A
// share in unit "percent" is printed as a percentage with one decimal
// ("92.3" for 0.923), as a person reads it in a spreadsheet.
func FormatFigure(unit string, v float64) string {
	switch unit {
	case "count":
		return strconv.FormatFloat(v, 'f', 0, 64)
	case "share":
		return strconv.FormatFloat(v, 'f', 3, 64)
	case "percent":
		return strconv.FormatFloat(v*100, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}
