package followup

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// KPIRebuild is what a rebuild found: how many events it read and where
// the counters differed.
type KPIRebuild struct {
	Events  map[string]int  `json:"events"` // per kind
	Docs    int             `json:"docs"`
	Diffs   []store.KPIDiff `json:"diffs"`
	Written bool            `json:"written"`
}

// RebuildKPI recomputes every period counter from the events
// — requests received and resolved, vacancies posted and closed, contacts,
// survey answers — with the same functions the live writes use, and
// compares them with the stored counters. With write it replaces the stored
// documents by the recomputed ones. It scans every event: a maintenance
// job, run by `jobmatch kpi rebuild`.
func (s *Service) RebuildKPI(ctx context.Context, write bool) (*KPIRebuild, error) {
	tally := store.NewKPITally()
	add := tally.Add
	res := &KPIRebuild{Events: map[string]int{}}
	err := s.st.EachRequest(ctx, func(r *jobmatch.Request) error {
		add(r.ReceivedAt, app.ReceiptCounters(r))
		res.Events["requests"]++
		if r.Status == jobmatch.RequestResolved && r.ResolvedAt != nil {
			add(*r.ResolvedAt, app.ResolveCounters(r))
			res.Events["resolutions"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.EachVacancy(ctx, func(v *jobmatch.Vacancy) error {
		add(v.CreatedAt, map[string]int64{"vacancies_posted": 1})
		res.Events["vacancies"]++
		if v.Status.Ended() && v.ClosedAt != nil {
			add(*v.ClosedAt, app.CloseCounters(v))
			if inc := app.FilledJobOrderCounters(v); inc != nil {
				add(v.CreatedAt, inc)
			}
			res.Events["vacancies_closed"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.EachContact(ctx, func(c *jobmatch.Contact) error {
		add(app.ContactTime(c.Date), app.ContactCounters(c))
		res.Events["contacts"]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.EachSurvey(ctx, func(v *jobmatch.Survey) error {
		if v.AnsweredAt != nil {
			add(*v.AnsweredAt, app.SurveyCounters(v))
			res.Events["survey_answers"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := shortlistEvents(ctx, s.st, add, res.Events); err != nil {
		return nil, err
	}
	if res.Diffs, res.Docs, err = s.st.CompareKPI(ctx, tally); err != nil {
		return nil, err
	}
	if write {
		if err := s.st.ReplaceKPI(ctx, tally); err != nil {
			return res, err
		}
		res.Written = true
	}
	return res, nil
}

// shortlistEvents adds the counters of every shortlist entry (anonymised
// ones included) to a rebuild, the same way countStep adds them live.
func shortlistEvents(ctx context.Context, st *store.Store, add func(time.Time, map[string]int64), events map[string]int) error {
	posted := map[string]time.Time{}
	if err := st.EachVacancy(ctx, func(v *jobmatch.Vacancy) error {
		posted[v.ID] = v.CreatedAt
		return nil
	}); err != nil {
		return err
	}
	type firsts struct{ presented, prio time.Time }
	first := map[string]*firsts{}
	earlier := func(cur *time.Time, t time.Time) {
		if cur.IsZero() || t.Before(*cur) {
			*cur = t
		}
	}
	err := st.EachShortlistEntry(ctx, func(e *jobmatch.ShortlistEntry) error {
		events["shortlist_entries"]++
		f := first[e.VacancyID]
		if f == nil {
			f = &firsts{}
			first[e.VacancyID] = f
		}
		for _, s := range e.Steps {
			if inc := app.StepCounters(e.Groups, s.To); len(inc) > 0 {
				add(s.At, inc)
			}
			switch s.To {
			case jobmatch.StagePresented:
				earlier(&f.presented, s.At)
				if len(e.Groups) > 0 {
					earlier(&f.prio, s.At)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for vid, f := range first {
		p, ok := posted[vid]
		if !ok {
			continue
		}
		for k, at := range map[string]time.Time{"presented": f.presented, "prio": f.prio} {
			if !at.IsZero() {
				add(p, app.JobOrderCounters(k, p, at))
			}
		}
	}
	return nil
}
