package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// Surveys through two replicas: the rules read back as set (none set is
// ErrNotFound); a survey sent marks its key surveyed at its creation, in
// the settings document the rules of earlier releases wrote ("surveyed:
// <key>", field "at"); the same link twice is a conflict; the answer reads
// back with its period.
func TestSurveyRepository(t *testing.T) {
	ctx := context.Background()
	rs := twoReplicas(t)
	if _, err := rs[0].SurveyRules(ctx); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("rules never set: %v", err)
	}
	rules := jobmatch.SurveyRules{EmployerEveryDays: 30, CitizenEveryDays: 0, ValidDays: 7, Triggers: map[string]bool{"visit": true}}
	if err := rs[0].SetSurveyRules(ctx, rules); err != nil {
		t.Fatal(err)
	}
	if got, err := rs[1].SurveyRules(ctx); err != nil || got.EmployerEveryDays != 30 || got.ValidDays != 7 || !got.Triggers["visit"] || len(got.Triggers) != 1 {
		t.Fatalf("rules %+v, %v", got, err)
	}

	key := "company:12345678"
	if at, err := rs[1].LastSurveyed(ctx, key); !errors.Is(err, jobmatch.ErrNotFound) || !at.IsZero() {
		t.Fatalf("never surveyed: %v, %v", at, err)
	}
	now := time.Date(2026, 6, 30, 21, 0, 0, 0, time.UTC) // 1 July in Copenhagen
	v := &jobmatch.Survey{ID: "h1", Audience: jobmatch.SurveyEmployer, Trigger: "visit", CVR: "12345678", Company: "Byg A/S",
		Lang: "da", CreatedAt: now, ExpiresAt: now.AddDate(0, 0, 7)}
	if err := rs[1].SurveySent(ctx, key, v); err != nil {
		t.Fatal(err)
	}
	if at, err := rs[0].LastSurveyed(ctx, key); err != nil || !at.Equal(now) {
		t.Fatalf("last surveyed %v, %v", at, err)
	}
	var raw map[string]any
	if err := rs[0].Get(ctx, store.ColSettings, "surveyed:"+key, &raw); err != nil || len(raw) != 2 || raw["at"] == nil {
		t.Fatalf("the marker's stored form changed: %v, %v", raw, err)
	}
	if err := rs[0].SurveySent(ctx, key, v); !errors.Is(err, jobmatch.ErrConflict) {
		t.Fatalf("the same survey twice: %v", err)
	}

	got, err := rs[0].Survey(ctx, "h1")
	if err != nil || got.AnsweredAt != nil || got.Company != "Byg A/S" || got.Questions()[0] != "labour" {
		t.Fatalf("sent survey %+v, %v", got, err)
	}
	at := now.Add(time.Hour)
	p := jobmatch.PeriodsOf(at)
	got.AnsweredAt, got.Answers, got.Comment, got.Period = &at, map[string]int{"labour": 4, "service": 5}, "Fint", &p
	if err := rs[0].SurveyAnswered(ctx, got); err != nil {
		t.Fatal(err)
	}
	if err := rs[0].SurveyAnswered(ctx, &jobmatch.Survey{ID: "h1"}); err == nil {
		t.Fatal("an answer without its time was written")
	}
	answered, err := rs[1].Survey(ctx, "h1")
	if err != nil || answered.AnsweredAt == nil || !answered.AnsweredAt.Equal(at) || answered.Answers["service"] != 5 ||
		answered.Comment != "Fint" || answered.Period == nil || answered.Period.Half != p.Half || answered.Lang != "da" {
		t.Fatalf("answered survey %+v, %v", answered, err)
	}
	if _, err := rs[1].Survey(ctx, "nope"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("unknown survey: %v", err)
	}
}
