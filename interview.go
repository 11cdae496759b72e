package jobmatch

import "time"

// InterviewInvite is an interview for a shortlist entry with calendar
// invitations. Its UID stays the same for its whole life; each change sends
// a higher Sequence, a cancellation METHOD:CANCEL.
type InterviewInvite struct {
	ID          string    `json:"id" bson:"_id"`
	UID         string    `json:"uid" bson:"uid"`
	EntryID     string    `json:"entry_id" bson:"entry_id"`
	VacancyID   string    `json:"vacancy_id" bson:"vacancy_id"`
	CandidateID string    `json:"candidate_id" bson:"candidate_id"`
	Consultant  string    `json:"consultant_id" bson:"consultant_id"`
	Start       time.Time `json:"start" bson:"start"`
	End         time.Time `json:"end" bson:"end"`
	Mode        string    `json:"mode" bson:"mode"`
	Place       string    `json:"place,omitempty" bson:"place,omitempty"`
	URL         string    `json:"url,omitempty" bson:"url,omitempty"`
	Invite      []string  `json:"invite" bson:"invite"`
	Status      string    `json:"status" bson:"status"` // confirmed, cancelled
	Sequence    int       `json:"sequence" bson:"sequence"`
	Notes       string    `json:"notes,omitempty" bson:"notes,omitempty"`
	Sent        []string  `json:"sent_to" bson:"sent_to"` // who got the latest version
	CreatedAt   time.Time `json:"created_at" bson:"created_at"`
	UpdatedAt   time.Time `json:"updated_at" bson:"updated_at"`
	// Title is the vacancy's, for lists; Name the citizen's (staff views).
	Title string `json:"title,omitempty" bson:"title,omitempty"`
	Name  string `json:"name,omitempty" bson:"-"`
}
