package companies

import (
	"context"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// Companies lists companies, newest first.
func (s *Service) Companies(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.Company], error) {
	return app.ListPage(ctx, s.st, store.CompanyList(q.Scope), q, s.Company)
}
