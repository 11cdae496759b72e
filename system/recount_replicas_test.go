package system_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/store"
	"jobmatch/store/storetest"
	"jobmatch/system"
	"jobmatch/system/systemtest"
)

// replicaIn starts a replica of a's database with its data directory in
// dir, as `serve` would, and a stop that ends it (its process gone): a
// second call with dir is the same replica restarted.
func replicaIn(t *testing.T, a *systemtest.Env, dir string) (*system.System, string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, system.Config{DataDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MongoDBURI: a.Sys.Store.URI(), Database: a.Sys.Store.DB().Name(), PostgreSQLURL: storetest.PostgreSQLURL(),
		DevMode: true, PublicRate: 10000, PublicBurst: 10000, IntakePerAddress: -1, IntakePerCVR: -1, FileRepeats: true})
	if err != nil {
		cancel()
		t.Fatalf("open replica: %v", err)
	}
	srv := httptest.NewServer(sys.Handler())
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		srv.Close()
		cancel()
		_ = sys.Close(context.Background())
	}
	t.Cleanup(stop)
	return sys, srv.URL, stop
}

// TestRecountAfterCrashWithReplicas: two replicas on one database; B is
// killed between storing events and counting them (a contact it logged, a
// resolution of a request A received). When B starts again with its data
// directory it gets its slot back and, before it serves, recounts the
// events its slot counted into its own shards, while A keeps filing
// requests: the figures then equal the events (they stayed short for good,
// with only a log line asking for `jobmatch kpi rebuild` with every
// replica stopped).
func TestRecountAfterCrashWithReplicas(t *testing.T) {
	a := systemtest.Start(t)
	ctx := t.Context()
	dirB := t.TempDir()
	b, urlB, stopB := replicaIn(t, a, dirB)
	hotA := a.Login("hotline@demo.local")
	hotB := (&systemtest.Env{T: t, URL: urlB}).Login("hotline@demo.local")
	file := func(c *systemtest.Client, i int) string {
		t.Helper()
		body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(610 + i%4))["company"], "topic": "subsidy", "channel": "phone", "text": fmt.Sprintf("Opkald %d om løntilskud", i)}
		var r struct{ ID string }
		if res := c.Do("POST", "/api/v1/requests", body, &r); res.StatusCode != http.StatusCreated {
			t.Errorf("request %d: %d %s", i, res.StatusCode, res.Body)
		}
		return r.ID
	}
	var fromA []string
	for i := 0; i < 8; i++ {
		if i%2 == 0 {
			fromA = append(fromA, file(hotA, i))
		} else {
			file(hotB, i)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	slotB := b.Store.Slot()
	if slotB <= 0 || slotB == a.Sys.Store.Slot() {
		t.Fatalf("replica slots: A %d, B %d", a.Sys.Store.Slot(), slotB)
	}

	// What a kill -9 of B leaves: events B stored, in its slot, whose
	// counters it never added.
	now := time.Now().UTC()
	day, err := jobmatch.ParseDate(now.In(jobmatch.Copenhagen).Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	ct := &jobmatch.Contact{ID: jobmatch.NewID(), CVR: demo.CVR(610), CompanyName: "Virksomhed", Kind: "phone",
		Date: day, ConsultantID: "konsulent@demo.local", LoggedAt: now, Period: jobmatch.PeriodsOf(now)}
	if err := b.Store.ContactLogged(ctx, ct, now, nil); err != nil {
		t.Fatal(err)
	}
	r, err := b.Store.Request(ctx, fromA[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Store.ResolveRequest(ctx, r, store.Resolution{At: now, By: "konsulent@demo.local", Resolution: "Ringet op"}, nil); err != nil {
		t.Fatal(err)
	}
	stopB()
	if check, err := a.Sys.Followup.RebuildKPI(ctx, false); err != nil || len(check.Diffs) == 0 {
		t.Fatalf("before the restart the figures should be short: %+v %v", check, err)
	}

	// B starts again with its data directory; A files requests meanwhile.
	b, _, _ = replicaIn(t, a, dirB)
	started, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for i := 100; i < 112; i++ {
			file(hotA, i)
			if i == 100 {
				close(started)
			}
		}
	}()
	<-started
	n, err := b.RecountAfterCrash(ctx)
	<-done
	if err != nil || n == 0 {
		t.Fatalf("B's recount after its crash: %d counters differed, %v; want the contact's and the resolution's", n, err)
	}
	check, err := a.Sys.Followup.RebuildKPI(ctx, false)
	if err != nil || len(check.Diffs) != 0 {
		t.Fatalf("after B's recount, with A writing: %+v %v", check, err)
	}
	if got := b.Store.Slot(); got != slotB {
		t.Fatalf("B restarted in slot %d, want its own %d back", got, slotB)
	}
	if n, err := b.RecountAfterCrash(ctx); err != nil || n != 0 {
		t.Fatalf("a second recount of B: %d, %v", n, err)
	}
}
