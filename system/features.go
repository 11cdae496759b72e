package system

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobmatch/index"
	"jobmatch/matcher"
)

// The matcher's features are persisted beside the index (matcher/snapshot.go):
// a start reads the snapshot, checks it against the change log and catches
// up from the position it reflects, instead of rebuilding every CV's
// features from the store.

// FeaturesSnapshotFile is the snapshot's name in the index directory.
const FeaturesSnapshotFile = "match-features.snap"

// featuresSaveEvery is how often the snapshot is written while CVs change.
const featuresSaveEvery = time.Minute

// startPool fills the pool from the snapshot when it is usable, otherwise by
// a full scan of the store, and marks the pool ready.
func (s *System) startPool(ctx context.Context) {
	start := time.Now()
	n, err := s.poolFromSnapshot(ctx)
	if err == nil {
		s.featuresFrom.Store("snapshot")
		s.poolReady.Store(true)
		s.log.Info("match features loaded from snapshot", "candidates", s.Pool.Len(), "caught_up", n, "took", time.Since(start).Round(time.Millisecond))
		return
	}
	if ctx.Err() != nil {
		return
	}
	s.log.Info("match features snapshot not used; rebuilding from the store", "reason", err)
	s.featuresFrom.Store("store")
	// The scan is one long cursor: with a deadline of its own the driver's
	// 30 s per operation does not apply (a batch on a busy machine took
	// longer). A scan that fails is tried again: /readyz waits for it.
	scan, cancel := context.WithTimeout(ctx, 2*time.Hour)
	defer cancel()
	for s.loadPool(scan); !s.poolLoaded.Load() && ctx.Err() == nil; s.loadPool(scan) {
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
	}
	if s.poolLoaded.Load() {
		// Write one before saying ready, so a crash right after the first
		// start does not mean another full load.
		if err := s.saveFeatures(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("save match features", "err", err)
		}
		s.poolReady.Store(true)
	}
}

// poolFromSnapshot loads the snapshot and catches up with the change log;
// it returns how many CVs it re-read. Any error means: scan instead (the
// pool may then hold some snapshot features, which the scan replaces).
func (s *System) poolFromSnapshot(ctx context.Context) (int, error) {
	h, fs, names, err := matcher.ReadSnapshot(s.featuresPath)
	if err != nil {
		return 0, err
	}
	if fp := s.Taxonomy.Fingerprint(); h.Taxonomy != fp {
		return 0, fmt.Errorf("%w: built with another taxonomy", matcher.ErrSnapshot)
	}
	cur, err := s.Store.CurrentSeq(ctx, index.SeqName)
	if err != nil {
		return 0, err
	}
	if h.Seq > cur {
		return 0, fmt.Errorf("%w: snapshot at change %d, the change log ends at %d", matcher.ErrSnapshot, h.Seq, cur)
	}
	if h.Seq > 0 {
		c, ok, err := s.Store.ChangeAt(ctx, h.Seq)
		if err != nil {
			return 0, err
		}
		if !ok || c.CandidateID != h.SeqCandidate {
			return 0, fmt.Errorf("%w: change %d is not the one the snapshot saw (another database?)", matcher.ErrSnapshot, h.Seq)
		}
	}
	if behind := cur - h.Seq; behind > int64(max(20000, len(fs)/4)) {
		return 0, fmt.Errorf("%w: %d changes behind; a full load is quicker", matcher.ErrSnapshot, behind)
	}
	for i, f := range fs {
		s.Pool.PutNamed(f, names[i])
	}
	// Catch up: every candidate changed after the snapshot's position, and
	// what was still open at it, re-read by _id.
	latest := map[string]index.Change{} // id → last change (Seq 0: pending, no entry known)
	for id := range h.Pending {
		latest[id] = index.Change{CandidateID: id}
	}
	note := func(c index.Change) {
		if have, ok := latest[c.CandidateID]; !ok || have.Seq < c.Seq {
			latest[c.CandidateID] = c
		}
	}
	for _, g := range h.Gaps {
		c, ok, err := s.Store.ChangeAt(ctx, g)
		if err != nil {
			return 0, err
		}
		if ok {
			note(c)
		}
	}
	for at := h.Seq; at < cur; at += 1000 {
		cs, err := s.Store.ChangesAfter(ctx, at, 1000)
		if err != nil {
			return 0, err
		}
		for _, c := range cs {
			note(c)
		}
	}
	ids := make([]string, 0, len(latest))
	for id := range latest {
		ids = append(ids, id)
	}
	cands, err := s.Store.CandidatesByID(ctx, ids)
	if err != nil {
		return 0, err
	}
	for i, c := range cands {
		switch ch := latest[ids[i]]; {
		case c != nil:
			s.Pool.PutNamed(matcher.FromCandidate(c, s.Taxonomy, s.Places), c.Name)
		case ch.Delete:
			s.Pool.Delete(ids[i], ch.Seq)
		}
		// Not found after an upsert: logged, not yet written; the index
		// sync applies it when it is.
	}
	return len(ids), nil
}

// SaveFeatures writes the features snapshot with the sync position it
// reflects (taken between two sync passes).
func (s *System) SaveFeatures(ctx context.Context) error {
	if !s.poolReady.Load() {
		return errors.New("system: match features not loaded yet")
	}
	return s.saveFeatures(ctx)
}

func (s *System) saveFeatures(ctx context.Context) error {
	var h matcher.SnapshotHeader
	var fs []*matcher.Features
	var names []string
	s.Syncer.Checkpoint(func(seq int64, gaps []int64, pending map[string]int64) {
		h.Seq, h.Gaps, h.Pending = seq, gaps, pending
		fs, names = s.Pool.Export()
	})
	h.Taxonomy = s.Taxonomy.Fingerprint()
	if h.Seq > 0 {
		c, ok, err := s.Store.ChangeAt(ctx, h.Seq)
		if err != nil {
			return err
		}
		if ok {
			h.SeqCandidate = c.CandidateID
		}
	}
	start := time.Now()
	if err := matcher.WriteSnapshot(s.featuresPath, h, fs, names); err != nil {
		return err
	}
	s.savedApplied.Store(s.Syncer.Applied())
	s.log.Debug("match features saved", "candidates", len(fs), "seq", h.Seq, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// saveFeaturesLoop writes the snapshot every featuresSaveEvery while CVs
// change.
func (s *System) saveFeaturesLoop(ctx context.Context) {
	t := time.NewTicker(featuresSaveEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if s.poolReady.Load() && s.Syncer.Applied() != s.savedApplied.Load() {
			if err := s.SaveFeatures(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("save match features", "err", err)
			}
		}
	}
}

// saveFeaturesOnClose writes a last snapshot when anything changed since the
// previous one (after the sync has stopped).
func (s *System) saveFeaturesOnClose(ctx context.Context) {
	if !s.poolReady.Load() || s.Syncer.Applied() == s.savedApplied.Load() {
		return
	}
	if err := s.SaveFeatures(ctx); err != nil {
		s.log.Warn("save match features", "err", err)
	}
}

// FeaturesSource says where the match features came from at start:
// "snapshot", "store" (a full load), or "" while loading.
func (s *System) FeaturesSource() string {
	v, _ := s.featuresFrom.Load().(string)
	return v
}
