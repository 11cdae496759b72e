package screening

import (
	"context"
	"strings"

	"jobmatch"
)

// closedProfile reports whether profileID is a candidate of v whose
// process has ended without them being shown any more (withdrawn, said
// no): an answer about them from a page loaded before is refused as such,
// not as a profile the vacancy never had.
func closedProfile(ctx context.Context, sl *Service, v *jobmatch.Vacancy, profileID string) bool {
	es, err := sl.entriesOf(ctx, v.ID)
	if err != nil {
		return false
	}
	for _, e := range es {
		if e.ProfileID == profileID {
			return e.Stage.Ends()
		}
	}
	return false
}

// decision is the employer's decision among answers ("Inviter til
// samtale" or "Ikke relevant"; a question decides nothing), nil when none
// was given.
func decision(answers []jobmatch.EmployerAnswer) *jobmatch.EmployerAnswer {
	for i := len(answers) - 1; i >= 0; i-- {
		if answers[i].Answer == "invite_to_interview" || answers[i].Answer == "not_relevant" {
			a := answers[i]
			return &a
		}
	}
	return nil
}

// PositionsFilled is how many of v's positions are filled from its
// shortlist (the hired), for the employer's page: "1 af 2 stillinger
// besat" while the vacancy is open for the rest.
func (sl *Service) PositionsFilled(ctx context.Context, v *jobmatch.Vacancy) (int, error) {
	es, err := sl.entriesOf(ctx, v.ID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range es {
		if e.Stage == jobmatch.StageHired {
			n++
		}
	}
	return n, nil
}

// occupationMatches is the part of Matches (when it has it) that names the
// CV's occupation matching a vacancy, as the match card reads it.
type occupationMatches interface {
	MatchedOccupation(v *jobmatch.Vacancy, candidateID string) (string, bool)
}

// headline is the occupation a candidate is presented to v's employer as:
// the CV's occupation (wished for or held) the matcher finds matching v;
// without the matcher, the one of v's concept or named as v's title. When
// none matches, the nearest they hold: the job held the most years, else
// the first occupation the CV wishes for.
func (sl *Service) headline(v *jobmatch.Vacancy, c *jobmatch.Candidate) string {
	if m, ok := sl.matches.(occupationMatches); ok {
		if label, ok := m.MatchedOccupation(v, c.ID); ok {
			return label
		}
	}
	title := strings.ToLower(strings.TrimSpace(v.Title))
	same := func(uri, label string) bool {
		return (v.Occupation != "" && uri == v.Occupation) || (title != "" && strings.EqualFold(strings.TrimSpace(label), title))
	}
	for _, o := range c.DesiredOccupations {
		if same(o.URI, o.Label) {
			return o.Label
		}
	}
	for _, x := range c.Experience {
		if same(x.Occupation, x.Title) {
			return strings.TrimSpace(x.Title)
		}
	}
	if jobs := profileJobs(c.Experience); len(jobs) > 0 {
		return jobs[0].Title
	}
	if len(c.DesiredOccupations) > 0 {
		return c.DesiredOccupations[0].Label
	}
	return ""
}
