package intake

import (
	"context"

	"jobmatch"
)

// Publication is what the employer agreed the jobcentre may do with a
// vacancy beyond the pre-screening (a domain type; the store keeps it,
// store/settings.go). Both default to no.
type Publication = jobmatch.Publication

// Publication reads a vacancy's publication agreement (none: all false).
func (s *Service) Publication(ctx context.Context, vacancyID string) (Publication, error) {
	return s.st.Publication(ctx, vacancyID)
}

// SetPublication records what the employer agreed to (a consultant or an
// admin records it). A published vacancy joins the public feed.
func (s *Service) SetPublication(ctx context.Context, by *jobmatch.User, vacancyID string, p Publication) (Publication, error) {
	if !by.CanReadCVs() {
		return p, jobmatch.ErrForbidden
	}
	if _, err := s.Vacancy(ctx, vacancyID); err != nil {
		return p, err
	}
	now := s.now().UTC()
	p.By, p.UpdatedAt = by.ID, &now
	if err := s.st.SetPublication(ctx, vacancyID, p); err != nil {
		return p, err
	}
	return p, nil
}
