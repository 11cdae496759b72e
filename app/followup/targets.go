package followup

import (
	"context"
	"errors"

	"jobmatch"
	"jobmatch/store"
)

// DefaultCitizenSatisfactionShare is the political goal: at least 92 % of
// citizens satisfied or more than satisfied; DefaultEmployerSatisfactionShare
// the same for the companies (both surveys' questions).
const (
	DefaultCitizenSatisfactionShare  = 0.92
	DefaultEmployerSatisfactionShare = 0.92
)

// Targets are a year's goals. They are data an admin sets, not code; a year
// without its own uses the defaults (contacts 2,000 / 2,300 / 2,500 for
// 2020–2022, the last one after).
type Targets struct {
	Year                     int     `json:"year"`
	Contacts                 int64   `json:"contacts" validate:"required,gte=1,lte=1000000"`
	CitizenSatisfactionShare float64 `json:"citizen_satisfaction_share" validate:"gte=0,lte=1"`
	// EmployerSatisfactionShare is the goal for each of the employer
	// survey's two questions (optional in a PUT: 92 % when left out).
	EmployerSatisfactionShare float64 `json:"employer_satisfaction_share" validate:"gte=0,lte=1"`
	// Default is true when nothing was set for the year.
	Default bool `json:"default"`
}

// Targets returns a year's targets.
func (s *Service) Targets(ctx context.Context, year int) (Targets, error) {
	t := Targets{Year: year}
	set, err := s.st.YearTargets(ctx, year)
	switch {
	case errors.Is(err, jobmatch.ErrNotFound):
		t.Default = true
	case err != nil:
		return t, err
	}
	t.Contacts, t.CitizenSatisfactionShare, t.EmployerSatisfactionShare = set.Contacts, set.CitizenSatisfactionShare, set.EmployerSatisfactionShare
	if t.Contacts <= 0 {
		t.Contacts = defaultContactTarget(year)
	}
	if t.CitizenSatisfactionShare <= 0 {
		t.CitizenSatisfactionShare = DefaultCitizenSatisfactionShare
	}
	if t.EmployerSatisfactionShare <= 0 {
		t.EmployerSatisfactionShare = DefaultEmployerSatisfactionShare
	}
	return t, nil
}

// SetTargets sets a year's targets (admin).
func (s *Service) SetTargets(ctx context.Context, by *jobmatch.User, year int, in Targets) (Targets, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return in, jobmatch.ErrForbidden
	}
	if year < 2000 || year > 2100 {
		return in, jobmatch.Invalid("year", "year", "")
	}
	if err := s.val.Validate(in); err != nil {
		return in, err
	}
	if in.CitizenSatisfactionShare == 0 {
		in.CitizenSatisfactionShare = DefaultCitizenSatisfactionShare
	}
	if in.EmployerSatisfactionShare == 0 {
		in.EmployerSatisfactionShare = DefaultEmployerSatisfactionShare
	}
	if err := s.st.SetYearTargets(ctx, year, store.YearTargets{
		Contacts: in.Contacts, CitizenSatisfactionShare: in.CitizenSatisfactionShare, EmployerSatisfactionShare: in.EmployerSatisfactionShare}); err != nil {
		return in, err
	}
	in.Year, in.Default = year, false
	return in, nil
}
