package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system"
	"jobmatch/system/systemtest"
)

// TestBackupWhileServingAndRestore: `cp -r` of a serving data directory
// gave a copy that would not start ("database disk image is malformed")
// and missed index files. `jobmatch backup` beside a running service,
// while consultants keep writing CVs and vacancies, gives a file that
// `jobmatch restore` writes into a new data directory; a service started
// on it rebuilds the search index from the store and finds every CV
// acknowledged before the backup began by search, holds every vacancy,
// and every CV written during the backup it holds is found by search too.
// A restore refuses a directory that holds data, and a cut-off backup.
func TestBackupWhileServingAndRestore(t *testing.T) {
	clearStorageEnv(t)
	src := t.TempDir()
	env := systemtest.Start(t, systemtest.Options{DataDir: src})
	c := env.Login("konsulent@demo.local")
	const word = "qxzbkpk" // a word only these CVs carry (the stemmers leave it)

	var mu sync.Mutex
	var cvs, vacancies []string
	newCV := func(n int) {
		body := map[string]any{
			"external_ref": fmt.Sprintf("BK-%d", n), "name": fmt.Sprintf("Backup Borger %d", n), "postal_code": "6400",
			"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"tømrer"},
			"skills": []string{"tagarbejde"}, "summary": "Erfaren tømrer " + word + ".",
			"consent": map[string]any{"given": true, "channel": "meeting"},
		}
		var out struct{ ID string }
		if res := c.Do("POST", "/api/v1/candidates", body, &out); res.StatusCode == http.StatusCreated && out.ID != "" {
			mu.Lock()
			cvs = append(cvs, out.ID)
			mu.Unlock()
		}
	}
	newVacancy := func() {
		var out struct{ ID string }
		if res := c.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(1)), &out); res.StatusCode == http.StatusCreated && out.ID != "" {
			mu.Lock()
			vacancies = append(vacancies, out.ID)
			mu.Unlock()
		}
	}
	for n := range 30 {
		newCV(n)
		if n%5 == 0 {
			newVacancy()
		}
	}
	mu.Lock()
	before, vacBefore := len(cvs), len(vacancies)
	mu.Unlock()
	if before != 30 || vacBefore != 6 {
		t.Fatalf("acknowledged %d CVs and %d vacancies before the backup, want 30 and 6", before, vacBefore)
	}

	// The backup runs while a consultant keeps writing.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for n := 100; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			newCV(n)
			if n%4 == 0 {
				newVacancy()
			}
		}
	}()
	file := filepath.Join(t.TempDir(), "jobmatch.backup")
	out, errs, err := cli(t, "backup", "--data-dir", src, "--out", file)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup beside the running service: %v\n%s", err, errs)
	}
	if !strings.Contains(out, "backup written to "+file) || !strings.Contains(out, "one moment of the whole database") ||
		!strings.Contains(errs, "backup: candidates: ") {
		t.Fatalf("backup said:\n%s\n%s", out, errs)
	}

	// A restore writes into a new or empty directory only, and reads the
	// whole file before it writes.
	if _, _, err := cli(t, "restore", "--data-dir", src, "--in", file); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("restore into the serving data directory: %v", err)
	}
	whole, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.backup")
	if err := os.WriteFile(cut, whole[:len(whole)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	never := filepath.Join(t.TempDir(), "data")
	if _, _, err := cli(t, "restore", "--data-dir", never, "--in", cut); err == nil || !strings.Contains(err.Error(), "cut off") {
		t.Errorf("restore of a cut-off backup: %v", err)
	}
	if _, err := os.Stat(never); err == nil {
		t.Errorf("the restore of a cut-off backup left %s behind", never)
	}

	// Against a database at --mongodb-uri (here the running service's own
	// FerretDB listener): read collection by collection, and restored
	// into an empty database there only.
	uri := env.Sys.Store.URI()
	ext := filepath.Join(t.TempDir(), "external.backup")
	if out, errs, err := cli(t, "backup", "--mongodb-uri", uri, "--out", ext); err != nil || !strings.Contains(out, "each collection read at its own moment") {
		t.Fatalf("backup of --mongodb-uri: %v\n%s%s", err, out, errs)
	}
	if _, _, err := cli(t, "restore", "--mongodb-uri", uri, "--in", ext); err == nil || !strings.Contains(err.Error(), `database "jobmatch" is not empty`) {
		t.Errorf("restore into the service's own database: %v", err)
	}
	if out, errs, err := cli(t, "restore", "--mongodb-uri", uri, "--database", "jobmatch_restored", "--in", ext, "--data-dir", t.TempDir()); err != nil || !strings.Contains(out, `into database "jobmatch_restored"`) {
		t.Errorf("restore into an empty database: %v\n%s%s", err, out, errs)
	}

	dst := filepath.Join(t.TempDir(), "restored")
	out, errs, err = cli(t, "restore", "--data-dir", dst, "--in", file)
	if err != nil {
		t.Fatalf("restore: %v\n%s", err, errs)
	}
	if !strings.Contains(out, "restored "+file) || !strings.Contains(errs, "restore: candidates: ") {
		t.Fatalf("restore said:\n%s\n%s", out, errs)
	}
	if _, _, err := cli(t, "restore", "--data-dir", dst, "--in", file); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("a second restore into the same directory: %v", err)
	}

	// The service started on the restored directory.
	base := startOn(t, dst)
	token := loginAt(t, base)
	get := func(path string, out any) int {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if out != nil {
			if err := json.NewDecoder(res.Body).Decode(out); err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
		}
		return res.StatusCode
	}
	mu.Lock()
	defer mu.Unlock()
	restored := map[string]bool{} // the CVs the restored store holds
	for i, id := range cvs {
		code := get("/api/v1/candidates/"+id+"?why=backup", nil)
		switch {
		case code == http.StatusOK:
			restored[id] = true
		case i < before:
			t.Errorf("CV %s, acknowledged before the backup, reads %d after the restore", id, code)
		}
	}
	for i, id := range vacancies {
		if code := get("/api/v1/vacancies/"+id, nil); code != http.StatusOK && i < vacBefore {
			t.Errorf("vacancy %s, acknowledged before the backup, reads %d after the restore", id, code)
		}
	}
	// Searchable: the index is rebuilt from the restored store in the
	// background after the start; every CV the store holds is found.
	var missing []string
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(100 * time.Millisecond) {
		found := map[string]bool{}
		for cursor := ""; ; {
			var res struct {
				Items []struct {
					Candidate struct{ ID string }
				}
				NextCursor string `json:"next_cursor"`
			}
			q := url.Values{"q": {word}, "limit": {"200"}, "why": {"backup"}}
			if cursor != "" {
				q.Set("cursor", cursor)
			}
			if code := get("/api/v1/candidates/search?"+q.Encode(), &res); code != http.StatusOK {
				t.Fatalf("search: %d", code)
			}
			for _, h := range res.Items {
				found[h.Candidate.ID] = true
			}
			if cursor = res.NextCursor; cursor == "" {
				break
			}
		}
		missing = missing[:0]
		for id := range restored {
			if !found[id] {
				missing = append(missing, id)
			}
		}
		if len(missing) == 0 || time.Now().After(deadline) {
			break
		}
	}
	if len(missing) > 0 {
		t.Fatalf("%d of the %d restored CVs are not found by search after the restore, e.g. %v", len(missing), len(restored), missing[:min(5, len(missing))])
	}
	t.Logf("%d CVs acknowledged (%d before the backup), %d restored and found by search; %d vacancies", len(cvs), before, len(restored), len(vacancies))
}

// startOn runs the service on dataDir as serve would (embedded database),
// and returns its address once it is ready.
func startOn(t *testing.T, dataDir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	sys, err := system.Open(ctx, system.Config{DataDir: dataDir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DevMode: true})
	if err != nil {
		cancel()
		t.Fatalf("start on the restored data directory: %v", err)
	}
	sys.Start(ctx)
	for deadline := time.Now().Add(5 * time.Minute); !sys.Ready(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the service on the restored data did not become ready in 5 minutes")
		}
	}
	srv := httptest.NewServer(sys.Handler())
	t.Cleanup(func() {
		srv.Close()
		cancel()
		_ = sys.Close(context.Background())
	})
	return srv.URL
}

// loginAt signs in as the demo consultant, a user the backup holds.
func loginAt(t *testing.T, base string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": "konsulent@demo.local", "password": demo.Password})
	res, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusOK || out.Token == "" {
		t.Fatalf("login on the restored data: %d %v", res.StatusCode, err)
	}
	return out.Token
}
