package store

import (
	"context"

	"jobmatch"
)

// Background jobs are stored by id, rewritten whole as they progress.

// JobStarted stores a new job.
func (s *Store) JobStarted(ctx context.Context, j *jobmatch.Job) error {
	return s.Insert(ctx, ColJobs, j)
}

// JobProgressed writes a job's progress or its end.
func (s *Store) JobProgressed(ctx context.Context, j *jobmatch.Job) error {
	return s.Put(ctx, ColJobs, j.ID, j)
}

// Job reads a job.
func (s *Store) Job(ctx context.Context, id string) (*jobmatch.Job, error) {
	return getAs[jobmatch.Job](ctx, s, ColJobs, id)
}
