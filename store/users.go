package store

import (
	"context"

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

// EndSession deletes a session; one that is gone already is no error.
func (s *Store) EndSession(ctx context.Context, id string) error {
	return s.Delete(ctx, ColSessions, id)
}
