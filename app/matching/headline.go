package matching

import (
	"time"

	"jobmatch"
	"jobmatch/matcher"
)

// MatchedOccupation is the occupation of the candidate's CV that matches
// v, as the match card reads it (matcher.Scorer.MatchedOccupation): the
// headline of the employer's profile. ok is false when the CV is not in
// the pool or none of its occupations matches.
func (ms *Service) MatchedOccupation(v *jobmatch.Vacancy, candidateID string) (string, bool) {
	f, ok := ms.m.Pool.Get(candidateID)
	if !ok {
		return "", false
	}
	p := ms.profile(v)
	s := matcher.NewScorer(p, matcher.DefaultCriteria(p), matcher.DefaultWeights(), ms.m.Tax, ms.m.Pool, time.Now())
	return s.MatchedOccupation(f)
}
