package screening

import (
	"context"

	"jobmatch"
)

// HiredOn is how many are hired from a vacancy's shortlist: the staff's
// list of vacancies says "1 af 2" of its positions. A count names nobody,
// so the read is not audited (List is).
func (sl *Service) HiredOn(ctx context.Context, vacancyID string) (int, error) {
	es, err := sl.entriesOf(ctx, vacancyID)
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
