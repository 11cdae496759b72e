package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// ContactKinds are the company contacts a consultant logs; each counts once
// toward the year's target.
var ContactKinds = []string{"visit", "phone", "meeting", "network_event", "digital_meeting"}

// ContactInput is a company contact as a consultant records it.
type ContactInput struct {
	CVR      string `json:"cvr" validate:"required,cvr"`
	Kind     string `json:"kind" validate:"required,oneof=visit phone meeting network_event digital_meeting"`
	Date     string `json:"date" validate:"required,datetime=2006-01-02"`
	Note     string `json:"note,omitempty" validate:"max=4000,runes"`
	FollowUp string `json:"follow_up,omitempty" validate:"omitempty,datetime=2006-01-02"`
}

// Contact is a logged company contact (a domain type; the store files it,
// store/contacts.go).
type Contact = jobmatch.Contact

// LogContact records a contact: the document, its place on the company's
// timeline and the consultant's list, and the period counters (year, half,
// month; in total and per consultant) that the target figures read.
func (s *Service) LogContact(ctx context.Context, by *jobmatch.User, in ContactInput) (*Contact, error) {
	if by == nil || (by.Role != jobmatch.RoleConsultant && by.Role != jobmatch.RoleAdmin) {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	d, _ := jobmatch.ParseDate(in.Date)
	today := s.now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	if in.Date > today {
		return nil, jobmatch.Invalid("date", "not_future", "")
	}
	c, err := s.Company(ctx, in.CVR)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return nil, jobmatch.Invalid("cvr", "unknown_company", "")
	}
	if err != nil {
		return nil, err
	}
	at := ContactTime(d)
	ct := &Contact{ID: jobmatch.NewID(), CVR: c.CVR, CompanyName: c.Name, Kind: in.Kind, Date: d, Note: strings.TrimSpace(in.Note),
		ConsultantID: by.ID, LoggedAt: s.now().UTC(), Period: jobmatch.PeriodsOf(at)}
	if in.FollowUp != "" {
		f, _ := jobmatch.ParseDate(in.FollowUp)
		ct.FollowUp = &f
	}
	if err := s.st.ContactLogged(ctx, ct, at, ContactCounters(ct)); err != nil {
		return nil, err
	}
	if ct.Kind == "visit" && len(c.Contacts) > 0 {
		s.afterEvent(ctx, SurveyTrigger{Kind: "visit", CVR: c.CVR, Company: c.Name, Ref: ct.ID, To: c.Contacts[0].Email})
	}
	return ct, nil
}

// TimelineItem is one event in a company's history.
type TimelineItem struct {
	Kind    string    `json:"kind"` // request, vacancy, contact
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Title   string    `json:"title"`
	Status  string    `json:"status,omitempty"`
	Channel string    `json:"channel,omitempty"`
	By      string    `json:"by,omitempty"`
	Text    string    `json:"text,omitempty"`
}

// Timeline lists a company's requests, vacancies and contacts, newest first
// (one list of pointers per company, each read by _id).
func (s *Service) Timeline(ctx context.Context, cvr string, q ListQuery) (Page[TimelineItem], error) {
	cvr = jobmatch.NormalizeCVR(cvr)
	if _, err := s.Company(ctx, cvr); err != nil {
		return Page[TimelineItem]{}, err
	}
	return listPage(ctx, s, store.TimelineList(cvr), q, func(ctx context.Context, ref string) (TimelineItem, error) {
		kind, id := store.TimelineEntry(ref)
		switch kind {
		case "request":
			r, err := s.Request(ctx, id)
			if err != nil {
				return TimelineItem{}, err
			}
			it := TimelineItem{Kind: "request", ID: r.ID, At: r.ReceivedAt, Title: string(r.Topic), Status: string(r.Status), Channel: string(r.Channel), By: r.ConsultantID, Text: r.Text}
			if r.VacancyID != "" {
				if v, err := s.Vacancy(ctx, r.VacancyID); err == nil {
					it.Kind, it.ID, it.Title, it.Status = "vacancy", v.ID, v.Title, string(v.Status)
				}
			}
			return it, nil
		case "contact":
			c, err := s.st.Contact(ctx, id)
			if err != nil {
				return TimelineItem{}, err
			}
			return TimelineItem{Kind: "contact", ID: c.ID, At: c.Date.Time, Title: c.Kind, By: c.ConsultantID, Text: c.Note}, nil
		}
		return TimelineItem{}, fmt.Errorf("app: timeline entry %q: %w", ref, jobmatch.ErrNotFound)
	})
}

// DefaultContactTargets are the municipality's yearly targets for company
// contacts (2,000 → 2,300 → 2,500); later years keep the last one until an
// admin sets another.
var DefaultContactTargets = map[int]int64{2020: 2000, 2021: 2300, 2022: 2500}

// ContactTarget returns the contact target of a year.
func (s *Service) ContactTarget(ctx context.Context, year int) int64 {
	t, err := s.Targets(ctx, year)
	if err != nil {
		return defaultContactTarget(year)
	}
	return t.Contacts
}

func defaultContactTarget(year int) int64 {
	if v, ok := DefaultContactTargets[year]; ok {
		return v
	}
	if year > 2022 {
		return DefaultContactTargets[2022]
	}
	return DefaultContactTargets[2020]
}

// Worklist is a consultant's day: open requests (overdue and oldest first),
// companies, vacancies in screening, contacts this year against their share
// of the target.
type Worklist struct {
	OpenRequests []*jobmatch.Request     `json:"open_requests"`
	Overdue      int                     `json:"overdue"`
	Companies    Page[*jobmatch.Company] `json:"companies"`
	Vacancies    []*jobmatch.Vacancy     `json:"vacancies"`
	Contacts     WorklistContacts        `json:"contacts"`
	// EmployerAnswers are employers' answers about presented candidates.
	EmployerAnswers []WorklistAnswer `json:"employer_answers"`
	// OverdueConsents are consent links past their deadline unanswered.
	OverdueConsents []OverdueConsent `json:"overdue_consents"`
	// Interviews are the consultant's coming interviews.
	Interviews []*InterviewInvite `json:"interviews"`
}

// WorklistContacts is the consultant's contact count against their share.
type WorklistContacts struct {
	Year        string `json:"year"`
	Count       int64  `json:"count"`
	Target      int64  `json:"target"`       // the municipality's
	TargetShare int64  `json:"target_share"` // divided evenly among the consultants
}

// Worklist builds the signed-in consultant's worklist.
func (s *Service) Worklist(ctx context.Context, u *jobmatch.User) (*Worklist, error) {
	if u == nil {
		return nil, jobmatch.ErrForbidden
	}
	open, err := s.OpenRequests(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	w := &Worklist{OpenRequests: open, Vacancies: []*jobmatch.Vacancy{}}
	for _, r := range open {
		if r.DueAt != nil && r.DueAt.Before(now) {
			w.Overdue++
		}
	}
	sort.SliceStable(w.OpenRequests, func(i, j int) bool {
		a, b := w.OpenRequests[i], w.OpenRequests[j]
		ao, bo := a.DueAt != nil && a.DueAt.Before(now), b.DueAt != nil && b.DueAt.Before(now)
		if ao != bo {
			return ao
		}
		return a.ReceivedAt.Before(b.ReceivedAt)
	})
	if w.Companies, err = s.Companies(ctx, ListQuery{Scope: "consultant:" + u.ID, Limit: 50}); err != nil {
		return nil, err
	}
	vs, err := s.Vacancies(ctx, ListQuery{Scope: "consultant:" + u.ID, Limit: 100})
	if err != nil {
		return nil, err
	}
	for _, v := range vs.Items {
		if !v.Status.Ended() {
			w.Vacancies = append(w.Vacancies, v)
		}
	}
	year := now.In(jobmatch.Copenhagen).Year()
	counts, err := s.st.CountsOfYear(ctx, year)
	if err != nil {
		return nil, err
	}
	w.Contacts = WorklistContacts{Year: strconv.Itoa(year), Count: counts.Period("")["contacts_consultant_"+CounterKey(u.ID)], Target: s.ContactTarget(ctx, year)}
	if cs, err := s.Consultants(ctx); err == nil && len(cs) > 0 {
		w.Contacts.TargetShare = (w.Contacts.Target + int64(len(cs)) - 1) / int64(len(cs))
	}
	// Employers' answers about presented candidates, newest first.
	w.EmployerAnswers = []WorklistAnswer{}
	if answered, err := s.st.AnsweredEntryIDs(ctx, u.ID, 20); err == nil {
		seen := map[string]bool{}
		for _, id := range answered {
			if seen[id] {
				continue
			}
			e, err := s.st.ShortlistEntry(ctx, id)
			if err != nil || len(e.Answers) == 0 {
				continue
			}
			seen[id] = true
			a := e.Answers[len(e.Answers)-1]
			wa := WorklistAnswer{EntryID: e.ID, VacancyID: e.VacancyID, CandidateID: e.CandidateID, Answer: a}
			if c, err := s.st.Candidate(ctx, e.CandidateID); err == nil {
				wa.Name = c.Name
			}
			w.EmployerAnswers = append(w.EmployerAnswers, wa)
		}
	}
	if w.OverdueConsents, err = s.OverdueConsents(ctx, u.ID); err != nil {
		return nil, err
	}
	if w.Interviews, err = s.UpcomingInterviews(ctx, u.ID); err != nil {
		return nil, err
	}
	return w, nil
}

// WorklistAnswer is an employer's latest answer about a presented candidate.
type WorklistAnswer struct {
	EntryID     string         `json:"entry_id"`
	VacancyID   string         `json:"vacancy_id"`
	CandidateID string         `json:"candidate_id"`
	Name        string         `json:"name"`
	Answer      EmployerAnswer `json:"answer"`
}
