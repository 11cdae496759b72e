package companies

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"

	"jobmatch"
	"jobmatch/store"
)

// assignmentRule picks a new company's one contact consultant. A consultant
// covers areas: postal-code prefixes ("64", "6400") and industry-code
// prefixes ("i:47"). The consultants whose longest matching prefix is the
// longest of all are candidates; among them the next in a round-robin
// (a counter per area) gets the company. With no match, the round-robin runs
// over every active consultant. The rule is data (each user's Areas), so an
// admin changes it without a release.
type assignmentRule struct{}

func (r assignmentRule) pick(ctx context.Context, s *Service, c *jobmatch.Company) (*jobmatch.User, error) {
	all, err := s.staff.Consultants(ctx)
	if err != nil {
		return nil, err
	}
	return r.pickFrom(ctx, s, all, c)
}

func (r assignmentRule) pickFrom(ctx context.Context, s *Service, all []*jobmatch.User, c *jobmatch.Company) (*jobmatch.User, error) {
	if len(all) == 0 {
		return nil, fmt.Errorf("companies: assign consultant: %w", ErrNoConsultants)
	}
	best, group := r.candidates(all, c)
	n, err := s.st.NextTurn(ctx, group)
	if err != nil {
		return nil, err
	}
	return best[(n-1)%int64(len(best))], nil
}

// candidates are the consultants of all the rule chooses among for c,
// sorted by id, and the name of their round-robin counter.
func (assignmentRule) candidates(all []*jobmatch.User, c *jobmatch.Company) ([]*jobmatch.User, string) {
	best, bestLen := []*jobmatch.User(nil), 0
	for _, u := range all {
		l := matchLen(u.Areas, c.PostalCode, c.IndustryCode)
		switch {
		case l > bestLen:
			best, bestLen = []*jobmatch.User{u}, l
		case l == bestLen && l > 0:
			best = append(best, u)
		}
	}
	group := "all"
	if len(best) == 0 {
		best = all
	} else {
		group = fmt.Sprintf("area:%d:%s", bestLen, areaKey(best))
	}
	best = append([]*jobmatch.User(nil), best...)
	sort.Slice(best, func(i, j int) bool { return best[i].ID < best[j].ID })
	return best, group
}

// StandIn is the active consultant who takes a company's new requests
// while its contact person has left (deactivated, or no longer a
// consultant) and no admin has moved it yet: the one the assignment rule
// would choose among for a company without a contact, by area. The company
// keeps its stored contact: the admin was told how many companies are
// still to move and moves them as one (POST /api/v1/companies/reassign);
// reassigning at the first request would scatter them by chance. So the
// rule's round-robin turn is not taken either: the company's CVR number
// chooses among the candidates, and all its requests go to the same one.
func (s *Service) StandIn(ctx context.Context, c *jobmatch.Company) (*jobmatch.User, error) {
	return standIn(ctx, s.staff, c)
}

// standIn is Service.StandIn over staff: the hotline's search names the
// stand-in too.
func standIn(ctx context.Context, staff Staff, c *jobmatch.Company) (*jobmatch.User, error) {
	all, err := staff.Consultants(ctx)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("companies: stand-in: %w", ErrNoConsultants)
	}
	best, _ := assignmentRule{}.candidates(all, c)
	h := fnv.New32a()
	h.Write([]byte(c.CVR))
	return best[h.Sum32()%uint32(len(best))], nil
}

// ErrNoConsultants: a company cannot be assigned while there is no active
// consultant. The edge answers it as 503 with what to do, not as a 500.
var ErrNoConsultants = jobmatch.ErrNoConsultant

func matchLen(areas []string, postal, industry string) int {
	best := 0
	for _, a := range areas {
		var target string
		p := a
		if strings.HasPrefix(a, "i:") {
			p, target = a[2:], industry
		} else {
			target = postal
		}
		if p != "" && strings.HasPrefix(target, p) && len(p) > best {
			best = len(p)
		}
	}
	return best
}

func areaKey(us []*jobmatch.User) string {
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// Company reads a company by CVR.
func (s *Service) Company(ctx context.Context, cvr string) (*jobmatch.Company, error) {
	return s.st.Company(ctx, jobmatch.NormalizeCVR(cvr))
}

// EnsureCompany returns the company with in's CVR, creating it and assigning
// its contact consultant on first contact. A known company keeps its
// consultant; new contact people are added to it.
func (s *Service) EnsureCompany(ctx context.Context, in CompanyInput) (*jobmatch.Company, bool, error) {
	cvr := jobmatch.NormalizeCVR(in.CVR)
	c, err := s.Company(ctx, cvr)
	if err == nil {
		return s.withContact(ctx, c, in)
	}
	if !errors.Is(err, jobmatch.ErrNotFound) {
		return nil, false, err
	}
	now := s.now().UTC()
	c = &jobmatch.Company{
		CVR: cvr, Name: strings.TrimSpace(in.Name), Address: in.Address, PostalCode: in.PostalCode,
		IndustryCode: in.Industry, CreatedAt: now, UpdatedAt: now,
	}
	if in.Contact.Email != "" || in.Contact.Name != "" {
		c.Contacts = []jobmatch.Person{{Name: in.Contact.Name, Email: jobmatch.NormalizeEmail(in.Contact.Email), Phone: in.Contact.Phone, Unverified: in.Contact.Unverified}}
	}
	if err := s.createCompany(ctx, c, "system", "first contact"); err != nil {
		if errors.Is(err, jobmatch.ErrConflict) {
			// Another request created it first: use theirs, with this
			// request's contact person added (it was dropped: of 30 first
			// requests at once, each with its own contact, 2 were kept).
			c, err := s.Company(ctx, cvr)
			if err != nil {
				return nil, false, err
			}
			return s.withContact(ctx, c, in)
		}
		return nil, false, err
	}
	return c, true, nil
}

// withContact adds the sender of a request to a known company's contacts.
// Anyone may post under a CVR from the public form: its sender joins the
// company's contacts (the request keeps them anyway), up to MaxContacts,
// so posts cannot grow the company without end. A caller the hotline has
// only a phone number of joins too, so their next call finds the company
// by the number.
func (s *Service) withContact(ctx context.Context, c *jobmatch.Company, in CompanyInput) (*jobmatch.Company, bool, error) {
	if !jobmatch.SameCompanyName(in.Name, c.Name) {
		// Another company's name with this CVR (a CVR mistyped): its
		// sender is no contact of this company, or the hotline would
		// find it by their number.
		return c, false, nil
	}
	p := jobmatch.Person{Name: in.Contact.Name, Email: jobmatch.NormalizeEmail(in.Contact.Email), Phone: in.Contact.Phone, Unverified: in.Contact.Unverified}
	if isNewContact(c.Contacts, p) && len(c.Contacts) < MaxContacts {
		// Decided again on the contacts as stored, in the company's turn:
		// others may be adding theirs at this moment.
		added, err := s.st.AddCompanyContactIf(ctx, c.CVR, p, func(stored []jobmatch.Person) bool {
			return isNewContact(stored, p) && len(stored) < MaxContacts
		})
		if err != nil {
			return nil, false, err
		}
		if !added {
			return c, false, nil
		}
		c.Contacts = append(c.Contacts, p)
		if s.search != nil {
			// This process's hotline finds the new contact at once;
			// the change log tells the other replicas'.
			s.search.Put([]*jobmatch.Company{c})
		}
	}
	return c, false, nil
}

// MaxContacts bounds the contact persons a company's requests add.
const MaxContacts = 20

// createCompany assigns the consultant, inserts the company and lists it.
func (s *Service) createCompany(ctx context.Context, c *jobmatch.Company, by, reason string) error {
	u, err := assignmentRule{}.pick(ctx, s, c)
	if err != nil {
		return err
	}
	c.ConsultantID = u.ID
	c.History = []jobmatch.Assignment{{ConsultantID: u.ID, By: by, Reason: reason, At: c.CreatedAt}}
	if err := s.st.CreateCompany(ctx, c); err != nil {
		return err
	}
	s.companiesAdded(ctx, []*jobmatch.Company{c})
	return nil
}

// isNewContact reports whether p is a contact person the company does not
// have: by e-mail address, or by phone number when p has no address.
func isNewContact(ps []jobmatch.Person, p jobmatch.Person) bool {
	switch {
	case p.Email != "":
		return !hasContact(ps, p.Email)
	case phoneKey(p.Phone) != "":
		return !slices.ContainsFunc(ps, func(q jobmatch.Person) bool { return phoneKey(q.Phone) == phoneKey(p.Phone) })
	}
	return false
}

func hasContact(ps []jobmatch.Person, email string) bool {
	email = jobmatch.NormalizeEmail(email)
	for _, p := range ps {
		if p.Email == email {
			return true
		}
	}
	return false
}

// Reassign gives a company a new contact consultant, keeping the history;
// its open requests and vacancies go with it (MoveOpenWork), and Moved
// says how many. Audited as companies.reassign.
func (s *Service) Reassign(ctx context.Context, cvr, consultantID, by, reason string) (*jobmatch.Company, Moved, error) {
	c, err := s.Company(ctx, cvr)
	if err != nil {
		return nil, Moved{}, err
	}
	u, err := s.consultant(ctx, consultantID, "consultant_id")
	if err != nil {
		return nil, Moved{}, err
	}
	from := c.ConsultantID
	moved, err := s.reassign(ctx, c, u, by, reason)
	if moved.Companies > 0 {
		err = errors.Join(err, s.audited(ctx, by, []string{c.CVR}, from, u.ID, reason, moved))
	}
	if err != nil {
		return nil, Moved{}, err
	}
	return c, moved, nil
}

// consultant reads the active consultant id, or says that field is not one.
func (s *Service) consultant(ctx context.Context, id, field string) (*jobmatch.User, error) {
	u, err := s.staff.User(ctx, jobmatch.NormalizeEmail(id))
	if errors.Is(err, jobmatch.ErrNotFound) || (err == nil && (u.Role != jobmatch.RoleConsultant || !u.Active)) {
		return nil, jobmatch.Invalid(field, "consultant", "")
	}
	return u, err
}

// Moved is what a reassignment moved: the companies, and the open
// requests and vacancies that went with them.
type Moved struct {
	Companies int `json:"moved"`
	Requests  int `json:"requests_moved"`
	Vacancies int `json:"vacancies_moved"`
}

// reassign moves c to u with its open work.
func (s *Service) reassign(ctx context.Context, c *jobmatch.Company, u *jobmatch.User, by, reason string) (Moved, error) {
	if c.ConsultantID == u.ID {
		return Moved{}, nil
	}
	from := c.ConsultantID
	a := jobmatch.Assignment{ConsultantID: u.ID, By: by, Reason: reason, At: s.now().UTC()}
	if err := s.st.AssignCompany(ctx, c, a); err != nil {
		return Moved{}, err
	}
	s.companiesAdded(ctx, []*jobmatch.Company{c}) // the company search shows the new contact person
	// The open requests and vacancies go with the company: the employer's
	// status page and the hotline name the new contact person, so the
	// work is on the new one's worklist.
	rs, vs, err := s.st.MoveOpenWork(ctx, []string{c.CVR}, from, u.ID)
	if len(vs) > 0 {
		// Every replica's open-vacancy map reads the vacancies again.
		if lerr := s.st.LogChanges(ctx, store.KindVacancy, vs...); lerr != nil {
			s.log.Error("log vacancy change", "err", lerr)
		}
	}
	return Moved{Companies: 1, Requests: len(rs), Vacancies: len(vs)}, err
}

// audited records a move of companies from one consultant to another.
func (s *Service) audited(ctx context.Context, by string, cvrs []string, from, to, reason string, m Moved) error {
	return s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by, Action: "companies.reassign", Subjects: cvrs, Count: m.Companies,
		Reason: fmt.Sprintf("%s → %s (%d requests, %d vacancies): %s", from, to, m.Requests, m.Vacancies, reason)})
}

// ContactPersonOf returns the company's contact consultant as employers see them.
func (s *Service) ContactPersonOf(ctx context.Context, c *jobmatch.Company) (jobmatch.ContactPerson, error) {
	u, err := s.staff.User(ctx, c.ConsultantID)
	if err != nil {
		return jobmatch.ContactPerson{}, err
	}
	cp := u.ContactPerson()
	cp.Left = !u.Active
	if u.Away && u.DeputyID != "" {
		if d, err := s.staff.User(ctx, u.DeputyID); err == nil {
			dp := d.ContactPerson()
			cp.Deputy = &dp
		}
	}
	return cp, nil
}

// BulkReassignInput moves companies from one consultant to another.
type BulkReassignInput struct {
	From   string   `json:"from" validate:"required,email"`
	To     string   `json:"to" validate:"required,email"`
	CVRs   []string `json:"cvrs,omitempty" validate:"max=5000,dive,cvr"` // empty: all of From's companies
	Reason string   `json:"reason" validate:"required,min=3,max=500,runes"`
}

// BulkReassign moves companies (all of a consultant's, or the ones listed)
// to another consultant, each with its history entry and its open requests
// and vacancies. Audited once, as companies.reassign naming the companies.
func (s *Service) BulkReassign(ctx context.Context, by *jobmatch.User, in BulkReassignInput) (Moved, error) {
	var m Moved
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return m, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return m, err
	}
	to, err := s.consultant(ctx, in.To, "to")
	if err != nil {
		return m, err
	}
	from := jobmatch.NormalizeEmail(in.From)
	cvrs := in.CVRs
	if len(cvrs) == 0 {
		if cvrs, err = s.st.ConsultantCVRs(ctx, from); err != nil {
			return m, err
		}
	}
	var done []string
	for _, cvr := range cvrs {
		c, err := s.Company(ctx, cvr)
		if err != nil {
			err = errors.Join(err, s.auditedBulk(ctx, by, done, from, to.ID, in.Reason, m))
			return m, err
		}
		if c.ConsultantID != from {
			continue
		}
		one, err := s.reassign(ctx, c, to, by.ID, in.Reason)
		m.Companies, m.Requests, m.Vacancies = m.Companies+one.Companies, m.Requests+one.Requests, m.Vacancies+one.Vacancies
		if one.Companies > 0 {
			done = append(done, c.CVR)
		}
		if err != nil {
			return m, errors.Join(err, s.auditedBulk(ctx, by, done, from, to.ID, in.Reason, m))
		}
	}
	return m, s.auditedBulk(ctx, by, done, from, to.ID, in.Reason, m)
}

// auditedBulk records what a bulk move moved, also when it stopped
// half-way; nothing moved is nothing to record.
func (s *Service) auditedBulk(ctx context.Context, by *jobmatch.User, cvrs []string, from, to, reason string, m Moved) error {
	if len(cvrs) == 0 {
		return nil
	}
	return s.audited(ctx, by.ID, cvrs, from, to, reason, m)
}
