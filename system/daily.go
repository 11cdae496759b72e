package system

import (
	"context"
	"time"

	"jobmatch/app/matching"
)

// DailyReport is what one run of the daily job did.
type DailyReport struct {
	ConsentReminders int `json:"consent_reminders"`
	// Retention is what the data minimisation erased.
	Retention any `json:"retention,omitempty"`
}

// Daily runs the daily job once: a reminder for consent links close to
// their deadline, and the data minimisation of closed vacancies' pre-
// screening and of old match runs. Each step claims its work by unique
// inserts, so two replicas running it at once do it once.
func (s *System) Daily(ctx context.Context) (DailyReport, error) {
	var r DailyReport
	n, err := s.Screening.RemindConsents(ctx)
	r.ConsentReminders = n
	if err != nil {
		return r, err
	}
	return r, s.dailyRetention(ctx, &r)
}

// dailyLoop runs Daily two minutes after start, then every DailyEvery.
func (s *System) dailyLoop(ctx context.Context) {
	every := s.cfg.DailyEvery
	if every <= 0 {
		every = 24 * time.Hour
	}
	t := time.NewTimer(min(2*time.Minute, every))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		r, err := s.Daily(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log.Error("daily job", "err", err)
		default:
			s.log.Info("daily job", "consent_reminders", r.ConsentReminders, "retention", r.Retention)
		}
		t.Reset(every)
	}
}

// dailyRetention erases the pre-screening of vacancies closed longer than
// the retention period, and old match runs.
func (s *System) dailyRetention(ctx context.Context, r *DailyReport) error {
	days := s.cfg.ShortlistRetentionDays
	if days == 0 {
		days = 180
	}
	runs := s.cfg.MatchRunRetentionDays
	if runs == 0 {
		runs = matching.MinRunDays
	}
	rep, err := s.Screening.Minimise(ctx, days)
	if err == nil {
		rep.MatchRuns, err = s.Matching.DropRuns(ctx, runs)
	}
	r.Retention = rep
	return err
}
