package jobmatch

import (
	"strings"
	"time"
)

// Role is a staff role. Employers are not users: they act through private
// links and API keys scoped to their own company.
type Role string

const (
	RoleHotline    Role = "hotline"
	RoleConsultant Role = "consultant"
	RoleAdmin      Role = "admin"
	// RoleManagement follows the figures (dashboard, report); it reads no CVs.
	RoleManagement Role = "management"
)

// ValidRole reports whether r is a known staff role.
func ValidRole(r Role) bool {
	return r == RoleHotline || r == RoleConsultant || r == RoleAdmin || r == RoleManagement
}

// User is a staff member. The _id is the normalised e-mail address.
type User struct {
	ID           string `json:"id" bson:"_id"`
	Email        string `json:"email" bson:"email"`
	Name         string `json:"name" bson:"name"`
	Phone        string `json:"phone,omitempty" bson:"phone,omitempty"`
	Role         Role   `json:"role" bson:"role"`
	PasswordHash string `json:"-" bson:"password_hash"`
	Active       bool   `json:"active" bson:"active"`
	// Areas are postal-code prefixes (e.g. "64") and industry-code prefixes
	// ("i:47") a consultant covers, for the assignment rule.
	Areas     []string  `json:"areas,omitempty" bson:"areas,omitempty"`
	DeputyID  string    `json:"deputy_id,omitempty" bson:"deputy_id,omitempty"`
	Away      bool      `json:"away,omitempty" bson:"away,omitempty"`
	CreatedAt time.Time `json:"created_at" bson:"created_at"`
}

// IsStaff reports whether the user may read CVs (consultant, admin).
func (u *User) CanReadCVs() bool {
	return u != nil && (u.Role == RoleConsultant || u.Role == RoleAdmin)
}

// CanReadFigures reports whether the user may read the follow-up figures.
func (u *User) CanReadFigures() bool {
	return u != nil && (u.Role == RoleManagement || u.Role == RoleAdmin || u.Role == RoleConsultant)
}

// NormalizeEmail lower-cases and trims an e-mail address, the user key.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ContactPerson returns what employers see of a consultant.
func (u *User) ContactPerson() ContactPerson {
	return ContactPerson{ID: u.ID, Name: u.Name, Email: u.Email, Phone: u.Phone}
}
