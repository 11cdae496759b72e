package screening

import (
	"context"
	"errors"
	"time"

	"jobmatch"
)

// Hires says which of candidateIDs were hired through the jobcentre (from a
// shortlist, as Elsewhere counts a hire), and when (the latest hire's entry
// last moved, as the CV's page says it): the match list does not call
// them available now (matching.Service.SetHired). Only the few hired have
// their entries read again. Not audited of its own, as the caller's
// ranking is.
func (sl *Service) Hires(ctx context.Context, by *jobmatch.User, candidateIDs []string) (map[string]time.Time, error) {
	busy, err := sl.Elsewhere(ctx, by, "", candidateIDs)
	if err != nil {
		return nil, err
	}
	var hired []string
	for id, b := range busy {
		if b.Hired {
			hired = append(hired, id)
		}
	}
	if len(hired) == 0 {
		return nil, nil
	}
	sets, err := sl.st.CandidatesShortlistIDs(ctx, hired)
	if err != nil {
		return nil, err
	}
	out := make(map[string]time.Time, len(hired))
	for _, cid := range hired {
		at := time.Time{}
		for _, id := range sets[cid] {
			e, err := sl.Entry(ctx, id)
			if errors.Is(err, jobmatch.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if e.Stage == jobmatch.StageHired && e.UpdatedAt.After(at) {
				at = e.UpdatedAt
			}
		}
		out[cid] = at
	}
	return out, nil
}
