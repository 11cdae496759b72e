package system

import (
	"context"
	"errors"
	"fmt"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/app/matching"
	"jobmatch/store"
)

// followViews returns the follower that keeps the company search and the
// open-vacancy map (with the profiles it caches per version) in step with
// the entity change log, so what another replica writes reaches them too;
// the use cases tell this process's views of their own writes at once.
// It starts at the log's current end: the views' scans at Start come after
// it, and a change applied twice is harmless (each re-reads by _id).
func followViews(ctx context.Context, st *store.Store, search *companies.Search, open *matching.Service) (*store.Follower, error) {
	head, err := st.ChangesHead(ctx)
	if err != nil {
		return nil, fmt.Errorf("system: entity change log: %w", err)
	}
	return st.NewFollower("company search, open vacancies", head, func(ctx context.Context, kind, id string) error {
		switch kind {
		case store.KindCompany:
			c, err := st.Company(ctx, id)
			if errors.Is(err, jobmatch.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			search.Put([]*jobmatch.Company{c})
		case store.KindVacancy:
			v, err := st.Vacancy(ctx, id)
			if errors.Is(err, jobmatch.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			open.VacancyChanged(v)
		case store.KindUser:
			search.Forget(id)
		}
		return nil
	}), nil
}
