package store

import (
	"context"

	"jobmatch"
)

// Company reads a company by its (normalised) CVR.
func (s *Store) Company(ctx context.Context, cvr string) (*jobmatch.Company, error) {
	return getAs[jobmatch.Company](ctx, s, ColCompanies, cvr)
}

// NextTurn counts one more turn of a round-robin among a group of
// consultants (the assignment rule names its groups: "all",
// "area:<length>:<ids>") and returns its number, 1 for the first; every
// replica counts on the same counter.
func (s *Store) NextTurn(ctx context.Context, group string) (int64, error) {
	return s.NextSeq(ctx, "rr:"+group)
}
