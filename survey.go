package jobmatch

import "time"

// Survey audiences.
const (
	SurveyEmployer = "employer"
	SurveyCitizen  = "citizen"
)

// Survey is one one-time survey link. Its _id is the sha256 of the token
// in the link, so the token is never stored. A citizen's survey carries no
// reference to the CV: the answer counts only in the figures.
type Survey struct {
	ID         string         `json:"-" bson:"_id"`
	Audience   string         `json:"audience" bson:"audience"`
	Trigger    string         `json:"trigger" bson:"trigger"`
	CVR        string         `json:"cvr,omitempty" bson:"cvr,omitempty"`
	Company    string         `json:"company,omitempty" bson:"company,omitempty"`
	Ref        string         `json:"-" bson:"ref,omitempty"`
	Lang       string         `json:"lang" bson:"lang"`
	CreatedAt  time.Time      `json:"created_at" bson:"created_at"`
	ExpiresAt  time.Time      `json:"expires_at" bson:"expires_at"`
	AnsweredAt *time.Time     `json:"answered_at,omitempty" bson:"answered_at,omitempty"`
	Answers    map[string]int `json:"answers,omitempty" bson:"answers,omitempty"`
	Comment    string         `json:"-" bson:"comment,omitempty"`
	Period     *Periods       `json:"-" bson:"period,omitempty"`
	// AnswerSlot is the replica slot whose counter shard counted the
	// answer (store/kpi.go).
	AnswerSlot int64 `json:"-" bson:"answer_slot,omitempty"`
}

// Questions are the survey's questions for its audience.
func (v *Survey) Questions() []string {
	if v.Audience == SurveyCitizen {
		return []string{"service"}
	}
	return []string{"labour", "service"}
}

// SurveyRules say who is asked and how often; an admin sets them.
type SurveyRules struct {
	// EmployerEveryDays: a company is asked at most once in this many days.
	EmployerEveryDays int `json:"employer_every_days" bson:"employer_every_days" validate:"gte=0,lte=3650"`
	// CitizenEveryDays: a citizen is asked at most once in this many days.
	CitizenEveryDays int `json:"citizen_every_days" bson:"citizen_every_days" validate:"gte=0,lte=3650"`
	// ValidDays: a link expires this many days after it is sent.
	ValidDays int `json:"valid_days" bson:"valid_days" validate:"gte=1,lte=365"`
	// Triggers that send an employer survey: vacancy_filled, vacancy_closed,
	// request_resolved, visit.
	Triggers map[string]bool `json:"triggers" bson:"triggers"`
}
