package store

import (
	"context"

	"jobmatch"
)

// A citizen's data export (GDPR art. 15) reads every collection that names
// them by their candidate id. On the embedded backend each read is a scan:
// a rare request, never a page.

// CitizenRecords are the records that name one citizen, each list empty
// (not nil) when there are none.
type CitizenRecords struct {
	Consents         []jobmatch.Consent
	ShortlistEntries []jobmatch.ShortlistEntry
	ConsentRequests  []jobmatch.ConsentRequest
	Interviews       []jobmatch.InterviewInvite
	// MatchRuns ranked the citizen among a vacancy's candidates or ranked
	// vacancies for them.
	MatchRuns []jobmatch.MatchRun
}

// CitizenRecords reads the consents, shortlist entries, consent links,
// interview invitations and match runs that name a citizen.
func (s *Store) CitizenRecords(ctx context.Context, candidateID string) (*CitizenRecords, error) {
	byCand := Fields{"candidate_id": candidateID}
	var x CitizenRecords
	var err error
	if x.Consents, err = FindAll[jobmatch.Consent](ctx, s, ColConsents, byCand); err != nil {
		return nil, err
	}
	if x.ShortlistEntries, err = FindAll[jobmatch.ShortlistEntry](ctx, s, ColShortlist, byCand); err != nil {
		return nil, err
	}
	if x.ConsentRequests, err = FindAll[jobmatch.ConsentRequest](ctx, s, ColConsentRequests, byCand); err != nil {
		return nil, err
	}
	if x.Interviews, err = FindAll[jobmatch.InterviewInvite](ctx, s, ColInterviews, byCand); err != nil {
		return nil, err
	}
	if x.MatchRuns, err = FindAll[jobmatch.MatchRun](ctx, s, ColMatchRuns, Fields{"ranked": candidateID}, byCand); err != nil {
		return nil, err
	}
	return &x, nil
}

// AuditAbout reads every audit line that names subject (a candidate id).
// The list is empty, not nil, when there are none.
func (s *Store) AuditAbout(ctx context.Context, subject string) ([]jobmatch.AuditEvent, error) {
	return FindAll[jobmatch.AuditEvent](ctx, s, ColAudit, Fields{"subjects": subject})
}
