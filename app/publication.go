package app

import (
	"context"
	"errors"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Publication is what the employer agreed the jobcentre may do with a
// vacancy beyond the pre-screening: show the company's name to the citizens
// asked for consent, and publish the vacancy to job boards (the public page
// and the feed). Both default to no.
type Publication struct {
	ShowName  bool       `json:"show_name" bson:"show_name"`
	Publish   bool       `json:"publish" bson:"publish"`
	By        string     `json:"by,omitempty" bson:"by,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty" bson:"updated_at,omitempty"`
}

func publicationID(vacancyID string) string { return "publication:" + vacancyID }

// Publication reads a vacancy's publication agreement (none: all false).
func (s *Service) Publication(ctx context.Context, vacancyID string) (Publication, error) {
	var p Publication
	err := s.st.Get(ctx, store.ColSettings, publicationID(vacancyID), &p)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return Publication{}, nil
	}
	return p, err
}

// SetPublication records what the employer agreed to (a consultant or an
// admin records it). A published vacancy joins the public feed.
func (s *Service) SetPublication(ctx context.Context, by *jobmatch.User, vacancyID string, p Publication) (Publication, error) {
	if !by.CanReadCVs() {
		return p, jobmatch.ErrForbidden
	}
	if _, err := s.Vacancy(ctx, vacancyID); err != nil {
		return p, err
	}
	now := s.now().UTC()
	p.By, p.UpdatedAt = by.ID, &now
	if err := s.st.PutFields(ctx, store.ColSettings, publicationID(vacancyID), store.Fields{
		"show_name": p.ShowName, "publish": p.Publish, "by": p.By, "updated_at": now}); err != nil {
		return p, err
	}
	if p.Publish {
		if err := s.st.SetAdd(ctx, "published-vacancies", vacancyID); err != nil {
			return p, err
		}
	} else if err := s.st.SetRemove(ctx, "published-vacancies", vacancyID); err != nil {
		return p, err
	}
	return p, nil
}
