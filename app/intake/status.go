package intake

import (
	"context"
	"errors"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// StatusView is what the private status link shows an employer: no login,
// only what belongs to that one vacancy or request.
type StatusView struct {
	Kind          string                 `json:"kind"`
	Reference     string                 `json:"reference"`
	Status        string                 `json:"status"`
	Company       string                 `json:"company"`
	Title         string                 `json:"title,omitempty"`
	Topic         string                 `json:"topic,omitempty"`
	ReceivedAt    time.Time              `json:"received_at"`
	ContactPerson jobmatch.ContactPerson `json:"contact_person"`
	// AnswerBy is when the company can expect an answer (the request's
	// due day, "YYYY-MM-DD"); empty once answered or without a deadline.
	AnswerBy string `json:"answer_by,omitempty"`
	// Filled is how many of the vacancy's positions are filled from the
	// jobcentre's shortlist (set by the screening): the page says "1 af 2
	// stillinger besat" while the rest are open.
	Filled  int               `json:"positions_filled,omitempty"`
	Vacancy *jobmatch.Vacancy `json:"-"`
	Request *jobmatch.Request `json:"-"`
}

// ResolveLink returns the link behind a private token; revoked or unknown
// tokens are ErrNotFound (no difference is shown to the caller).
func (s *Service) ResolveLink(ctx context.Context, token string) (*store.Link, error) {
	if token == "" || len(token) > 64 {
		return nil, jobmatch.ErrNotFound
	}
	l, err := s.st.GetLink(ctx, token)
	if err != nil {
		return nil, err
	}
	if l.RevokedAt != nil {
		return nil, jobmatch.ErrGone
	}
	return l, nil
}

// Status returns the status behind a private link.
func (s *Service) Status(ctx context.Context, token string) (*StatusView, error) {
	l, err := s.ResolveLink(ctx, token)
	if err != nil {
		return nil, err
	}
	var c *jobmatch.Company
	view := &StatusView{Kind: l.Kind}
	switch l.Kind {
	case "vacancy":
		v, err := s.Vacancy(ctx, l.ID)
		if err != nil {
			return nil, err
		}
		view.Vacancy, view.Reference, view.Status, view.Title, view.ReceivedAt = v, v.Reference, string(v.Status), v.Title, v.CreatedAt
		view.Topic = string(jobmatch.TopicVacancy)
		if v.RequestID != "" {
			if r, err := s.Request(ctx, v.RequestID); err == nil && r.Status == jobmatch.RequestOpen {
				view.AnswerBy = answerBy(r.DueAt)
			}
		}
		c, err = s.companies.Company(ctx, v.CVR)
		if err != nil {
			return nil, err
		}
	case "request":
		r, err := s.Request(ctx, l.ID)
		if err != nil {
			return nil, err
		}
		view.Request, view.Reference, view.Status, view.Topic, view.ReceivedAt = r, r.Reference, string(r.Status), string(r.Topic), r.ReceivedAt
		if r.Status == jobmatch.RequestOpen {
			view.AnswerBy = answerBy(r.DueAt)
		}
		c, err = s.companies.Company(ctx, r.CVR)
		if err != nil {
			return nil, err
		}
	default:
		return nil, jobmatch.ErrNotFound
	}
	view.Company = c.Name
	view.ContactPerson, err = s.employersContact(ctx, c)
	if err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return nil, err
	}
	return view, nil
}

// ContactPersonOf returns the fixed contact person of the company with
// the CVR number (with the deputy while they are away), as the receipt
// names them.
func (s *Service) ContactPersonOf(ctx context.Context, cvr string) (jobmatch.ContactPerson, error) {
	c, err := s.companies.Company(ctx, cvr)
	if err != nil {
		return jobmatch.ContactPerson{}, err
	}
	return s.employersContact(ctx, c)
}

// ContactOfClosedLink returns the contact person of the company behind a
// link that is no longer open (ErrGone from Status): the page says whom to
// ask, and nothing of the request or vacancy. ErrNotFound for any other
// token.
func (s *Service) ContactOfClosedLink(ctx context.Context, token string) (jobmatch.ContactPerson, error) {
	if token == "" || len(token) > 64 {
		return jobmatch.ContactPerson{}, jobmatch.ErrNotFound
	}
	l, err := s.st.GetLink(ctx, token)
	if err != nil {
		return jobmatch.ContactPerson{}, err
	}
	if l.RevokedAt == nil {
		return jobmatch.ContactPerson{}, jobmatch.ErrNotFound
	}
	var cvr string
	switch l.Kind {
	case "vacancy":
		v, err := s.Vacancy(ctx, l.ID)
		if err != nil {
			return jobmatch.ContactPerson{}, err
		}
		cvr = v.CVR
	case "request":
		r, err := s.Request(ctx, l.ID)
		if err != nil {
			return jobmatch.ContactPerson{}, err
		}
		cvr = r.CVR
	default:
		return jobmatch.ContactPerson{}, jobmatch.ErrNotFound
	}
	c, err := s.companies.Company(ctx, cvr)
	if err != nil {
		return jobmatch.ContactPerson{}, err
	}
	return s.employersContact(ctx, c)
}

// Vacancy reads a vacancy by id.
func (s *Service) Vacancy(ctx context.Context, id string) (*jobmatch.Vacancy, error) {
	return s.st.Vacancy(ctx, id)
}

// Request reads a request by id.
func (s *Service) Request(ctx context.Context, id string) (*jobmatch.Request, error) {
	return s.st.Request(ctx, id)
}
