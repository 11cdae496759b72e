package store

import (
	"bytes"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"

	"jobmatch"
)

// A CV is stored as {_id, external_ref, hash, cv}, where cv is the whole
// candidate as one binary BSON document, not as a tree of fields. The store
// only ever finds a CV by _id (and external_ref, for its unique index), and
// on the embedded backend a document's cost to write and to read grows with
// its number of fields (FerretDB converts each between BSON and SQLite's
// JSON): reading a demo CV by _id took 1.9 ms packed as fields and 0.8 ms
// packed as one value, and a search shows 25 of them. A CV written before
// this change (its fields at the top level) still reads: UnmarshalBSON takes
// either shape, and the next write packs it.
type packedCandidate struct {
	ID   string `bson:"_id"`
	Ref  string `bson:"external_ref"`
	Hash string `bson:"hash"`
	CV   []byte `bson:"cv"`
}

// legacyCandidate is the shape before packing: the candidate's fields at the
// top level beside the hash.
type legacyCandidate struct {
	jobmatch.Candidate `bson:",inline"`
	Hash               string `bson:"hash"`
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := bson.NewEncoder(bson.NewDocumentWriter(&buf))
	enc.SetRegistry(codecs)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func unmarshal(b []byte, v any) error {
	dec := bson.NewDecoder(bson.NewDocumentReader(bytes.NewReader(b)))
	dec.SetRegistry(codecs)
	return dec.Decode(v)
}

// MarshalBSON writes the packed shape.
func (d candidateDoc) MarshalBSON() ([]byte, error) {
	cv, err := marshal(&d.Candidate)
	if err != nil {
		return nil, fmt.Errorf("store: pack candidate %s: %w", d.ID, err)
	}
	return marshal(packedCandidate{ID: d.ID, Ref: d.ExternalRef, Hash: d.Hash, CV: cv})
}

// UnmarshalBSON reads the packed shape or the one before it.
func (d *candidateDoc) UnmarshalBSON(b []byte) error {
	if _, err := bson.Raw(b).LookupErr("cv"); err != nil {
		var l legacyCandidate
		if err := unmarshal(b, &l); err != nil {
			return fmt.Errorf("store: read candidate: %w", err)
		}
		*d = candidateDoc(l)
		return nil
	}
	var p packedCandidate
	if err := unmarshal(b, &p); err != nil {
		return fmt.Errorf("store: read candidate: %w", err)
	}
	*d = candidateDoc{Hash: p.Hash}
	if err := unmarshal(p.CV, &d.Candidate); err != nil {
		return fmt.Errorf("store: unpack candidate %s: %w", p.ID, err)
	}
	return nil
}

// CandidateDocument returns a candidate in the shape the store writes it,
// for a benchmark's floor that inserts the same documents.
func CandidateDocument(c *jobmatch.Candidate) any {
	return candidateDoc{Candidate: *c, Hash: contentHash(c)}
}
