package screening

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"jobmatch/i18n"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/matcher"
)

// The shortlist's records are domain types (jobmatch/shortlist.go), which
// the store files (store/shortlists.go).
type (
	Entry = jobmatch.ShortlistEntry
)

func entryID(vacancyID, candidateID string) string   { return vacancyID + ":" + candidateID }
func consentID(candidateID, vacancyID string) string { return candidateID + ":" + vacancyID }

// Add puts candidates on a vacancy's shortlist (stage suggested); a person
// already on it is returned as is. The vacancy moves to screening.
func (sl *Service) Add(ctx context.Context, by *jobmatch.User, vacancyID string, candidateIDs []string) ([]*Entry, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if len(candidateIDs) == 0 || len(candidateIDs) > 200 {
		return nil, jobmatch.Invalid("candidate_id", "required", "")
	}
	v, err := sl.vacancies.Vacancy(ctx, vacancyID)
	if err != nil {
		return nil, err
	}
	if err := v.CanScreen(); err != nil {
		return nil, err
	}
	st := sl.st
	now := sl.now().UTC()
	var out []*Entry
	for _, cid := range candidateIDs {
		cand, err := st.Candidate(ctx, cid)
		if err != nil {
			if errors.Is(err, jobmatch.ErrNotFound) {
				return nil, jobmatch.Invalid("candidate_id", "unknown_candidate", "")
			}
			return nil, err
		}
		e := &Entry{ID: entryID(v.ID, cid), VacancyID: v.ID, CandidateID: cid, ProfileID: jobmatch.NewID(), Stage: jobmatch.StageSuggested,
			Version: 1, Steps: []jobmatch.Step{{To: jobmatch.StageSuggested, By: by.ID, At: now}}, CreatedAt: now, UpdatedAt: now, Groups: jobmatch.PriorityGroupsOf(cand, now)}
		if err := st.Shortlisted(ctx, e); err != nil {
			if !errors.Is(err, jobmatch.ErrConflict) {
				return nil, err
			}
			if e, err = sl.Entry(ctx, entryID(v.ID, cid)); err != nil {
				return nil, err
			}
			out = append(out, e)
			continue
		}
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "shortlist.add", Subjects: []string{cid}, VacancyID: v.ID}); err != nil {
			return nil, err
		}
		if err := sl.countStep(ctx, v, e, jobmatch.StageSuggested, now); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if v.Status.Advances(jobmatch.VacancyScreening) {
		if err := sl.vacancies.SetVacancyStatus(ctx, v, jobmatch.VacancyScreening); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Entry reads a shortlist entry.
func (sl *Service) Entry(ctx context.Context, id string) (*Entry, error) {
	return sl.st.ShortlistEntry(ctx, id)
}

// EntryFor reads the candidate's entry on the vacancy's shortlist (one read
// by _id; jobmatch.ErrNotFound when not on it).
func (sl *Service) EntryFor(ctx context.Context, vacancyID, candidateID string) (*Entry, error) {
	return sl.st.ShortlistEntry(ctx, entryID(vacancyID, candidateID))
}

// Process is one vacancy a citizen is (or was) shortlisted for, as the CV's
// page shows it.
type Process struct {
	Entry   *Entry         `json:"entry"`
	Vacancy ProcessVacancy `json:"vacancy"`
}

// ProcessVacancy is what a process says of its vacancy.
type ProcessVacancy struct {
	ID          string                 `json:"id"`
	Reference   string                 `json:"reference,omitempty"`
	Title       string                 `json:"title"`
	CVR         string                 `json:"cvr"`
	CompanyName string                 `json:"company_name"`
	Status      jobmatch.VacancyStatus `json:"status"`
}

// Processes returns the vacancies a citizen is shortlisted for, the
// latest moved first: where the person is in process, so a consultant
// sees it on the CV before calling about another job. One read by _id per
// entry and vacancy (the citizen's set, store.CandidateShortlistIDs); an
// entry whose vacancy is gone is left out. The read is audited
// ("shortlist.read", the citizen the subject) when there is one.
func (sl *Service) Processes(ctx context.Context, by *jobmatch.User, candidateID string) ([]Process, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if _, err := sl.st.Candidate(ctx, candidateID); err != nil {
		return nil, err
	}
	ids, err := sl.st.CandidateShortlistIDs(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	out := make([]Process, 0, len(ids))
	for _, id := range ids {
		e, err := sl.Entry(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		v, err := sl.vacancies.Vacancy(ctx, e.VacancyID)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, Process{Entry: e, Vacancy: ProcessVacancy{ID: v.ID, Reference: v.Reference, Title: v.Title, CVR: v.CVR, CompanyName: v.CompanyName, Status: v.Status}})
	}
	slices.SortFunc(out, func(a, b Process) int {
		return cmp.Or(b.Entry.UpdatedAt.Compare(a.Entry.UpdatedAt), strings.Compare(a.Entry.ID, b.Entry.ID))
	})
	if len(out) > 0 {
		if err := sl.auditRead(ctx, by, "shortlist.read", "", []string{candidateID}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Busy is what a citizen's other processes say to a consultant choosing
// among the ranked candidates of a vacancy.
type Busy struct {
	// Active counts the other vacancies, still open, on whose shortlists
	// the citizen is in a stage before the end.
	Active int
	// Hired: hired from another vacancy's shortlist.
	Hired bool
}

// Elsewhere says, for each of candidateIDs, what their processes on other
// vacancies than vacancyID are (only those with some): the vacancy page
// marks a ranked candidate already presented elsewhere, or hired. Reads by
// _id; not audited of its own, as the caller's ranking is.
func (sl *Service) Elsewhere(ctx context.Context, by *jobmatch.User, vacancyID string, candidateIDs []string) (map[string]Busy, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	// The citizens' sets in one pass (the replicas counted once), then
	// the citizens side by side: a page ranks twenty-five, each a few
	// reads. A vacancy is read before its entries (an entry's id begins
	// with it, and the citizens of one ranking share many): an ended one
	// that nobody from a shortlist filled says nothing of its entries,
	// which are not read.
	type state struct{ open, hiredFrom bool }
	var (
		mu   sync.Mutex
		out  = map[string]Busy{}
		seen = map[string]state{}
	)
	vacancy := func(id string) (state, error) {
		mu.Lock()
		st, ok := seen[id]
		mu.Unlock()
		if ok {
			return st, nil
		}
		v, err := sl.vacancies.Vacancy(ctx, id)
		switch {
		case errors.Is(err, jobmatch.ErrNotFound):
		case err != nil:
			return st, err
		default:
			st = state{open: !v.Status.Ended(), hiredFrom: v.FilledByPresented}
		}
		mu.Lock()
		seen[id] = st
		mu.Unlock()
		return st, nil
	}
	sets, err := sl.st.CandidatesShortlistIDs(ctx, candidateIDs)
	if err != nil {
		return nil, err
	}
	busy := func(cid string) (Busy, error) {
		var b Busy
		for _, id := range sets[cid] {
			vid, _, _ := strings.Cut(id, ":")
			if id == entryID(vacancyID, cid) || vid == "" {
				continue
			}
			v, err := vacancy(vid)
			if err != nil {
				return b, err
			}
			if !v.open && !v.hiredFrom {
				continue
			}
			e, err := sl.Entry(ctx, id)
			if errors.Is(err, jobmatch.ErrNotFound) {
				continue
			}
			if err != nil {
				return b, err
			}
			switch e.Stage {
			case jobmatch.StageHired:
				b.Hired = true
			case jobmatch.StageNotInterested, jobmatch.StageRejected, jobmatch.StageWithdrawn:
			default:
				if v.open {
					b.Active++
				}
			}
		}
		return b, nil
	}
	var wg sync.WaitGroup
	errs := make([]error, len(candidateIDs))
	sem := make(chan struct{}, 8)
	for i, cid := range candidateIDs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			b, err := busy(cid)
			if err != nil {
				errs[i] = err
				return
			}
			if b.Active > 0 || b.Hired {
				mu.Lock()
				out[cid] = b
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// List returns a vacancy's shortlist, by stage then oldest first, with the
// names (staff only). The read is audited ("shortlist.read", the citizens
// listed as subjects): it shows names and the consultant's notes.
func (sl *Service) List(ctx context.Context, by *jobmatch.User, vacancyID string) ([]*Entry, error) {
	out, err := sl.list(ctx, by, vacancyID)
	if err != nil {
		return nil, err
	}
	if err := sl.auditRead(ctx, by, "shortlist.read", vacancyID, entryCandidates(out)); err != nil {
		return nil, err
	}
	return out, nil
}

// Page is a vacancy's shortlist with each entry's interviews (keyed by
// entry id), as the vacancy page shows it: one audited read
// ("shortlist.read") for the whole page.
func (sl *Service) Page(ctx context.Context, by *jobmatch.User, vacancyID string) ([]*Entry, map[string][]*jobmatch.InterviewInvite, error) {
	out, err := sl.list(ctx, by, vacancyID)
	if err != nil {
		return nil, nil, err
	}
	ivs := map[string][]*jobmatch.InterviewInvite{}
	for _, e := range out {
		if len(e.Interviews) > 0 {
			if ivs[e.ID], err = sl.interviews(ctx, by, e); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := sl.auditRead(ctx, by, "shortlist.read", vacancyID, entryCandidates(out)); err != nil {
		return nil, nil, err
	}
	return out, ivs, nil
}

func entryCandidates(es []*Entry) []string {
	ids := make([]string, 0, len(es))
	for _, e := range es {
		ids = append(ids, e.CandidateID)
	}
	return ids
}

// auditRead records that by read what concerns the citizens ids (nothing
// is recorded when there were none to read).
func (sl *Service) auditRead(ctx context.Context, by *jobmatch.User, action, vacancyID string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: action, Subjects: ids, VacancyID: vacancyID, Count: len(ids)})
}

func (sl *Service) list(ctx context.Context, by *jobmatch.User, vacancyID string) ([]*Entry, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	out, err := sl.entriesOf(ctx, vacancyID)
	if err != nil {
		return nil, err
	}
	for _, e := range out {
		if c, err := sl.st.Candidate(ctx, e.CandidateID); err == nil {
			e.Name = c.Name
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int {
		if ia, ib := slices.Index(jobmatch.Stages, a.Stage), slices.Index(jobmatch.Stages, b.Stage); ia != ib {
			return ia - ib
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	return out, nil
}

// TransitionInput moves an entry: to the next stage, with a note, at the
// version the consultant saw; interviewed carries the interview.
type TransitionInput struct {
	To        string              `json:"to" validate:"required"`
	Note      string              `json:"note,omitempty" validate:"max=5000"`
	Version   int64               `json:"version" validate:"required,gte=1"`
	Interview *jobmatch.Interview `json:"interview,omitempty"`
}

// Move applies a transition. A refused move or a stale version is a 409
// with the reason; presenting needs the citizen's consent for this vacancy;
// hired fills the vacancy.
func (sl *Service) Move(ctx context.Context, by *jobmatch.User, id string, in TransitionInput) (*Entry, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	return sl.move(ctx, by, by.ID, id, in)
}

// move applies a transition for actor (a staff user's id, or "citizen"
// answering a consent link; by is nil then and the move cannot hire).
func (sl *Service) move(ctx context.Context, by *jobmatch.User, actor, id string, in TransitionInput) (*Entry, error) {
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	to := jobmatch.Stage(in.To)
	e, err := sl.Entry(ctx, id)
	if err != nil {
		return nil, err
	}
	if in.Version != e.Version {
		return nil, &jobmatch.ConflictError{Code: "stale_version", Detail: fmt.Sprintf("the entry is at version %d (%s); reload and try again", e.Version, e.Stage)}
	}
	back := by != nil && backOnList(e.Stage, to)
	switch {
	case back:
		// Back on the shortlist from "ikke interesseret" or "trukket
		// tilbage" (marked by mistake, or the citizen changed their
		// mind): the note says why, for the history and the audit.
		if strings.TrimSpace(in.Note) == "" {
			return nil, jobmatch.Invalid("note", "required", "")
		}
	default:
		if err := jobmatch.CanMove(e.Stage, to); err != nil {
			return nil, err
		}
	}
	v, err := sl.vacancies.Vacancy(ctx, e.VacancyID)
	if err != nil {
		return nil, err
	}
	if by != nil && v.Status.Ended() && !to.Ends() {
		// A filled or closed vacancy takes nobody further (a candidate
		// presented on it mailed the employer); a process on it may
		// still end.
		return nil, &jobmatch.ConflictError{Code: "vacancy_closed", Detail: "the vacancy is " + string(v.Status) + "; a candidate on it can only be rejected, withdraw or say no"}
	}
	if to == jobmatch.StageInterviewed {
		if in.Interview == nil {
			return nil, jobmatch.Invalid("interview", "required", "")
		}
		if err := sl.val.Validate(in.Interview); err != nil {
			return nil, err
		}
		// The assessment may reach the employer: no family, health or
		// origin ("Hendes mand bor i Aabenraa" read "Vedkommendes mand").
		if err := checkAssessment(in.Interview.Assessment, sl.places); err != nil {
			return nil, err
		}
		// An interview held is in the past or today (one to come is booked
		// as an interview, not recorded as held).
		if in.Interview.Date > sl.now().In(jobmatch.Copenhagen).Format(time.DateOnly) {
			return nil, jobmatch.Invalid("interview.date", "not_future", "")
		}
		e.Interview = in.Interview
	}
	if to == jobmatch.StagePresented {
		c, err := sl.Consent(ctx, e.CandidateID, e.VacancyID)
		if err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
			return nil, err
		}
		if !c.Active() {
			return nil, &jobmatch.ConflictError{Code: "consent_missing", Detail: "record the citizen's consent to be presented to this employer first"}
		}
	}
	now := sl.now().UTC()
	e.Steps = append(e.Steps, jobmatch.Step{From: e.Stage, To: to, By: actor, At: now, Note: strings.TrimSpace(in.Note)})
	e.Stage, e.UpdatedAt = to, now
	e.Version++
	if err := sl.st.MoveShortlistEntry(ctx, e, in.Version); err != nil {
		if errors.Is(err, jobmatch.ErrConflict) {
			return nil, &jobmatch.ConflictError{Code: "stale_version", Detail: "someone else moved this entry meanwhile; reload and try again"}
		}
		return nil, err
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: actor, Action: "shortlist." + string(to), Subjects: []string{e.CandidateID}, VacancyID: e.VacancyID, Reason: in.Note}); err != nil {
		return nil, err
	}
	if back {
		// Back on the list is not shortlisted again (the figures count a
		// citizen shortlisted on a vacancy once; the rebuild skips the
		// step too), and a consent the ended process left standing ends
		// with it: the citizen is asked again, never presented on a
		// consent that came back by itself.
		if err := sl.endConsent(ctx, by.ID, e.CandidateID, e.VacancyID, "shortlist.back"); err != nil {
			return nil, err
		}
		return e, nil
	}
	if err := sl.countStep(ctx, v, e, to, now); err != nil {
		return nil, err
	}
	// A no the consultant records (by phone, at a meeting) closes the
	// consent link sent before: a "ja" on it came after the no. The
	// citizen's own no on the link (by nil) answered it already.
	if by != nil && (to == jobmatch.StageNotInterested || to == jobmatch.StageWithdrawn) {
		if err := sl.retireLinkOf(ctx, e.CandidateID, e.VacancyID); err != nil {
			return nil, err
		}
	}
	switch to {
	case jobmatch.StagePresented:
		if v.Status.Advances(jobmatch.VacancyPresented) {
			if err := sl.vacancies.SetVacancyStatus(ctx, v, jobmatch.VacancyPresented); err != nil {
				return nil, err
			}
		}
		sl.tellEmployer(ctx, v)
	case jobmatch.StageHired:
		filled, err := sl.allPositionsFilled(ctx, v)
		if err != nil {
			return nil, err
		}
		if by != nil && filled && v.Status != jobmatch.VacancyFilled && v.Status != jobmatch.VacancyClosed {
			if _, err := sl.vacancies.CloseVacancy(ctx, by, v.ID, intake.VacancyClose{Status: "filled", FilledByPresented: true, Note: "hired from the shortlist"}); err != nil && !errors.Is(err, jobmatch.ErrConflict) {
				return nil, err
			}
		}
		// Hired: a first interview still to come has nothing left to
		// decide.
		if by != nil {
			sl.cancelComing(ctx, by, e)
		}
	case jobmatch.StageWithdrawn, jobmatch.StageRejected, jobmatch.StageNotInterested:
		// The process ends: an interview still to come is cancelled,
		// and everyone invited told (the employer kept a calendar
		// invitation for a candidate who had withdrawn).
		if by != nil {
			sl.cancelComing(ctx, by, e)
		}
	}
	return e, nil
}

// backOnList reports whether from → to puts an ended candidate back on
// the shortlist: from not interested or withdrawn to suggested.
func backOnList(from, to jobmatch.Stage) bool {
	return to == jobmatch.StageSuggested && (from == jobmatch.StageNotInterested || from == jobmatch.StageWithdrawn)
}

// NextStages are the steps a consultant can take from s: the
// pre-screening's next stages and, from not interested or withdrawn, back
// on the shortlist (suggested, with a note).
func NextStages(s jobmatch.Stage) []jobmatch.Stage {
	next := jobmatch.NextStages(s)
	if backOnList(s, jobmatch.StageSuggested) {
		next = append(next, jobmatch.StageSuggested)
	}
	return next
}

// entriesOf reads the entries of a vacancy's shortlist (by _id, one each;
// one removed meanwhile is left out).
func (sl *Service) entriesOf(ctx context.Context, vacancyID string) ([]*Entry, error) {
	ids, err := sl.st.ShortlistIDs(ctx, vacancyID)
	if err != nil {
		return nil, err
	}
	out := make([]*Entry, 0, len(ids))
	for _, id := range ids {
		e, err := sl.Entry(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// allPositionsFilled reports whether as many are hired from the vacancy's
// shortlist as it has positions (one when it says none): a vacancy for two
// was closed as filled at the first hire.
func (sl *Service) allPositionsFilled(ctx context.Context, v *jobmatch.Vacancy) (bool, error) {
	es, err := sl.entriesOf(ctx, v.ID)
	if err != nil {
		return false, err
	}
	hired := 0
	for _, e := range es {
		if e.Stage == jobmatch.StageHired {
			hired++
		}
	}
	return hired >= max(v.Positions, 1), nil
}

// cancelComing cancels an entry's interviews still to come; a failure is
// logged (the move stands, and the consultant can cancel by hand).
func (sl *Service) cancelComing(ctx context.Context, by *jobmatch.User, e *Entry) {
	ivs, err := sl.interviews(ctx, by, e)
	if err != nil {
		sl.log.Warn("cancel interviews", "entry", e.ID, "err", err)
		return
	}
	for _, iv := range ivs {
		if iv.Status == "cancelled" || !iv.Start.After(sl.now()) {
			continue
		}
		if _, err := sl.ChangeInterview(ctx, by, e.ID, iv.ID, InterviewChange{Status: "cancelled"}); err != nil {
			sl.log.Warn("cancel interview", "entry", e.ID, "interview", iv.ID, "err", err)
		}
	}
}

// tellEmployer mails the vacancy's contact that candidates are presented,
// with the private link and the company's fixed contact person, as the
// receipt names them (whom to call about a candidate). A failure is
// logged: the presentation stands.
func (sl *Service) tellEmployer(ctx context.Context, v *jobmatch.Vacancy) {
	if v.Contact.Email == "" || v.StatusToken == "" {
		return
	}
	link := sl.env.URL("/status/" + v.StatusToken)
	var da, en string
	if cp, err := sl.vacancies.ContactPersonOf(ctx, v.CVR); err != nil {
		sl.log.Warn("contact person of the presented mail", "vacancy", v.ID, "err", err)
	} else if cp.Name != "" {
		da = fmt.Sprintf("\nDin faste kontaktperson: %s, %s, %s\n", cp.Name, cp.Phone, cp.Email)
		en = fmt.Sprintf("Your fixed contact person: %s, %s, %s.\n", cp.Name, cp.Phone, cp.Email)
		if d := cp.Deputy; d != nil {
			da += fmt.Sprintf("%s er fraværende i øjeblikket. Imens kan du kontakte %s, %s, %s\n", cp.Name, d.Name, d.Phone, d.Email)
			en += fmt.Sprintf("%s is away at the moment; meanwhile contact %s, %s, %s.\n", cp.Name, d.Name, d.Phone, d.Email)
		}
	}
	err := sl.env.Send(ctx, &jobmatch.Mail{To: v.Contact.Email, Kind: "candidates_presented", Ref: v.ID,
		Subject: "Kandidater til " + v.Title + " (" + v.Reference + ")",
		Body: "Jobcentret har præsenteret kandidater til din stilling " + v.Title + ".\nSe dem og svar her:\n" + link + "\n" + da +
			"\nThe jobcentre has presented candidates for your vacancy. See them and answer here:\n" + link + "\n" + en})
	if err != nil {
		sl.log.Warn("tell employer", "vacancy", v.ID, "err", err)
	}
}

// VacancyConsentInput records a citizen's consent to be presented for a vacancy.
type VacancyConsentInput struct {
	VacancyID      string `json:"vacancy_id" validate:"required,max=64"`
	Channel        string `json:"channel" validate:"required,oneof=phone meeting digital"`
	RevealIdentity bool   `json:"reveal_identity"`
}

// GiveConsent records (or renews) a consent.
func (sl *Service) GiveConsent(ctx context.Context, by *jobmatch.User, candidateID string, in VacancyConsentInput) (*jobmatch.Consent, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	if _, err := sl.st.Candidate(ctx, candidateID); err != nil {
		return nil, err
	}
	v, err := sl.vacancies.Vacancy(ctx, in.VacancyID)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return nil, jobmatch.Invalid("vacancy_id", "unknown_vacancy", "")
	}
	if err != nil {
		return nil, err
	}
	// Given by phone or at a meeting, the consent is to the profile as it
	// stands, its assessment included: the consultant records it with the
	// citizen, who is told what the employer will read.
	var assessment string
	if e, err := sl.EntryFor(ctx, v.ID, candidateID); err == nil && e.Interview != nil {
		assessment = e.Interview.Assessment
	} else if err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return nil, err
	}
	c := &jobmatch.Consent{ID: consentID(candidateID, v.ID), CandidateID: candidateID, VacancyID: v.ID, CVR: v.CVR, Channel: in.Channel,
		RevealIdentity: in.RevealIdentity, By: by.ID, GivenAt: sl.now().UTC(), Assessment: &assessment}
	if err := sl.st.ConsentRecorded(ctx, c); err != nil {
		return nil, err
	}
	// The consent given by phone or at a meeting answers the link sent
	// before: it closes, and a "nej" on it no longer undoes the consent
	// (the row kept showing it as waiting for an answer by its deadline).
	if err := sl.retireLinkOf(ctx, candidateID, v.ID); err != nil {
		return nil, err
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "consent.give", Subjects: []string{candidateID}, VacancyID: v.ID, Reason: in.Channel}); err != nil {
		return nil, err
	}
	return c, nil
}

// WithdrawConsent withdraws a consent; the employer's view hides the
// person at once (it reads the consent on every view).
func (sl *Service) WithdrawConsent(ctx context.Context, by *jobmatch.User, candidateID, vacancyID string) error {
	if !by.CanReadCVs() {
		return jobmatch.ErrForbidden
	}
	c, err := sl.Consent(ctx, candidateID, vacancyID)
	if err != nil {
		return err
	}
	now := sl.now().UTC()
	c.WithdrawnAt = &now
	if err := sl.st.ConsentRecorded(ctx, c); err != nil {
		return err
	}
	if err := sl.retireLinkOf(ctx, candidateID, vacancyID); err != nil {
		return err
	}
	return sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "consent.withdraw", Subjects: []string{candidateID}, VacancyID: vacancyID})
}

// retireLinkOf ends the open consent link of the citizen's entry on the
// vacancy, as a consent is withdrawn: a "ja" on a link sent before made
// the withdrawn consent hold again. Asking again is a new link.
func (sl *Service) retireLinkOf(ctx context.Context, candidateID, vacancyID string) error {
	defer sl.st.LockConsentAnswer(entryID(vacancyID, candidateID))()
	e, err := sl.EntryFor(ctx, vacancyID, candidateID)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = sl.retireLink(ctx, e)
	return err
}

// endConsent withdraws a consent still in force for reason (audited as
// by's withdrawal) and ends the open consent link; none is no error.
func (sl *Service) endConsent(ctx context.Context, by, candidateID, vacancyID, reason string) error {
	if err := sl.retireLinkOf(ctx, candidateID, vacancyID); err != nil {
		return err
	}
	c, err := sl.Consent(ctx, candidateID, vacancyID)
	if errors.Is(err, jobmatch.ErrNotFound) || (err == nil && !c.Active()) {
		return nil
	}
	if err != nil {
		return err
	}
	now := sl.now().UTC()
	c.WithdrawnAt = &now
	if err := sl.st.ConsentRecorded(ctx, c); err != nil {
		return err
	}
	return sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by, Action: "consent.withdraw", Subjects: []string{candidateID}, VacancyID: vacancyID, Reason: reason})
}

// WithdrawConsents withdraws a citizen's consents to be presented on every
// vacancy they are shortlisted for, as the CV's general consent is
// withdrawn: each employer's view hides the person at once (it kept
// showing the name and the profile). Each is audited as one withdrawal
// ("consent.withdraw", reason "cv").
func (sl *Service) WithdrawConsents(ctx context.Context, by *jobmatch.User, candidateID string) error {
	if !by.CanReadCVs() {
		return jobmatch.ErrForbidden
	}
	ids, err := sl.st.CandidateShortlistIDs(ctx, candidateID)
	if err != nil {
		return err
	}
	now := sl.now().UTC()
	for _, id := range ids {
		vacancyID, _, _ := strings.Cut(id, ":")
		c, err := sl.Consent(ctx, candidateID, vacancyID)
		if errors.Is(err, jobmatch.ErrNotFound) || (err == nil && !c.Active()) {
			continue
		}
		if err != nil {
			return err
		}
		c.WithdrawnAt = &now
		if err := sl.st.ConsentRecorded(ctx, c); err != nil {
			return err
		}
		if err := sl.retireLinkOf(ctx, candidateID, vacancyID); err != nil {
			return err
		}
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "consent.withdraw", Subjects: []string{candidateID}, VacancyID: vacancyID, Reason: "cv"}); err != nil {
			return err
		}
	}
	return nil
}

// Consent reads the consent of a candidate for a vacancy.
func (sl *Service) Consent(ctx context.Context, candidateID, vacancyID string) (*jobmatch.Consent, error) {
	return sl.st.Consent(ctx, consentID(candidateID, vacancyID))
}

// Profile is what the employer sees of a presented candidate: no name,
// contact, age, gender or nationality unless the citizen agreed to reveal
// who they are.
type Profile struct {
	ProfileID     string         `json:"profile_id"`
	Stage         jobmatch.Stage `json:"stage"`
	Occupations   []string       `json:"occupations"`
	Experience    []string       `json:"experience"`
	SkillsMatched []string       `json:"skills_matched"`
	Skills        []string       `json:"skills"` // SkillsMatched again, for the clients that read "skills"
	Education     []string       `json:"education"`
	Languages     []string       `json:"languages"`
	// Number is the profile's place on the employer's page ("Kandidat 1").
	Number int `json:"number"`
	// Years holds each job's title and years, for the page to write in its
	// language (Experience is the Danish text).
	Years         []ProfileJob `json:"-"`
	AvailableFrom string       `json:"available_from,omitempty"`
	// Hours and Shifts are the working time the CV wants: what an
	// employer with a part-time job or evening shifts asks first.
	Hours        []jobmatch.Hours          `json:"hours,omitempty"`
	Shifts       []jobmatch.Shift          `json:"shifts,omitempty"`
	DistanceBand string                    `json:"distance_band,omitempty"`
	Interview    string                    `json:"interview_summary,omitempty"`
	Name         string                    `json:"name,omitempty"` // only with reveal_identity
	Answers      []jobmatch.EmployerAnswer `json:"answers,omitempty"`
	// Headline is the occupation the candidate is presented as: the one
	// of the CV that matches the vacancy (the first one the CV wished for
	// headed a nurse's profile on a nurse's vacancy «Anlægsgartnerarbejder»).
	Headline string `json:"headline"`
	// DrivingLicences are the candidate's licences that meet the one the
	// vacancy asks for (none shown when it asks for none).
	DrivingLicences []string `json:"driving_licences,omitempty"`
}

// shown is a presented entry whose consent holds, with its candidate.
type shown struct {
	e       *Entry
	c       *jobmatch.Candidate
	consent *jobmatch.Consent
}

// presentedEntries are the entries of a vacancy the employer may see:
// presented (or decided on since) and with the consent in force now.
func (sl *Service) presentedEntries(ctx context.Context, v *jobmatch.Vacancy) ([]shown, error) {
	ids, err := sl.st.ShortlistIDs(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	var out []shown
	for _, id := range ids {
		e, err := sl.Entry(ctx, id)
		if err != nil || (e.Stage != jobmatch.StagePresented && e.Stage != jobmatch.StageHired && e.Stage != jobmatch.StageRejected) {
			continue
		}
		consent, err := sl.Consent(ctx, e.CandidateID, v.ID)
		if err != nil || !consent.Active() {
			continue
		}
		c, err := sl.st.Candidate(ctx, e.CandidateID)
		if err != nil {
			continue
		}
		out = append(out, shown{e, c, consent})
	}
	return out, nil
}

// Presented returns the anonymised profiles of the candidates presented on
// a vacancy whose consent holds, for the employer's private link; each view
// is audited.
func (sl *Service) Presented(ctx context.Context, v *jobmatch.Vacancy) ([]Profile, error) {
	return sl.PresentedIn(ctx, v, i18n.DA)
}

// PresentedIn is Presented in lang: the years, the skills met in part and
// the education as an English page says them ("12 years", "(partly)"; the
// English employer page said "(delvis)").
func (sl *Service) PresentedIn(ctx context.Context, v *jobmatch.Vacancy, lang i18n.Lang) ([]Profile, error) {
	entries, err := sl.presentedEntries(ctx, v)
	if err != nil {
		return nil, err
	}
	out := make([]Profile, 0, len(entries))
	ids := make([]string, 0, len(entries))
	for _, x := range entries {
		p := sl.profile(v, x.e, x.c, lang)
		p.Interview = consentedAssessment(x.e, x.consent)
		if x.consent.RevealIdentity {
			p.Name = x.c.Name
		}
		anonymiseProfile(&p, x.c, sl.places, x.consent.RevealIdentity, lang)
		out = append(out, p)
		ids = append(ids, x.c.ID)
	}
	numbers, err := sl.presentationNumbers(ctx, v)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Number = numbers[out[i].ProfileID]
	}
	slices.SortFunc(out, func(a, b Profile) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), strings.Compare(a.ProfileID, b.ProfileID))
	})
	if len(ids) > 0 {
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: "employer:" + v.CVR, Action: "profile.view", Subjects: ids, VacancyID: v.ID, Count: len(ids)}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// consentedAssessment is the assessment the employer is shown: the text
// as it stood when the citizen consented, or none. An assessment written
// or rewritten since (a consent by link before the first interview, a new
// interview after the candidate came back on the list) is not shown
// until the citizen has read it and said yes again: they consented to
// be presented with what they were shown, and the consultant's words
// about them reach an employer only when they know them. Withholding the
// new text, rather than the candidate, keeps the presentation standing
// meanwhile; the consultant's row says so and offers a new link
// (AssessmentUnseen).
func consentedAssessment(e *Entry, k *jobmatch.Consent) string {
	if k == nil || e.Interview == nil {
		return ""
	}
	if k.Assessment != nil {
		if *k.Assessment == e.Interview.Assessment {
			return *k.Assessment
		}
		// Rewritten since: the text consented to is no longer the
		// consultant's word either, so neither is shown.
		return ""
	}
	// A consent recorded before its assessment was kept: the assessment
	// only when the interview was recorded before the consent was given.
	for i := len(e.Steps) - 1; i >= 0; i-- {
		if e.Steps[i].To == jobmatch.StageInterviewed {
			if e.Steps[i].At.Before(k.GivenAt) {
				return e.Interview.Assessment
			}
			return ""
		}
	}
	return ""
}

// AssessmentUnseen reports whether the entry has an assessment its
// citizen's consent does not cover (written since the consent): the
// employer does not see it until the citizen says yes to a new link.
func AssessmentUnseen(e *Entry, k *jobmatch.Consent) bool {
	return k.Active() && e.Interview != nil && e.Interview.Assessment != "" && consentedAssessment(e, k) == ""
}

// ConsentCovers reports whether k is a consent in force that covers the
// entry as the employer would see it, its assessment included.
func ConsentCovers(e *Entry, k *jobmatch.Consent) bool {
	return k.Active() && !AssessmentUnseen(e, k)
}

// presentationNumbers numbers the profiles of a vacancy in the order they
// were first presented, counting those withdrawn or erased since (the
// anonymous records of the erased keep the steps, PresentedErasedIDs):
// "Kandidat 2" stays the person the employer phoned about (numbered by the
// profiles shown, the next became "Kandidat 2" when one was withdrawn, or
// when "Kandidat 1" was erased). Keyed by profile id.
func (sl *Service) presentationNumbers(ctx context.Context, v *jobmatch.Vacancy) (map[string]int, error) {
	es, err := sl.entriesOf(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	erased, err := sl.st.PresentedErasedIDs(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	for _, id := range erased {
		e, err := sl.Entry(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	type shownAt struct {
		at      time.Time
		id, pid string
	}
	var all []shownAt
	for _, e := range es {
		for _, s := range e.Steps {
			if s.To == jobmatch.StagePresented {
				all = append(all, shownAt{s.At, e.ID, e.ProfileID})
				break
			}
		}
	}
	slices.SortFunc(all, func(a, b shownAt) int { return cmp.Or(a.at.Compare(b.at), strings.Compare(a.id, b.id)) })
	out := make(map[string]int, len(all))
	for i, x := range all {
		if x.pid != "" {
			out[x.pid] = i + 1
		}
	}
	return out, nil
}

func (sl *Service) profile(v *jobmatch.Vacancy, e *Entry, c *jobmatch.Candidate, lang i18n.Lang) Profile {
	p := Profile{ProfileID: e.ProfileID, Stage: e.Stage, Occupations: []string{}, Experience: []string{}, SkillsMatched: []string{},
		Skills: []string{}, Education: []string{}, Languages: []string{}, Answers: e.Answers}
	for _, o := range c.DesiredOccupations {
		p.Occupations = append(p.Occupations, o.Label)
	}
	p.Headline = sl.headline(v, c)
	p.Hours, p.Shifts = slices.Clone(c.Hours), slices.Clone(c.Shifts)
	p.Years = profileJobs(c.Experience)
	for _, j := range p.Years {
		text := fmt.Sprintf("%s, %s år", j.Title, strings.Replace(trimFloat(j.Years), ".", ",", 1))
		if j.Jobs > 1 {
			text += fmt.Sprintf(" (%d ansættelser)", j.Jobs)
		}
		if lang == i18n.EN {
			unit := "years"
			if j.Years == 1 {
				unit = "year"
			}
			text = fmt.Sprintf("%s, %s %s", j.Title, trimFloat(j.Years), unit)
			if j.Jobs > 1 {
				text += fmt.Sprintf(" (%d jobs)", j.Jobs)
			}
		}
		p.Experience = append(p.Experience, text)
	}
	if sl.matches != nil {
		if m, ok := sl.matches.MatchedSkillsIn(lang, v, c.ID); ok {
			p.SkillsMatched = append(p.SkillsMatched, m...)
		}
	} else {
		want := append(slices.Clone(v.SkillsRequired), v.SkillsDesired...)
		for _, s := range c.Skills {
			for _, w := range want {
				if strings.EqualFold(strings.TrimSpace(w), strings.TrimSpace(s.Label)) || (len(w) > 3 && strings.Contains(strings.ToLower(s.Label), strings.ToLower(w))) {
					p.SkillsMatched = append(p.SkillsMatched, s.Label)
					break
				}
			}
		}
	}
	// Skills are the skills asked for that the CV has, as the page shows
	// them: the CV's other skills ("tolk somali-dansk", "halal-slagtning")
	// said where a person comes from, and the consultant promises the
	// citizen that the employer sees only what was asked for.
	p.Skills = append(p.Skills, p.SkillsMatched...)
	for _, ed := range c.Education {
		// The field says what it is ("Procesoperatøruddannelsen"); the
		// level's code ("vocational") is not for an employer's eyes.
		p.Education = append(p.Education, i18n.Education(lang, ed.Level, strings.TrimSpace(ed.Field)))
	}
	// Only the languages the vacancy asks for, plus Danish and English, at
	// their CEFR level; a mother tongue is not shown (it hints at origin).
	asked := map[string]bool{"da": true, "en": true}
	for _, l := range v.Languages {
		asked[strings.ToLower(l.Code)] = true
	}
	for _, l := range c.Languages {
		level := strings.ToUpper(l.Level)
		if level == "NATIVE" {
			// A mother tongue is read as C2, as the CV search reads
			// "modersmål": Danish asked at B1 and a Danish mother tongue
			// left no Danish on the profile.
			level = "C2"
		}
		if !asked[strings.ToLower(l.Code)] || !cefr[level] {
			continue
		}
		p.Languages = append(p.Languages, strings.ToLower(l.Code)+" "+level)
	}
	if want := strings.ToUpper(strings.TrimSpace(v.DrivingLicence)); want != "" {
		p.DrivingLicences = []string{}
		for _, l := range c.DrivingLicences {
			if l = strings.ToUpper(strings.TrimSpace(l)); matcher.HasLicence([]string{l}, want) && !slices.Contains(p.DrivingLicences, l) {
				p.DrivingLicences = append(p.DrivingLicences, l)
			}
		}
	}
	if !c.AvailableFrom.IsZero() {
		p.AvailableFrom = c.AvailableFrom.Format(time.DateOnly)
	}
	if sl.places != nil {
		if km, ok := sl.places.DistanceKm(v.PostalCode, c.PostalCode); ok {
			p.DistanceBand = distanceBand(km)
		}
	}
	if e.Interview != nil {
		p.Interview = e.Interview.Assessment
	}
	return p
}

// ProfileJob is a title on an anonymous profile: the years in all of the
// jobs under it, and how many.
type ProfileJob struct {
	Title string
	Years float64
	Jobs  int
}

// profileJobs are a CV's jobs by title, the most years first: "Tømrer,
// 26,5 år (3 ansættelser)", not "Tømrer, 2 år; Tømrer, 2 år; Tømrer,
// 22,5 år", which says no more to an employer (the employers are not
// shown) and traces one person's path more closely.
func profileJobs(exp []jobmatch.Experience) []ProfileJob {
	var out []ProfileJob
	at := map[string]int{}
	for _, x := range exp {
		title := strings.TrimSpace(x.Title)
		if title == "" {
			continue
		}
		k := strings.ToLower(title)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, ProfileJob{Title: title})
		}
		out[i].Years += x.Years
		out[i].Jobs++
	}
	slices.SortStableFunc(out, func(a, b ProfileJob) int { return cmp.Compare(b.Years, a.Years) })
	return out
}

// cefr are the language levels a profile shows: a mother tongue
// ("native") is shown as C2, never as such (it hints at origin).
var cefr = map[string]bool{"A1": true, "A2": true, "B1": true, "B2": true, "C1": true, "C2": true}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", f), "0"), ".")
}

// distanceBand says how far, not where: the employer should not be able to
// place a person from the profile.
func distanceBand(km float64) string {
	switch {
	case km < 10:
		return "0–10 km"
	case km < 25:
		return "10–25 km"
	case km < 50:
		return "25–50 km"
	}
	return "50+ km"
}

// AnswerInput is the employer's answer about one presented profile.
type AnswerInput struct {
	ProfileID string `json:"profile_id" validate:"required,max=64"`
	Answer    string `json:"answer" validate:"required,oneof=invite_to_interview not_relevant question"`
	Reason    string `json:"reason,omitempty" validate:"omitempty,oneof=qualifications experience availability language distance other"`
	Text      string `json:"text,omitempty" validate:"max=2000"`
}

// Answer stores the employer's answer on the entry, puts it on the
// consultant's worklist and mails the consultant.
func (sl *Service) Answer(ctx context.Context, token string, in AnswerInput) (*jobmatch.EmployerAnswer, error) {
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	if in.Answer == "not_relevant" && in.Reason == "" {
		return nil, jobmatch.Invalid("reason", "required", "")
	}
	if in.Answer == "question" && strings.TrimSpace(in.Text) == "" {
		return nil, jobmatch.Invalid("text", "required", "")
	}
	v, err := sl.VacancyOfLink(ctx, token)
	if err != nil {
		return nil, err
	}
	if v.Status.Ended() {
		// Filled or closed: nothing is left to answer (an invitation to
		// interview a candidate already hired was taken).
		return nil, &jobmatch.ConflictError{Code: "vacancy_closed", Detail: "the vacancy is " + string(v.Status) + "; there is nothing left to answer"}
	}
	entries, err := sl.presentedEntries(ctx, v)
	if err != nil {
		return nil, err
	}
	var entryID, name string
	var given []jobmatch.EmployerAnswer
	for _, x := range entries {
		if x.e.ProfileID == in.ProfileID {
			entryID, name, given = x.e.ID, x.c.Name, x.e.Answers
			if x.e.Stage == jobmatch.StageHired {
				// Hired: nothing is left to decide about them ("Ikke
				// relevant" about the person taken on was taken).
				return nil, &jobmatch.ConflictError{Code: "profile_closed", Detail: "The candidate is hired, so there is nothing more to answer about them."}
			}
		}
	}
	if entryID == "" {
		if closedProfile(ctx, sl, v, in.ProfileID) {
			return nil, &jobmatch.ConflictError{Code: "profile_closed", Detail: "The candidate is no longer in the process, so there is nothing more to answer about them."}
		}
		return nil, jobmatch.Invalid("profile_id", "unknown_profile", "")
	}
	if decided := decision(given); decided != nil && in.Answer != "question" {
		// One decision per candidate: "Inviter til samtale" then "Ikke
		// relevant" left the consultant with both. The same decision
		// again (a second click) is the one given; a change of mind is
		// a question to the consultant.
		if decided.Answer == in.Answer {
			return decided, nil
		}
		return nil, &jobmatch.ConflictError{Code: "already_answered", Detail: "You have already answered about this candidate. If you have changed your mind, tell the consultant under “Ask the consultant”."}
	}
	a := jobmatch.EmployerAnswer{Answer: in.Answer, Reason: in.Reason, Text: strings.TrimSpace(in.Text), At: sl.now().UTC()}
	if err := sl.st.EmployerAnswered(ctx, entryID, v.ConsultantID, a); err != nil {
		return nil, err
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: "employer:" + v.CVR, Action: "employer.answer", VacancyID: v.ID, Reason: in.Answer}); err != nil {
		return nil, err
	}
	err = sl.env.Send(ctx, &jobmatch.Mail{To: v.ConsultantID, Kind: "employer_answer", Ref: entryID,
		Subject: "Svar fra " + v.CompanyName + " om " + name + " (" + v.Reference + ")",
		Body:    answerMail(v, name, a)})
	if err != nil {
		sl.log.Warn("tell consultant", "vacancy", v.ID, "err", err)
	}
	return &a, nil
}

// VacancyOfLink returns the vacancy behind a private link; a revoked link,
// or one whose vacancy closed more than LinkGrace ago, is ErrGone.
func (sl *Service) VacancyOfLink(ctx context.Context, token string) (*jobmatch.Vacancy, error) {
	l, err := sl.vacancies.ResolveLink(ctx, token)
	if err != nil {
		return nil, err
	}
	if l.Kind != "vacancy" {
		return nil, jobmatch.ErrNotFound
	}
	v, err := sl.vacancies.Vacancy(ctx, l.ID)
	if err != nil {
		return nil, err
	}
	if v.ClosedAt != nil && sl.now().Sub(*v.ClosedAt) > sl.linkGrace {
		return nil, jobmatch.ErrGone
	}
	return v, nil
}

// RevokeLink ends a vacancy's private link (consultant or admin).
func (sl *Service) RevokeLink(ctx context.Context, by *jobmatch.User, vacancyID string) error {
	if !by.CanReadCVs() {
		return jobmatch.ErrForbidden
	}
	v, err := sl.vacancies.Vacancy(ctx, vacancyID)
	if err != nil {
		return err
	}
	if err := sl.st.RevokeLink(ctx, v.StatusToken, sl.now().UTC()); err != nil {
		return err
	}
	return sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "link.revoke", VacancyID: v.ID})
}

// Answered is an employer's answer about a presented candidate on the
// consultant's worklist: the latest about each entry, and every question
// not yet marked answered however old (Open).
type Answered struct {
	EntryID     string `json:"entry_id"`
	VacancyID   string `json:"vacancy_id"`
	CandidateID string `json:"candidate_id"`
	Name        string `json:"name"`
	// VacancyTitle and VacancyReference name the vacancy the candidate
	// was presented for: a consultant with several has to know which.
	VacancyTitle     string                  `json:"vacancy_title,omitempty"`
	VacancyReference string                  `json:"vacancy_reference,omitempty"`
	CompanyName      string                  `json:"company_name,omitempty"`
	Answer           jobmatch.EmployerAnswer `json:"answer"`
	// Index is the answer's place among the entry's answers, for marking
	// a question answered; Open says the question awaits the consultant.
	Index int  `json:"index"`
	Open  bool `json:"open,omitempty"`
}

// openQuestion says whether a is an employer's question the consultant
// has not marked answered.
func openQuestion(a jobmatch.EmployerAnswer) bool {
	return a.Answer == "question" && a.HandledAt == nil
}

// EmployerAnswers are the employers' answers about a consultant's
// presented candidates: first every question the consultant has not
// marked answered (newest first), then the latest answer about each of
// the up to limit entries answered last. A later "Ikke relevant" hid the
// question asked before it, which then went unanswered.
func (sl *Service) EmployerAnswers(ctx context.Context, consultantID string, limit int) ([]Answered, error) {
	questioned, err := sl.st.QuestionedEntries(ctx, consultantID, 200)
	if err != nil {
		return nil, err
	}
	answered, err := sl.st.AnsweredEntryIDs(ctx, consultantID, limit)
	if err != nil {
		return nil, err
	}
	var open, latest []Answered
	vacancies := map[string]*jobmatch.Vacancy{}
	seen := map[string]bool{}
	for _, id := range append(slices.Clone(questioned.Refs), answered...) {
		if seen[id] {
			continue
		}
		e, err := sl.st.ShortlistEntry(ctx, id)
		if err != nil || len(e.Answers) == 0 {
			continue
		}
		seen[id] = true
		item := Answered{EntryID: e.ID, VacancyID: e.VacancyID, CandidateID: e.CandidateID}
		if c, err := sl.st.Candidate(ctx, e.CandidateID); err == nil {
			item.Name = c.Name
		}
		v, ok := vacancies[e.VacancyID]
		if !ok {
			v, _ = sl.vacancies.Vacancy(ctx, e.VacancyID)
			vacancies[e.VacancyID] = v
		}
		if v != nil {
			item.VacancyTitle, item.VacancyReference, item.CompanyName = v.Title, v.Reference, v.CompanyName
		}
		last := len(e.Answers) - 1
		for i := last; i >= 0; i-- {
			if openQuestion(e.Answers[i]) {
				q := item
				q.Answer, q.Index, q.Open = e.Answers[i], i, true
				open = append(open, q)
			}
		}
		if !openQuestion(e.Answers[last]) && slices.Contains(answered, id) {
			item.Answer, item.Index = e.Answers[last], last
			latest = append(latest, item)
		}
	}
	slices.SortStableFunc(open, func(a, b Answered) int { return b.Answer.At.Compare(a.Answer.At) })
	return append(append([]Answered{}, open...), latest...), nil
}

// AnswerHandled marks an employer's question about an entry answered: the
// consultant has answered it (by phone or mail), and it leaves the
// worklist. Marking one handled again changes nothing.
func (sl *Service) AnswerHandled(ctx context.Context, by *jobmatch.User, entryID string, index int) error {
	if !by.CanReadCVs() {
		return jobmatch.ErrForbidden
	}
	e, err := sl.st.ShortlistEntry(ctx, entryID)
	if err != nil {
		return err
	}
	if index < 0 || index >= len(e.Answers) || e.Answers[index].Answer != "question" {
		return jobmatch.Invalid("index", "unknown_question", "")
	}
	v, err := sl.vacancies.Vacancy(ctx, e.VacancyID)
	if err != nil {
		return err
	}
	if e.Answers[index].HandledAt != nil {
		return nil
	}
	// The entry leaves the list of questions when this was its last
	// open one.
	var pos []int64
	others := false
	for i, a := range e.Answers {
		if i != index && openQuestion(a) {
			others = true
		}
	}
	if !others {
		page, err := sl.st.QuestionedEntries(ctx, v.ConsultantID, 200)
		if err != nil {
			return err
		}
		for i, ref := range page.Refs {
			if ref == entryID {
				pos = append(pos, page.Pos[i])
			}
		}
	}
	if err := sl.st.EmployerAnswerHandled(ctx, entryID, index, by.ID, sl.now().UTC(), v.ConsultantID, pos...); err != nil {
		return err
	}
	return sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "employer.question_handled", VacancyID: e.VacancyID, Subjects: []string{e.CandidateID}})
}

// City names a postal code's district ("" when unknown).
func (sl *Service) City(postalCode string) string {
	if sl.places == nil {
		return ""
	}
	return sl.places.Name(postalCode)
}

// answerWords and reasonWords say an employer's answer and its reason in
// Danish and English, as the employer's page does, for the consultant's
// mail.
var (
	answerWords = map[string][2]string{
		"invite_to_interview": {"Inviter til samtale", "Invite to interview"},
		"not_relevant":        {"Ikke relevant", "Not relevant"},
		"question":            {"Spørgsmål til konsulenten", "Question for the consultant"},
	}
	reasonWords = map[string][2]string{
		"qualifications": {"kvalifikationer", "qualifications"},
		"experience":     {"erfaring", "experience"},
		"availability":   {"kan ikke starte i tide", "cannot start in time"},
		"language":       {"sprog", "language"},
		"distance":       {"afstand", "distance"},
		"other":          {"andet", "other"},
	}
)

// answerMail tells the vacancy's consultant what the employer answered
// about whom, in Danish and in English.
func answerMail(v *jobmatch.Vacancy, name string, a jobmatch.EmployerAnswer) string {
	var b strings.Builder
	for i, head := range [2]string{"%s har svaret »%s« om %s, præsenteret til %s (%s).\n", "%s answered \"%s\" about %s, presented for %s (%s).\n"} {
		if i == 1 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, head, v.CompanyName, answerWords[a.Answer][i], name, v.Title, v.Reference)
		if r, ok := reasonWords[a.Reason]; ok {
			fmt.Fprintf(&b, [2]string{"Begrundelse: %s\n", "Reason: %s\n"}[i], r[i])
		}
		if a.Text != "" {
			fmt.Fprintf(&b, [2]string{"Arbejdsgiveren skriver: %s\n", "The employer writes: %s\n"}[i], a.Text)
		}
	}
	return b.String()
}
