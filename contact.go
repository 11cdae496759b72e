package jobmatch

import "time"

// Contact is a company contact a consultant logged: a visit, a call, a
// meeting. Each counts once toward the year's target.
type Contact struct {
	ID           string    `json:"id" bson:"_id"`
	CVR          string    `json:"cvr" bson:"cvr"`
	CompanyName  string    `json:"company_name" bson:"company_name"`
	Kind         string    `json:"kind" bson:"kind"`
	Date         Date      `json:"date" bson:"date"`
	Note         string    `json:"note,omitempty" bson:"note,omitempty"`
	FollowUp     *Date     `json:"follow_up,omitempty" bson:"follow_up,omitempty"`
	ConsultantID string    `json:"consultant_id" bson:"consultant_id"`
	LoggedAt     time.Time `json:"logged_at" bson:"logged_at"`
	Period       Periods   `json:"period" bson:"period"`
	// CountSlot is the replica slot whose counter shard counted it
	// (store/kpi.go).
	CountSlot int64 `json:"-" bson:"count_slot,omitempty"`
}
