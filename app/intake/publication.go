package intake

import (
	"context"

	"jobmatch"
)

// Publication reads a vacancy's publication agreement (none: all false).
func (s *Service) Publication(ctx context.Context, vacancyID string) (jobmatch.Publication, error) {
	return s.st.Publication(ctx, vacancyID)
}

// SetPublication records what the employer agreed to (a consultant or an
// admin records it). A published vacancy joins the public feed.
func (s *Service) SetPublication(ctx context.Context, by *jobmatch.User, vacancyID string, p jobmatch.Publication) (jobmatch.Publication, error) {
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
