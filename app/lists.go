package app

import (
	"context"
	"errors"

	"jobmatch"
	"jobmatch/store"
)

// Page is one page of a list, newest first, as every list endpoint answers.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
	Total      int64  `json:"total"`
}

// ListQuery selects a list and a page of it.
type ListQuery struct {
	// Scope narrows the list: "" (all), "consultant:<user id>" or "company:<cvr>".
	Scope  string
	Cursor string
	Limit  int
}

// MaxPageSize bounds every list page.
const MaxPageSize = 200

// listPage reads a page of refs from a named list and hydrates each by _id.
func listPage[T any](ctx context.Context, s *Service, list string, q ListQuery, get func(context.Context, string) (T, error)) (Page[T], error) {
	cur, err := store.ParseCursor(q.Cursor)
	if err != nil {
		return Page[T]{}, jobmatch.Invalid("cursor", "cursor", "")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 25
	}
	if limit > MaxPageSize {
		limit = MaxPageSize
	}
	p, err := s.st.ListPage(ctx, list, cur, limit)
	if err != nil {
		return Page[T]{}, err
	}
	out := Page[T]{Items: make([]T, 0, len(p.Refs)), NextCursor: store.FormatCursor(p.Next), Total: p.Total}
	for _, ref := range p.Refs {
		item, err := get(ctx, ref)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue // erased since it was listed
		}
		if err != nil {
			return Page[T]{}, err
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// Vacancies lists vacancies, newest first.
func (s *Service) Vacancies(ctx context.Context, q ListQuery) (Page[*jobmatch.Vacancy], error) {
	return listPage(ctx, s, store.VacancyList(q.Scope), q, s.Vacancy)
}

// Requests lists requests, newest first.
func (s *Service) Requests(ctx context.Context, q ListQuery) (Page[*jobmatch.Request], error) {
	return listPage(ctx, s, store.RequestList(q.Scope), q, s.Request)
}

// Companies lists companies, newest first.
func (s *Service) Companies(ctx context.Context, q ListQuery) (Page[*jobmatch.Company], error) {
	return listPage(ctx, s, store.CompanyList(q.Scope), q, s.Company)
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

// Users lists staff users, newest first.
func (s *Service) Users(ctx context.Context, q ListQuery) (Page[*jobmatch.User], error) {
	return listPage(ctx, s, store.UserList, q, s.User)
}

// encodeOffset and decodeOffset make search cursors from result offsets.
func encodeOffset(n int) string { return store.FormatCursor(int64(n) + 1) }

func decodeOffset(s string) (int, error) {
	n, err := store.ParseCursor(s)
	if err != nil || n == 0 {
		return 0, err
	}
	return int(n - 1), nil
}
