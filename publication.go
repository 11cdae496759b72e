package jobmatch

import "time"

// Publication is what the employer agreed the jobcentre may do with a
// vacancy beyond the pre-screening: show the company's name to the citizens
// asked for consent, and publish the vacancy to job boards (the public page
// and the feed). Both default to no.
type Publication struct {
	ShowName  bool       `json:"show_name" bson:"show_name"`
	Publish   bool       `json:"publish" bson:"publish"`
	By        string     `json:"by,omitempty" bson:"by,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty" bson:"updated_at,omitempty"`
}
