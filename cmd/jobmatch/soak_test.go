package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// The kill -9 soak (issue 12): clients write CVs, vacancies, requests and
// shortlist moves through the real binary; the process is killed with
// SIGKILL at a random moment, started again on the same data directory, and
// every write that was acknowledged must be readable, in its list, and (for
// CVs) searchable. TestKill9SoakShort runs 3 rounds in every `go test`;
// `go test -tags soak ./cmd/jobmatch -run Kill9Soak20` runs 20 rounds
// (soak_long_test.go). The figures go to docs/benchmarks.md.

type soakConfig struct {
	Rounds  int
	Clients int
	// MaxWrite is the longest a round writes before the kill (uniform from
	// a quarter of it); one round in four is killed while starting instead.
	MaxWrite time.Duration
}

// soakLedger is every acknowledged write.
type soakLedger struct {
	mu sync.Mutex
	// cvs: id → round token (a word only that round's CVs carry).
	cvs       map[string]string
	cvRound   map[string]int
	vacancies map[string]string // id → CVR
	requests  map[string]string // id → CVR
	// moves: entry id → the last acknowledged state.
	moves map[string]soakMove
	// newCVs are the CVs acknowledged since the last restart.
	newCVs []string
}

type soakMove struct {
	Vacancy string
	Stage   string
	Version int
}

type soakRound struct {
	Round              int
	KilledWhile        string
	Acked              int
	StartToReady       time.Duration
	ReadyToSearchable  time.Duration // until every acknowledged CV so far was found by search
	CVs, Vac, Req, Mov int
}

// soakClient is an HTTP client against the current process.
type soakClient struct {
	base  string
	token string
	http  *http.Client
}

func (c *soakClient) do(method, path string, body any, out any) (int, error) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, err // cut off: not acknowledged
	}
	if out != nil && res.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			return 0, err
		}
	}
	return res.StatusCode, nil
}

func login(t *testing.T, base string) *soakClient {
	t.Helper()
	c := &soakClient{base: base, http: &http.Client{Timeout: 60 * time.Second}}
	var out struct{ Token string }
	if code, err := c.do("POST", "/api/v1/auth/login", map[string]string{"email": "konsulent@demo.local", "password": demo.Password}, &out); err != nil || code != 200 {
		t.Fatalf("login: %d %v", code, err)
	}
	c.token = out.Token
	return c
}

// waitReady waits until /readyz says ready and returns when it did.
func waitReady(t *testing.T, base string, cmd *exec.Cmd, logs *bytes.Buffer) time.Time {
	t.Helper()
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			var r struct{ Ready bool }
			_ = json.NewDecoder(res.Body).Decode(&r)
			res.Body.Close()
			if r.Ready {
				return time.Now()
			}
		}
		if cmd.ProcessState != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("not ready within 10 minutes; logs:\n%s", logs.String())
	return time.Time{}
}

func roundToken(r int) string {
	// Letters only, no vowels, ending in a consonant: the Danish and English
	// stemmers leave it alone, and each round's token is distinct.
	const cons = "bcdfghjklmnpqrstvwxz"
	return "qxz" + string(cons[r/len(cons)%len(cons)]) + string(cons[r%len(cons)]) + "k"
}

func runSoak(t *testing.T, cfg soakConfig) []soakRound {
	bin := buildBinary(t)
	dataDir, addr := t.TempDir(), freeAddr(t)
	base := "http://" + addr
	led := &soakLedger{cvs: map[string]string{}, cvRound: map[string]int{}, vacancies: map[string]string{}, requests: map[string]string{}, moves: map[string]soakMove{}}
	rng := rand.New(rand.NewPCG(12, 2026))
	var rounds []soakRound
	var seq atomic.Int64
	for round := 1; round <= cfg.Rounds; round++ {
		args := []string{"serve", "--data-dir", dataDir, "--addr", addr}
		if round == 1 {
			args = append(args, "--demo", "--demo-candidates", "100")
		}
		var logs bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = &logs, &logs
		cmd.Env = append(os.Environ(), "JOBMATCH_DEMO=false")
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		rs := soakRound{Round: round}
		if round > 1 && rng.IntN(4) == 0 {
			// Killed while starting: catch-up, snapshot load, lexicons.
			time.Sleep(time.Duration(200+rng.IntN(2500)) * time.Millisecond)
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_, _ = cmd.Process.Wait()
			rs.KilledWhile = "starting"
			t.Logf("round %d: killed while starting", round)
			rounds = append(rounds, rs)
			continue
		}
		ready := waitReady(t, base, cmd, &logs)
		rs.StartToReady = ready.Sub(started)
		// Everything acknowledged so far: readable, listed, searchable.
		rs.ReadyToSearchable = verify(t, base, led, ready)
		// Write from several clients, kill at a random moment.
		led.newCVs = nil
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var acked atomic.Int64
		// Sign in here: a client goroutine must not end the test.
		c := login(t, base)
		for k := range cfg.Clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				soakClientLoop(t, &soakClient{base: c.base, token: c.token, http: c.http}, led, round, k, &seq, &acked, stop)
			}()
		}
		writeFor := cfg.MaxWrite/4 + time.Duration(rng.Int64N(int64(cfg.MaxWrite*3/4)))
		time.Sleep(writeFor)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_, _ = cmd.Process.Wait()
		close(stop)
		wg.Wait()
		rs.KilledWhile, rs.Acked = "writing", int(acked.Load())
		led.mu.Lock()
		rs.CVs, rs.Vac, rs.Req, rs.Mov = len(led.cvs), len(led.vacancies), len(led.requests), len(led.moves)
		led.mu.Unlock()
		t.Logf("round %d: start→ready %v, ready→all searchable %v, %d acknowledged this round before the kill after %v (totals: %d CVs, %d vacancies, %d requests, %d shortlist entries)",
			round, rs.StartToReady.Round(time.Millisecond), rs.ReadyToSearchable.Round(time.Millisecond), rs.Acked, writeFor.Round(time.Millisecond), rs.CVs, rs.Vac, rs.Req, rs.Mov)
		rounds = append(rounds, rs)
	}
	// A last start: everything acknowledged in all rounds is there.
	var logs bytes.Buffer
	cmd := exec.Command(bin, "serve", "--data-dir", dataDir, "--addr", addr)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
	ready := waitReady(t, base, cmd, &logs)
	last := soakRound{Round: cfg.Rounds + 1, KilledWhile: "final check", StartToReady: ready.Sub(started)}
	last.ReadyToSearchable = verify(t, base, led, ready)
	led.mu.Lock()
	last.CVs, last.Vac, last.Req, last.Mov = len(led.cvs), len(led.vacancies), len(led.requests), len(led.moves)
	led.mu.Unlock()
	rounds = append(rounds, last)
	total := 0
	for _, r := range rounds {
		total += r.Acked
	}
	var worstReady, worstSearch time.Duration
	for _, r := range rounds {
		worstReady, worstSearch = max(worstReady, r.StartToReady), max(worstSearch, r.ReadyToSearchable)
	}
	t.Logf("SOAK %d rounds, %d clients: %d acknowledged writes (%d CVs, %d vacancies, %d requests, %d shortlist entries moved), 0 lost; start→ready at most %v, ready→every CV searchable at most %v",
		cfg.Rounds, cfg.Clients, total, last.CVs, last.Vac, last.Req, last.Mov, worstReady.Round(time.Millisecond), worstSearch.Round(time.Millisecond))
	return rounds
}

// soakClientLoop writes until stop: CVs mostly, then vacancies, requests
// and shortlist moves on this client's own vacancy.
func soakClientLoop(t *testing.T, c *soakClient, led *soakLedger, round, k int, seq, acked *atomic.Int64, stop chan struct{}) {
	rng := rand.New(rand.NewPCG(uint64(round), uint64(k)))
	cvr := demo.CVR(1 + k) // a demo company per client
	tok := roundToken(round)
	var myCVs []string
	var myVacancy string
	for {
		select {
		case <-stop:
			return
		default:
		}
		switch p := rng.IntN(100); {
		case p < 55 || len(myCVs) < 2:
			n := seq.Add(1)
			ref := fmt.Sprintf("SOAK-%d-%d-%d", round, k, n)
			body := map[string]any{
				"external_ref": ref, "name": "Soak Borger " + strconv.FormatInt(n, 10), "postal_code": "6400",
				"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"tømrer"},
				"skills": []string{"tagarbejde"}, "summary": "Erfaren tømrer " + tok + ".",
				"consent": map[string]any{"given": true, "channel": "meeting"},
			}
			var out struct{ ID string }
			if code, err := c.do("POST", "/api/v1/candidates", body, &out); err == nil && code == http.StatusCreated && out.ID != "" {
				acked.Add(1)
				myCVs = append(myCVs, out.ID)
				led.mu.Lock()
				led.cvs[out.ID], led.cvRound[out.ID] = tok, round
				led.newCVs = append(led.newCVs, out.ID)
				led.mu.Unlock()
			}
		case p < 70:
			var out struct{ ID string }
			if code, err := c.do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &out); err == nil && code == http.StatusCreated {
				acked.Add(1)
				myVacancy = out.ID
				led.mu.Lock()
				led.vacancies[out.ID] = cvr
				led.mu.Unlock()
			} else if code == http.StatusTooManyRequests {
				time.Sleep(200 * time.Millisecond)
			}
		case p < 80:
			body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Soak ApS", "postal_code": "6400",
				"contact": map[string]any{"name": "Ole Olsen", "email": "ole@soak.dk", "phone": "12345678"}},
				"topic": "retention", "channel": "api", "text": "En medarbejder er syg; hvad kan vi gøre?"}
			var out struct{ ID string }
			if code, err := c.do("POST", "/api/v1/requests", body, &out); err == nil && code == http.StatusCreated {
				acked.Add(1)
				led.mu.Lock()
				led.requests[out.ID] = cvr
				led.mu.Unlock()
			} else if code == http.StatusTooManyRequests {
				time.Sleep(200 * time.Millisecond)
			}
		default:
			if myVacancy == "" {
				continue
			}
			// Shortlist one of this client's CVs and move it twice.
			cv := myCVs[rng.IntN(len(myCVs))]
			var e struct {
				ID      string
				Stage   string
				Version int
			}
			code, err := c.do("POST", "/api/v1/vacancies/"+myVacancy+"/shortlist", map[string]any{"candidate_id": cv}, &e)
			if err != nil || code != http.StatusCreated {
				continue
			}
			acked.Add(1)
			record := func() {
				led.mu.Lock()
				led.moves[e.ID] = soakMove{Vacancy: myVacancy, Stage: e.Stage, Version: e.Version}
				led.mu.Unlock()
			}
			record()
			for _, to := range []string{"contacted", "interested"} {
				code, err := c.do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version, "note": "soak"}, &e)
				if err != nil || code != http.StatusOK {
					break
				}
				acked.Add(1)
				record()
			}
		}
	}
}

// verify checks every acknowledged write after a restart and returns how
// long after ready the last acknowledged CV became searchable. A CV not
// found by search 60 s after ready is lost.
func verify(t *testing.T, base string, led *soakLedger, ready time.Time) time.Duration {
	t.Helper()
	c := login(t, base)
	led.mu.Lock()
	defer led.mu.Unlock()
	// Searchable: per round token, page through the hits.
	byTok := map[string][]string{}
	for id, tok := range led.cvs {
		byTok[tok] = append(byTok[tok], id)
	}
	var searchable time.Duration
	for tok, ids := range byTok {
		for {
			found := map[string]bool{}
			for cursor := ""; ; {
				var res struct {
					Items []struct {
						Candidate struct{ ID string }
					}
					NextCursor string `json:"next_cursor"`
				}
				q := url.Values{"q": {tok}, "limit": {"200"}, "why": {"soak"}}
				if cursor != "" {
					q.Set("cursor", cursor)
				}
				if code, err := c.do("GET", "/api/v1/candidates/search?"+q.Encode(), nil, &res); err != nil || code != 200 {
					t.Fatalf("search %s: %d %v", tok, code, err)
				}
				for _, h := range res.Items {
					found[h.Candidate.ID] = true
				}
				if cursor = res.NextCursor; cursor == "" {
					break
				}
			}
			var missing []string
			for _, id := range ids {
				if !found[id] {
					missing = append(missing, id)
				}
			}
			if len(missing) == 0 {
				break
			}
			if time.Since(ready) > 60*time.Second {
				t.Fatalf("LOST from search: %d acknowledged CVs of token %s never found, e.g. %v", len(missing), tok, missing[:min(5, len(missing))])
			}
			time.Sleep(50 * time.Millisecond)
		}
		searchable = max(searchable, time.Since(ready))
	}
	// Readable: the CVs acknowledged in the last round (all of them at the
	// end would be thousands of audited reads per round).
	check := led.newCVs
	for _, id := range check {
		if code, err := c.do("GET", "/api/v1/candidates/"+id+"?why=soak", nil, nil); err != nil || code != 200 {
			t.Fatalf("LOST: acknowledged CV %s reads %d %v", id, code, err)
		}
	}
	// Vacancies and requests: readable and in their company's list.
	lists := func(kind string, m map[string]string) {
		perCVR := map[string][]string{}
		for id, cvr := range m {
			perCVR[cvr] = append(perCVR[cvr], id)
			if code, err := c.do("GET", "/api/v1/"+kind+"/"+id, nil, nil); err != nil || code != 200 {
				t.Fatalf("LOST: acknowledged %s %s reads %d %v", kind, id, code, err)
			}
		}
		for cvr, ids := range perCVR {
			listed := map[string]bool{}
			var total int64
			for cursor := ""; ; {
				var page struct {
					Items      []struct{ ID string }
					NextCursor string `json:"next_cursor"`
					Total      int64
				}
				q := url.Values{"cvr": {cvr}, "limit": {"200"}}
				if cursor != "" {
					q.Set("cursor", cursor)
				}
				if code, err := c.do("GET", "/api/v1/"+kind+"?"+q.Encode(), nil, &page); err != nil || code != 200 {
					t.Fatalf("list %s: %d %v", kind, code, err)
				}
				for _, it := range page.Items {
					listed[it.ID] = true
				}
				total = page.Total
				if cursor = page.NextCursor; cursor == "" {
					break
				}
			}
			for _, id := range ids {
				if !listed[id] {
					t.Fatalf("LOST from the list: acknowledged %s %s not in the list of CVR %s", kind, id, cvr)
				}
			}
			if total < int64(len(ids)) {
				t.Fatalf("%s list total %d for CVR %s below the %d acknowledged", kind, total, cvr, len(ids))
			}
		}
	}
	lists("vacancies", led.vacancies)
	lists("requests", led.requests)
	// Shortlist moves: the entry is in its vacancy's list at least at the
	// acknowledged version (a move in flight at the kill may have landed).
	perVac := map[string][]string{}
	for id, m := range led.moves {
		perVac[m.Vacancy] = append(perVac[m.Vacancy], id)
	}
	for vac, ids := range perVac {
		var list struct {
			Items []struct {
				ID      string
				Stage   string
				Version int
			}
		}
		if code, err := c.do("GET", "/api/v1/vacancies/"+vac+"/shortlist", nil, &list); err != nil || code != 200 {
			t.Fatalf("shortlist %s: %d %v", vac, code, err)
		}
		for _, id := range ids {
			want := led.moves[id]
			i := slices.IndexFunc(list.Items, func(e struct {
				ID      string
				Stage   string
				Version int
			}) bool {
				return e.ID == id
			})
			if i < 0 {
				t.Fatalf("LOST: acknowledged shortlist entry %s not in vacancy %s's shortlist", id, vac)
			}
			got := list.Items[i]
			if got.Version < want.Version || (got.Version == want.Version && got.Stage != want.Stage) {
				t.Fatalf("LOST move: entry %s is %s v%d, acknowledged %s v%d", id, got.Stage, got.Version, want.Stage, want.Version)
			}
		}
	}
	// And in its citizen's shortlists (the CV's «På kortlister»): an
	// entry's id is "<vacancy id>:<candidate id>".
	perCV := map[string][]string{}
	for id := range led.moves {
		if _, cv, ok := strings.Cut(id, ":"); ok {
			perCV[cv] = append(perCV[cv], id)
		}
	}
	for cv, ids := range perCV {
		var ps struct {
			Items []struct {
				Entry struct{ ID string }
			}
		}
		if code, err := c.do("GET", "/api/v1/candidates/"+cv+"/shortlists", nil, &ps); err != nil || code != 200 {
			t.Fatalf("shortlists of %s: %d %v", cv, code, err)
		}
		for _, id := range ids {
			if !slices.ContainsFunc(ps.Items, func(p struct{ Entry struct{ ID string } }) bool { return p.Entry.ID == id }) {
				t.Fatalf("LOST: acknowledged shortlist entry %s not in its citizen's shortlists", id)
			}
		}
	}
	return searchable
}

// TestKill9SoakShort is the soak in small: 3 rounds, 3 clients, in every
// test run.
func TestKill9SoakShort(t *testing.T) {
	rounds := runSoak(t, soakConfig{Rounds: 3, Clients: 3, MaxWrite: 4 * time.Second})
	acked := 0
	for _, r := range rounds {
		acked += r.Acked
	}
	if acked == 0 {
		t.Fatal("no write was acknowledged: the soak tested nothing")
	}
}
