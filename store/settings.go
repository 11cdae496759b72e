package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobmatch"
)

// Small settings documents, by _id in the settings collection: the
// response deadlines an admin set per topic ("deadlines", field "days"), a
// year's targets ("targets:<year>") and a vacancy's publication agreement
// ("publication:<vacancy id>"). The vacancies agreed to be published are a
// set ("published-vacancies") the public feed reads.

const (
	deadlinesID        = "deadlines"
	publishedVacancies = "published-vacancies"
)

func targetsID(year int) string             { return fmt.Sprintf("targets:%d", year) }
func publicationID(vacancyID string) string { return "publication:" + vacancyID }

// DeadlineDays reads the response deadlines set per topic, in working days
// (an empty map when none were set).
func (s *Store) DeadlineDays(ctx context.Context) (map[string]int, error) {
	var doc struct {
		Days map[string]int `bson:"days"`
	}
	if err := s.Get(ctx, ColSettings, deadlinesID, &doc); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return nil, err
	}
	if doc.Days == nil {
		doc.Days = map[string]int{}
	}
	return doc.Days, nil
}

// SetDeadlineDays replaces the response deadlines per topic.
func (s *Store) SetDeadlineDays(ctx context.Context, days map[string]int) error {
	return s.PutFields(ctx, ColSettings, deadlinesID, Fields{"days": days})
}

// YearTargets are the goals an admin set for a year.
type YearTargets struct {
	Contacts                 int64   `bson:"contacts"`
	CitizenSatisfactionShare float64 `bson:"citizen_satisfaction_share"`
	// EmployerSatisfactionShare: 0 in a year set before it existed (the
	// default then).
	EmployerSatisfactionShare float64 `bson:"employer_satisfaction_share,omitempty"`
	// SetBy and SetAt are who set the goals and when (empty in a year
	// set before they were recorded).
	SetBy string    `bson:"set_by,omitempty"`
	SetAt time.Time `bson:"set_at,omitempty"`
}

// YearTargets reads the goals set for year (jobmatch.ErrNotFound: none
// were set).
func (s *Store) YearTargets(ctx context.Context, year int) (YearTargets, error) {
	var t YearTargets
	if err := s.Get(ctx, ColSettings, targetsID(year), &t); err != nil {
		return YearTargets{}, err
	}
	return t, nil
}

// SetYearTargets replaces the goals of year.
func (s *Store) SetYearTargets(ctx context.Context, year int, t YearTargets) error {
	f := Fields{"contacts": t.Contacts, "citizen_satisfaction_share": t.CitizenSatisfactionShare}
	if t.EmployerSatisfactionShare > 0 {
		f["employer_satisfaction_share"] = t.EmployerSatisfactionShare
	}
	if t.SetBy != "" {
		f["set_by"], f["set_at"] = t.SetBy, t.SetAt
	}
	return s.PutFields(ctx, ColSettings, targetsID(year), f)
}

// Publication reads a vacancy's publication agreement (none recorded: all
// false).
func (s *Store) Publication(ctx context.Context, vacancyID string) (jobmatch.Publication, error) {
	var p jobmatch.Publication
	err := s.Get(ctx, ColSettings, publicationID(vacancyID), &p)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return jobmatch.Publication{}, nil
	}
	return p, err
}

// SetPublication records a vacancy's publication agreement, then puts the
// vacancy among the published ones or takes it out.
func (s *Store) SetPublication(ctx context.Context, vacancyID string, p jobmatch.Publication) error {
	f := Fields{"show_name": p.ShowName, "publish": p.Publish, "by": p.By}
	if p.UpdatedAt != nil {
		f["updated_at"] = *p.UpdatedAt
	}
	if err := s.PutFields(ctx, ColSettings, publicationID(vacancyID), f); err != nil {
		return err
	}
	if p.Publish {
		return s.SetAdd(ctx, publishedVacancies, vacancyID)
	}
	return s.SetRemove(ctx, publishedVacancies, vacancyID)
}

// PublishedVacancyIDs are the vacancies whose employers agreed to publish
// them (unordered; closed ones included).
func (s *Store) PublishedVacancyIDs(ctx context.Context) ([]string, error) {
	return s.SetMembers(ctx, publishedVacancies)
}
