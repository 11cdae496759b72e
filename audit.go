package jobmatch

import "time"

// AuditEvent is one line of the audit log: who read or changed which
// personal data, when and why. It names candidates by id only.
type AuditEvent struct {
	ID         string    `json:"id" bson:"_id"`
	At         time.Time `json:"at" bson:"at"`
	Actor      string    `json:"actor" bson:"actor"`
	Action     string    `json:"action" bson:"action"` // cv.read, cv.write, cv.search, cv.erase, cv.purge, match.run, …
	Subjects   []string  `json:"subjects,omitempty" bson:"subjects,omitempty"`
	Reason     string    `json:"reason,omitempty" bson:"reason,omitempty"`
	VacancyID  string    `json:"vacancy_id,omitempty" bson:"vacancy_id,omitempty"`
	MatchRunID string    `json:"match_run_id,omitempty" bson:"match_run_id,omitempty"`
	Query      string    `json:"query,omitempty" bson:"query,omitempty"`
	Count      int       `json:"count,omitempty" bson:"count,omitempty"`
}
