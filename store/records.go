package store

import (
	"context"

	"jobmatch"
)

// Request reads a request by id.
func (s *Store) Request(ctx context.Context, id string) (*jobmatch.Request, error) {
	return getAs[jobmatch.Request](ctx, s, ColRequests, id)
}

// Vacancy reads a vacancy by id.
func (s *Store) Vacancy(ctx context.Context, id string) (*jobmatch.Vacancy, error) {
	return getAs[jobmatch.Vacancy](ctx, s, ColVacancies, id)
}
