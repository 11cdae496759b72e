package app

import (
	"context"

	"jobmatch"
	"jobmatch/store"
)

// KPIDiff is one counter whose stored value differs from the events.
type KPIDiff = store.KPIDiff

// KPIRebuild is what a rebuild found: how many events it read and where
// the counters differed.
type KPIRebuild struct {
	Events  map[string]int `json:"events"` // per kind
	Docs    int            `json:"docs"`
	Diffs   []KPIDiff      `json:"diffs"`
	Written bool           `json:"written"`
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
		add(r.ReceivedAt, ReceiptCounters(r))
		res.Events["requests"]++
		if r.Status == jobmatch.RequestResolved && r.ResolvedAt != nil {
			add(*r.ResolvedAt, ResolveCounters(r))
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
			add(*v.ClosedAt, CloseCounters(v))
			res.Events["vacancies_closed"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.EachContact(ctx, func(c *Contact) error {
		add(ContactTime(c.Date), ContactCounters(c))
		res.Events["contacts"]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.st.EachSurvey(ctx, func(v *Survey) error {
		if v.AnsweredAt != nil {
			add(*v.AnsweredAt, SurveyCounters(v))
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
