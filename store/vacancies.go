package store

import (
	"context"
	"time"

	"jobmatch"
)

// CloseVacancy records that a vacancy ended: the caller has set its
// status, ClosedAt, ClosedPeriod, FilledByPresented and CloseNote; they are
// written with its version counted up, and counts (by name) are counted at
// ClosedAt. The caller makes sure it happens once (Service.once), and
// counts the job order's figure of a vacancy filled by a presented
// candidate after it, in the same process: the slot recorded here counts
// both (kpi.go).
func (s *Store) CloseVacancy(ctx context.Context, v *jobmatch.Vacancy, counts map[string]int64) error {
	if v.ClosedAt == nil {
		return jobmatch.Invalid("closed_at", "required", "")
	}
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	v.CloseSlot = slot
	if err := s.Apply(ctx, ColVacancies, v.ID, Change{Set: Fields{
		"status": v.Status, "closed_at": *v.ClosedAt, "closed_period": v.ClosedPeriod,
		"filled_by_presented": v.FilledByPresented, "close_note": v.CloseNote, "updated_at": *v.ClosedAt,
		"close_slot": slot,
	}, BumpVersion: true}); err != nil {
		return err
	}
	return s.CountEvents(ctx, *v.ClosedAt, counts)
}

// SetVacancyStatus moves an open vacancy along (screening, presented),
// counting its version up.
func (s *Store) SetVacancyStatus(ctx context.Context, id string, to jobmatch.VacancyStatus, at time.Time) error {
	return s.Apply(ctx, ColVacancies, id, Change{Set: Fields{"status": to, "updated_at": at}, BumpVersion: true})
}

// SetVacancyOccupationAt sets the occupation of v if the vacancy is still
// at version (v holds the new document, at version+1): of two consultants
// choosing at one version through any replicas one is saved, the other
// gets jobmatch.ErrConflict (a read, a compare and a write let both
// through; SetVersioned claims the version by a unique insert).
func (s *Store) SetVacancyOccupationAt(ctx context.Context, v *jobmatch.Vacancy, version int64) error {
	return s.SetVersioned(ctx, ColVacancies, v.ID, version, v, Fields{"occupation": v.Occupation, "updated_at": v.UpdatedAt, "version": v.Version})
}

// LockVacancyClose serialises this process's closing of vacancy id (see
// Lock).
func (s *Store) LockVacancyClose(id string) func() { return s.Lock(ColVacancies, "close:"+id) }

// VacancyIDsAfter returns the ids of up to limit vacancies filed after
// position from in the list of every vacancy, oldest first, and the
// position read up to (from when there are none), for following new
// vacancies.
func (s *Store) VacancyIDsAfter(ctx context.Context, from int64, limit int) ([]string, int64, error) {
	return s.ListAfter(ctx, VacancyList(""), from, limit)
}

// EachVacancy calls fn for every vacancy: a scan, for maintenance (the
// figures' rebuild, data minimisation), never a request path.
func (s *Store) EachVacancy(ctx context.Context, fn func(*jobmatch.Vacancy) error) error {
	return Each(ctx, s, ColVacancies, fn)
}
