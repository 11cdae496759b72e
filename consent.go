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
