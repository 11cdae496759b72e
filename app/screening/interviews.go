package screening

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"jobmatch"
	"jobmatch/calendar"
	"jobmatch/i18n"
)

// Interview modes.
const (
	ModeJobcentre = "jobcentre"
	ModeEmployer  = "employer"
	ModeOnline    = "online"
)

// InterviewInput proposes an interview.
type InterviewInput struct {
	Start  string   `json:"start" validate:"required,max=40"`
	End    string   `json:"end" validate:"required,max=40"`
	Mode   string   `json:"mode" validate:"required,oneof=jobcentre employer online"`
	Place  string   `json:"place,omitempty" validate:"max=300"`
	URL    string   `json:"url,omitempty" validate:"max=500"`
	Invite []string `json:"invite,omitempty" validate:"max=2,dive,oneof=citizen employer"`
	Notes  string   `json:"notes,omitempty" validate:"max=2000"`
}

// InterviewChange moves (start and end), re-places or cancels an interview.
type InterviewChange struct {
	Start  string `json:"start,omitempty" validate:"max=40"`
	End    string `json:"end,omitempty" validate:"max=40"`
	Place  string `json:"place,omitempty" validate:"max=300"`
	URL    string `json:"url,omitempty" validate:"max=500"`
	Status string `json:"status,omitempty" validate:"omitempty,oneof=cancelled"`
	Notes  string `json:"notes,omitempty" validate:"max=2000"`
}

// maxInterview is the longest interview booked: a first interview or a
// job interview takes an hour or two, and a span longer than half a
// working day is a time typed wrong (12 Dec 23:30 to 13 Dec 07:00 was
// booked and mailed).
const maxInterview = 4 * time.Hour

// parseSpan reads an interview's start and end: the end after the start,
// on the same day in Copenhagen and at most maxInterview later. A weekend
// or a time outside 7–20 is odd but may be agreed (the form warns of it).
func parseSpan(start, end string) (time.Time, time.Time, error) {
	verr := &jobmatch.ValidationError{}
	s, err := time.Parse(time.RFC3339, strings.TrimSpace(start))
	if err != nil {
		verr.Add("start", "rfc3339", "")
	}
	e, err2 := time.Parse(time.RFC3339, strings.TrimSpace(end))
	if err2 != nil {
		verr.Add("end", "rfc3339", "")
	}
	if err == nil && err2 == nil {
		switch {
		case !e.After(s):
			verr.Add("end", "after_start", "")
		case s.In(jobmatch.Copenhagen).Format(time.DateOnly) != e.In(jobmatch.Copenhagen).Format(time.DateOnly):
			verr.Add("end", "iv_same_day", "")
		case e.Sub(s) > maxInterview:
			verr.Add("end", "iv_too_long", "")
		}
	}
	return s.UTC(), e.UTC(), verr.Err()
}

func init() {
	i18n.Register(map[string][2]string{
		"v.link_chars":   {"Linket må ikke indeholde mellemrum, anførselstegn eller < >: kopiér linket fra mødeinvitationen igen.", "The link must not contain spaces, quotes or < >: copy the link from the meeting invitation again."},
		"v.link_user":    {"Linket må ikke indeholde et brugernavn eller en adgangskode (før @).", "The link must not contain a user name or password (before @)."},
		"v.iv_same_day":  {"Samtalen skal slutte samme dag, som den begynder: ret tidspunktet.", "The interview must end on the day it begins: correct the time."},
		"v.iv_too_long":  {"En samtale kan højst vare 4 timer: ret tidspunktet.", "An interview can last at most 4 hours: correct the time."},
		"v.online_place": {"Et onlinemøde har intet sted, kun et link: ret linket i stedet.", "An online interview has no place, only a link: change the link instead."},
	})
}

// checkLink returns a link given for an interview as it is stored and
// mailed: an https address with a host, re-encoded. It goes into the
// invitations' .ics as URL and, online, as LOCATION and into the mail's
// text; only the https:// at its start was checked, and
// `https://evil.example/"><script>` was mailed as it was typed. A space, a
// quotation mark, an angle bracket or a control character is refused (a
// line break would add lines such as ATTENDEE to the calendar file), and
// so is a user before the host ("https://jobcenter.dk@evil.example" goes
// to evil.example).
func checkLink(link string) (string, error) {
	bad := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"'<>`\\", r)
	}
	if strings.ContainsFunc(link, bad) {
		return "", jobmatch.Invalid("url", "link_chars", "")
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.Hostname() == "" || u.Opaque != "" {
		return "", jobmatch.Invalid("url", "https_url", "")
	}
	if u.User != nil {
		return "", jobmatch.Invalid("url", "link_user", "")
	}
	return u.String(), nil
}

// checkPlace checks where an interview is held and returns its link as
// stored ("" for none): a link given is checked in every mode.
func checkPlace(mode, place, link string) (string, error) {
	if link != "" {
		var err error
		if link, err = checkLink(link); err != nil {
			return "", err
		}
	}
	switch mode {
	case ModeOnline:
		if link == "" {
			return "", jobmatch.Invalid("url", "required", "")
		}
	default:
		if strings.TrimSpace(place) == "" {
			return "", jobmatch.Invalid("place", "required", "")
		}
	}
	return link, nil
}

// ProposeInterview books an interview for a shortlist entry and sends the
// invitations (.ics attached) to the consultant, and as asked to the
// citizen and — once the candidate is presented — the employer.
func (sl *Service) ProposeInterview(ctx context.Context, by *jobmatch.User, entryID string, in InterviewInput) (*jobmatch.InterviewInvite, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	start, end, err := parseSpan(in.Start, in.End)
	if err != nil {
		return nil, err
	}
	now := sl.now().UTC()
	if !start.After(now) {
		return nil, jobmatch.Invalid("start", "time_past", "")
	}
	link, err := checkPlace(in.Mode, in.Place, strings.TrimSpace(in.URL))
	if err != nil {
		return nil, err
	}
	e, err := sl.Entry(ctx, entryID)
	if err != nil {
		return nil, err
	}
	switch e.Stage {
	case jobmatch.StageNotInterested, jobmatch.StageRejected, jobmatch.StageWithdrawn, jobmatch.StageHired:
		return nil, &jobmatch.ConflictError{Code: "stage", Detail: "the entry is " + string(e.Stage), Args: []string{string(e.Stage)}}
	}
	invite := []string{}
	for _, w := range in.Invite {
		if !slices.Contains(invite, w) {
			invite = append(invite, w)
		}
	}
	if slices.Contains(invite, "employer") && e.Stage != jobmatch.StagePresented {
		return nil, &jobmatch.ConflictError{Code: "not_presented", Detail: "the employer is invited to a job interview once the candidate is presented"}
	}
	v, err := sl.vacancies.Vacancy(ctx, e.VacancyID)
	if err != nil {
		return nil, err
	}
	// A filled or closed vacancy has no interviews to come (closing it
	// cancelled them): a booking on it mailed the citizen and the
	// employer an invitation for a job that is gone.
	if err := v.CanScreen(); err != nil {
		return nil, err
	}
	id := jobmatch.NewID()
	iv := &jobmatch.InterviewInvite{ID: id, UID: id + "@jobmatch", EntryID: e.ID, VacancyID: v.ID, CandidateID: e.CandidateID, Consultant: by.ID,
		Start: start, End: end, Mode: in.Mode, Place: strings.TrimSpace(in.Place), URL: link, Invite: invite,
		Status: "confirmed", Notes: strings.TrimSpace(in.Notes), CreatedAt: now, UpdatedAt: now, Title: v.Title}
	if err := sl.sendInvites(ctx, iv, v, mailInvite); err != nil {
		return nil, err
	}
	if err := sl.st.InterviewProposed(ctx, iv); err != nil {
		return nil, err
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "interview.propose", Subjects: []string{e.CandidateID}, VacancyID: v.ID, Reason: in.Mode}); err != nil {
		return nil, err
	}
	return iv, nil
}

// watchCloses has the entry point tell this service of each vacancy it
// fills or closes (when it can: intake.Service.OnClose), so that the
// vacancy's interviews still to come are cancelled.
func (sl *Service) watchCloses() {
	if w, ok := sl.vacancies.(interface {
		OnClose(fn func(ctx context.Context, by *jobmatch.User, v *jobmatch.Vacancy))
	}); ok {
		w.OnClose(sl.cancelComingOn)
	}
}

// cancelComingOn cancels the interviews still to come on every entry of a
// vacancy that was filled or closed, and tells everyone invited, as the
// end of one entry's process does (cancelComing): only the hired
// person's was cancelled, and the others' invitations, the employer's
// among them, stood for a job that was gone. A failure is logged (the
// close stands, and the consultant can cancel by hand).
func (sl *Service) cancelComingOn(ctx context.Context, by *jobmatch.User, v *jobmatch.Vacancy) {
	es, err := sl.entriesOf(ctx, v.ID)
	if err != nil {
		sl.log.Warn("cancel the vacancy's interviews", "vacancy", v.ID, "err", err)
		return
	}
	for _, e := range es {
		if len(e.Interviews) > 0 {
			sl.cancelComing(ctx, by, e)
		}
	}
}

// Interview reads an interview of an entry.
func (sl *Service) Interview(ctx context.Context, by *jobmatch.User, entryID, id string) (*jobmatch.InterviewInvite, error) {
	iv, err := sl.interview(ctx, by, entryID, id)
	if err != nil {
		return nil, err
	}
	// Audited: an interview names the citizen and says where and when.
	if err := sl.auditRead(ctx, by, "interview.read", iv.VacancyID, []string{iv.CandidateID}); err != nil {
		return nil, err
	}
	return iv, nil
}

func (sl *Service) interview(ctx context.Context, by *jobmatch.User, entryID, id string) (*jobmatch.InterviewInvite, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	iv, err := sl.st.Interview(ctx, id)
	if err != nil {
		return nil, err
	}
	if iv.EntryID != entryID {
		return nil, jobmatch.ErrNotFound
	}
	return iv, nil
}

// Interviews lists an entry's interviews, earliest first (an audited read,
// "interview.read", when there are any).
func (sl *Service) Interviews(ctx context.Context, by *jobmatch.User, entryID string) ([]*jobmatch.InterviewInvite, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	e, err := sl.Entry(ctx, entryID)
	if err != nil {
		return nil, err
	}
	out, err := sl.interviews(ctx, by, e)
	if err != nil {
		return nil, err
	}
	if len(out) > 0 {
		if err := sl.auditRead(ctx, by, "interview.read", e.VacancyID, []string{e.CandidateID}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (sl *Service) interviews(ctx context.Context, by *jobmatch.User, e *Entry) ([]*jobmatch.InterviewInvite, error) {
	out := []*jobmatch.InterviewInvite{}
	for _, id := range e.Interviews {
		if iv, err := sl.interview(ctx, by, e.ID, id); err == nil {
			out = append(out, iv)
		} else if err == jobmatch.ErrForbidden {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b *jobmatch.InterviewInvite) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// ChangeInterview moves or cancels an interview: the same UID goes out
// again with a higher SEQUENCE (METHOD:CANCEL when cancelled) to everyone
// who had it. A mail says "Flyttet" only when the time changed and
// "Ændret" when the place or the link did; a change nobody invited sees
// (the notes, or the time, place or link as they were) is stored without
// a mail. An online interview has no place: one given is refused (it was
// shown nowhere, and the mail said the interview had moved).
func (sl *Service) ChangeInterview(ctx context.Context, by *jobmatch.User, entryID, id string, in InterviewChange) (*jobmatch.InterviewInvite, error) {
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	defer sl.st.LockInterview(id)()
	iv, err := sl.interview(ctx, by, entryID, id)
	if err != nil {
		return nil, err
	}
	if iv.Status == "cancelled" {
		return nil, &jobmatch.ConflictError{Code: "cancelled", Detail: "the interview is cancelled"}
	}
	action, mail := "interview.change", mailNone
	switch {
	case in.Status == "cancelled":
		iv.Status, action, mail = "cancelled", "interview.cancel", mailCancel
	default:
		if (in.Start == "") != (in.End == "") {
			return nil, jobmatch.Invalid("end", "required", "")
		}
		if in.Start == "" && in.Place == "" && in.URL == "" && in.Notes == "" {
			return nil, jobmatch.Invalid("start", "required", "")
		}
		if iv.Mode == ModeOnline && strings.TrimSpace(in.Place) != "" {
			return nil, jobmatch.Invalid("place", "online_place", "")
		}
		if in.Start != "" {
			s, e, err := parseSpan(in.Start, in.End)
			if err != nil {
				return nil, err
			}
			if !s.After(sl.now()) {
				return nil, jobmatch.Invalid("start", "time_past", "")
			}
			if !s.Equal(iv.Start) || !e.Equal(iv.End) {
				iv.Start, iv.End = s, e
				action, mail = "interview.move", mailMoved
			}
		}
		if p := strings.TrimSpace(in.Place); p != "" && p != iv.Place {
			iv.Place = p
			mail = max(mail, mailChanged)
		}
		if in.URL != "" {
			link, err := checkLink(strings.TrimSpace(in.URL))
			if err != nil {
				return nil, err
			}
			if link != iv.URL {
				iv.URL = link
				mail = max(mail, mailChanged)
			}
		}
		if in.Notes != "" {
			iv.Notes = strings.TrimSpace(in.Notes)
		}
		if _, err := checkPlace(iv.Mode, iv.Place, iv.URL); err != nil {
			return nil, err
		}
	}
	iv.Sequence++
	iv.UpdatedAt = sl.now().UTC()
	v, err := sl.vacancies.Vacancy(ctx, iv.VacancyID)
	if err != nil {
		return nil, err
	}
	// Each change claims the next SEQUENCE across replicas: of two changes
	// at once, one goes out and the other is told to reload.
	stale := &jobmatch.ConflictError{Code: "stale_version", Detail: "the interview was changed meanwhile; reload it"}
	err = sl.env.Once(ctx, fmt.Sprintf("interview:%s:seq%d", iv.ID, iv.Sequence), stale, func() error {
		cur, err := sl.st.Interview(ctx, iv.ID)
		if err != nil {
			return err
		}
		if cur.Sequence != iv.Sequence-1 || cur.Status == "cancelled" {
			return stale
		}
		if mail != mailNone {
			if err := sl.sendInvites(ctx, iv, v, mail); err != nil {
				return err
			}
		}
		return sl.st.InterviewChanged(ctx, iv)
	})
	if err != nil {
		return nil, err
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: action, Subjects: []string{iv.CandidateID}, VacancyID: iv.VacancyID}); err != nil {
		return nil, err
	}
	return iv, nil
}

// ICS is the interview's calendar object as the consultant (the organizer)
// sees it, with every invited party.
func (sl *Service) ICS(ctx context.Context, iv *jobmatch.InterviewInvite) ([]byte, error) {
	v, err := sl.vacancies.Vacancy(ctx, iv.VacancyID)
	if err != nil {
		return nil, err
	}
	c, _ := sl.st.Candidate(ctx, iv.CandidateID)
	ev := sl.event(ctx, iv, v, sl.employerNumber(ctx, iv, v))
	for _, r := range sl.recipients(ctx, iv, v, c) {
		if r.who != "consultant" {
			ev.Attendees = append(ev.Attendees, r.person)
		}
	}
	return calendar.ICS(ev), nil
}

// employerNumber is the number the employer knows the candidate of a job
// interview by on their page ("Kandidat 2", presentationNumbers), 0 for a
// first interview or a profile not numbered: the employer's invitation
// said only "Jobsamtale: Rengøringsassistent", not with whom.
func (sl *Service) employerNumber(ctx context.Context, iv *jobmatch.InterviewInvite, v *jobmatch.Vacancy) int {
	if !slices.Contains(iv.Invite, "employer") {
		return 0
	}
	e, err := sl.Entry(ctx, iv.EntryID)
	if err != nil || e.ProfileID == "" {
		return 0
	}
	nums, err := sl.presentationNumbers(ctx, v)
	if err != nil {
		sl.log.Warn("number the interview's candidate", "interview", iv.ID, "err", err)
		return 0
	}
	return nums[e.ProfileID]
}

// event is the calendar event without attendees; number, when not 0, is
// the candidate's number on the employer's page (employerNumber), which the
// employer's and the consultant's copies name and the citizen's does not.
func (sl *Service) event(ctx context.Context, iv *jobmatch.InterviewInvite, v *jobmatch.Vacancy, number int) calendar.Event {
	org := calendar.Person{Email: iv.Consultant, Name: iv.Consultant}
	if u, err := sl.staff.User(ctx, iv.Consultant); err == nil {
		org.Name = u.Name
	}
	kind := "Første samtale"
	if slices.Contains(iv.Invite, "employer") {
		kind = "Jobsamtale"
	}
	loc := iv.Place
	if iv.Mode == ModeOnline {
		loc = "Online: " + iv.URL
	}
	summary := kind + ": " + v.Title
	desc := fmt.Sprintf("%s om stillingen %s (%s).\nInterview about the vacancy %s.\n", kind, v.Title, v.Reference, v.Title)
	if number > 0 {
		summary += fmt.Sprintf(" – Kandidat %d", number)
		desc = fmt.Sprintf("%s med Kandidat %d om stillingen %s (%s).\nJob interview with Candidate %d about the vacancy %s.\n", kind, number, v.Title, v.Reference, number, v.Title)
	}
	if iv.Mode == ModeOnline {
		desc += "Link: " + iv.URL + "\n"
	}
	desc += "Kontakt / contact: " + org.Name + " <" + org.Email + ">"
	return calendar.Event{UID: iv.UID, Sequence: iv.Sequence, Stamp: iv.UpdatedAt, Start: iv.Start, End: iv.End,
		Summary: summary, Description: desc, Location: loc, URL: iv.URL, Organizer: org, Cancelled: iv.Status == "cancelled"}
}

type recipient struct {
	who    string // consultant, citizen, employer
	person calendar.Person
}

func (sl *Service) recipients(ctx context.Context, iv *jobmatch.InterviewInvite, v *jobmatch.Vacancy, c *jobmatch.Candidate) []recipient {
	out := []recipient{{who: "consultant", person: calendar.Person{Email: iv.Consultant}}}
	if slices.Contains(iv.Invite, "citizen") && c != nil && c.Email != "" {
		out = append(out, recipient{"citizen", calendar.Person{Name: c.Name, Email: c.Email}})
	}
	if slices.Contains(iv.Invite, "employer") && v.Contact.Email != "" {
		out = append(out, recipient{"employer", calendar.Person{Name: v.Contact.Name, Email: v.Contact.Email}})
	}
	return out
}

// What a mail about an interview tells, the least first: a change that
// both moves an interview and changes its place says "Flyttet".
const (
	mailNone    = iota // nobody invited sees the change
	mailChanged        // the place or the link
	mailMoved          // the time
	mailInvite
	mailCancel
)

// sendInvites mails each party its own invitation: the same UID and
// sequence, with only that party as attendee (the employer's copy does not
// carry the citizen's address). what is the mail's news (mailInvite, …).
func (sl *Service) sendInvites(ctx context.Context, iv *jobmatch.InterviewInvite, v *jobmatch.Vacancy, what int) error {
	c, _ := sl.st.Candidate(ctx, iv.CandidateID)
	when := i18n.DateTime(i18n.DA, iv.Start.In(jobmatch.Copenhagen)) // "10. dec. 2026 kl. 09.00"
	subject := "Invitation: samtale " + when + " / interview"
	kind := "interview_invite"
	switch what {
	case mailCancel:
		subject, kind = "Aflyst: samtale "+when+" / interview cancelled", "interview_cancel"
	case mailMoved:
		subject, kind = "Flyttet: samtale "+when+" / interview moved", "interview_update"
	case mailChanged:
		subject, kind = "Ændret: samtale "+when+" / interview changed", "interview_update"
	}
	iv.Sent = []string{}
	number := sl.employerNumber(ctx, iv, v)
	for _, r := range sl.recipients(ctx, iv, v, c) {
		n := number
		if r.who == "citizen" {
			n = 0 // the citizen is no number
		}
		ev := sl.event(ctx, iv, v, n)
		if r.who != "consultant" {
			ev.Attendees = []calendar.Person{r.person}
		}
		body := fmt.Sprintf("%s\n\n%s\n%s\n", subject, ev.Summary, strings.ReplaceAll(ev.Description, "\n", "\n"))
		if ev.Location != "" {
			body += "Sted / place: " + ev.Location + "\n"
		}
		method := "REQUEST"
		if ev.Cancelled {
			method = "CANCEL"
		}
		if err := sl.env.Send(ctx, &jobmatch.Mail{To: r.person.Email, Kind: kind, Ref: iv.ID, Subject: subject, Body: body,
			Attachments: []jobmatch.Attachment{{Name: "invite.ics", ContentType: "text/calendar; charset=utf-8; method=" + method, Content: string(calendar.ICS(ev))}}}); err != nil {
			return err
		}
		iv.Sent = append(iv.Sent, r.who)
	}
	return nil
}

// UpcomingInterviews are a consultant's interviews not yet over, earliest
// first, with the citizen's name.
func (sl *Service) UpcomingInterviews(ctx context.Context, consultantID string) ([]*jobmatch.InterviewInvite, error) {
	ids, err := sl.st.ConsultantInterviewIDs(ctx, consultantID)
	if err != nil {
		return nil, err
	}
	now := sl.now()
	out := []*jobmatch.InterviewInvite{}
	for _, id := range ids {
		iv, err := sl.st.Interview(ctx, id)
		if err != nil || iv.Status == "cancelled" || iv.End.Before(now) {
			continue
		}
		if c, err := sl.st.Candidate(ctx, iv.CandidateID); err == nil {
			iv.Name = c.Name
		}
		out = append(out, iv)
	}
	slices.SortFunc(out, func(a, b *jobmatch.InterviewInvite) int { return a.Start.Compare(b.Start) })
	return out, nil
}
