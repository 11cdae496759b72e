package screening

import (
	"context"

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
