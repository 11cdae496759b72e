package system

import (
	"context"
	"errors"
	"fmt"
)

// /readyz is false until the service answers every endpoint at its normal
// speed, and names what it still waits for: the taxonomy's lexicons (built
// on first use before, a 5–12 s stall of the first CV write), the matcher's
// features (loaded from the snapshot or the store), a fresh index being
// filled, and an index sync that has fallen behind.

func (s *System) addReadyChecks() {
	s.API.AddReadyCheck("taxonomy", func(ctx context.Context, d map[string]any) error {
		if !s.taxWarm.Load() {
			return errors.New("building the occupation and skill lexicons")
		}
		return nil
	})
	s.API.AddReadyCheck("matcher", func(ctx context.Context, d map[string]any) error {
		d["candidates"] = s.Pool.Len()
		if !s.poolReady.Load() {
			return errors.New("loading the match features")
		}
		return nil
	})
	s.API.AddReadyCheck("index", func(ctx context.Context, d map[string]any) error {
		changes, secs := s.Syncer.Lag()
		d["changes_behind"], d["seconds_behind"] = changes, secs
		if s.rebuilding.Load() {
			return errors.New("filling a new index from the store")
		}
		if secs > 10 {
			return fmt.Errorf("index is %d changes (%.0f s) behind", changes, secs)
		}
		return nil
	})
}

// Ready reports whether everything /readyz waits for is done (the index lag
// aside, which comes and goes with load).
func (s *System) Ready() bool {
	return s.taxWarm.Load() && s.poolReady.Load() && !s.rebuilding.Load()
}
