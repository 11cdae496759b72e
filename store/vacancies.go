package store

import (
	"context"
	"time"

	"jobmatch"
)

// CloseVacancy records that a vacancy ended: the caller has set its
// status, ClosedAt, ClosedPeriod, FilledByPresented and CloseNote; they are
// written with its version counted up, and counts (by name) are counted at
// ClosedAt. The caller makes sure it happens once (Service.once).
func (s *Store) CloseVacancy(ctx context.Context, v *jobmatch.Vacancy, counts map[string]int64) error {
	if v.ClosedAt == nil {
		return jobmatch.Invalid("closed_at", "required", "")
	}
	if err := s.Apply(ctx, ColVacancies, v.ID, Change{Set: Fields{
		"status": v.Status, "closed_at": *v.ClosedAt, "closed_period": v.ClosedPeriod,
		"filled_by_presented": v.FilledByPresented, "close_note": v.CloseNote, "updated_at": *v.ClosedAt,
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
