package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"jobmatch"
)

// The candidate change log's numbers are claimed by inserting the entry
// whose _id the number is, like a list position: no counter is incremented,
// so two replicas cannot take one number (a counter's $inc is not atomic
// across processes on FerretDB). The head is cached, probed forward on
// every read (a replica sees what the others logged at the cost of one
// _id lookup that finds nothing), and written lazily as a hint to the old
// sequence counter, seq:candidates.

type changeLogHead struct {
	mu     sync.Mutex
	head   int64
	loaded bool
	dirty  bool
	// writing: numbers this process logged for CV writes still under way
	// (logged, document not yet written). ChangesAfter stops before the
	// lowest, so the index's sync does not read entries, and CVs not yet
	// written, that the writer hands it once they are stored. Without this
	// an import's sync passes read most of what it wrote back from the
	// store: a fifth of the import's CPU.
	writing map[int64]struct{}
}

var changeHintID = "seq:" + jobmatch.CandidateSeq

// loadChangeHead returns the cached head, loading it from the hint and a
// probe the first time; call with s.clog.mu held.
func (s *Store) loadChangeHead(ctx context.Context) (int64, error) {
	if !s.clog.loaded {
		var doc struct {
			N int64 `bson:"n"`
		}
		err := s.C(ColCounters).FindOne(ctx, bson.D{{Key: "_id", Value: changeHintID}}).Decode(&doc)
		if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
			return 0, fmt.Errorf("store: change log head: %w", err)
		}
		s.clog.head, s.clog.loaded = doc.N, true
	}
	return s.probeChangeHead(ctx)
}

// probeChangeHead moves the cached head past entries others logged; call
// with s.clog.mu held.
func (s *Store) probeChangeHead(ctx context.Context) (int64, error) {
	end, err := probeEnd(s.clog.head, s.idExists(ctx, ColChangelog, seqKey))
	if err != nil {
		return 0, fmt.Errorf("store: change log head: %w", err)
	}
	if end > s.clog.head {
		s.clog.head, s.clog.dirty = end, true
	}
	return s.clog.head, nil
}

// changeHead is the number of the newest change-log entry.
func (s *Store) changeHead(ctx context.Context) (int64, error) {
	s.clog.mu.Lock()
	defer s.clog.mu.Unlock()
	return s.loadChangeHead(ctx)
}

// appendChanges logs entries under the next free numbers, in order within
// this call, and returns each entry's number. The insert is unordered: an
// entry whose number another replica took fails alone and is logged again
// after the new head.
//
// With hold, the numbers count as being written until releaseChanges.
func (s *Store) appendChanges(ctx context.Context, entries []changeEntry, hold bool) ([]int64, error) {
	s.clog.mu.Lock()
	defer s.clog.mu.Unlock()
	seqs := make([]int64, len(entries))
	todo := make([]int, len(entries))
	for i := range entries {
		todo[i] = i
	}
	for attempt := 0; len(todo) > 0; attempt++ {
		head, err := s.loadChangeHead(ctx)
		if err != nil {
			return nil, err
		}
		docs := make([]any, len(todo))
		for k, i := range todo {
			seqs[i] = head + 1 + int64(k)
			e := entries[i]
			e.ID = seqKey(seqs[i])
			docs[k] = e
		}
		_, err = s.C(ColChangelog).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
		var failed []int
		if err != nil {
			var bwe mongo.BulkWriteException
			if !errors.As(err, &bwe) || !OnlyDuplicateKeys(bwe) || len(bwe.WriteErrors) == 0 || attempt >= 16 {
				return nil, fmt.Errorf("store: candidate change log: %w", err)
			}
			for _, we := range bwe.WriteErrors {
				failed = append(failed, todo[we.Index])
			}
		}
		s.clog.head = head + int64(len(todo))
		s.clog.dirty = true
		if hold {
			// Only the numbers this attempt logged: a failed one is
			// another replica's, and this entry takes a new one.
			if s.clog.writing == nil {
				s.clog.writing = map[int64]struct{}{}
			}
			lost := map[int]bool{}
			for _, i := range failed {
				lost[i] = true
			}
			for _, i := range todo {
				if !lost[i] {
					s.clog.writing[seqs[i]] = struct{}{}
				}
			}
		}
		todo = failed
	}
	return seqs, nil
}

// releaseChanges ends the hold appendChanges put on seqs.
func (s *Store) releaseChanges(seqs []int64) {
	s.clog.mu.Lock()
	defer s.clog.mu.Unlock()
	for _, n := range seqs {
		delete(s.clog.writing, n)
	}
}

// readableHead is the change-log head, less any numbers this process is
// still writing: the entry before the lowest of them.
func (s *Store) readableHead(ctx context.Context, after int64) (int64, error) {
	s.clog.mu.Lock()
	defer s.clog.mu.Unlock()
	head, err := s.loadChangeHead(ctx)
	if err != nil {
		return 0, err
	}
	for n := range s.clog.writing {
		if n > after && n <= head {
			head = n - 1
		}
	}
	return head, nil
}

// flushChangeHead writes the head back as a hint ($max: never backwards).
func (s *Store) flushChangeHead(ctx context.Context) error {
	s.clog.mu.Lock()
	head, dirty := s.clog.head, s.clog.dirty
	s.clog.dirty = false
	s.clog.mu.Unlock()
	if !dirty {
		return nil
	}
	_, err := s.C(ColCounters).UpdateOne(ctx, bson.D{{Key: "_id", Value: changeHintID}},
		bson.D{{Key: "$max", Value: bson.D{{Key: "n", Value: head}}}}, options.UpdateOne().SetUpsert(true))
	if err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("store: flush change log head: %w", err)
	}
	return nil
}
