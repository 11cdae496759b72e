package screening

import (
	"context"
	"errors"
	"slices"

	"jobmatch"
)

// RetentionReport is what one run of the data minimisation erased.
type RetentionReport struct {
	Vacancies       int `json:"vacancies"`
	Entries         int `json:"entries"`
	Consents        int `json:"consents"`
	ConsentRequests int `json:"consent_requests"`
	Interviews      int `json:"interviews"`
	// MatchRuns are the match runs erased (matching.Service.DropRuns; the
	// daily job adds them here).
	MatchRuns int `json:"match_runs"`
}

// ForgetCandidate erases a citizen's pre-screening as their CV is erased:
// each shortlist entry (the consultant's assessment and notes, the
// employer's answers), its consent, consent links and interviews, keeping
// of each entry only the anonymous counts the figures need, as Minimise
// does. An erased person stayed on the shortlists, assessment and all,
// and could still be moved (to hired, counted) until the vacancy's
// retention ran out.
//
// Interviews still to come are cancelled first, everyone invited told (the
// employer and the consultant kept a calendar invitation for a person
// erased).
func (sl *Service) ForgetCandidate(ctx context.Context, by *jobmatch.User, candidateID string) error {
	ids, err := sl.st.CandidateShortlistIDs(ctx, candidateID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		e, err := sl.Entry(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if by != nil {
			sl.cancelComing(ctx, by, e)
		}
		var n RetentionReport
		if err := sl.minimiseEntry(ctx, &jobmatch.Vacancy{ID: e.VacancyID}, id, &n, true); err != nil {
			return err
		}
	}
	return nil
}

// Minimise erases the pre-screening of every vacancy closed more than
// shortlistDays ago — shortlist entries with their interview notes and the
// employer's answers, consents, consent links, interview invitations — and
// keeps of each entry only what the figures need: the vacancy, the priority
// groups and the dated steps, under a new id that names nobody (the match
// runs are matching's: matching.Service.DropRuns). Each vacancy is claimed by a unique insert, so two replicas do it once; each
// erasure is one audit line. A maintenance scan, for the daily job.
func (sl *Service) Minimise(ctx context.Context, shortlistDays int) (RetentionReport, error) {
	var rep RetentionReport
	st := sl.st
	now := sl.now().UTC()
	if shortlistDays > 0 {
		cutoff := now.AddDate(0, 0, -shortlistDays)
		var due []*jobmatch.Vacancy
		if err := st.EachVacancy(ctx, func(v *jobmatch.Vacancy) error {
			if v.Status.Ended() && v.ClosedAt != nil && v.ClosedAt.Before(cutoff) {
				due = append(due, v)
			}
			return nil
		}); err != nil {
			return rep, err
		}
		for _, v := range due {
			ids, err := st.ShortlistIDs(ctx, v.ID)
			if err != nil {
				return rep, err
			}
			if len(ids) == 0 {
				continue
			}
			var n RetentionReport
			for _, id := range ids {
				if err := sl.minimiseEntry(ctx, v, id, &n, false); err != nil {
					return rep, err
				}
			}
			if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: "system", Action: "retention.shortlist", VacancyID: v.ID, Count: n.Entries,
				Reason: "closed more than the retention period ago; entries, consents, consent links, interviews and employer answers erased, anonymous counts kept"}); err != nil {
				return rep, err
			}
			rep.Vacancies++
			rep.Entries += n.Entries
			rep.Consents += n.Consents
			rep.ConsentRequests += n.ConsentRequests
			rep.Interviews += n.Interviews
		}
	}
	return rep, nil
}

// minimiseEntry replaces one entry by its anonymous counts and erases
// what hangs on it. With numbered (a citizen erased from a vacancy still
// open), an entry that was presented is listed with its vacancy, so the
// employer's numbers of the others stay (presentationNumbers).
func (sl *Service) minimiseEntry(ctx context.Context, v *jobmatch.Vacancy, id string, n *RetentionReport, numbered bool) error {
	st := sl.st
	e, err := sl.Entry(ctx, id)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return st.DropFromShortlist(ctx, v.ID, id)
	}
	if err != nil {
		return err
	}
	anon := &Entry{ID: "anon:" + jobmatch.NewID(), VacancyID: v.ID, Stage: e.Stage, Groups: e.Groups, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt, Version: 1}
	for _, s := range e.Steps {
		// The slot stays: the step is still counted in that replica's
		// shard, and its recount must find it (store/kpi.go).
		anon.Steps = append(anon.Steps, jobmatch.Step{From: s.From, To: s.To, At: s.At, Slot: s.Slot})
	}
	// The anonymous record first: a crash before the erasure leaves no
	// duplicate for the next run to make (the store keeps it once), never
	// a loss.
	if err := st.KeepAnonymous(ctx, e.ID, anon); err != nil {
		return err
	}
	if numbered && slices.ContainsFunc(e.Steps, func(s jobmatch.Step) bool { return s.To == jobmatch.StagePresented }) {
		if err := st.PresentedErased(ctx, v.ID, anon.ID); err != nil {
			return err
		}
	}
	if cr := e.ConsentRequest; cr != nil {
		ids := []string{cr.ID}
		if r, err := st.ConsentRequest(ctx, cr.ID); err == nil {
			ids = append(ids, r.Previous...)
		}
		for _, rid := range ids {
			if err := st.DropConsentRequest(ctx, rid); err != nil {
				return err
			}
			n.ConsentRequests++
		}
	}
	if _, err := sl.Consent(ctx, e.CandidateID, v.ID); err == nil {
		if err := st.DropConsent(ctx, consentID(e.CandidateID, v.ID)); err != nil {
			return err
		}
		n.Consents++
	}
	for _, iid := range e.Interviews {
		if err := st.DropInterview(ctx, iid); err != nil {
			return err
		}
		n.Interviews++
	}
	if err := st.RemoveFromShortlist(ctx, e); err != nil {
		return err
	}
	n.Entries++
	return nil
}
