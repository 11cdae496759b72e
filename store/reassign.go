package store

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"jobmatch"
)

// MoveOpenWork gives consultant to the open requests and the open
// vacancies of the companies cvrs that consultant from holds, where a
// worklist reads them: the request into to's open requests (and list of
// requests), the vacancy out of from's list of vacancies into to's. An
// admin moved the companies; their employers and the hotline already name
// the new contact person, and the work was left on the old one's worklist.
// Resolved requests and ended vacancies stay with whoever handled them.
// It returns the ids of the requests and vacancies moved.
//
// The vacancies are found by walking from's whole list of vacancies (the
// list keeps no position in the vacancy): an admin's action, not a request
// path.
func (s *Store) MoveOpenWork(ctx context.Context, cvrs []string, from, to string) (requests, vacancies []string, err error) {
	if from == to || len(cvrs) == 0 {
		return nil, nil, nil
	}
	moving := make(map[string]bool, len(cvrs))
	for _, c := range cvrs {
		moving[c] = true
	}
	ids, err := s.OpenRequestIDs(ctx, from)
	if err != nil {
		return nil, nil, err
	}
	for _, id := range ids {
		r, err := s.Request(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return requests, vacancies, err
		}
		if !moving[r.CVR] || r.Status != jobmatch.RequestOpen || r.ConsultantID != from {
			continue
		}
		// Into the new bag first: a move stopped half-way leaves the
		// request on both worklists, never on none.
		slot, err := s.BagAdd(ctx, openRequests(to), r.ID)
		if err != nil {
			return requests, vacancies, err
		}
		if err := s.Apply(ctx, ColRequests, r.ID, Change{Set: Fields{"consultant_id": to, "open_slot": slot}}); err != nil {
			return requests, vacancies, err
		}
		if err := s.BagRemove(ctx, openRequests(from), r.OpenSlot, r.ID); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
			return requests, vacancies, err
		}
		if _, err := s.ListAppend(ctx, RequestList("consultant:"+to), r.ID); err != nil {
			return requests, vacancies, err
		}
		requests = append(requests, r.ID)
	}

	name := VacancyList("consultant:" + from)
	head, err := s.freshHead(ctx, name)
	if err != nil {
		return requests, vacancies, err
	}
	for pos := head; pos > 0; pos-- {
		var d struct {
			Ref     string `bson:"ref"`
			Removed bool   `bson:"removed"`
		}
		err := s.C(ColLists).FindOne(ctx, bson.D{{Key: "_id", Value: listKey(name, pos)}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) || d.Removed {
			continue
		}
		if err != nil {
			return requests, vacancies, fmt.Errorf("store: list %s: %w", name, err)
		}
		v, err := s.Vacancy(ctx, d.Ref)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return requests, vacancies, err
		}
		if !moving[v.CVR] || v.Status.Ended() || v.ConsultantID != from {
			continue
		}
		// Only the owner changes, without counting the version up: a
		// consultant's edit of the vacancy at this moment is kept.
		if err := s.Apply(ctx, ColVacancies, v.ID, Change{Set: Fields{"consultant_id": to}}); err != nil {
			return requests, vacancies, err
		}
		if _, err := s.ListAppend(ctx, VacancyList("consultant:"+to), v.ID); err != nil {
			return requests, vacancies, err
		}
		if err := s.ListRemove(ctx, name, pos); err != nil {
			return requests, vacancies, err
		}
		vacancies = append(vacancies, v.ID)
	}
	return requests, vacancies, nil
}
