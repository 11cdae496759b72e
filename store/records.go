package store

import (
	"context"

	"jobmatch"
)

// Request reads a request by id.
func (s *Store) Request(ctx context.Context, id string) (*jobmatch.Request, error) {
	var r jobmatch.Request
	if err := s.Get(ctx, ColRequests, id, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Vacancy reads a vacancy by id.
func (s *Store) Vacancy(ctx context.Context, id string) (*jobmatch.Vacancy, error) {
	var v jobmatch.Vacancy
	if err := s.Get(ctx, ColVacancies, id, &v); err != nil {
		return nil, err
	}
	return &v, nil
}
