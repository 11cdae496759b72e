package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/system/systemtest"
)

// syncBuffer is a log two goroutines may write while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestTwoDemoReplicasStartTogether: two `serve --demo` on one database,
// started at the same moment, both come up on the same demo data: one
// loads it, the other says it waits for that and serves once it is in.
// The second exited with "demo data: demo: vacancy: … in_progress" (the
// first's vacancy under the same Idempotency-Key), and the two loaded
// CVs side by side.
func TestTwoDemoReplicasStartTogether(t *testing.T) {
	clearStorageEnv(t)
	db := systemtest.Start(t, systemtest.Options{NoUsers: true})
	uri, name := db.Sys.Store.URI(), db.Sys.Store.DB().Name()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var logs, outs [2]syncBuffer
	errs := make(chan error, 2)
	for k := range 2 {
		args := []string{"serve", "--data-dir", t.TempDir(), "--addr", "127.0.0.1:0", "--metrics-addr", "",
			"--mongodb-uri", uri, "--database", name, "--demo", "--demo-candidates", "300"}
		go func() { errs <- run(ctx, args, &outs[k], &logs[k]) }()
	}
	// Both say they run with the demo logins, or one ends.
	deadline := time.Now().Add(5 * time.Minute)
	for !strings.Contains(outs[0].String(), "jobmatch is running") || !strings.Contains(outs[1].String(), "jobmatch is running") {
		select {
		case err := <-errs:
			t.Fatalf("a demo replica ended while the other started: %v\nlogs:\n%s\n---\n%s", err, logs[0].String(), logs[1].String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the demo replicas did not both come up in 5 minutes; logs:\n%s\n---\n%s", logs[0].String(), logs[1].String())
		}
	}
	loaded, waited := 0, 0
	for k := range 2 {
		if strings.Contains(logs[k].String(), "demo data loaded") {
			loaded++
		}
		if strings.Contains(logs[k].String(), "waiting for another process loading the demo data") {
			waited++
		}
	}
	if loaded != 1 || waited != 1 {
		t.Errorf("the demo data loaded by %d, waited for by %d, want 1 and 1; logs:\n%s\n---\n%s", loaded, waited, logs[0].String(), logs[1].String())
	}
	cvs := 0
	if err := db.Sys.Store.EachCandidate(ctx, func(*jobmatch.Candidate) error { cvs++; return nil }); err != nil {
		t.Fatal(err)
	}
	if cvs != 300 {
		t.Errorf("CVs after two demo starts: %d, want 300", cvs)
	}
	cancel()
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("a demo replica stopped with %v", err)
		}
	}
}

// TestDemoLoadOfADeadProcessIsTakenOver: a process that took the demo
// data's load and died (kill -9) left its lease, its last sign of life
// long ago; `serve --demo` takes the load over, by a lease of its own,
// and serves the demo data, rather than waiting for it for good.
func TestDemoLoadOfADeadProcessIsTakenOver(t *testing.T) {
	clearStorageEnv(t)
	db := systemtest.Start(t, systemtest.Options{NoUsers: true})
	dead, _, err := db.Sys.Store.TakeLease(t.Context(), demoLease, time.Now().UTC().Add(-time.Hour), demoDead)
	if err != nil || dead == nil {
		t.Fatalf("the dead process's lease: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var logs, out syncBuffer
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, []string{"serve", "--data-dir", t.TempDir(), "--addr", "127.0.0.1:0", "--metrics-addr", "",
			"--mongodb-uri", db.Sys.Store.URI(), "--database", db.Sys.Store.DB().Name(), "--demo", "--demo-candidates", "20"}, &out, &logs)
	}()
	for deadline := time.Now().Add(5 * time.Minute); !strings.Contains(out.String(), "jobmatch is running"); {
		select {
		case err := <-errc:
			t.Fatalf("serve --demo after a dead load ended: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve --demo after a dead load did not come up in 5 minutes:\n%s", logs.String())
		}
	}
	if !strings.Contains(logs.String(), "demo data loaded") || strings.Contains(logs.String(), "waiting for another process") {
		t.Errorf("serve --demo did not take the dead process's load over:\n%s", logs.String())
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("serve stopped with %v", err)
	}
}
