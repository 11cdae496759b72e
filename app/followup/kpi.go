package followup

import (
	"context"
	"errors"
	"jobmatch/store"
	"sort"
	"strconv"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/kpi"
)

// KPIFigures are the follow-up figures of a year or half-year, read from
// the period counters kept as events are written (one document per year),
// so they cost one read whatever the volume.
type KPIFigures struct {
	Period string `json:"period"`
	// Status is "ended" for a period over (final figures), "running" for
	// the current one (provisional figures, up to AsOf) and "not_started"
	// for one to come.
	Status string `json:"status"`
	// AsOf is the day the figures were read (Copenhagen, "2026-12-07")
	// when the period has not ended: they run up to and including it.
	// Empty for an ended period, whose figures are final.
	AsOf string `json:"as_of,omitempty"`
	// LateUntil is, for a period just ended, the last day contacts dated
	// in it may still be logged (the month after a half-year:
	// kpi.Period.LateUntil), so its contacts may still rise until then;
	// empty after it, when the figures are final.
	LateUntil            string                  `json:"late_until,omitempty"`
	Contacts             KPIContacts             `json:"contacts"`
	EmployerSatisfaction map[string]Satisfaction `json:"employer_satisfaction"`
	CitizenSatisfaction  Satisfaction            `json:"citizen_satisfaction"`
	Requests             KPIRequests             `json:"requests"`
	// CitizenSatisfactionTarget is the year's goal for the share satisfied.
	CitizenSatisfactionTarget float64 `json:"citizen_satisfaction_target"`
	// EmployerSatisfactionTarget is the year's goal for each of the
	// employer survey's questions.
	EmployerSatisfactionTarget float64 `json:"employer_satisfaction_target"`
	// SatisfactionTargetsDefault: nobody set the year's goals, so the two
	// above are the jobcentre's standing goal (92 %), shown as such
	// ("standardmål"), not as a goal set for the year.
	SatisfactionTargetsDefault bool         `json:"satisfaction_targets_default,omitempty"`
	Vacancies                  KPIVacancies `json:"vacancies"`
	// Hires is the people hired through the jobcentre: the hires recorded
	// on the shortlists in the period (a "hired" step, by its date), one
	// per person and vacancy, whether or not the vacancy is filled. A
	// vacancy for three gives up to three; Vacancies.FilledPresented
	// counts it once, and only once its last position is filled.
	Hires     int64        `json:"hires"`
	Retention KPIRetention `json:"retention"`
	// PriorityGroups and JobOrders: people per priority group through the
	// pre-screening, and Jobnet's job-order measures.
	PriorityGroups KPIPriorityGroups `json:"priority_groups"`
	JobOrders      KPIJobOrders      `json:"job_orders"`
}

// KPIContacts is the company contacts against the target.
type KPIContacts struct {
	Count int64 `json:"count"`
	// Target is the period's (half the year's for a half-year).
	Target int64 `json:"target"`
	// TargetDefault: nobody set a target for the year, so Target is the
	// standing default (Targets: the latest year's, 2.500), shown as such
	// ("(standard)") and judged as the default 92 % satisfaction goals
	// are. The contacts against the year's target are the service's
	// headline goal: with "no_target" the dashboard, the report and the
	// API had none at all while GET /api/v1/targets gave 2500.
	TargetDefault bool             `json:"target_default,omitempty"`
	ByKind        map[string]int64 `json:"by_kind"`
	// ByConsultant is the contacts per consultant, most first.
	ByConsultant []ConsultantCount `json:"by_consultant"`
	// ByMonth is the contacts per month of the period ("2026-05").
	ByMonth []MonthCount `json:"by_month"`
	// Trend is where a steady pace toward the target would be now, and
	// where the pace so far leads by the end of the period.
	Trend ContactTrend `json:"trend"`
}

// ConsultantCount is one consultant's contacts (or an admin's).
type ConsultantCount struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int64  `json:"count"`
	// Former: the user who logged them is gone; ID and Name are empty
	// (the counter holds only a mangled id, "admin@demo_local").
	Former bool `json:"former,omitempty"`
}

// MonthCount is one month's count.
type MonthCount struct {
	Month string `json:"month"`
	Count int64  `json:"count"`
}

// ContactTrend compares the contacts with a steady pace toward the target
// (the default one too: KPIContacts.TargetDefault).
type ContactTrend struct {
	Elapsed   float64 `json:"elapsed"`   // share of the period gone, 0..1
	Expected  float64 `json:"expected"`  // target × elapsed
	Projected float64 `json:"projected"` // count at the end at the pace so far
	// OnTrack is at or above the steady pace in a running period; in an
	// ended period it is Met, before the period false.
	OnTrack bool `json:"on_track"`
	// Met is the count at or above the target (final once the period has
	// ended).
	Met bool `json:"met"`
}

// Satisfaction is a satisfaction figure (answers 1–5; 4–5 satisfied).
type Satisfaction struct {
	N              int        `json:"n"`
	ShareSatisfied float64    `json:"share_satisfied"`
	Mean           float64    `json:"mean"`
	CI95           [2]float64 `json:"ci95"` // of the share satisfied (Wilson)
	LowN           bool       `json:"low_n"`
}

// KPIRequests is the requests received and how fast they were answered.
type KPIRequests struct {
	Count               int64            `json:"count"`
	Resolved            int64            `json:"resolved"`
	MedianResponseHours float64          `json:"median_response_hours"`
	ShareInTime         float64          `json:"share_in_time"`
	ByTopic             map[string]int64 `json:"by_topic"`
	ByChannel           map[string]int64 `json:"by_channel"`
	// ByMonth is the requests received per month of the period.
	ByMonth []MonthCount `json:"by_month"`
	// OpenNow and OverdueNow are today's backlog, whatever the period:
	// the requests still open, and of them those past their deadline
	// (the share in time counts only the resolved, so a request left
	// open was seen nowhere).
	OpenNow    int64 `json:"open_now"`
	OverdueNow int64 `json:"overdue_now"`
}

// KPIVacancies is the vacancies posted in the period and those that ended
// in it (filled or closed): a vacancy ends in another period than it was
// posted in, so "filled / posted" compared two sets ("42 / 130" read as
// 32 % filled, of vacancies mostly still open); the filled are counted
// against the ended.
type KPIVacancies struct {
	Posted int64 `json:"posted"`
	Filled int64 `json:"filled"`
	// Closed is closed without being filled.
	Closed int64 `json:"closed"`
	// Ended is the vacancies that ended in the period, filled or closed:
	// the base of ShareFilled.
	Ended       int64   `json:"ended"`
	ShareFilled float64 `json:"share_filled"`
	// MedianDaysToFill is from posting to filled, within a day (0 when
	// none was filled).
	MedianDaysToFill float64 `json:"median_days_to_fill"`
	// FilledPresented is filled by a candidate the jobcenter presented.
	FilledPresented      int64   `json:"filled_presented"`
	ShareFilledPresented float64 `json:"share_filled_presented"`
}

// KPIRetention is the retention requests and the returns to work recorded.
type KPIRetention struct {
	// Requests is the retention requests received in the period; the
	// outcomes are of the cases resolved in it (Resolved, their sum),
	// which may have been received before: the two do not add up.
	Requests      int64   `json:"requests"`
	Resolved      int64   `json:"resolved"`
	FullReturn    int64   `json:"full_return"`
	PartialReturn int64   `json:"partial_return"`
	NoReturn      int64   `json:"no_return"`
	ShareReturned float64 `json:"share_returned"`
}

// KPI reads the figures of a year ("H1"/"H2" narrows to a half).
func (s *Service) KPI(ctx context.Context, by *jobmatch.User, year int, half string) (*KPIFigures, error) {
	return s.kpi(ctx, by, year, half, nil)
}

// periodCounts checks that by may read figures and that year and half
// name a period, and reads the counters of its year.
func (s *Service) periodCounts(ctx context.Context, by *jobmatch.User, year int, half string) (kpi.Period, store.YearCounts, error) {
	if !by.CanReadFigures() {
		return kpi.Period{}, store.YearCounts{}, jobmatch.ErrForbidden
	}
	if year < 2000 || year > 2100 {
		return kpi.Period{}, store.YearCounts{}, jobmatch.Invalid("year", "year", "")
	}
	period := strconv.Itoa(year)
	switch half {
	case "":
	case "H1", "H2":
		period += "-" + half
	default:
		return kpi.Period{}, store.YearCounts{}, jobmatch.Invalid("half", "oneof", "H1 H2")
	}
	counts, err := s.st.CountsOfYear(ctx, year)
	if err != nil {
		return kpi.Period{}, store.YearCounts{}, err
	}
	p, _ := kpi.ParsePeriod(period)
	return p, counts, nil
}

// kpi reads a period's figures; with cut, only as far into the period as
// cut reaches (its whole months, and the next pro rata), to compare with a
// running period at the same point.
func (s *Service) kpi(ctx context.Context, by *jobmatch.User, year int, half string, cut *SameTime) (*KPIFigures, error) {
	p, counts, err := s.periodCounts(ctx, by, year, half)
	if err != nil {
		return nil, err
	}
	c := counts.Period(half)
	var monthly []map[string]int64
	for _, m := range p.Months() {
		monthly = append(monthly, counts.MonthCounts(m.N))
	}
	if cut != nil {
		c, monthly = cut.counts(counts, p)
	}
	targets, err := s.Targets(ctx, year)
	if err != nil {
		return nil, err
	}
	now := s.now()
	state := p.StateAt(now)
	f := &KPIFigures{Period: p.String(), Status: state.String(), EmployerSatisfaction: map[string]Satisfaction{}, CitizenSatisfactionTarget: targets.CitizenSatisfactionShare,
		EmployerSatisfactionTarget: targets.EmployerSatisfactionShare}
	f.Contacts = KPIContacts{Count: c["contacts"], Target: targets.Contacts, ByKind: map[string]int64{}, ByConsultant: []ConsultantCount{}}
	f.Contacts.TargetDefault, f.SatisfactionTargetsDefault = targets.isDefault("contacts"), targets.Default
	if half != "" {
		f.Contacts.Target = (f.Contacts.Target + 1) / 2
	}
	if state != kpi.Ended {
		f.AsOf = now.In(jobmatch.Copenhagen).Format(time.DateOnly)
	} else if late := p.LateUntil(); now.Before(late) {
		f.LateUntil = late.AddDate(0, 0, -1).Format(time.DateOnly)
	}
	f.Requests.ByMonth = []MonthCount{}
	for i, m := range p.Months() {
		f.Contacts.ByMonth = append(f.Contacts.ByMonth, MonthCount{Month: m.String(), Count: monthly[i]["contacts"]})
		f.Requests.ByMonth = append(f.Requests.ByMonth, MonthCount{Month: m.String(), Count: monthly[i]["requests"]})
	}
	tr := kpi.TargetTrend(p, float64(f.Contacts.Target), int(f.Contacts.Count), now)
	f.Contacts.Trend = ContactTrend{Elapsed: tr.Elapsed, Expected: tr.Expected, Projected: tr.Projected, OnTrack: tr.OnTrack, Met: tr.Met}
	names := map[string]*jobmatch.User{}
	if us, err := s.staff.Consultants(ctx); err == nil {
		for _, u := range us {
			names[app.CounterKey(u.ID)] = u
		}
	}
	f.Requests = KPIRequests{Count: c["requests"], Resolved: c["requests_resolved"], ByTopic: map[string]int64{}, ByChannel: map[string]int64{}, ByMonth: f.Requests.ByMonth}
	if f.Requests.OpenNow, f.Requests.OverdueNow, err = s.backlog(ctx, names); err != nil {
		return nil, err
	}
	resp, fill := map[string]int64{}, map[string]int64{}
	var everyone map[string]*jobmatch.User
	for k, v := range c {
		switch {
		case strings.HasPrefix(k, "contacts_consultant_"):
			key := strings.TrimPrefix(k, "contacts_consultant_")
			u := names[key]
			if u == nil {
				if u, err = s.anyUser(ctx, key, &everyone); err != nil {
					return nil, err
				}
			}
			cc := ConsultantCount{Count: v, Former: u == nil}
			if u != nil {
				cc.ID, cc.Name = u.ID, u.Name
			}
			f.Contacts.ByConsultant = append(f.Contacts.ByConsultant, cc)
		case strings.HasPrefix(k, "fill_"):
			fill[strings.TrimPrefix(k, "fill_")] = v
		case strings.HasPrefix(k, "contacts_kind_"):
			f.Contacts.ByKind[strings.TrimPrefix(k, "contacts_kind_")] = v
		case strings.HasPrefix(k, "requests_topic_"):
			f.Requests.ByTopic[strings.TrimPrefix(k, "requests_topic_")] = v
		case strings.HasPrefix(k, "requests_channel_"):
			f.Requests.ByChannel[strings.TrimPrefix(k, "requests_channel_")] = v
		case strings.HasPrefix(k, "resp_"):
			resp[strings.TrimPrefix(k, "resp_")] = v
		}
	}
	if h, err := kpi.HistogramFromMap(resp); err == nil {
		if m, ok := h.Median(); ok {
			f.Requests.MedianResponseHours = m
		}
	}
	if f.Requests.Resolved > 0 {
		f.Requests.ShareInTime = float64(c["requests_in_time"]) / float64(f.Requests.Resolved)
	}
	sort.Slice(f.Contacts.ByConsultant, func(i, j int) bool {
		a, b := f.Contacts.ByConsultant[i], f.Contacts.ByConsultant[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Name < b.Name
	})
	f.Vacancies = KPIVacancies{Posted: c["vacancies_posted"], Filled: c["vacancies_filled"], Closed: c["vacancies_closed"], FilledPresented: c["vacancies_filled_presented"]}
	f.Vacancies.Ended = f.Vacancies.Filled + f.Vacancies.Closed
	f.Hires = c["hires"]
	if f.Vacancies.Ended > 0 {
		f.Vacancies.ShareFilled = float64(f.Vacancies.Filled) / float64(f.Vacancies.Ended)
	}
	if d, ok := kpi.MedianDays(fill); ok {
		f.Vacancies.MedianDaysToFill = d
	}
	if f.Vacancies.Filled > 0 {
		f.Vacancies.ShareFilledPresented = float64(f.Vacancies.FilledPresented) / float64(f.Vacancies.Filled)
	}
	r := KPIRetention{Requests: c["requests_topic_retention"], FullReturn: c["retention_full_return"], PartialReturn: c["retention_partial_return"], NoReturn: c["retention_no_return"]}
	r.Resolved = r.FullReturn + r.PartialReturn + r.NoReturn
	if r.Resolved > 0 {
		r.ShareReturned = float64(r.FullReturn+r.PartialReturn) / float64(r.Resolved)
	}
	f.Retention = r
	for _, q := range []string{"labour", "service"} {
		f.EmployerSatisfaction[q] = satisfaction(c, "survey_employer_"+q+"_")
	}
	f.CitizenSatisfaction = satisfaction(c, "survey_citizen_")
	f.PriorityGroups, f.JobOrders = priorityFigures(c)
	return f, nil
}

// anyUser finds the user whose contacts counter key is key among every
// user, not only the active consultants: an admin's contacts showed as
// "admin@demo_local". The users are read once per call, into *all, and
// only when a key is not an active consultant's; nil when none has it.
func (s *Service) anyUser(ctx context.Context, key string, all *map[string]*jobmatch.User) (*jobmatch.User, error) {
	if *all == nil {
		*all = map[string]*jobmatch.User{}
		q := app.ListQuery{Limit: app.MaxPageSize}
		for {
			p, err := s.staff.Users(ctx, q)
			if err != nil {
				return nil, err
			}
			for _, u := range p.Items {
				(*all)[app.CounterKey(u.ID)] = u
			}
			if p.NextCursor == "" || len(p.Items) == 0 {
				break
			}
			q.Cursor = p.NextCursor
		}
	}
	return (*all)[key], nil
}

// satisfaction reads answer counters "<prefix>1" … "<prefix>5".
func satisfaction(c map[string]int64, prefix string) Satisfaction {
	var counts [5]int
	for i := range counts {
		counts[i] = int(c[prefix+strconv.Itoa(i+1)])
	}
	s, err := kpi.NewSatisfaction(counts)
	if err != nil {
		return Satisfaction{}
	}
	return Satisfaction{N: s.N, ShareSatisfied: s.Share, Mean: s.Mean, CI95: [2]float64{s.ShareCI.Low, s.ShareCI.High}, LowN: s.LowN}
}

// backlog counts the requests open now in the consultants' open lists,
// and those past their deadline: one read by _id each (54 open in the
// demo: some 30 ms of the dashboard's figures on the embedded store; eight
// reads at a time gained nothing measurable on two cores).
func (s *Service) backlog(ctx context.Context, consultants map[string]*jobmatch.User) (open, overdue int64, err error) {
	now := s.now()
	seen := map[string]bool{}
	for _, u := range consultants {
		ids, err := s.st.OpenRequestIDs(ctx, u.ID)
		if err != nil {
			return 0, 0, err
		}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			r, err := s.st.Request(ctx, id)
			if errors.Is(err, jobmatch.ErrNotFound) {
				continue
			}
			if err != nil {
				return 0, 0, err
			}
			if r.Status != jobmatch.RequestOpen {
				continue
			}
			open++
			if r.DueAt != nil && r.DueAt.Before(now) {
				overdue++
			}
		}
	}
	return open, overdue, nil
}

// MonthFigures is one month's figures of a period: those its counters hold
// per month (the CSV per month). The median and the share in time are of
// the requests resolved in the month; with none (Resolved 0) they have no
// value.
type MonthFigures struct {
	Month               string
	Contacts            int64
	Requests            int64
	Resolved            int64
	MedianResponseHours float64
	ShareInTime         float64
	VacanciesPosted     int64
	VacanciesEnded      int64
	VacanciesFilled     int64
	VacanciesClosed     int64
}

// KPIMonths reads a year's or half-year's figures per month, the months to
// come included (all zero).
func (s *Service) KPIMonths(ctx context.Context, by *jobmatch.User, year int, half string) ([]MonthFigures, error) {
	p, counts, err := s.periodCounts(ctx, by, year, half)
	if err != nil {
		return nil, err
	}
	var out []MonthFigures
	for _, m := range p.Months() {
		c := counts.MonthCounts(m.N)
		f := MonthFigures{Month: m.String(), Contacts: c["contacts"], Requests: c["requests"], Resolved: c["requests_resolved"],
			VacanciesPosted: c["vacancies_posted"], VacanciesFilled: c["vacancies_filled"], VacanciesClosed: c["vacancies_closed"]}
		f.VacanciesEnded = f.VacanciesFilled + f.VacanciesClosed
		resp := map[string]int64{}
		for k, v := range c {
			if b, ok := strings.CutPrefix(k, "resp_"); ok {
				resp[b] = v
			}
		}
		if h, err := kpi.HistogramFromMap(resp); err == nil {
			if md, ok := h.Median(); ok {
				f.MedianResponseHours = md
			}
		}
		if f.Resolved > 0 {
			f.ShareInTime = float64(c["requests_in_time"]) / float64(f.Resolved)
		}
		out = append(out, f)
	}
	return out, nil
}
