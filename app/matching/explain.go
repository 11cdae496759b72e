package matching

import (
	"context"
	"errors"
	"strings"

	"jobmatch"
	"jobmatch/matcher"
)

// ExplainedCandidate is one CV scored for a vacancy, part by part.
type ExplainedCandidate struct {
	ID     string         `json:"id"`
	Name   string         `json:"name"`
	Result matcher.Result `json:"result"`
}

// Explanation answers "why not …?": a CV's score in parts beside the last
// shortlisted candidate's, or the hard criterion that left it out. The
// system never rejects anyone; a person decides.
type Explanation struct {
	VacancyID       string              `json:"vacancy_id"`
	Weights         map[string]float64  `json:"weights"`
	Criteria        matcher.Criteria    `json:"criteria"`
	Candidate       ExplainedCandidate  `json:"candidate"`
	LastShortlisted *ExplainedCandidate `json:"last_shortlisted,omitempty"`
	// Excluded is the hard criterion (distance, licence, language,
	// eligibility …) that leaves the CV out of the match list, if any.
	Excluded string `json:"excluded,omitempty"`
}

// Explain scores one CV for a vacancy with the default criteria and
// weights, and the last candidate put on its shortlist beside it. Audited
// as a read of the CV.
func (ms *Service) Explain(ctx context.Context, by *jobmatch.User, vacancyID, candidateID string) (*Explanation, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if strings.TrimSpace(candidateID) == "" {
		return nil, jobmatch.Invalid("candidate_id", "required", "")
	}
	v, err := ms.st.Vacancy(ctx, vacancyID)
	if err != nil {
		return nil, err
	}
	p := ms.m.Profile(v)
	crit := matcher.DefaultCriteria(p)
	sc := matcher.NewScorer(p, crit, matcher.DefaultWeights(), ms.m.Tax, ms.m.Pool, ms.env.Now())
	scale, err := ms.m.TextScale(ctx, p, matcher.Options{Criteria: crit})
	if err != nil {
		return nil, err
	}
	sc.SetTextScale(scale)
	score := func(id string) (*ExplainedCandidate, error) {
		f, ok := ms.m.Pool.Get(id)
		if !ok {
			var err error
			if f, err = ms.m.Load(ctx, id); err != nil {
				return nil, err
			}
		}
		return &ExplainedCandidate{ID: id, Name: ms.m.Pool.Name(id), Result: sc.Score(f)}, nil
	}
	c, err := score(candidateID)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return nil, jobmatch.Invalid("candidate_id", "unknown_candidate", "")
	}
	if err != nil {
		return nil, err
	}
	x := &Explanation{VacancyID: v.ID, Weights: sc.Weights(), Criteria: crit, Candidate: *c, Excluded: c.Result.Excluded}
	ids, err := ms.st.ShortlistIDs(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	var last *jobmatch.ShortlistEntry
	for _, id := range ids {
		e, err := ms.st.ShortlistEntry(ctx, id)
		if err != nil || e.CandidateID == candidateID {
			continue
		}
		if last == nil || e.CreatedAt.After(last.CreatedAt) {
			last = e
		}
	}
	subjects := []string{candidateID}
	if last != nil {
		if l, err := score(last.CandidateID); err == nil {
			x.LastShortlisted = l
			subjects = append(subjects, l.ID)
		}
	}
	if err := ms.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "match.explain", Subjects: subjects, VacancyID: v.ID}); err != nil {
		return nil, err
	}
	return x, nil
}
