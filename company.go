package jobmatch

import "time"

// Company is an employer, keyed by its CVR number. Every company has exactly
// one contact consultant at the jobcenter; everything about the company is
// routed to that person.
type Company struct {
	CVR          string       `json:"cvr" bson:"_id"`
	PNumber      string       `json:"p_number,omitempty" bson:"p_number,omitempty"`
	Name         string       `json:"name" bson:"name"`
	Address      string       `json:"address,omitempty" bson:"address,omitempty"`
	PostalCode   string       `json:"postal_code" bson:"postal_code"`
	City         string       `json:"city,omitempty" bson:"city,omitempty"`
	IndustryCode string       `json:"industry_code,omitempty" bson:"industry_code,omitempty"`
	Employees    int          `json:"employees,omitempty" bson:"employees,omitempty"`
	Contacts     []Person     `json:"contacts,omitempty" bson:"contacts,omitempty"`
	ConsultantID string       `json:"consultant_id" bson:"consultant_id"`
	History      []Assignment `json:"assignment_history,omitempty" bson:"history,omitempty"`
	// ListPos remembers the company's position in per-consultant lists so a
	// reassignment can move it.
	ListPos   map[string]int64 `json:"-" bson:"list_pos,omitempty"`
	CreatedAt time.Time        `json:"created_at" bson:"created_at"`
	UpdatedAt time.Time        `json:"updated_at" bson:"updated_at"`
}

// Person is a company's own contact person.
type Person struct {
	Name  string `json:"name" bson:"name"`
	Email string `json:"email,omitempty" bson:"email,omitempty"`
	Phone string `json:"phone,omitempty" bson:"phone,omitempty"`
	// Unverified: the person sent a request without logging in (the
	// public form or API), so anyone may have typed these details under
	// the company's CVR; no one at the jobcentre has confirmed them. The
	// hotline's caller lookup may not name them as the company's contact
	// on their own word.
	Unverified bool `json:"unverified,omitempty" bson:"unverified,omitempty"`
}

// Assignment records one change of a company's contact consultant.
type Assignment struct {
	ConsultantID string    `json:"consultant_id" bson:"consultant_id"`
	By           string    `json:"by" bson:"by"`
	Reason       string    `json:"reason,omitempty" bson:"reason,omitempty"`
	At           time.Time `json:"at" bson:"at"`
}

// ContactPerson is what an employer is told about their contact consultant.
type ContactPerson struct {
	ID    string `json:"-"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
	// Deputy is who answers while the contact person is away (their
	// requests go to the deputy meanwhile); nil when they are in.
	Deputy *ContactPerson `json:"deputy,omitempty"`
	// Left: the contact person has been deactivated (left the jobcentre)
	// and the company is still to be moved to another; staff see it, and
	// employers are named the consultant who took their request instead.
	Left bool `json:"-"`
}
