package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"jobmatch/demo"
	"jobmatch/store"
	"jobmatch/system"
)

// The demo data's first load is one process's of all that start on one
// database at once (replicas started together, two `serve --demo` with
// one --mongodb-uri): it holds a lease (store.TakeLease) and beats it; the
// others wait for the data and then serve it. Both used to load: the
// second met the first's vacancies under their Idempotency-Keys and exited
// with "in_progress", or loaded CVs beside the first's.
const (
	demoLease = "demo:load"
	// demoBeat is how often the loading process says it lives, demoDead
	// how long without a word makes it dead: its lease is taken over and
	// the load run again (it picks up what the dead one wrote).
	demoBeat, demoDead = 5 * time.Second, 2 * time.Minute
	// demoPoll is how often a waiting process looks, demoSay how often it
	// says how far the load is.
	demoPoll, demoSay = time.Second, 15 * time.Second
)

// demoWait bounds the wait for another process's load: 2,000 CVs load in
// about a minute, and a load that beats for longer than this is stuck.
var demoWait = 30 * time.Minute

// loadDemo loads the demo data once across the processes on the database,
// or waits for the one that does; front says which.
func loadDemo(ctx context.Context, sys *system.System, log *slog.Logger, front *startingHandler, opt demo.Options) error {
	var waiting time.Time // when this process began to wait; zero before
	var said time.Time
	for {
		if done, err := demo.Loaded(ctx, sys); err != nil || done {
			if done && !waiting.IsZero() {
				log.Info("the demo data is in: another process loaded it", "waited", time.Since(waiting).Round(time.Second).String())
			}
			return err
		}
		lease, holder, err := sys.Store.TakeLease(ctx, demoLease, time.Now().UTC(), demoDead)
		if err != nil {
			return err
		}
		if lease != nil {
			front.at("loading the demo data")
			return loadDemoHolding(ctx, sys, log, lease, opt)
		}
		now := time.Now()
		if waiting.IsZero() {
			waiting, said = now, now
			front.at("waiting for another process loading the demo data")
			log.Info("waiting for another process loading the demo data", "by", holder.By, "since", holder.At.Format(time.RFC3339))
		}
		if now.Sub(waiting) > demoWait {
			return fmt.Errorf("demo data: another process (%s) has been loading it since %s and is not done after %s; stop it, or start on a fresh database (an empty --data-dir, or with --mongodb-uri another --database)",
				holder.By, holder.At.Format(time.RFC3339), demoWait)
		}
		if now.Sub(said) >= demoSay {
			said = now
			cvs, err := sys.Store.Count(ctx, store.ColCandidates)
			if err != nil {
				return err
			}
			log.Info("still waiting for the demo data", "by", holder.By, "cvs_so_far", cvs, "of", opt.Candidates,
				"waited", now.Sub(waiting).Round(time.Second).String())
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("demo data: %w", ctx.Err())
		case <-time.After(demoPoll):
		}
	}
}

// loadDemoHolding loads the demo data under lease, beating it meanwhile;
// a load that fails lets the lease go for the next process.
func loadDemoHolding(ctx context.Context, sys *system.System, log *slog.Logger, lease *store.Lease, opt demo.Options) error {
	bctx, stop := context.WithCancel(ctx)
	beating := make(chan struct{})
	go func() {
		defer close(beating)
		t := time.NewTicker(demoBeat)
		defer t.Stop()
		for {
			select {
			case <-bctx.Done():
				return
			case <-t.C:
				if err := lease.Beat(bctx, time.Now().UTC()); err != nil && bctx.Err() == nil {
					log.Warn("demo data: the load's sign of life", "err", err)
				}
			}
		}
	}()
	n, err := demo.Load(ctx, sys, opt)
	stop()
	<-beating
	if err != nil {
		if rerr := lease.Release(context.WithoutCancel(ctx)); rerr != nil {
			log.Warn("demo data: letting the load go", "err", rerr)
		}
		return fmt.Errorf("demo data: %w", err)
	}
	if n > 0 {
		log.Info("demo data loaded", "records", n)
	}
	return nil
}
