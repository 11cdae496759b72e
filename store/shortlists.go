package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"jobmatch"
)

// A vacancy's shortlist is a set of entries ("shortlist:<vacancy id>"),
// each stored under "<vacancy id>:<candidate id>"; employers' answers are
// listed per consultant, newest first ("answers:consultant:<id>").

func shortlistSet(vacancyID string) string   { return "shortlist:" + vacancyID }
func answersList(consultantID string) string { return "answers:consultant:" + consultantID }

// questionsList holds the entries an employer asked the consultant about,
// until the consultant marks the question answered.
func questionsList(consultantID string) string { return "questions:consultant:" + consultantID }

// A citizen's entries on every vacancy are a set too
// ("shortlists:candidate:<candidate id>"): the CV's page shows where the
// person is in process.
func candidateShortlists(candidateID string) string { return "shortlists:candidate:" + candidateID }

// ShortlistsByCandidate is the marker of the one pass that put the entries
// written before the citizen's set existed into it (BackfillCandidateShortlists).
const ShortlistsByCandidate = "shortlists-by-candidate"

// Shortlisted puts an entry on its vacancy's shortlist: the entry, then its
// place in the vacancy's set and the citizen's. ErrConflict: the person is
// on it already (the entry is not written again; its places are, so a
// crash between the entry and its places is mended by the retry, whose
// answer says the entry was there).
func (s *Store) Shortlisted(ctx context.Context, e *jobmatch.ShortlistEntry) error {
	if err := s.stampStep(ctx, e); err != nil {
		return err
	}
	err := s.Insert(ctx, ColShortlist, e)
	if err != nil && !errors.Is(err, jobmatch.ErrConflict) {
		return err
	}
	if err := s.SetAdd(ctx, shortlistSet(e.VacancyID), e.ID); err != nil {
		return err
	}
	if err := s.SetAdd(ctx, candidateShortlists(e.CandidateID), e.ID); err != nil {
		return err
	}
	return err
}

// CandidateShortlistIDs returns the ids of a citizen's entries on every
// vacancy (unordered).
func (s *Store) CandidateShortlistIDs(ctx context.Context, candidateID string) ([]string, error) {
	return s.SetMembers(ctx, candidateShortlists(candidateID))
}

// CandidatesShortlistIDs returns the ids of each citizen's entries, as
// CandidateShortlistIDs does, keyed by candidate id.
func (s *Store) CandidatesShortlistIDs(ctx context.Context, candidateIDs []string) (map[string][]string, error) {
	names := make([]string, len(candidateIDs))
	for i, cid := range candidateIDs {
		names[i] = candidateShortlists(cid)
	}
	sets, err := s.SetsMembers(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(candidateIDs))
	for i, cid := range candidateIDs {
		out[cid] = sets[names[i]]
	}
	return out, nil
}

// BackfillCandidateShortlists puts every entry into its citizen's set once
// (ShortlistsByCandidate marks it done): the entries of a store written
// before the set existed. One scan of the entries; two replicas may both
// run it, and add the same members.
func (s *Store) BackfillCandidateShortlists(ctx context.Context, at time.Time) (int, error) {
	if done, err := s.Marked(ctx, ShortlistsByCandidate); err != nil || done {
		return 0, err
	}
	byCandidate := map[string][]string{}
	if err := s.EachShortlistEntry(ctx, func(e *jobmatch.ShortlistEntry) error {
		if e.CandidateID != "" {
			byCandidate[e.CandidateID] = append(byCandidate[e.CandidateID], e.ID)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	n := 0
	for cid, ids := range byCandidate {
		if err := s.SetAdd(ctx, candidateShortlists(cid), ids...); err != nil {
			return n, err
		}
		n += len(ids)
	}
	_, err := s.Mark(ctx, ShortlistsByCandidate, at)
	return n, err
}

// ShortlistEntry reads an entry.
func (s *Store) ShortlistEntry(ctx context.Context, id string) (*jobmatch.ShortlistEntry, error) {
	return getAs[jobmatch.ShortlistEntry](ctx, s, ColShortlist, id)
}

// ShortlistIDs returns the ids of a vacancy's entries (unordered).
func (s *Store) ShortlistIDs(ctx context.Context, vacancyID string) ([]string, error) {
	return s.SetMembers(ctx, shortlistSet(vacancyID))
}

// MoveShortlistEntry writes an entry moved to its next stage, if it is
// still at version from (ErrConflict otherwise: someone moved it meanwhile,
// whichever replica). Only what a move changes is written (stage, steps,
// version, time, the interview it plans), so an employer's answer or a
// consent link's answer recorded since the entry was read is kept.
func (s *Store) MoveShortlistEntry(ctx context.Context, e *jobmatch.ShortlistEntry, from int64) error {
	if err := s.stampStep(ctx, e); err != nil {
		return err
	}
	set := Fields{"stage": e.Stage, "steps": e.Steps, "version": e.Version, "updated_at": e.UpdatedAt}
	if e.Interview != nil {
		set["interview"] = e.Interview
	}
	return s.SetVersioned(ctx, ColShortlist, e.ID, from, e, set)
}

// RemoveFromShortlist deletes an entry and its places in the sets.
func (s *Store) RemoveFromShortlist(ctx context.Context, e *jobmatch.ShortlistEntry) error {
	if err := s.Delete(ctx, ColShortlist, e.ID); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	if e.CandidateID != "" {
		if err := s.SetRemove(ctx, candidateShortlists(e.CandidateID), e.ID); err != nil {
			return err
		}
	}
	return s.SetRemove(ctx, shortlistSet(e.VacancyID), e.ID)
}

// DropFromShortlist takes an id off a vacancy's set and its citizen's (its
// entry is gone; an entry's id is "<vacancy id>:<candidate id>").
func (s *Store) DropFromShortlist(ctx context.Context, vacancyID, entryID string) error {
	if v, cid, ok := strings.Cut(entryID, ":"); ok && v == vacancyID && cid != "" {
		if err := s.SetRemove(ctx, candidateShortlists(cid), entryID); err != nil {
			return err
		}
	}
	return s.SetRemove(ctx, shortlistSet(vacancyID), entryID)
}

// ConsentLinkSent records the consent link last sent for an entry.
func (s *Store) ConsentLinkSent(ctx context.Context, entryID string, state jobmatch.ConsentRequestState) error {
	return s.Apply(ctx, ColShortlist, entryID, Change{Set: Fields{"consent_request": state}})
}

// ConsentLinkRenewed records that an entry's consent link was renewed by
// link id at (a reminder).
func (s *Store) ConsentLinkRenewed(ctx context.Context, entryID, id string, at time.Time) error {
	return s.Apply(ctx, ColShortlist, entryID, Change{Set: Fields{"consent_request.id": id, "consent_request.reminded_at": at}})
}

// ConsentLinkAnswered records the citizen's answer to an entry's consent
// link.
func (s *Store) ConsentLinkAnswered(ctx context.Context, entryID, answer string, at time.Time) error {
	return s.Apply(ctx, ColShortlist, entryID, Change{Set: Fields{"consent_request.answered_at": at, "consent_request.answer": answer}})
}

// InterviewPlanned adds an interview invitation to an entry.
func (s *Store) InterviewPlanned(ctx context.Context, entryID, interviewID string) error {
	return s.Apply(ctx, ColShortlist, entryID, Change{AddToSet: Fields{"interviews": interviewID}})
}

// EmployerAnswered adds an employer's answer to an entry and lists it for
// the vacancy's consultant.
func (s *Store) EmployerAnswered(ctx context.Context, entryID, consultantID string, a jobmatch.EmployerAnswer) error {
	if err := s.Apply(ctx, ColShortlist, entryID, Change{Push: Fields{"employer_answers": a}}); err != nil {
		return err
	}
	if a.Answer == "question" {
		if _, err := s.ListAppend(ctx, questionsList(consultantID), entryID); err != nil {
			return err
		}
	}
	_, err := s.ListAppend(ctx, answersList(consultantID), entryID)
	return err
}

// QuestionedEntries are the entries employers asked a consultant about
// that are still listed (newest first), with their list positions.
func (s *Store) QuestionedEntries(ctx context.Context, consultantID string, limit int) (ListPage, error) {
	return s.ListPage(ctx, questionsList(consultantID), 0, limit)
}

// EmployerAnswerHandled marks the i-th employer answer of an entry handled
// by the consultant by; pos are the entry's places on consultantID's list
// of questions (QuestionedEntries), which it leaves.
func (s *Store) EmployerAnswerHandled(ctx context.Context, entryID string, i int, by string, at time.Time, consultantID string, pos ...int64) error {
	k := "employer_answers." + strconv.Itoa(i)
	if err := s.Apply(ctx, ColShortlist, entryID, Change{Set: Fields{k + ".handled_at": at, k + ".handled_by": by}}); err != nil {
		return err
	}
	for _, p := range pos {
		if err := s.ListRemove(ctx, questionsList(consultantID), p); err != nil {
			return err
		}
	}
	return nil
}

// AnsweredEntryIDs are the entries employers answered about last on a
// consultant's vacancies, newest first (an entry answered twice twice).
func (s *Store) AnsweredEntryIDs(ctx context.Context, consultantID string, limit int) ([]string, error) {
	p, err := s.ListPage(ctx, answersList(consultantID), 0, limit)
	return p.Refs, err
}

// stampStep records in an entry's newest step, the one this write adds
// and the caller counts next, the slot whose shard counts it (kpi.go).
func (s *Store) stampStep(ctx context.Context, e *jobmatch.ShortlistEntry) error {
	if len(e.Steps) == 0 {
		return nil
	}
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	e.Steps[len(e.Steps)-1].Slot = slot
	return nil
}
