package followup

import (
	"context"
	"slices"
	"sort"
	"strconv"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/screening"
)

// defaultContactTargets are the municipality's yearly targets for company
// contacts (2,000 → 2,300 → 2,500); later years keep the last one until an
// admin sets another.
var defaultContactTargets = map[int]int64{2020: 2000, 2021: 2300, 2022: 2500}

func defaultContactTarget(year int) int64 {
	if v, ok := defaultContactTargets[year]; ok {
		return v
	}
	if year > 2022 {
		return defaultContactTargets[2022]
	}
	return defaultContactTargets[2020]
}

// Worklist is a consultant's day: open requests (overdue and oldest first),
// companies, vacancies in screening, contacts this year against their share
// of the target.
type Worklist struct {
	OpenRequests []*jobmatch.Request         `json:"open_requests"`
	Overdue      int                         `json:"overdue"`
	Companies    app.Page[*jobmatch.Company] `json:"companies"`
	Vacancies    []*jobmatch.Vacancy         `json:"vacancies"`
	Contacts     WorklistContacts            `json:"contacts"`
	// EmployerAnswers are employers' answers about presented candidates.
	EmployerAnswers []screening.Answered `json:"employer_answers"`
	// OverdueConsents are consent links past their deadline unanswered.
	OverdueConsents []screening.OverdueConsent `json:"overdue_consents"`
	// Interviews are the consultant's coming interviews.
	Interviews []*jobmatch.InterviewInvite `json:"interviews"`
}

// WorklistContacts is the consultant's contact count against their share.
// With no target set for the year the target is the standing default
// (TargetDefault), as on the dashboard (KPIContacts.TargetDefault).
type WorklistContacts struct {
	Year          string `json:"year"`
	Count         int64  `json:"count"`
	Target        int64  `json:"target,omitempty"`       // the municipality's
	TargetShare   int64  `json:"target_share,omitempty"` // divided evenly among the consultants
	TargetDefault bool   `json:"target_default,omitempty"`
}

// Worklist builds the signed-in consultant's worklist.
func (s *Service) Worklist(ctx context.Context, u *jobmatch.User) (*Worklist, error) {
	if u == nil {
		return nil, jobmatch.ErrForbidden
	}
	open, err := s.requests.OpenRequests(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	// Only what is still open: a request resolved or withdrawn (logged by
	// mistake, or twice) through another replica, or by a process killed
	// before it left the bag, is no longer the consultant's to do.
	open = slices.DeleteFunc(open, func(r *jobmatch.Request) bool {
		return r.Status == jobmatch.RequestResolved || r.Status == jobmatch.RequestCancelled
	})
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
	if w.Companies, err = s.companies.Companies(ctx, app.ListQuery{Scope: "consultant:" + u.ID, Limit: 50}); err != nil {
		return nil, err
	}
	vs, err := s.requests.Vacancies(ctx, app.ListQuery{Scope: "consultant:" + u.ID, Limit: 100})
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
	w.Contacts = WorklistContacts{Year: strconv.Itoa(year), Count: counts.Period("")["contacts_consultant_"+app.CounterKey(u.ID)]}
	targets, err := s.Targets(ctx, year)
	if err != nil {
		return nil, err
	}
	// The default nobody set is the target all the same, said so ("min
	// andel af standardmålet 2.500"), as the dashboard says it.
	w.Contacts.Target, w.Contacts.TargetDefault = targets.Contacts, targets.isDefault("contacts")
	if cs, err := s.staff.Consultants(ctx); err == nil && len(cs) > 0 {
		w.Contacts.TargetShare = (w.Contacts.Target + int64(len(cs)) - 1) / int64(len(cs))
	}
	// Employers' answers about presented candidates, newest first; the
	// worklist shows what it has when they cannot be read.
	if w.EmployerAnswers, err = s.screening.EmployerAnswers(ctx, u.ID, 20); err != nil {
		w.EmployerAnswers = []screening.Answered{}
	}
	if w.OverdueConsents, err = s.screening.OverdueConsents(ctx, u.ID); err != nil {
		return nil, err
	}
	if w.Interviews, err = s.screening.UpcomingInterviews(ctx, u.ID); err != nil {
		return nil, err
	}
	// Audited when it names citizens (employers' answers, consents
	// awaited, interviews): one line for the worklist as read.
	var ids []string
	for _, a := range w.EmployerAnswers {
		ids = append(ids, a.CandidateID)
	}
	for _, o := range w.OverdueConsents {
		ids = append(ids, o.CandidateID)
	}
	for _, iv := range w.Interviews {
		ids = append(ids, iv.CandidateID)
	}
	slices.Sort(ids)
	if ids = slices.Compact(ids); len(ids) > 0 {
		if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: u.ID, Action: "worklist.read", Subjects: ids, Count: len(ids)}); err != nil {
			return nil, err
		}
	}
	return w, nil
}
