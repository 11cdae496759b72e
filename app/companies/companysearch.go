package companies

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/companyindex"
	"jobmatch/store"
)

// Search finds companies while the hotline types: CVR digits or part
// of the name, from an in-memory index of all companies (filled by one scan
// at start, kept up to date as companies are created or reassigned), so a
// lookup never filters the companies collection.
type Search struct {
	st     *store.Store
	staff  Staff
	ix     *companyindex.Index
	ready  atomic.Bool
	mu     sync.Mutex
	people map[string]contactPerson // consultant id → contact person
	// callers finds companies by their contact people's phone numbers
	// and e-mail addresses.
	callers *callers
}

// NewSearch returns an empty company search over st; call Load. staff
// names each company's contact person.
func NewSearch(st *store.Store, staff Staff) *Search {
	return &Search{st: st, staff: staff, ix: companyindex.New(), people: map[string]contactPerson{}, callers: newCallers()}
}

// Load fills the index from the store.
func (cs *Search) Load(ctx context.Context) error {
	var es []companyindex.Entry
	err := cs.st.EachCompany(ctx, func(c *jobmatch.Company) error {
		es = append(es, entryOf(c))
		cs.callers.put(c)
		return nil
	})
	if err != nil {
		return err
	}
	cs.ix.PutAll(es)
	cs.ready.Store(true)
	return nil
}

// Put adds or updates companies: the companies use case tells it of its
// own writes, the change log of every replica's (system/views.go).
func (cs *Search) Put(companies []*jobmatch.Company) {
	for _, c := range companies {
		cs.ix.Put(entryOf(c))
		cs.callers.put(c)
	}
}

// Len is the number of companies indexed.
func (cs *Search) Len() int { return cs.ix.Len() }

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
	// Match is cvr, name or fuzzy; phone, email or person when the query
	// is a phone number, an e-mail address or the name of the company's
	// own contact person (Caller), domain when it is the domain they write
	// from.
	Match  string           `json:"match"`
	Caller *jobmatch.Person `json:"caller,omitempty"`
	// Takes is who a request of the company goes to now when that is not
	// the contact person: the stand-in while the contact person has left
	// (ContactPerson.Left), or the stand-in's deputy. The hotline tells
	// the caller at once (it learnt only after saving, from "sendt til").
	Takes *jobmatch.ContactPerson `json:"takes,omitempty"`
}

// Search finds companies by CVR digits or name, or by the phone number,
// e-mail address (or its domain) or name of one of their own contact
// people, as the hotline has them of a caller: a CVR typed whole
// first, then the callers' companies, then the rest.
func (cs *Search) Search(ctx context.Context, q string, limit int) (app.Page[CompanyHit], error) {
	if len([]rune(q)) > 100 {
		return app.Page[CompanyHit]{}, jobmatch.Invalid("q", "max", "100")
	}
	if limit <= 0 || limit > 50 {
		limit = 10
	}
	q = CallerQuery(q)
	hits := cs.ix.Search(q, limit)
	out := app.Page[CompanyHit]{Items: make([]CompanyHit, 0, len(hits))}
	seen := map[string]bool{}
	add := func(h companyindex.Entry, match string, caller *jobmatch.Person) {
		if seen[h.CVR] || len(out.Items) == limit {
			return
		}
		seen[h.CVR] = true
		p := cs.person(ctx, h.ContactID)
		hit := CompanyHit{CVR: h.CVR, Name: h.Name, PostalCode: h.PostalCode, City: h.City,
			ContactPerson: p.ContactPerson, Match: match, Caller: caller}
		if !p.handles {
			if c, err := cs.st.Company(ctx, h.CVR); err == nil {
				hit.Takes = cs.Takes(ctx, c)
			}
		}
		out.Items = append(out.Items, hit)
	}
	whole := jobmatch.NormalizeCVR(q)
	for _, h := range hits {
		if h.Match == companyindex.MatchCVR && h.CVR == whole {
			add(h.Entry, h.Match, nil)
		}
	}
	refs, how := cs.callers.find(q)
	if w := strings.Fields(q); len(refs) == 0 && how == "person" && len(w) >= 2 {
		// The surname first, as lists and signatures have it ("Petersen
		// Jens"): the name as the contact has it.
		refs, how = cs.callers.find(strings.Join(append(w[1:], w[0]), " "))
	}
	for _, r := range refs {
		if e, ok := cs.ix.Get(r.cvr); ok {
			var caller *jobmatch.Person
			if how != "domain" {
				p := r.person
				caller = &p
			}
			add(e, how, caller)
		}
	}
	for _, h := range hits {
		add(h.Entry, h.Match, nil)
	}
	out.Total = int64(len(out.Items))
	return out, nil
}

// Takes returns who a request of c goes to now when that is not its
// contact person, as intake routes it (intake's routeOwner): while the
// contact person has left (deactivated, or no longer a consultant) the
// stand-in the assignment rule picks by area, or the stand-in's deputy
// while they are away; nil while the contact person takes them (the
// deputy of one who is away is ContactPerson.Deputy).
func (cs *Search) Takes(ctx context.Context, c *jobmatch.Company) *jobmatch.ContactPerson {
	if u, err := cs.staff.User(ctx, c.ConsultantID); err != nil || handles(u) {
		return nil
	}
	u, err := standIn(ctx, cs.staff, c)
	if err != nil {
		return nil
	}
	if u.Away && u.DeputyID != "" {
		if d, err := cs.staff.User(ctx, u.DeputyID); err == nil && handles(d) {
			u = d
		}
	}
	p := u.ContactPerson()
	return &p
}

// handles reports whether u takes requests: an active consultant (as
// intake routes them).
func handles(u *jobmatch.User) bool {
	return u.Active && u.Role == jobmatch.RoleConsultant
}

// contactPerson is a consultant as a hit names them, and whether they take
// their companies' requests themselves.
type contactPerson struct {
	jobmatch.ContactPerson
	handles bool
}

// CallerQuery is what the hotline typed or pasted as the search reads it:
// a mail's header line without its label ("Fra: Line Larsen <line@firma.dk>",
// "From:", "Til:", "Sendt af:", as Outlook copies it), and a phone number's
// international prefix 00 as + ("0049 171 1234567" is "+49 171 1234567").
func CallerQuery(q string) string {
	q = strings.TrimSpace(q)
	if m := headerLabel.FindString(q); m != "" && len(m) < len(q) {
		q = strings.TrimSpace(q[len(m):])
	}
	if len(q) > 2 && strings.HasPrefix(q, "00") && q[2] >= '1' && q[2] <= '9' {
		q = "+" + q[2:]
	}
	return q
}

// headerLabel is the label of a mail's header line, Danish or English.
var headerLabel = regexp.MustCompile(`(?i)^(fra|from|til|to|cc|sendt af|afsender|sender|reply-to|svar til)\s*:\s*`)

// person returns a consultant's contact details, cached (users change
// rarely; Forget drops one when the change log says the user changed).
func (cs *Search) person(ctx context.Context, id string) contactPerson {
	cs.mu.Lock()
	p, ok := cs.people[id]
	cs.mu.Unlock()
	if ok {
		return p
	}
	u, err := cs.staff.User(ctx, id)
	if err != nil {
		return contactPerson{handles: true}
	}
	p = contactPerson{u.ContactPerson(), handles(u)}
	// Left as the company's page says it (ContactPersonOf).
	p.Left = !u.Active
	if u.Away && u.DeputyID != "" {
		// Who answers meanwhile: the hotline says so to the caller.
		if d, err := cs.staff.User(ctx, u.DeputyID); err == nil {
			dp := d.ContactPerson()
			p.Deputy = &dp
		}
	}
	cs.mu.Lock()
	if len(cs.people) > 1000 {
		clear(cs.people)
	}
	cs.people[id] = p
	cs.mu.Unlock()
	return p
}

// Forget drops cached contact details after a user changes: all of them,
// as the user may be another's deputy (users change seldom).
func (cs *Search) Forget(string) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	clear(cs.people)
}
