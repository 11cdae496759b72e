package jobmatch

import "time"

// ConsentRequest is a citizen's private consent link for one shortlist
// entry. Its _id is the sha256 of the token in the link (as for surveys):
// the token itself is never stored, so a copy of the database opens no link.
type ConsentRequest struct {
	ID          string     `json:"id" bson:"_id"`
	EntryID     string     `json:"entry_id" bson:"entry_id"`
	VacancyID   string     `json:"vacancy_id" bson:"vacancy_id"`
	CandidateID string     `json:"candidate_id" bson:"candidate_id"`
	Consultant  string     `json:"consultant_id" bson:"consultant_id"`
	Channel     string     `json:"channel" bson:"channel"`
	Deadline    time.Time  `json:"deadline" bson:"deadline"`
	By          string     `json:"by" bson:"by"`
	CreatedAt   time.Time  `json:"created_at" bson:"created_at"`
	RemindedAt  *time.Time `json:"reminded_at,omitempty" bson:"reminded_at,omitempty"`
	AnsweredAt  *time.Time `json:"answered_at,omitempty" bson:"answered_at,omitempty"`
	Answer      string     `json:"answer,omitempty" bson:"answer,omitempty"`
	Lang        string     `json:"lang" bson:"lang"`
	// SupersededBy points an older link at the request a reminder renewed.
	SupersededBy string `json:"-" bson:"superseded_by,omitempty"`
	// Previous are the ids of the links this one renewed.
	Previous []string `json:"-" bson:"previous,omitempty"`
}

// Expired reports whether the link's deadline has passed at now.
func (r *ConsentRequest) Expired(now time.Time) bool { return !now.Before(r.Deadline) }

// Consent is a citizen's consent to be presented to one employer for one
// vacancy: when, how, and whether the employer may see who they are. Its
// id is the candidate's and the vacancy's ("<candidate id>:<vacancy id>").
type Consent struct {
	ID             string     `json:"id" bson:"_id"`
	CandidateID    string     `json:"candidate_id" bson:"candidate_id"`
	VacancyID      string     `json:"vacancy_id" bson:"vacancy_id"`
	CVR            string     `json:"cvr" bson:"cvr"`
	Channel        string     `json:"channel" bson:"channel"`
	RevealIdentity bool       `json:"reveal_identity" bson:"reveal_identity"`
	By             string     `json:"by" bson:"by"`
	GivenAt        time.Time  `json:"given_at" bson:"given_at"`
	WithdrawnAt    *time.Time `json:"withdrawn_at,omitempty" bson:"withdrawn_at,omitempty"`
	// Shown is what the citizen saw when answering a consent link.
	Shown *ConsentShown `json:"shown,omitempty" bson:"shown,omitempty"`
	// Assessment is the consultant's assessment as it stood when the
	// consent was given ("" when there was none): the employer is shown
	// this text, never one written since. Nil on a consent recorded before
	// it was kept.
	Assessment *string `json:"assessment,omitempty" bson:"assessment,omitempty"`
}

// Active reports whether the consent holds.
func (c *Consent) Active() bool { return c != nil && c.WithdrawnAt == nil }

// ConsentShown is what the citizen was shown when answering: the vacancy,
// whether the employer was named, and the profile fields the employer sees.
type ConsentShown struct {
	Title        string   `json:"title" bson:"title"`
	EmployerName string   `json:"employer_name,omitempty" bson:"employer_name,omitempty"`
	Fields       []string `json:"fields" bson:"fields"`
	RequestID    string   `json:"request_id" bson:"request_id"`
}
