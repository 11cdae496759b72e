package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"jobmatch"
)

// Candidates are stored by id, with a reference document per external
// reference (the municipality's case id) so upserts find them by _id. Every
// change takes the next number of the "candidates" sequence and is logged
// under it before the candidate document is written; the index follows the
// log (see index.Syncer). A number is taken by inserting its entry
// (changes.go), so two replicas never log under one number.

type candRef struct {
	Ref         string `bson:"_id"`
	CandidateID string `bson:"candidate_id"`
}

type changeEntry struct {
	ID          string    `bson:"_id"` // zero-padded sequence
	CandidateID string    `bson:"candidate_id"`
	Op          string    `bson:"op"` // "upsert" | "delete"
	At          time.Time `bson:"at"`
}

func seqKey(n int64) string { return fmt.Sprintf("%016d", n) }

// candidateDoc is a candidate with its content hash. It is stored packed
// (candidates_packed.go): the reference and the hash as fields, the CV as
// one binary BSON document.
type candidateDoc struct {
	jobmatch.Candidate
	Hash string
}

// CandidateWrite reports what an upsert did with one candidate.
type CandidateWrite struct {
	ID      string
	Created bool
	Changed bool
}

func contentHash(c *jobmatch.Candidate) string {
	cp := *c
	cp.ID, cp.Seq, cp.CreatedAt, cp.UpdatedAt, cp.LastActivity, cp.Version = "", 0, time.Time{}, time.Time{}, time.Time{}, 0
	b, _ := json.Marshal(cp)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// UpsertCandidates writes a batch keyed by external reference. Unchanged
// candidates are skipped, so importing the same file twice changes nothing.
// For the changed ones one sequence range is reserved, their change-log
// entries are inserted, and then the documents are written.
func (s *Store) UpsertCandidates(ctx context.Context, cs []*jobmatch.Candidate, now time.Time) ([]CandidateWrite, error) {
	out := make([]CandidateWrite, len(cs))
	var changed []int
	hashes := make([]string, len(cs))
	existing := make([]*candidateDoc, len(cs))
	// The last row of each reference is the one written (a reference twice
	// in one batch: the later row wins).
	last := make(map[string]int, len(cs))
	for i, c := range cs {
		last[c.ExternalRef] = i
	}
	// Claim every reference with a new CV id in one unordered insert: a
	// reference not seen before is then this call's, with no read (an
	// import of new CVs reads nothing back). A reference that exists fails
	// with a duplicate key and is read as before.
	claimed := make([]bool, len(cs))
	var claims []any
	var claimRow []int
	for i, c := range cs {
		if last[c.ExternalRef] != i {
			continue
		}
		if c.ID == "" {
			c.ID = jobmatch.NewID()
		}
		claims = append(claims, candRef{Ref: c.ExternalRef, CandidateID: c.ID})
		claimRow = append(claimRow, i)
		claimed[i] = true
	}
	if len(claims) > 0 {
		if _, err := s.C(ColCandRefs).InsertMany(ctx, claims, options.InsertMany().SetOrdered(false)); err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) {
				return nil, fmt.Errorf("store: candidate refs: %w", err)
			}
			for _, we := range bwe.WriteErrors {
				claimed[claimRow[we.Index]] = false
			}
		}
	}
	// Look up the references that exist concurrently: each is one _id read.
	var wg sync.WaitGroup
	errs := make([]error, len(cs))
	sem := make(chan struct{}, 8)
	for i, c := range cs {
		if claimed[i] || last[c.ExternalRef] != i {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, c *jobmatch.Candidate) {
			defer wg.Done()
			defer func() { <-sem }()
			var ref candRef
			err := s.C(ColCandRefs).FindOne(ctx, bson.D{{Key: "_id", Value: c.ExternalRef}}).Decode(&ref)
			if errors.Is(err, mongo.ErrNoDocuments) {
				return
			}
			if err != nil {
				errs[i] = err
				return
			}
			var d candidateDoc
			err = s.C(ColCandidates).FindOne(ctx, bson.D{{Key: "_id", Value: ref.CandidateID}}).Decode(&d)
			if err == nil {
				existing[i] = &d
			} else if !errors.Is(err, mongo.ErrNoDocuments) {
				errs[i] = err
			} else {
				existing[i] = &candidateDoc{Candidate: jobmatch.Candidate{ID: ref.CandidateID}}
			}
		}(i, c)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("store: upsert candidates: %w", err)
		}
	}
	var newRefs []any
	// fresh: a new CV whose reference this call claimed with a new _id, so
	// no other writer can hold its document: it is inserted, not upserted
	// (an upsert costs the embedded backend a find and an update per CV).
	fresh := make([]bool, len(cs))
	seen := map[string]int{}
	for i, c := range cs {
		if j, dup := seen[c.ExternalRef]; dup {
			// The same reference twice in one batch: the later row wins.
			out[j].Changed = false
			changed = removeIndex(changed, j)
		}
		seen[c.ExternalRef] = i
		if c.Consent.Given && c.Consent.RecordedAt == nil {
			// Consent given with no time: kept from the stored CV when it
			// had consent, else this write's time.
			at := now
			if e := existing[i]; e != nil && e.Consent.Given && e.Consent.RecordedAt != nil {
				at = *e.Consent.RecordedAt
			}
			c.Consent.RecordedAt = &at
		}
		hashes[i] = contentHash(c)
		if e := existing[i]; e != nil && !e.CreatedAt.IsZero() {
			c.ID, c.CreatedAt, c.Version = e.ID, e.CreatedAt, e.Version
			out[i] = CandidateWrite{ID: c.ID}
			if e.Hash == hashes[i] {
				continue
			}
		} else if e != nil {
			c.ID, c.CreatedAt = e.ID, now
			out[i] = CandidateWrite{ID: c.ID, Created: true}
		} else {
			if c.ID == "" {
				c.ID = jobmatch.NewID()
			}
			c.CreatedAt = now
			out[i] = CandidateWrite{ID: c.ID, Created: true}
			fresh[i] = claimed[i]
			if !claimed[i] && last[c.ExternalRef] == i {
				// Its claim met a reference that was gone when read (an
				// erasure in between): claim it again below.
				newRefs = append(newRefs, candRef{Ref: c.ExternalRef, CandidateID: c.ID})
				fresh[i] = true
			}
		}
		out[i].Changed = true
		changed = append(changed, i)
	}
	if len(changed) == 0 {
		return out, nil
	}
	if len(newRefs) > 0 {
		if _, err := s.C(ColCandRefs).InsertMany(ctx, newRefs, options.InsertMany().SetOrdered(false)); err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) {
				return nil, fmt.Errorf("store: candidate refs: %w", err)
			}
			// A concurrent writer created some of these references: use theirs.
			for _, we := range bwe.WriteErrors {
				ref := newRefs[we.Index].(candRef)
				var cur candRef
				if err := s.C(ColCandRefs).FindOne(ctx, bson.D{{Key: "_id", Value: ref.Ref}}).Decode(&cur); err != nil {
					return nil, fmt.Errorf("store: candidate refs: %w", err)
				}
				for _, i := range changed {
					if cs[i].ExternalRef == ref.Ref {
						cs[i].ID, out[i].ID = cur.CandidateID, cur.CandidateID
						fresh[i] = false
					}
				}
			}
		}
	}
	entries := make([]changeEntry, len(changed))
	for k, i := range changed {
		entries[k] = changeEntry{CandidateID: cs[i].ID, Op: "upsert", At: now}
	}
	seqs, err := s.appendChanges(ctx, entries, true)
	if err != nil {
		return nil, err
	}
	defer s.releaseChanges(seqs)
	var replacements []replacement
	var inserts []any
	for k, i := range changed {
		c := cs[i]
		c.Seq = seqs[k]
		c.UpdatedAt = now
		if c.LastActivity.IsZero() {
			c.LastActivity = now
		}
		c.Version++
		if fresh[i] {
			inserts = append(inserts, candidateDoc{Candidate: *c, Hash: hashes[i]})
			continue
		}
		replacements = append(replacements, replacement{c.ID, candidateDoc{Candidate: *c, Hash: hashes[i]}})
	}
	for len(inserts) > 0 {
		part := inserts[:min(len(inserts), bulkPart)]
		inserts = inserts[len(part):]
		if _, err := s.C(ColCandidates).InsertMany(ctx, part, options.InsertMany().SetOrdered(false)); err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) {
				return nil, fmt.Errorf("store: write candidates: %w", err)
			}
			// Another writer of the same new reference read this call's
			// claim and wrote the CV first: write it as any other change.
			for _, we := range bwe.WriteErrors {
				d := part[we.Index].(candidateDoc)
				replacements = append(replacements, replacement{d.ID, d})
			}
		}
	}
	if err := s.replaceEach(ctx, ColCandidates, replacements); err != nil {
		return nil, err
	}
	return out, nil
}

// replaceEach writes each replacement as its own update command, a few at
// a time. FerretDB 1.24.2 keeps the query of every statement in an update
// command open until the whole command ends (msg_update.go defers each
// iterator's Close inside its loop), and each open query holds one of the
// backend's connections while its write needs another: a bulk write of
// more replacements of existing documents than the pool has connections
// never returns (100 on the embedded SQLite backend, pgxpool's
// max(4, CPUs) on PostgreSQL unless pool_max_conns says otherwise).
// TestUpsertChangedCVs re-imports 500 changed CVs.
func (s *Store) replaceEach(ctx context.Context, col string, docs []replacement) error {
	err := atOnce(len(docs), replaceAtOnce, func(i int) error {
		replace := func() error {
			_, err := s.C(col).ReplaceOne(ctx, bson.D{{Key: "_id", Value: docs[i].id}}, docs[i].doc, options.Replace().SetUpsert(true))
			return err
		}
		err := replace()
		if mongo.IsDuplicateKeyError(err) {
			// Two upserts of one new _id at once (two replicas importing
			// the same new reference): both found nothing and one insert
			// lost. The document exists now: the retry replaces it, as
			// MongoDB's manual advises for upserts.
			err = replace()
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: replace in %s: %w", col, err)
	}
	return nil
}

// atOnce calls f(0) … f(n-1), at most limit at a time, and returns their
// errors joined. The embedded backend answers only a filter on _id alone
// quickly, so reads and writes of many documents go one by one, side by
// side.
func atOnce(n, limit int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, limit)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = f(i)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// replaceAtOnce is how many replacements are in flight: fewer than the
// smallest pool a FerretDB on PostgreSQL is started with (4), since each
// holds up to two of its connections.
const replaceAtOnce = 3

type replacement struct {
	id  string
	doc any
}

// bulkPart is the most documents one insert carries.
const bulkPart = 200

func removeIndex(xs []int, v int) []int {
	out := xs[:0]
	for _, x := range xs {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// OnlyDuplicateKeys reports whether a bulk write failed only on duplicate
// _ids (records someone else wrote first), with no write-concern error.
func OnlyDuplicateKeys(e mongo.BulkWriteException) bool {
	for _, we := range e.WriteErrors {
		if we.Code != 11000 {
			return false
		}
	}
	return e.WriteConcernError == nil
}

// Candidate reads a candidate by id.
func (s *Store) Candidate(ctx context.Context, id string) (*jobmatch.Candidate, error) {
	var d candidateDoc
	if err := s.Get(ctx, ColCandidates, id, &d); err != nil {
		return nil, err
	}
	return &d.Candidate, nil
}

// EditCandidate writes c, an edit of the CV id made from its version (a
// negative version: from whichever is stored, the CV must still exist):
// ErrNotFound when the CV is gone (erased while the form was open: the
// edit must not bring the person back), a stale_version conflict when
// someone saved it since (the edit would silently overwrite theirs). The
// check and the write are one writer's at a time per CV: the document's
// lock in this process, and its turn across replicas (turns.go), as a
// version check by conditional update is not atomic on FerretDB.
func (s *Store) EditCandidate(ctx context.Context, id string, version int64, c *jobmatch.Candidate, now time.Time) (CandidateWrite, error) {
	done, err := s.candidateTurn(ctx, id)
	if err != nil {
		return CandidateWrite{}, err
	}
	defer done()
	cur, err := s.Candidate(ctx, id)
	if err != nil {
		return CandidateWrite{}, err
	}
	if version >= 0 && cur.Version != version {
		return CandidateWrite{}, translate("edit candidate", errStale)
	}
	if cur.ExternalRef != c.ExternalRef {
		return CandidateWrite{}, jobmatch.Invalid("external_ref", "immutable", "")
	}
	c.ID = id
	res, err := s.UpsertCandidates(ctx, []*jobmatch.Candidate{c}, now)
	if err != nil {
		return CandidateWrite{}, err
	}
	return res[0], nil
}

// candidateTurn makes the caller the one writer of the CV id (docTurn).
func (s *Store) candidateTurn(ctx context.Context, id string) (done func(), err error) {
	return s.docTurn(ctx, ColCandidates, id)
}

// CandidateByRef reads a candidate by external reference.
func (s *Store) CandidateByRef(ctx context.Context, ref string) (*jobmatch.Candidate, error) {
	var r candRef
	if err := s.Get(ctx, ColCandRefs, ref, &r); err != nil {
		return nil, err
	}
	return s.Candidate(ctx, r.CandidateID)
}

// DeleteCandidate erases a candidate: a tombstone in the change log first,
// then the document and its reference. Missing is ErrNotFound.
func (s *Store) DeleteCandidate(ctx context.Context, id string, now time.Time) (*jobmatch.Candidate, error) {
	// One writer per CV with the edits (EditCandidate): an edit saved at
	// the moment of the erasure wrote the person back (16 of 25 tries).
	done, err := s.candidateTurn(ctx, id)
	if err != nil {
		return nil, err
	}
	defer done()
	c, err := s.Candidate(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.appendChanges(ctx, []changeEntry{{CandidateID: id, Op: "delete", At: now}}, false); err != nil {
		return nil, err
	}
	if err := s.Delete(ctx, ColCandidates, id); err != nil {
		return nil, err
	}
	if err := s.Delete(ctx, ColCandRefs, c.ExternalRef); err != nil {
		return nil, err
	}
	return c, nil
}

// ChangesAfter reads change-log entries seq+1 … in order, by _id, up to
// limit, stopping at the current end of the sequence. Missing numbers (gaps)
// are skipped; the syncer re-checks them.
//
// Entries this process is still writing (see changeLogHead.writing) end
// the read as if not logged yet.
func (s *Store) ChangesAfter(ctx context.Context, seq int64, limit int) ([]jobmatch.CandidateChange, error) {
	cur, err := s.readableHead(ctx, seq)
	if err != nil {
		return nil, err
	}
	end := min(cur, seq+int64(limit))
	if end <= seq {
		return nil, nil
	}
	n := int(end - seq)
	out := make([]jobmatch.CandidateChange, n)
	found := make([]bool, n)
	err = atOnce(n, 8, func(k int) error {
		var err error
		out[k], found[k], err = s.ChangeAt(ctx, seq+1+int64(k))
		return err
	})
	if err != nil {
		return nil, err
	}
	res := out[:0]
	for k := range out {
		if found[k] {
			res = append(res, out[k])
		}
	}
	return res, nil
}

// ChangeAt reads one change-log entry.
func (s *Store) ChangeAt(ctx context.Context, seq int64) (jobmatch.CandidateChange, bool, error) {
	var e changeEntry
	err := s.C(ColChangelog).FindOne(ctx, bson.D{{Key: "_id", Value: seqKey(seq)}}).Decode(&e)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return jobmatch.CandidateChange{}, false, nil
	}
	if err != nil {
		return jobmatch.CandidateChange{}, false, fmt.Errorf("store: change %d: %w", seq, err)
	}
	return jobmatch.CandidateChange{Seq: seq, CandidateID: e.CandidateID, At: e.At, Delete: e.Op == "delete"}, true, nil
}

// TrimChangelog deletes entries up to and including upTo, by _id (every
// replica's index must have applied them).
func (s *Store) TrimChangelog(ctx context.Context, from, upTo int64) error {
	for n := from; n <= upTo; n++ {
		if _, err := s.C(ColChangelog).DeleteOne(ctx, bson.D{{Key: "_id", Value: seqKey(n)}}); err != nil {
			return fmt.Errorf("store: trim change log: %w", err)
		}
	}
	return nil
}

// EachCandidate streams every candidate (a full scan: rebuilds and purges
// only, never a request path).
func (s *Store) EachCandidate(ctx context.Context, fn func(*jobmatch.Candidate) error) error {
	return Each(ctx, s, ColCandidates, func(d *candidateDoc) error { return fn(&d.Candidate) })
}

// CandidatesByID reads candidates by _id, eight at a time (each an indexed
// lookup; a $in filter is not one on the embedded backend). The result is in
// the order of ids; a candidate that is gone is nil.
func (s *Store) CandidatesByID(ctx context.Context, ids []string) ([]*jobmatch.Candidate, error) {
	out := make([]*jobmatch.Candidate, len(ids))
	err := atOnce(len(ids), 8, func(i int) error {
		c, err := s.Candidate(ctx, ids[i])
		out[i] = c
		if errors.Is(err, jobmatch.ErrNotFound) {
			return nil
		}
		return err
	})
	return out, err
}
