package store

import (
	"context"
	"fmt"
	"time"

	"jobmatch"
)

// Surveys are stored under the hash of their link's token. The settings
// hold the rules an admin set (_id "surveys", field "rules") and, per
// audience key ("company:<cvr>", "citizen:<hash>"), when it was last sent
// a survey (_id "surveyed:<key>", field "at"), so no key is asked more
// often than the rules allow.

const surveyRulesID = "surveys"

func surveyedID(key string) string { return "surveyed:" + key }

// SurveyRules reads the rules an admin set (jobmatch.ErrNotFound: none
// were set).
func (s *Store) SurveyRules(ctx context.Context) (jobmatch.SurveyRules, error) {
	var doc struct {
		Rules *jobmatch.SurveyRules `bson:"rules"`
	}
	if err := s.Get(ctx, ColSettings, surveyRulesID, &doc); err != nil {
		return jobmatch.SurveyRules{}, err
	}
	if doc.Rules == nil {
		return jobmatch.SurveyRules{}, fmt.Errorf("store: survey rules: %w", jobmatch.ErrNotFound)
	}
	return *doc.Rules, nil
}

// SetSurveyRules replaces the rules in force.
func (s *Store) SetSurveyRules(ctx context.Context, r jobmatch.SurveyRules) error {
	return s.PutFields(ctx, ColSettings, surveyRulesID, Fields{"rules": r})
}

// LastSurveyed returns when key was last sent a survey (jobmatch.ErrNotFound
// and the zero time: never).
func (s *Store) LastSurveyed(ctx context.Context, key string) (time.Time, error) {
	var last struct {
		At time.Time `bson:"at"`
	}
	err := s.Get(ctx, ColSettings, surveyedID(key), &last)
	return last.At, err
}

// SurveySent stores a survey sent to key (ErrConflict: its id is taken),
// then marks key surveyed at the survey's creation. The caller makes sure
// it happens once per period the rules allow (Service.once).
func (s *Store) SurveySent(ctx context.Context, key string, v *jobmatch.Survey) error {
	if err := s.Insert(ctx, ColSurveys, v); err != nil {
		return err
	}
	return s.PutFields(ctx, ColSettings, surveyedID(key), Fields{"at": v.CreatedAt})
}

// Survey reads a survey by id (the hash of its link's token).
func (s *Store) Survey(ctx context.Context, id string) (*jobmatch.Survey, error) {
	return getAs[jobmatch.Survey](ctx, s, ColSurveys, id)
}

// SurveyAnswered records the answer v carries: when it was given, the
// answers, the comment and the periods it counts in. The caller makes sure
// it happens once (Service.once), and counts the answer after it, in the
// same process: the slot recorded here is the shard that counts it (kpi.go).
func (s *Store) SurveyAnswered(ctx context.Context, v *jobmatch.Survey) error {
	if v.AnsweredAt == nil || v.Period == nil {
		return fmt.Errorf("store: survey %s answered: no time or period given", v.ID)
	}
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	v.AnswerSlot = slot
	return s.Apply(ctx, ColSurveys, v.ID, Change{Set: Fields{
		"answered_at": *v.AnsweredAt, "answers": v.Answers, "comment": v.Comment, "period": *v.Period,
		"answer_slot": slot,
	}})
}
