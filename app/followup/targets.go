package followup

import (
	"context"
	"errors"
	"time"

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
	// Source says plainly where the goals come from: "set" (an admin set
	// the year's: SetBy, SetAt) or "default" (nobody did; the figures are
	// the fallbacks, the contacts "2500" no one chose for the year).
	Source string `json:"source"`
	// Defaults names the goals that are fallbacks, not set: all three
	// with Source "default"; in a year set before the employer goal
	// existed, "employer_satisfaction_share".
	Defaults []string `json:"defaults,omitempty"`
	// SetBy and SetAt are who set the year's goals and when, where that
	// was recorded (not in a year set before it was).
	SetBy string     `json:"set_by,omitempty"`
	SetAt *time.Time `json:"set_at,omitempty"`
}

// targetFields are the goals in the order Defaults names them.
var targetFields = []string{"contacts", "citizen_satisfaction_share", "employer_satisfaction_share"}

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
	t.SetBy = set.SetBy
	if !set.SetAt.IsZero() {
		at := set.SetAt.In(jobmatch.Copenhagen)
		t.SetAt = &at
	}
	fallback := [3]bool{t.Contacts <= 0, t.CitizenSatisfactionShare <= 0, t.EmployerSatisfactionShare <= 0}
	if fallback[0] {
		t.Contacts = defaultContactTarget(year)
	}
	if fallback[1] {
		t.CitizenSatisfactionShare = DefaultCitizenSatisfactionShare
	}
	if fallback[2] {
		t.EmployerSatisfactionShare = DefaultEmployerSatisfactionShare
	}
	t.explain(fallback)
	return t, nil
}

// explain fills Source and Defaults from Default and which goals fell
// back to their defaults.
func (t *Targets) explain(fallback [3]bool) {
	t.Source, t.Defaults = "set", nil
	if t.Default {
		t.Source = "default"
	}
	for i, f := range targetFields {
		if t.Default || fallback[i] {
			t.Defaults = append(t.Defaults, f)
		}
	}
}

// isDefault says whether the goal field ("contacts", …) is a fallback
// nobody set for the year.
func (t Targets) isDefault(field string) bool {
	for _, f := range t.Defaults {
		if f == field {
			return true
		}
	}
	return false
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
	at := s.now().In(jobmatch.Copenhagen).Truncate(time.Second)
	if err := s.st.SetYearTargets(ctx, year, store.YearTargets{
		Contacts: in.Contacts, CitizenSatisfactionShare: in.CitizenSatisfactionShare, EmployerSatisfactionShare: in.EmployerSatisfactionShare,
		SetBy: by.ID, SetAt: at}); err != nil {
		return in, err
	}
	in.Year, in.Default, in.SetBy, in.SetAt = year, false, by.ID, &at
	in.explain([3]bool{})
	return in, nil
}
