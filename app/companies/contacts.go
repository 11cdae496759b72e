package companies

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/surveys"
	"jobmatch/kpi"
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

// LogContact records a contact: the document, its place on the company's
// timeline and the consultant's list, and the period counters (year, half,
// month; in total and per consultant) that the target figures read.
func (s *Service) LogContact(ctx context.Context, by *jobmatch.User, in ContactInput) (*jobmatch.Contact, error) {
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
	// A contact of a half-year already reported is no longer logged: one
	// dated March, logged in December, changed the ended first half-year's
	// figures silently (the previous year stayed open all year). The
	// previous half-year stays open for its next month only: December's
	// visits are logged in January, June's in July (kpi.OpenFrom).
	if from := kpi.OpenFrom(s.now()).Format(time.DateOnly); in.Date < from {
		return nil, jobmatch.Invalid("date", "too_old", from)
	}
	c, err := s.Company(ctx, in.CVR)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return nil, jobmatch.Invalid("cvr", "unknown_company", "")
	}
	if err != nil {
		return nil, err
	}
	at := app.ContactTime(d)
	ct := &jobmatch.Contact{ID: jobmatch.NewID(), CVR: c.CVR, CompanyName: c.Name, Kind: in.Kind, Date: d, Note: strings.TrimSpace(in.Note),
		ConsultantID: by.ID, LoggedAt: s.now().UTC(), Period: jobmatch.PeriodsOf(at)}
	if in.FollowUp != "" {
		f, _ := jobmatch.ParseDate(in.FollowUp)
		ct.FollowUp = &f
	}
	if err := s.st.ContactLogged(ctx, ct, at, app.ContactCounters(ct)); err != nil {
		return nil, err
	}
	if ct.Kind == "visit" && len(c.Contacts) > 0 {
		s.surveys.AfterEvent(ctx, surveys.Trigger{Kind: "visit", CVR: c.CVR, Company: c.Name, Ref: ct.ID, To: c.Contacts[0].Email})
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
	// TextHidden says a retention request's text was left out: it is
	// about a named employee's sickness, which only consultants and
	// admins read (the hotline and management see that it came, its
	// topic and status).
	TextHidden bool `json:"text_hidden,omitempty"`
	// Contact is who at the company made a request: whom to call back.
	Contact *jobmatch.Person `json:"contact,omitempty"`
}

// Timeline lists a company's requests, vacancies and contacts, newest first
// (one list of pointers per company, each read by _id; within a page by
// the day each took place). The text of a retention request, about a named
// employee's sickness, is shown to consultants and admins only, and each
// read of it is audited as "request.read", as a CV read is: the hotline
// read it in full on the company's page, with no line in the log.
func (s *Service) Timeline(ctx context.Context, by *jobmatch.User, cvr string, q app.ListQuery) (app.Page[TimelineItem], error) {
	cvr = jobmatch.NormalizeCVR(cvr)
	if _, err := s.Company(ctx, cvr); err != nil {
		return app.Page[TimelineItem]{}, err
	}
	var health []string // the retention requests whose text is shown
	page, err := app.ListPage(ctx, s.st, store.TimelineList(cvr), q, func(ctx context.Context, ref string) (TimelineItem, error) {
		kind, id := store.TimelineEntry(ref)
		switch kind {
		case "request":
			r, err := s.st.Request(ctx, id)
			if err != nil {
				return TimelineItem{}, err
			}
			it := TimelineItem{Kind: "request", ID: r.ID, At: r.ReceivedAt, Title: string(r.Topic), Status: string(r.Status), Channel: string(r.Channel), By: r.ConsultantID, Text: r.Text}
			if r.Topic == jobmatch.TopicRetention && it.Text != "" {
				if !by.CanReadCVs() {
					it.Text, it.TextHidden = "", true
				} else {
					health = append(health, r.ID)
				}
			}
			if r.Contact.Name != "" || r.Contact.Phone != "" || r.Contact.Email != "" {
				it.Contact = &r.Contact
			}
			if r.VacancyID != "" {
				if v, err := s.st.Vacancy(ctx, r.VacancyID); err == nil {
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
		return TimelineItem{}, fmt.Errorf("companies: timeline entry %q: %w", ref, jobmatch.ErrNotFound)
	})
	if err != nil {
		return page, err
	}
	if len(health) > 0 {
		if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "request.read", Subjects: health, Reason: "retention request on the company's timeline (" + cvr + ")", Count: len(health)}); err != nil {
			return app.Page[TimelineItem]{}, err
		}
	}
	// The list is in the order entries were written; a contact is logged
	// with the day it took place, often after later events (last week's
	// visit, logged today). Within a page the days go newest first, and
	// one day's entries keep the order they were written in.
	day := func(t time.Time) string { return t.In(jobmatch.Copenhagen).Format(time.DateOnly) }
	sort.SliceStable(page.Items, func(i, j int) bool { return day(page.Items[i].At) > day(page.Items[j].At) })
	return page, nil
}
