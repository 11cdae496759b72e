package app

import (
	"context"
	"sync"
	"sync/atomic"

	"jobmatch"
	"jobmatch/companyindex"
)

// CompanySearch finds companies while the hotline types: CVR digits or part
// of the name, from an in-memory index of all companies (filled by one scan
// at start, kept up to date as companies are created or reassigned), so a
// lookup never filters the companies collection.
type CompanySearch struct {
	svc    *Service
	ix     *companyindex.Index
	ready  atomic.Bool
	mu     sync.Mutex
	people map[string]jobmatch.ContactPerson // consultant id → contact person
}

// NewCompanySearch returns an empty company search; call Load.
func NewCompanySearch(svc *Service) *CompanySearch {
	return &CompanySearch{svc: svc, ix: companyindex.New(), people: map[string]jobmatch.ContactPerson{}}
}

// Load fills the index from the store.
func (cs *CompanySearch) Load(ctx context.Context) error {
	var es []companyindex.Entry
	err := cs.svc.st.EachCompany(ctx, func(c *jobmatch.Company) error {
		es = append(es, entryOf(c))
		return nil
	})
	if err != nil {
		return err
	}
	cs.ix.PutAll(es)
	cs.ready.Store(true)
	return nil
}

// Put adds or updates companies (the service's OnCompanies hook).
func (cs *CompanySearch) Put(companies []*jobmatch.Company) {
	for _, c := range companies {
		cs.ix.Put(entryOf(c))
	}
}

// Len is the number of companies indexed.
func (cs *CompanySearch) Len() int { return cs.ix.Len() }

func entryOf(c *jobmatch.Company) companyindex.Entry {
	return companyindex.Entry{CVR: c.CVR, Name: c.Name, PostalCode: c.PostalCode, City: c.City, ContactID: c.ConsultantID}
}

// CompanyHit is one company found, with its contact person.
type CompanyHit struct {
	CVR           string                 `json:"cvr"`
	Name          string                 `json:"name"`
	PostalCode    string                 `json:"postal_code"`
	City          string                 `json:"city,omitempty"`
	ContactPerson jobmatch.ContactPerson `json:"contact_person"`
	Match         string                 `json:"match"` // cvr, name or fuzzy
}

// Search finds companies by CVR digits or name.
func (cs *CompanySearch) Search(ctx context.Context, q string, limit int) (Page[CompanyHit], error) {
	if len([]rune(q)) > 100 {
		return Page[CompanyHit]{}, jobmatch.Invalid("q", "max", "100")
	}
	if limit <= 0 || limit > 50 {
		limit = 10
	}
	hits := cs.ix.Search(q, limit)
	out := Page[CompanyHit]{Items: make([]CompanyHit, 0, len(hits)), Total: int64(len(hits))}
	for _, h := range hits {
		out.Items = append(out.Items, CompanyHit{CVR: h.CVR, Name: h.Name, PostalCode: h.PostalCode, City: h.City,
			ContactPerson: cs.person(ctx, h.ContactID), Match: h.Match})
	}
	return out, nil
}

// person returns a consultant's contact details, cached (users change rarely;
// the service's own user cache expires them).
func (cs *CompanySearch) person(ctx context.Context, id string) jobmatch.ContactPerson {
	cs.mu.Lock()
	p, ok := cs.people[id]
	cs.mu.Unlock()
	if ok {
		return p
	}
	u, err := cs.svc.User(ctx, id)
	if err != nil {
		return jobmatch.ContactPerson{}
	}
	p = u.ContactPerson()
	cs.mu.Lock()
	if len(cs.people) > 1000 {
		clear(cs.people)
	}
	cs.people[id] = p
	cs.mu.Unlock()
	return p
}

// Forget drops cached contact details (after a user changes).
func (cs *CompanySearch) Forget(id string) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	delete(cs.people, id)
}
