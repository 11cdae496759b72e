package screening

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/app"
)

// countStep adds the figures of a step as it happens. The job order's
// firsts are claimed in the store, so two consultants (or two replicas)
// presenting at once count once. A hire adds no job-order figure: the
// vacancy counts as filled by a presented candidate when it is filled
// (intake's closing), not at a first hire that leaves two of three
// positions open.
func (sl *Service) countStep(ctx context.Context, v *jobmatch.Vacancy, e *Entry, to jobmatch.Stage, at time.Time) error {
	if inc := app.StepCounters(e.Groups, to); len(inc) > 0 {
		if err := sl.env.CountPeriods(ctx, at, inc); err != nil {
			return err
		}
	}
	var kinds []string
	switch to {
	case jobmatch.StagePresented:
		kinds = append(kinds, "presented")
		if len(e.Groups) > 0 {
			kinds = append(kinds, "prio")
		}
	}
	for _, k := range kinds {
		first, err := sl.st.ClaimJobOrderFirst(ctx, k, v.ID, at)
		if err != nil {
			return err
		}
		if !first {
			continue
		}
		if err := sl.env.CountPeriods(ctx, v.CreatedAt, app.JobOrderCounters(k, v.CreatedAt, at)); err != nil {
			return err
		}
	}
	return nil
}
