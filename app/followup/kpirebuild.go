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
// documents by the recomputed ones, each replica slot's shards with the
// events that slot counted (store.ReplaceKPI). It scans every event: a
// maintenance job, run by `jobmatch kpi rebuild` while no other process
// counts, or by a lone process before it serves.
func (s *Service) RebuildKPI(ctx context.Context, write bool) (*KPIRebuild, error) {
	return s.rebuild(ctx, store.NewKPITally(), write)
}

// RecountSlot recomputes the counters of the events replica slot counted
// (slot 0's: those that name no slot too) and makes that slot's shards
// agree with them: the recount of a replica after it was killed, before it
// counts anything itself. Other replicas may count meanwhile: they write
// their own shards, never this one's (store.ReplaceKPI).
func (s *Service) RecountSlot(ctx context.Context, slot int64) (*KPIRebuild, error) {
	return s.rebuild(ctx, store.NewSlotKPITally(slot), true)
}

func (s *Service) rebuild(ctx context.Context, tally *store.KPITally, write bool) (*KPIRebuild, error) {
	res := &KPIRebuild{Events: map[string]int{}}
	if err := tallyEvents(ctx, s.st, tally, res.Events); err != nil {
		return nil, err
	}
	var err error
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

// tallyEvents adds every event to tally, in the slot the event names
// (the process that counted it live), and counts the events read per kind.
func tallyEvents(ctx context.Context, st *store.Store, tally *store.KPITally, events map[string]int) error {
	add := tally.AddBy
	err := st.EachRequest(ctx, func(r *jobmatch.Request) error {
		add(r.ReceiptSlot, r.ReceivedAt, app.ReceiptCounters(r))
		events["requests"]++
		if r.Status == jobmatch.RequestResolved && r.ResolvedAt != nil {
			add(r.ResolveSlot, *r.ResolvedAt, app.ResolveCounters(r))
			events["resolutions"]++
		}
		if r.Status == jobmatch.RequestCancelled {
			// Withdrawn: its receipt taken back, as CancelRequest did.
			add(r.CancelSlot, r.ReceivedAt, app.CancelCounters(r))
			events["cancellations"]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = st.EachVacancy(ctx, func(v *jobmatch.Vacancy) error {
		add(v.PostedSlot, v.CreatedAt, map[string]int64{"vacancies_posted": 1})
		events["vacancies"]++
		if v.Status.Ended() && v.ClosedAt != nil {
			add(v.CloseSlot, *v.ClosedAt, app.CloseCounters(v))
			if inc := app.FilledJobOrderCounters(v); inc != nil {
				add(v.CloseSlot, v.CreatedAt, inc)
			}
			events["vacancies_closed"]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = st.EachContact(ctx, func(c *jobmatch.Contact) error {
		add(c.CountSlot, app.ContactTime(c.Date), app.ContactCounters(c))
		events["contacts"]++
		return nil
	})
	if err != nil {
		return err
	}
	err = st.EachSurvey(ctx, func(v *jobmatch.Survey) error {
		if v.AnsweredAt != nil {
			add(v.AnswerSlot, *v.AnsweredAt, app.SurveyCounters(v))
			events["survey_answers"]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	return shortlistEvents(ctx, st, add, events)
}

// shortlistEvents adds the counters of every shortlist entry (anonymised
// ones included) to a rebuild, the same way countStep adds them live.
func shortlistEvents(ctx context.Context, st *store.Store, add func(int64, time.Time, map[string]int64), events map[string]int) error {
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
			if s.To == jobmatch.StageSuggested && s.From != "" {
				// Back on the shortlist, not shortlisted again (the
				// service counts it once, screening.move).
				continue
			}
			if inc := app.StepCounters(e.Groups, s.To); len(inc) > 0 {
				add(s.Slot, s.At, inc)
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
			if at.IsZero() {
				continue
			}
			// Counted by whichever replica claimed the first (countStep),
			// not necessarily the one of the earliest step.
			slot, err := st.JobOrderFirstSlot(ctx, k, vid)
			if err != nil {
				return err
			}
			add(slot, p, app.JobOrderCounters(k, p, at))
		}
	}
	return nil
}
