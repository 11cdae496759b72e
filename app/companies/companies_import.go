package companies

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"jobmatch"
	"jobmatch/store"
)

// CompanyRow is one company of a bulk import.
type CompanyRow struct {
	CVR        string `json:"cvr" validate:"required,cvr"`
	PNumber    string `json:"p_number,omitempty" validate:"omitempty,numeric,len=10" cpr:"-"`
	Name       string `json:"name" validate:"required,min=2,max=200,runes,line"`
	Address    string `json:"address,omitempty" validate:"max=200,runes"`
	PostalCode string `json:"postal_code" validate:"required,postal"`
	Industry   string `json:"industry_code,omitempty" validate:"omitempty,max=10,numeric"`
	Employees  int    `json:"employees,omitempty" validate:"min=0,max=1000000"`
}

// ImportCompanies upserts a batch of valid companies by CVR: new ones get a
// contact consultant by the assignment rule; known ones keep theirs and get
// the new name, address and figures. It returns how many were created and
// updated. Rows must be validated by the caller.
func (s *Service) ImportCompanies(ctx context.Context, rows []CompanyRow) (created, updated int, err error) {
	now := s.now().UTC()
	var fresh []*jobmatch.Company
	for _, r := range rows {
		cvr := jobmatch.NormalizeCVR(r.CVR)
		_, err := s.st.Company(ctx, cvr)
		switch {
		case err == nil:
			u := store.CompanyUpdate{Name: strings.TrimSpace(r.Name), PostalCode: r.PostalCode, Address: r.Address,
				Industry: r.Industry, PNumber: r.PNumber, Employees: r.Employees}
			if err := s.st.UpdateCompany(ctx, cvr, u, now); err != nil {
				return created, updated, err
			}
			updated++
		case errors.Is(err, jobmatch.ErrNotFound):
			fresh = append(fresh, &jobmatch.Company{CVR: cvr, PNumber: r.PNumber, Name: strings.TrimSpace(r.Name), Address: r.Address,
				PostalCode: r.PostalCode, IndustryCode: r.Industry, Employees: r.Employees, CreatedAt: now, UpdatedAt: now})
		default:
			return created, updated, err
		}
	}
	if len(fresh) == 0 {
		return created, updated, nil
	}
	consultants, err := s.staff.Consultants(ctx)
	if err != nil {
		return created, updated, err
	}
	for _, c := range fresh {
		u, err := assignmentRule{}.pickFrom(ctx, s, consultants, c)
		if err != nil {
			return created, updated, err
		}
		c.ConsultantID = u.ID
		c.History = []jobmatch.Assignment{{ConsultantID: u.ID, By: "import", Reason: "import", At: now}}
	}
	taken, err := s.st.CreateCompanies(ctx, fresh)
	if err != nil {
		return created, updated, fmt.Errorf("companies: import companies: %w", err)
	}
	created -= taken // created concurrently by someone else
	created += len(fresh)
	s.companiesAdded(ctx, fresh)
	return created, updated, nil
}
