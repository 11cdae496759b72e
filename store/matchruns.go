package store

import (
	"context"
	"time"

	"jobmatch"
)

// Match runs are stored by id and listed newest first: a vacancy's runs in
// MatchRunList, a candidate's (reverse matches) in
// "matchruns:candidate:<id>".

// MatchRunList names the list of a vacancy's match runs.
func MatchRunList(vacancyID string) string { return "matchruns:vacancy:" + vacancyID }

func candidateMatchRuns(candidateID string) string { return "matchruns:candidate:" + candidateID }

// MatchRunRecorded stores a run and lists it with its vacancy, or with its
// candidate when it ranked vacancies for one.
func (s *Store) MatchRunRecorded(ctx context.Context, r *jobmatch.MatchRun) error {
	list := MatchRunList(r.VacancyID)
	if r.VacancyID == "" {
		list = candidateMatchRuns(r.CandidateID)
	}
	return s.insertListed(ctx, ColMatchRuns, r, list, r.ID)
}

// MatchRun reads a recorded run.
func (s *Store) MatchRun(ctx context.Context, id string) (*jobmatch.MatchRun, error) {
	return getAs[jobmatch.MatchRun](ctx, s, ColMatchRuns, id)
}

// DropMatchRunsBefore erases every run made before cutoff (data
// minimisation) and returns how many it erased. It scans the runs: for the
// daily job, never a request path. Their list entries stay; pages skip
// them.
func (s *Store) DropMatchRunsBefore(ctx context.Context, cutoff time.Time) (int, error) {
	var old []string
	if err := Each(ctx, s, ColMatchRuns, func(r *jobmatch.MatchRun) error {
		if r.At.Before(cutoff) {
			old = append(old, r.ID)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	for _, id := range old {
		if err := s.Delete(ctx, ColMatchRuns, id); err != nil {
			return 0, err
		}
	}
	return len(old), nil
}
