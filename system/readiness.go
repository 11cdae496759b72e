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
// filled when no usable one was found (not an upgrade, where the previous
// version's index answers meanwhile), and an index sync that has fallen
// behind.

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
			// An older mapping version's index answers with every CV, and
			// the sync keeps it current, while the new one is filled:
			// ready (263 s of not-ready at 150,000 CVs would hold a load
			// balancer's traffic for nothing). An empty stand-in is not.
			if s.Index.StandIn() {
				return errors.New("filling a new index from the store")
			}
			d["upgrading"] = true
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
	return s.taxWarm.Load() && s.poolReady.Load() && !(s.rebuilding.Load() && s.Index.StandIn())
}
