package app

import (
	"context"
	"strconv"
	"strings"

	"jobmatch"
	"jobmatch/kpi"
)

// KPIFigures are the follow-up figures of a year or half-year, read from
// the period counters kept as events are written (one document per year),
// so they cost one read whatever the volume.
type KPIFigures struct {
	Period               string                  `json:"period"`
	Contacts             KPIContacts             `json:"contacts"`
	EmployerSatisfaction map[string]Satisfaction `json:"employer_satisfaction"`
	CitizenSatisfaction  Satisfaction            `json:"citizen_satisfaction"`
	Requests             KPIRequests             `json:"requests"`
	Vacancies            KPIVacancies            `json:"vacancies"`
	Retention            KPIRetention            `json:"retention"`
}

// KPIContacts is the company contacts against the target.
type KPIContacts struct {
	Count  int64            `json:"count"`
	Target int64            `json:"target"`
	ByKind map[string]int64 `json:"by_kind"`
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
}

// KPIVacancies is the vacancies posted and filled.
type KPIVacancies struct {
	Posted int64 `json:"posted"`
	Filled int64 `json:"filled"`
}

// KPIRetention is the retention requests and the returns to work recorded.
type KPIRetention struct {
	Requests      int64   `json:"requests"`
	FullReturn    int64   `json:"full_return"`
	PartialReturn int64   `json:"partial_return"`
	NoReturn      int64   `json:"no_return"`
	ShareReturned float64 `json:"share_returned"`
}

// KPI reads the figures of a year ("H1"/"H2" narrows to a half).
func (s *Service) KPI(ctx context.Context, by *jobmatch.User, year int, half string) (*KPIFigures, error) {
	if by == nil || (by.Role != jobmatch.RoleAdmin && by.Role != jobmatch.RoleConsultant) {
		return nil, jobmatch.ErrForbidden
	}
	if year < 2000 || year > 2100 {
		return nil, jobmatch.Invalid("year", "year", "")
	}
	prefix, period := "Y_", strconv.Itoa(year)
	switch half {
	case "":
	case "H1", "H2":
		prefix, period = half+"_", period+"-"+half
	default:
		return nil, jobmatch.Invalid("half", "oneof", "H1 H2")
	}
	raw, err := s.st.Counters(ctx, "kpi:"+strconv.Itoa(year))
	if err != nil {
		return nil, err
	}
	c := map[string]int64{}
	for k, v := range raw {
		if name, ok := strings.CutPrefix(k, prefix); ok {
			c[name] = v
		}
	}
	f := &KPIFigures{Period: period, EmployerSatisfaction: map[string]Satisfaction{}}
	f.Contacts = KPIContacts{Count: c["contacts"], Target: s.ContactTarget(ctx, year), ByKind: map[string]int64{}}
	if half != "" {
		f.Contacts.Target = (f.Contacts.Target + 1) / 2
	}
	f.Requests = KPIRequests{Count: c["requests"], Resolved: c["requests_resolved"], ByTopic: map[string]int64{}, ByChannel: map[string]int64{}}
	resp := map[string]int64{}
	for k, v := range c {
		switch {
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
	f.Vacancies = KPIVacancies{Posted: c["vacancies_posted"], Filled: c["vacancies_filled"]}
	r := KPIRetention{Requests: c["requests_topic_retention"], FullReturn: c["retention_full_return"], PartialReturn: c["retention_partial_return"], NoReturn: c["retention_no_return"]}
	if n := r.FullReturn + r.PartialReturn + r.NoReturn; n > 0 {
		r.ShareReturned = float64(r.FullReturn+r.PartialReturn) / float64(n)
	}
	f.Retention = r
	for _, q := range []string{"labour", "service"} {
		f.EmployerSatisfaction[q] = satisfaction(c, "survey_employer_"+q+"_")
	}
	f.CitizenSatisfaction = satisfaction(c, "survey_citizen_")
	return f, nil
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
