package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
)

// Companies are stored by CVR and listed twice, newest first: in the list
// of every company ("companies") and in their contact consultant's
// (CompanyList("consultant:<id>")), whose position the company keeps
// (ListPos["consultant"]) so a reassignment can take it off that list.

// CreateCompany inserts a company whose consultant is assigned and lists it
// (ErrConflict: a company with that CVR exists; nothing is listed then).
func (s *Store) CreateCompany(ctx context.Context, c *jobmatch.Company) error {
	if err := s.Insert(ctx, ColCompanies, c); err != nil {
		return err
	}
	pos, err := s.ListAppend(ctx, CompanyList("consultant:"+c.ConsultantID), c.CVR)
	if err != nil {
		return err
	}
	if _, err := s.ListAppend(ctx, CompanyList(""), c.CVR); err != nil {
		return err
	}
	c.ListPos = map[string]int64{"consultant": pos}
	return s.Apply(ctx, ColCompanies, c.CVR, Change{Set: Fields{"list_pos.consultant": pos}})
}

// CreateCompanies inserts new companies, their consultants assigned, with
// their places in the lists reserved first so each carries its own; it
// returns how many of them someone else inserted first (those keep theirs).
func (s *Store) CreateCompanies(ctx context.Context, cs []*jobmatch.Company) (taken int, err error) {
	byConsultant := map[string][]*jobmatch.Company{}
	for _, c := range cs {
		byConsultant[c.ConsultantID] = append(byConsultant[c.ConsultantID], c)
	}
	for uid, group := range byConsultant {
		refs := make([]string, len(group))
		for i, c := range group {
			refs[i] = c.CVR
		}
		pos, err := s.ListAppendPositions(ctx, CompanyList("consultant:"+uid), refs)
		if err != nil {
			return 0, err
		}
		for i, c := range group {
			c.ListPos = map[string]int64{"consultant": pos[i]}
		}
	}
	docs := make([]any, len(cs))
	refs := make([]string, len(cs))
	for i, c := range cs {
		docs[i], refs[i] = c, c.CVR
	}
	if taken, err = s.InsertNew(ctx, ColCompanies, docs); err != nil {
		return 0, fmt.Errorf("store: create companies: %w", err)
	}
	_, err = s.ListAppendMany(ctx, CompanyList(""), refs)
	return taken, err
}

// AddCompanyContact adds a contact person to a company.
func (s *Store) AddCompanyContact(ctx context.Context, cvr string, p jobmatch.Person) error {
	return s.Apply(ctx, ColCompanies, cvr, Change{Push: Fields{"contacts": p}})
}

// AddCompanyContactIf adds p to the company's contacts when add, asked
// with the contacts as stored, says so, in one writer's turn: two senders
// at once were both added (the same person twice, the cap of contacts
// passed) when each decided on a copy read before the other's write. It
// reports whether p was added.
func (s *Store) AddCompanyContactIf(ctx context.Context, cvr string, p jobmatch.Person, add func([]jobmatch.Person) bool) (bool, error) {
	done, err := s.docTurn(ctx, ColCompanies, cvr)
	if err != nil {
		return false, err
	}
	defer done()
	c, err := s.Company(ctx, cvr)
	if err != nil {
		return false, err
	}
	if !add(c.Contacts) {
		return false, nil
	}
	u := Change{Push: Fields{"contacts": p}}.update()
	if _, err := s.C(ColCompanies).UpdateOne(ctx, bson.D{{Key: "_id", Value: cvr}}, u); err != nil {
		return false, translate("update "+ColCompanies, err)
	}
	return true, nil
}

// CompanyUpdate is what an import knows of a company already stored: its
// name and postal code, and what else the row had ("" and 0: keep).
type CompanyUpdate struct {
	Name, PostalCode, Address, Industry, PNumber string
	Employees                                    int
}

// UpdateCompany writes an import's facts about a stored company.
func (s *Store) UpdateCompany(ctx context.Context, cvr string, u CompanyUpdate, at time.Time) error {
	set := Fields{"name": u.Name, "postal_code": u.PostalCode, "updated_at": at}
	for _, kv := range []struct{ k, v string }{{"address", u.Address}, {"industry_code", u.Industry}, {"p_number", u.PNumber}} {
		if kv.v != "" {
			set[kv.k] = kv.v
		}
	}
	if u.Employees > 0 {
		set["employees"] = u.Employees
	}
	return s.Apply(ctx, ColCompanies, cvr, Change{Set: set})
}

// AssignCompany gives a company a new contact consultant (a.ConsultantID),
// recording the assignment in its history and moving it from the old
// consultant's list to the new one's; c is updated to match.
func (s *Store) AssignCompany(ctx context.Context, c *jobmatch.Company, a jobmatch.Assignment) error {
	old := c.ConsultantID
	if err := s.Apply(ctx, ColCompanies, c.CVR, Change{
		Set:  Fields{"consultant_id": a.ConsultantID, "updated_at": a.At},
		Push: Fields{"history": a},
	}); err != nil {
		return err
	}
	if pos := c.ListPos["consultant"]; pos > 0 {
		if err := s.ListRemove(ctx, CompanyList("consultant:"+old), pos); err != nil {
			return err
		}
	}
	pos, err := s.ListAppend(ctx, CompanyList("consultant:"+a.ConsultantID), c.CVR)
	if err != nil {
		return err
	}
	if err := s.Apply(ctx, ColCompanies, c.CVR, Change{Set: Fields{"list_pos.consultant": pos}}); err != nil {
		return err
	}
	c.ConsultantID = a.ConsultantID
	c.History = append(c.History, a)
	c.ListPos = map[string]int64{"consultant": pos}
	return nil
}
