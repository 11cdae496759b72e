package app

import (
	"context"
	"errors"

	"jobmatch/store"
)

// Once performs a once-only step (resolve a request, close a vacancy,
// answer a survey or a consent link, change an interview) as the one writer
// of key across every replica sharing the database: it claims key by a
// unique insert (store.Claim) and answers busy when another writer holds
// it. step must re-read what it changes and check the step is still to do
// (the claim may be a takeover of a finished one); when step fails, the
// claim is released for the next writer.
//
// The in-process lock each caller takes first keeps one replica's clicks
// in line (the second waits and then sees the step done); the claim is
// what two replicas meet on.
func (e *Env) Once(ctx context.Context, key string, busy error, step func() error) error {
	release, err := e.st.Claim(ctx, key)
	if errors.Is(err, store.ErrClaimed) {
		return busy
	}
	if err != nil {
		return err
	}
	if err := step(); err != nil {
		release(context.WithoutCancel(ctx))
		return err
	}
	return nil
}
