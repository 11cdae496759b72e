package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
)

// Staff users are stored by normalised e-mail and listed newest first
// (UserList); the consultants are a set ("consultants:active") the
// assignment rule reads without scanning the users. Sessions are stored
// under the hash of their token.

// UserList names the list of every staff user, newest first.
const UserList = "users"

const consultantsSet = "consultants:active"

// CreateUser stores a new user (jobmatch.ErrConflict: the e-mail is taken;
// nothing else is written then), files a consultant among the consultants,
// and lists the user.
func (s *Store) CreateUser(ctx context.Context, u *jobmatch.User) error {
	if err := s.Insert(ctx, ColUsers, u); err != nil {
		return err
	}
	if u.Role == jobmatch.RoleConsultant {
		if err := s.SetAdd(ctx, consultantsSet, u.ID); err != nil {
			return err
		}
	}
	_, err := s.ListAppend(ctx, UserList, u.ID)
	return err
}

// User reads a user by id (the normalised e-mail).
func (s *Store) User(ctx context.Context, id string) (*jobmatch.User, error) {
	return getAs[jobmatch.User](ctx, s, ColUsers, id)
}

// ConsultantIDs are the users created as consultants, deactivated ones
// included.
func (s *Store) ConsultantIDs(ctx context.Context) ([]string, error) {
	return s.SetMembers(ctx, consultantsSet)
}

// SetUserAway marks a user away with a deputy, or back (away false; the
// deputy is then normally "").
func (s *Store) SetUserAway(ctx context.Context, userID string, away bool, deputyID string) error {
	return s.Apply(ctx, ColUsers, userID, Change{Set: Fields{"away": away, "deputy_id": deputyID}})
}

// UserChange is what an admin changes of a user: the fields that are not
// nil. PasswordHash is the new password's hash, never the password.
type UserChange struct {
	Active       *bool
	Role         *jobmatch.Role
	Name, Phone  *string
	PasswordHash *string
	// Areas replace the consultant's areas (nil: unchanged; empty: none).
	Areas *[]string
}

// UpdateUser writes a change of the user u (as it is stored before the
// change) and keeps the consultants set in step with the role: a user who
// becomes a consultant joins it, one who stops being one leaves it, so
// the assignment rule never gives a company to an admin.
func (s *Store) UpdateUser(ctx context.Context, u *jobmatch.User, ch UserChange) error {
	set := Fields{}
	if ch.Active != nil {
		set["active"] = *ch.Active
	}
	if ch.Role != nil {
		set["role"] = *ch.Role
	}
	if ch.Name != nil {
		set["name"] = *ch.Name
	}
	if ch.Phone != nil {
		set["phone"] = *ch.Phone
	}
	if ch.PasswordHash != nil {
		set["password_hash"] = *ch.PasswordHash
	}
	if ch.Areas != nil {
		set["areas"] = *ch.Areas
	}
	if len(set) == 0 {
		return nil
	}
	if err := s.Apply(ctx, ColUsers, u.ID, Change{Set: set}); err != nil {
		return err
	}
	if ch.Role == nil || *ch.Role == u.Role {
		return nil
	}
	switch {
	case *ch.Role == jobmatch.RoleConsultant:
		return s.SetAdd(ctx, consultantsSet, u.ID)
	case u.Role == jobmatch.RoleConsultant:
		return s.SetRemove(ctx, consultantsSet, u.ID)
	}
	return nil
}

// ConsultantCVRs are the CVRs of the companies a consultant is the contact
// person of, newest first: the whole list, for a bulk reassignment.
func (s *Store) ConsultantCVRs(ctx context.Context, consultantID string) ([]string, error) {
	var cvrs []string
	cur := int64(0)
	for {
		p, err := s.ListPage(ctx, CompanyList("consultant:"+consultantID), cur, 500)
		if err != nil {
			return nil, err
		}
		cvrs = append(cvrs, p.Refs...)
		if p.Next == 0 {
			return cvrs, nil
		}
		cur = p.Next
	}
}

// OpenSession stores a new session.
func (s *Store) OpenSession(ctx context.Context, sess *jobmatch.Session) error {
	return s.Insert(ctx, ColSessions, sess)
}

// Session reads a session by id (the hash of its token).
func (s *Store) Session(ctx context.Context, id string) (*jobmatch.Session, error) {
	return getAs[jobmatch.Session](ctx, s, ColSessions, id)
}

// EndSessionsOf deletes every session of a user and returns how many there
// were: when an admin deactivates the user or gives them a new password.
// It finds them by user_id, a scan on the embedded backend: an admin's
// action, never a request path.
func (s *Store) EndSessionsOf(ctx context.Context, userID string) (int, error) {
	res, err := s.C(ColSessions).DeleteMany(ctx, bson.D{{Key: "user_id", Value: userID}})
	if err != nil {
		return 0, translate("delete "+ColSessions, err)
	}
	return int(res.DeletedCount), nil
}

// EndSession deletes a session; one that is gone already is no error.
func (s *Store) EndSession(ctx context.Context, id string) error {
	return s.Delete(ctx, ColSessions, id)
}
