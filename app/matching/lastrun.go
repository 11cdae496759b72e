package matching

import (
	"context"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// LastRun is a vacancy's latest recorded run, nil when it has none: the
// page of a filled or closed vacancy links it instead of ranking again.
// Not audited: the page shows when it ran, not whom it ranked (reading it
// is, MatchRun).
func (ms *Service) LastRun(ctx context.Context, by *jobmatch.User, vacancyID string) (*jobmatch.MatchRun, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	p, err := app.ListPage(ctx, ms.st, store.MatchRunList(vacancyID), app.ListQuery{Limit: 1}, ms.st.MatchRun)
	if err != nil || len(p.Items) == 0 {
		return nil, err
	}
	return p.Items[0], nil
}
