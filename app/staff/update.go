package staff

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"jobmatch"
	"jobmatch/i18n"
	"jobmatch/store"
)

func init() {
	i18n.Register(map[string][2]string{
		"v.self":       {"Du kan ikke deaktivere dig selv. Bed en anden administrator om det.", "You cannot deactivate yourself. Ask another admin to do it."},
		"v.dkphone":    {"Skriv et dansk telefonnummer med 8 cifre, fx 88 72 41 01.", "Enter a Danish phone number of 8 digits, e.g. 88 72 41 01."},
		"v.area":       {"Skriv et postnummer, der findes, eller begyndelsen af et (fx 6400 eller 64), eller i: og en branchekode (fx i:47).", "Enter a postal code that exists or the start of one (e.g. 6400 or 64), or i: and an industry code (e.g. i:47)."},
		"v.last_admin": {"Der skal være mindst én aktiv administrator. Giv en anden rollen som administrator først.", "There must be at least one active admin. Make someone else an admin first."},
	})
}

// UserPatch is an admin's change of a staff user (PATCH /api/v1/users/{id},
// `jobmatch user set`): the fields given change, the others stay.
// Password is a new password, stored as its hash like a new user's.
type UserPatch struct {
	Active   *bool          `json:"active,omitempty"`
	Role     *jobmatch.Role `json:"role,omitempty" validate:"omitempty,oneof=hotline consultant admin management"`
	Name     *string        `json:"name,omitempty" validate:"omitempty,min=2,max=120,runes,line"`
	Phone    *string        `json:"phone,omitempty" validate:"omitempty,max=20,dkphone"`
	Password *string        `json:"password,omitempty" validate:"omitempty,min=8,max=200"`
	// Areas replace the consultant's areas as a whole (checked as a new
	// user's are); [] leaves them none, and the rule then gives them
	// companies that match no one's.
	Areas *[]string `json:"areas,omitempty" validate:"omitempty,max=50,dive,area"`
}

// UserChanged is the user as changed, with what the change did besides.
type UserChanged struct {
	*jobmatch.User
	// SessionsEnded are the user's sessions the change ended: a user
	// deactivated or given a new password is logged out everywhere at once.
	SessionsEnded int `json:"sessions_ended"`
	// CompaniesToMove are the companies that still have the user as their
	// contact person although they no longer work as a consultant
	// (deactivated, or given another role): employers and the hotline see
	// them as contact person until an admin moves the companies
	// (POST /api/v1/companies/reassign).
	CompaniesToMove int `json:"companies_to_move,omitempty"`
}

// UpdateUser changes a staff user: an admin deactivates them (their
// sessions end at once, and they cannot log in), gives them another role,
// name, phone number, areas or a new password. An admin cannot deactivate
// themselves, and the last active admin stays one. Audited as user.update,
// naming what changed (never the password).
func (s *Service) UpdateUser(ctx context.Context, by *jobmatch.User, id string, in UserPatch) (*UserChanged, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return nil, jobmatch.ErrForbidden
	}
	if in.Name != nil {
		name := strings.TrimSpace(*in.Name)
		if name == "" {
			// The validator counted "  " as a name of two letters.
			return nil, jobmatch.Invalid("name", "required", "")
		}
		in.Name = &name
	}
	if in.Phone != nil {
		phone := jobmatch.GroupedPhone(*in.Phone)
		in.Phone = &phone
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	s.changing.Lock()
	defer s.changing.Unlock()
	id = jobmatch.NormalizeEmail(id)
	// As stored, not as cached: the rules below are about the users now.
	u, err := s.st.User(ctx, id)
	if err != nil {
		return nil, err
	}
	active, role := u.Active, u.Role
	if in.Active != nil {
		active = *in.Active
	}
	if in.Role != nil {
		role = *in.Role
	}
	phone := u.Phone
	if in.Phone != nil {
		phone = *in.Phone
	}
	if role == jobmatch.RoleConsultant && phone == "" {
		// Employers and the hotline are given a consultant's number.
		return nil, jobmatch.Invalid("phone", "required", "")
	}
	if !active && u.Active && u.ID == by.ID {
		return nil, jobmatch.Invalid("active", "self", "")
	}
	if u.Active && u.Role == jobmatch.RoleAdmin && (!active || role != jobmatch.RoleAdmin) {
		other, err := s.otherActiveAdmin(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		if !other {
			field := "role"
			if !active {
				field = "active"
			}
			return nil, jobmatch.Invalid(field, "last_admin", "")
		}
	}
	ch := store.UserChange{Active: in.Active, Role: in.Role, Name: in.Name, Phone: in.Phone, Areas: in.Areas}
	if in.Password != nil {
		hash, err := HashPassword(*in.Password)
		if err != nil {
			return nil, err
		}
		ch.PasswordHash = &hash
	}
	if err := s.st.UpdateUser(ctx, u, ch); err != nil {
		return nil, err
	}
	s.users.forget(u.ID)
	if err := s.st.LogChanges(ctx, store.KindUser, u.ID); err != nil {
		s.log.Error("log user change", "user", u.ID, "err", err)
	}
	out := &UserChanged{}
	if (u.Active && !active) || in.Password != nil {
		// The sessions are read on every request of every replica, where
		// a user may be cached for a few seconds: deleting them logs the
		// user out everywhere at the next request.
		if out.SessionsEnded, err = s.st.EndSessionsOf(ctx, u.ID); err != nil {
			return nil, err
		}
	}
	if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "user.update", Subjects: []string{u.ID},
		Reason: describeChange(u, in)}); err != nil {
		return nil, err
	}
	if out.User, err = s.User(ctx, u.ID); err != nil {
		return nil, err
	}
	if u.Role == jobmatch.RoleConsultant && (!active || role != jobmatch.RoleConsultant) {
		cvrs, err := s.st.ConsultantCVRs(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		out.CompaniesToMove = len(cvrs)
	}
	return out, nil
}

// otherActiveAdmin reports whether an active admin other than id exists.
func (s *Service) otherActiveAdmin(ctx context.Context, id string) (bool, error) {
	for cur := int64(0); ; {
		p, err := s.st.ListPage(ctx, store.UserList, cur, 500)
		if err != nil {
			return false, err
		}
		for _, ref := range p.Refs {
			if ref == id {
				continue
			}
			u, err := s.st.User(ctx, ref)
			if errors.Is(err, jobmatch.ErrNotFound) {
				continue
			}
			if err != nil {
				return false, err
			}
			if u.Active && u.Role == jobmatch.RoleAdmin {
				return true, nil
			}
		}
		if p.Next == 0 {
			return false, nil
		}
		cur = p.Next
	}
}

// describeChange says for the audit log what a change of u changes: the
// old and new state and role, the names of the other fields (a password
// is never written, nor its hash).
func describeChange(u *jobmatch.User, in UserPatch) string {
	var parts []string
	if in.Active != nil && *in.Active != u.Active {
		parts = append(parts, fmt.Sprintf("active: %t → %t", u.Active, *in.Active))
	}
	if in.Role != nil && *in.Role != u.Role {
		parts = append(parts, fmt.Sprintf("role: %s → %s", u.Role, *in.Role))
	}
	if in.Name != nil && *in.Name != u.Name {
		parts = append(parts, "name")
	}
	if in.Phone != nil && *in.Phone != u.Phone {
		parts = append(parts, "phone")
	}
	if in.Areas != nil && !slices.Equal(*in.Areas, u.Areas) {
		parts = append(parts, fmt.Sprintf("areas: %s → %s", strings.Join(u.Areas, ","), strings.Join(*in.Areas, ",")))
	}
	if in.Password != nil {
		parts = append(parts, "password")
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}
