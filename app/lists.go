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

// ListPage reads a page of refs from a named list of st and reads each by
// _id with get; an item erased since it was listed, or never written (its
// writer killed after listing it), is left out, and once its pointer is
// old enough taken out of the list and its total
// (store.ListDropDangling): a company's timeline said 1 and listed
// nothing after a kill -9 during a vacancy's filing.
func ListPage[T any](ctx context.Context, st *store.Store, list string, q ListQuery, get func(context.Context, string) (T, error)) (Page[T], error) {
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
	p, err := st.ListPage(ctx, list, cur, limit)
	if err != nil {
		return Page[T]{}, err
	}
	out := Page[T]{Items: make([]T, 0, len(p.Refs)), NextCursor: store.FormatCursor(p.Next), Total: p.Total}
	for i, ref := range p.Refs {
		item, err := get(ctx, ref)
		if errors.Is(err, jobmatch.ErrNotFound) {
			// A failed repair leaves the page as it was; the next
			// reader tries again.
			if dropped, derr := st.ListDropDangling(ctx, list, p.Pos[i], p.Written[i]); derr == nil && dropped && out.Total > 0 {
				out.Total--
			}
			continue
		}
		if err != nil {
			return Page[T]{}, err
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// EncodeOffset makes a search cursor from a result offset.
func EncodeOffset(n int) string { return store.FormatCursor(int64(n) + 1) }

// DecodeOffset reads a search cursor back as a result offset ("" is 0).
func DecodeOffset(s string) (int, error) {
	n, err := store.ParseCursor(s)
	if err != nil || n == 0 {
		return 0, err
	}
	return int(n - 1), nil
}
