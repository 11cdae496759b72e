package surveys

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"jobmatch"
	"jobmatch/app"
)

// Survey audiences.
const ()

// DefaultSurveyRules ask a company at most every 90 days, after every kind
// of finished piece of work, a citizen at most twice a year.
func DefaultSurveyRules() jobmatch.SurveyRules {
	return jobmatch.SurveyRules{EmployerEveryDays: 90, CitizenEveryDays: 180, ValidDays: 30,
		Triggers: map[string]bool{"vacancy_filled": true, "vacancy_closed": true, "request_resolved": true, "visit": true}}
}

// SurveyRules returns the rules in force.
func (s *Service) SurveyRules(ctx context.Context) jobmatch.SurveyRules {
	if r, err := s.st.SurveyRules(ctx); err == nil {
		return r
	}
	return DefaultSurveyRules()
}

// SetSurveyRules sets who is asked and how often (admin).
func (s *Service) SetSurveyRules(ctx context.Context, by *jobmatch.User, r jobmatch.SurveyRules) (jobmatch.SurveyRules, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return r, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(r); err != nil {
		return r, err
	}
	verr := &jobmatch.ValidationError{}
	for k := range r.Triggers {
		switch k {
		case "vacancy_filled", "vacancy_closed", "request_resolved", "visit":
		default:
			verr.Add("triggers."+k, "oneof", "vacancy_filled vacancy_closed request_resolved visit")
		}
	}
	if err := verr.Err(); err != nil {
		return r, err
	}
	return r, s.st.SetSurveyRules(ctx, r)
}

// Trigger is a finished piece of work that may ask the employer.
type Trigger struct {
	Kind    string // vacancy_filled, vacancy_closed, request_resolved, visit
	CVR     string
	Company string
	Ref     string // the vacancy, request or contact
	To      string // the employer contact's e-mail
	Lang    string
}

// AfterEvent sends the employer survey a trigger calls for. The work it
// follows is done and stored already, so a failure here is logged, not
// returned: a lost survey is better than a failed close.
func (s *Service) AfterEvent(ctx context.Context, t Trigger) {
	if _, err := s.SendEmployerSurvey(ctx, t); err != nil {
		s.log.Warn("employer survey", "trigger", t.Kind, "cvr", t.CVR, "err", err)
	}
}

// SendEmployerSurvey sends the employer survey for t unless the rules say
// no (trigger off, no address, the company asked recently); it reports
// whether one was sent.
func (s *Service) SendEmployerSurvey(ctx context.Context, t Trigger) (bool, error) {
	rules := s.SurveyRules(ctx)
	if !rules.Triggers[t.Kind] || t.To == "" || t.CVR == "" {
		return false, nil
	}
	if t.Company == "" {
		if c, err := s.st.Company(ctx, jobmatch.NormalizeCVR(t.CVR)); err == nil {
			t.Company = c.Name
		}
	}
	return s.sendSurvey(ctx, "company:"+t.CVR, rules.EmployerEveryDays, rules.ValidDays, &jobmatch.Survey{
		Audience: jobmatch.SurveyEmployer, Trigger: t.Kind, CVR: t.CVR, Company: t.Company, Ref: t.Ref, Lang: t.Lang}, t.To)
}

// SendCitizenSurvey asks a citizen about the service (a consultant, after
// a course of work with them). Only a hash of the CV's id is kept, to ask
// no more often than the rules allow; the survey itself does not name it.
func (s *Service) SendCitizenSurvey(ctx context.Context, by *jobmatch.User, candidateID, trigger string) (bool, error) {
	if !by.CanReadCVs() {
		return false, jobmatch.ErrForbidden
	}
	c, err := s.st.Candidate(ctx, candidateID)
	if err != nil {
		return false, err
	}
	if c.Email == "" {
		return false, jobmatch.Invalid("email", "required", "")
	}
	if trigger == "" {
		trigger = "manual"
	}
	rules := s.SurveyRules(ctx)
	sum := sha256.Sum256([]byte("citizen-survey:" + c.ID))
	return s.sendSurvey(ctx, "citizen:"+hex.EncodeToString(sum[:16]), rules.CitizenEveryDays, rules.ValidDays,
		&jobmatch.Survey{Audience: jobmatch.SurveyCitizen, Trigger: trigger, Lang: "da"}, c.Email)
}

// sendSurvey stores a survey and mails its link, at most once per
// everyDays for key.
func (s *Service) sendSurvey(ctx context.Context, key string, everyDays, validDays int, v *jobmatch.Survey, to string) (bool, error) {
	defer s.st.LockSurveySend(key)()
	now := s.now().UTC()
	var last time.Time
	due := func() (bool, error) {
		var err error
		last, err = s.st.LastSurveyed(ctx, key)
		switch {
		case err == nil:
			return everyDays <= 0 || !now.Before(last.AddDate(0, 0, everyDays)), nil
		case errors.Is(err, jobmatch.ErrNotFound):
			return true, nil
		}
		return false, err
	}
	if ok, err := due(); !ok || err != nil {
		return false, err
	}
	// The send that follows the last one is claimed (across replicas): of
	// two triggers at once, one sends.
	notDue := errors.New("not due")
	token := jobmatch.NewToken()
	err := s.env.Once(ctx, fmt.Sprintf("survey:%s:after:%d", key, last.UnixNano()), notDue, func() error {
		if ok, err := due(); err != nil || !ok {
			return cmp.Or(err, notDue)
		}
		v.ID, v.CreatedAt, v.ExpiresAt = surveyID(token), now, now.AddDate(0, 0, validDays)
		if v.Lang == "" {
			v.Lang = "da"
		}
		return s.st.SurveySent(ctx, key, v)
	})
	if errors.Is(err, notDue) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	link := s.env.URL("/survey/" + token)
	subject, body := "Hvordan gik det? / How did we do?", ""
	if v.Audience == jobmatch.SurveyEmployer {
		body = fmt.Sprintf("Kære %s\n\nJobcentret vil gerne høre, hvor tilfreds I er med vores indsats for at skaffe kvalificeret arbejdskraft og med vores virksomhedsservice. Det tager et minut:\n%s\n\nDear %s, please tell us how satisfied you are with our effort to supply qualified labour and with our company service:\n%s\n\nLinket virker én gang og udløber %s.\n",
			v.Company, link, v.Company, link, v.ExpiresAt.In(jobmatch.Copenhagen).Format("2.1.2006"))
	} else {
		body = fmt.Sprintf("Hej\n\nJobcentret vil gerne høre, hvor tilfreds du er med den hjælp, du har fået. Det tager et minut:\n%s\n\nPlease tell us how satisfied you are with the help you got:\n%s\n\nLinket virker én gang og udløber %s.\n",
			link, link, v.ExpiresAt.In(jobmatch.Copenhagen).Format("2.1.2006"))
	}
	return true, s.env.Send(ctx, &jobmatch.Mail{To: to, Subject: subject, Body: body, Kind: "survey_" + v.Audience, Ref: v.Trigger})
}

func surveyID(token string) string {
	sum := sha256.Sum256([]byte("survey:" + token))
	return hex.EncodeToString(sum[:])
}

// SurveyByToken returns the survey behind a link; an answered or expired
// survey is jobmatch.ErrGone.
func (s *Service) SurveyByToken(ctx context.Context, token string) (*jobmatch.Survey, error) {
	if len(token) < 16 || len(token) > 128 {
		return nil, jobmatch.ErrNotFound
	}
	v, err := s.st.Survey(ctx, surveyID(token))
	if err != nil {
		return nil, err
	}
	if v.AnsweredAt != nil || s.now().After(v.ExpiresAt) {
		return v, jobmatch.ErrGone
	}
	return v, nil
}

// Answer is the answer to a survey: 1 (very dissatisfied) to 5 (very
// satisfied) per question, and an optional comment.
type Answer struct {
	Answers map[string]int `json:"answers" validate:"required"`
	Comment string         `json:"comment,omitempty" validate:"max=2000"`
}

// AnswerSurvey stores the one answer a link takes and counts it in the
// figures of the period it was given in; a second answer is ErrGone.
func (s *Service) AnswerSurvey(ctx context.Context, token string, in Answer) (*jobmatch.Survey, error) {
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	defer s.st.LockSurveyAnswer(surveyID(token))()
	v, err := s.SurveyByToken(ctx, token)
	if err != nil {
		return v, err
	}
	verr := &jobmatch.ValidationError{}
	answers := map[string]int{}
	for _, q := range v.Questions() {
		a, ok := in.Answers[q]
		switch {
		case !ok:
			verr.Add("answers."+q, "required", "")
		case a < 1 || a > 5:
			verr.Add("answers."+q, "oneof", "1 2 3 4 5")
		default:
			answers[q] = a
		}
	}
	for q := range in.Answers {
		if !slices.Contains(v.Questions(), q) {
			verr.Add("answers."+q, "oneof", fmt.Sprint(v.Questions()))
		}
	}
	if err := verr.Err(); err != nil {
		return nil, err
	}
	err = s.env.Once(ctx, "survey:"+v.ID+":answer", jobmatch.ErrGone, func() error {
		if v, err = s.SurveyByToken(ctx, token); err != nil {
			return err
		}
		now := s.now().UTC()
		p := jobmatch.PeriodsOf(now)
		answered := *v
		answered.AnsweredAt, answered.Answers, answered.Comment, answered.Period = &now, answers, in.Comment, &p
		if err := s.st.SurveyAnswered(ctx, &answered); err != nil {
			return err
		}
		*v = answered
		return s.env.CountPeriods(ctx, now, app.SurveyCounters(v))
	})
	if err != nil {
		return v, err
	}
	return v, nil
}
