package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"jobmatch"
)

// RefTakenError is what CreateCandidate returns when the external
// reference (the case number) belongs to a CV already: its id, so the
// consultant can open it. It is a conflict (409), never an update: "Ny CV"
// with a case number in use replaced another citizen's CV with the form's.
type RefTakenError struct {
	Ref         string
	CandidateID string
}

func (e *RefTakenError) Error() string {
	return fmt.Sprintf("store: the external reference %q belongs to the CV %s", e.Ref, e.CandidateID)
}

func (e *RefTakenError) Unwrap() error { return jobmatch.ErrConflict }

// CreateCandidate stores c as a new CV under a reference no CV has
// (UpsertCandidates is the import's write, which updates the CV a
// reference has). The reference is claimed by inserting its document with
// the new CV's id, which of two creates through any replicas only one
// does; the other gets RefTakenError. A read first and a write after would
// let both find the reference free.
//
// The new CV's turn (docTurn) is held from the claim until the CV is
// written (and no other turn with it), so a create that meets the claim in between waits for the CV
// and then names it. A reference whose CV is missing once its turn is over
// was left by a writer that died half-way (an erasure between the CV and
// its reference, a create between the claim and the CV): the create takes
// it over, under the id the reference names.
func (s *Store) CreateCandidate(ctx context.Context, c *jobmatch.Candidate, now time.Time) (CandidateWrite, error) {
	for range 3 {
		c.ID = jobmatch.NewID()
		done, err := s.candidateTurn(ctx, c.ID)
		if err != nil {
			return CandidateWrite{}, err
		}
		_, err = s.C(ColCandRefs).InsertOne(ctx, candRef{Ref: c.ExternalRef, CandidateID: c.ID})
		if err == nil {
			res, err := s.writeCreated(ctx, c, now)
			done()
			return res, err
		}
		// One turn at a time: two of one collection's locks held at once
		// can share a stripe, or be taken by two creates in turn.
		done()
		if !mongo.IsDuplicateKeyError(err) {
			return CandidateWrite{}, translate("create candidate", err)
		}
		var ref candRef
		switch err := s.Get(ctx, ColCandRefs, c.ExternalRef, &ref); {
		case errors.Is(err, jobmatch.ErrNotFound):
			continue // erased meanwhile: claim it again
		case err != nil:
			return CandidateWrite{}, err
		}
		res, err := s.takeOverRef(ctx, c, ref, now)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		return res, err
	}
	return CandidateWrite{}, fmt.Errorf("store: create candidate %q: the reference keeps changing", c.ExternalRef)
}

// takeOverRef is a create that met ref claimed: RefTakenError when its CV
// exists (or is being written: the turn waits for it), else the CV is
// written under the reference's id. ErrNotFound: the reference went
// meanwhile.
func (s *Store) takeOverRef(ctx context.Context, c *jobmatch.Candidate, ref candRef, now time.Time) (CandidateWrite, error) {
	done, err := s.candidateTurn(ctx, ref.CandidateID)
	if err != nil {
		return CandidateWrite{}, err
	}
	defer done()
	switch _, err := s.Candidate(ctx, ref.CandidateID); {
	case err == nil:
		return CandidateWrite{}, &RefTakenError{Ref: c.ExternalRef, CandidateID: ref.CandidateID}
	case !errors.Is(err, jobmatch.ErrNotFound):
		return CandidateWrite{}, err
	}
	var cur candRef
	if err := s.Get(ctx, ColCandRefs, c.ExternalRef, &cur); err != nil {
		return CandidateWrite{}, err
	}
	if cur.CandidateID != ref.CandidateID {
		return CandidateWrite{}, jobmatch.ErrNotFound // another create took it over: look again
	}
	c.ID = ref.CandidateID
	return s.writeCreated(ctx, c, now)
}

// writeCreated writes the new CV c under the reference claimed for its id.
func (s *Store) writeCreated(ctx context.Context, c *jobmatch.Candidate, now time.Time) (CandidateWrite, error) {
	res, err := s.UpsertCandidates(ctx, []*jobmatch.Candidate{c}, now)
	if err != nil {
		return CandidateWrite{}, err
	}
	if res[0].ID != c.ID || !res[0].Created {
		// Not reachable while only this file and an erasure write a
		// claimed reference; never report someone else's CV as new.
		return CandidateWrite{}, &RefTakenError{Ref: c.ExternalRef, CandidateID: res[0].ID}
	}
	return res[0], nil
}
