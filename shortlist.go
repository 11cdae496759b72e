package jobmatch

import "time"

// Step is one move of a shortlist entry: who, when and why.
type Step struct {
	From Stage     `json:"from,omitempty" bson:"from,omitempty"`
	To   Stage     `json:"to" bson:"to"`
	By   string    `json:"by" bson:"by"`
	At   time.Time `json:"at" bson:"at"`
	Note string    `json:"note,omitempty" bson:"note,omitempty"`
	// Slot is the replica slot whose counter shard counted the step
	// (store/kpi.go).
	Slot int64 `json:"-" bson:"slot,omitempty"`
}

// Interview is the first interview the jobcenter holds.
type Interview struct {
	Date       string `json:"date" bson:"date" validate:"required,datetime=2006-01-02"`
	By         string `json:"by" bson:"by" validate:"required,min=2,max=120"`
	Notes      string `json:"notes,omitempty" bson:"notes,omitempty" validate:"max=5000"`
	Assessment string `json:"assessment" bson:"assessment" validate:"required,min=3,max=5000"` // against the vacancy's requirements
}

// EmployerAnswer is the employer's answer about a presented candidate.
type EmployerAnswer struct {
	Answer string    `json:"answer" bson:"answer"`
	Reason string    `json:"reason,omitempty" bson:"reason,omitempty"`
	Text   string    `json:"text,omitempty" bson:"text,omitempty"`
	At     time.Time `json:"at" bson:"at"`
	// HandledAt is when the consultant marked a question answered, by
	// HandledBy; until then it stays on the consultant's worklist.
	HandledAt *time.Time `json:"handled_at,omitempty" bson:"handled_at,omitempty"`
	HandledBy string     `json:"handled_by,omitempty" bson:"handled_by,omitempty"`
}

// ShortlistEntry is one candidate on a vacancy's shortlist. Its _id is the vacancy
// and the candidate, so a person is on a shortlist once; Version guards
// against two consultants moving it at once.
type ShortlistEntry struct {
	ID          string           `json:"id" bson:"_id"`
	VacancyID   string           `json:"vacancy_id" bson:"vacancy_id"`
	CandidateID string           `json:"candidate_id" bson:"candidate_id"`
	ProfileID   string           `json:"profile_id" bson:"profile_id"` // what the employer sees instead of the person
	Stage       Stage            `json:"stage" bson:"stage"`
	Version     int64            `json:"version" bson:"version"`
	Steps       []Step           `json:"steps" bson:"steps"`
	Interview   *Interview       `json:"interview,omitempty" bson:"interview,omitempty"`
	Answers     []EmployerAnswer `json:"employer_answers,omitempty" bson:"employer_answers,omitempty"`
	CreatedAt   time.Time        `json:"created_at" bson:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at" bson:"updated_at"`
	// Groups are the citizen's priority groups when shortlisted (figures).
	Groups []string `json:"priority_groups,omitempty" bson:"groups,omitempty"`
	// ConsentRequest is the latest consent link sent to the citizen.
	ConsentRequest *ConsentRequestState `json:"consent_request,omitempty" bson:"consent_request,omitempty"`
	// Interviews are the invitations sent for this entry (ids).
	Interviews []string `json:"interviews,omitempty" bson:"interviews,omitempty"`
	// Name is filled for staff views; never stored.
	Name string `json:"name,omitempty" bson:"-"`
}

// ConsentRequestState is the latest consent link of an entry as the staff
// see it (no token).
type ConsentRequestState struct {
	ID         string     `json:"id" bson:"id"`
	Channel    string     `json:"channel" bson:"channel"`
	Deadline   time.Time  `json:"deadline" bson:"deadline"`
	SentAt     time.Time  `json:"sent_at" bson:"sent_at"`
	RemindedAt *time.Time `json:"reminded_at,omitempty" bson:"reminded_at,omitempty"`
	AnsweredAt *time.Time `json:"answered_at,omitempty" bson:"answered_at,omitempty"`
	Answer     string     `json:"answer,omitempty" bson:"answer,omitempty"`
}
