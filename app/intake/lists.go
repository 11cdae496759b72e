package intake

import (
	"context"
	"errors"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// Vacancies lists vacancies, newest first.
func (s *Service) Vacancies(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.Vacancy], error) {
	return app.ListPage(ctx, s.st, store.VacancyList(q.Scope), q, s.Vacancy)
}

// Requests lists requests, newest first.
func (s *Service) Requests(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.Request], error) {
	return app.ListPage(ctx, s.st, store.RequestList(q.Scope), q, s.Request)
}

// LoggedOn lists the requests a member of staff logged that were received
// on day's date (in Copenhagen), newest first; Total counts them all.
func (s *Service) LoggedOn(ctx context.Context, userID string, day time.Time, limit int) (app.Page[*jobmatch.Request], error) {
	return app.ListPage(ctx, s.st, store.RequestList(store.LoggedOn(userID, day)), app.ListQuery{Limit: limit}, s.Request)
}

// OpenRequests returns a consultant's open requests, oldest first.
func (s *Service) OpenRequests(ctx context.Context, consultantID string) ([]*jobmatch.Request, error) {
	ids, err := s.st.OpenRequestIDs(ctx, consultantID)
	if err != nil {
		return nil, err
	}
	out := make([]*jobmatch.Request, 0, len(ids))
	for _, id := range ids {
		r, err := s.Request(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
