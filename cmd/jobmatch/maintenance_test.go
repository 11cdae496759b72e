package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobmatch/app/followup"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/system/systemtest"
)

// cli runs the command in this process with the storage settings of the
// environment cleared: what it wrote to stdout and stderr, and its error.
func cli(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var o, e bytes.Buffer
	err = run(t.Context(), args, &o, &e)
	return o.String(), e.String(), err
}

func clearStorageEnv(t *testing.T) {
	t.Setenv("JOBMATCH_MONGODB_URI", "")
	t.Setenv("JOBMATCH_DATA_DIR", "")
	t.Setenv("JOBMATCH_DATABASE", "jobmatch")
	t.Setenv("JOBMATCH_RETENTION_DAYS", "")
}

// TestMaintenanceNeedsExistingData: kpi rebuild, purge and reindex
// pointed at a directory that does not exist, or holds no database, say so
// and create nothing: they reported "the counters agree", "purged 0" on a
// brand-new empty database (`cd /tmp && jobmatch kpi rebuild`).
func TestMaintenanceNeedsExistingData(t *testing.T) {
	clearStorageEnv(t)
	for _, cmd := range [][]string{{"kpi", "rebuild"}, {"kpi", "rebuild", "--dry-run"}, {"purge"}, {"purge", "--dry-run"}, {"reindex"}} {
		name := strings.Join(cmd, " ")
		missing := filepath.Join(t.TempDir(), "data")
		out, _, err := cli(t, append(cmd, "--data-dir", missing)...)
		if err == nil || !strings.Contains(err.Error(), missing+" does not exist") || !strings.Contains(err.Error(), "--data-dir") {
			t.Errorf("%s on a missing directory: err %v, out %q", name, err, out)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Errorf("%s created %s", name, missing)
		}
		empty := t.TempDir()
		out, _, err = cli(t, append(cmd, "--data-dir", empty)...)
		if err == nil || !strings.Contains(err.Error(), "holds no jobmatch database") {
			t.Errorf("%s on an empty directory: err %v, out %q", name, err, out)
		}
		if ents, _ := os.ReadDir(empty); len(ents) > 0 {
			t.Errorf("%s wrote %s into an empty directory", name, ents[0].Name())
		}
	}
}

// TestPurgeRefusesShortRetention: `purge --inactive-days -1` erased every
// CV. Below minRetentionDays, and a JOBMATCH_RETENTION_DAYS that turns the
// purge off or is no number, the purge refuses before it opens anything;
// below 30 only with --force; serve refuses a negative --retention-days.
func TestPurgeRefusesShortRetention(t *testing.T) {
	clearStorageEnv(t)
	dir := t.TempDir() // exists, holds no database: the check comes first
	for _, days := range []string{"0", "1", "29"} {
		_, _, err := cli(t, "purge", "--data-dir", dir, "--inactive-days", days)
		if err == nil || !strings.Contains(err.Error(), "--inactive-days "+days+": want at least 30 days, or --force") {
			t.Errorf("--inactive-days %s: %v", days, err)
		}
	}
	if _, _, err := cli(t, "purge", "--data-dir", dir, "--inactive-days", "-1", "--force"); err == nil || !strings.Contains(err.Error(), "not negative") {
		t.Errorf("--inactive-days -1 --force: %v", err)
	}
	// Forced, a short rule passes the check (and meets the missing
	// database next).
	if _, _, err := cli(t, "purge", "--data-dir", dir, "--inactive-days", "0", "--force"); err == nil || !strings.Contains(err.Error(), "holds no jobmatch database") {
		t.Errorf("--inactive-days 0 --force: %v", err)
	}
	for env, want := range map[string]string{
		"0":       "JOBMATCH_RETENTION_DAYS=0 turns serve's daily purge off",
		"7":       "JOBMATCH_RETENTION_DAYS 7: want at least 30 days, or --force",
		"2 years": `JOBMATCH_RETENTION_DAYS="2 years" is no number of days`,
	} {
		t.Setenv("JOBMATCH_RETENTION_DAYS", env)
		if _, _, err := cli(t, "purge", "--data-dir", dir); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("JOBMATCH_RETENTION_DAYS=%s: %v", env, err)
		}
	}
	t.Setenv("JOBMATCH_RETENTION_DAYS", "")
	// A dry run erases nothing: a short rule may be counted without
	// --force (it meets the missing database next).
	if _, _, err := cli(t, "purge", "--data-dir", dir, "--inactive-days", "1", "--dry-run"); err == nil || !strings.Contains(err.Error(), "holds no jobmatch database") {
		t.Errorf("--inactive-days 1 --dry-run: %v", err)
	}
	// serve refuses a JOBMATCH_RETENTION_DAYS it cannot read (" 365" is
	// read; "abc" kept CVs for 730 days, silently).
	t.Setenv("JOBMATCH_RETENTION_DAYS", "abc")
	ctx0, cancel0 := context.WithCancel(t.Context())
	cancel0()
	if err := run(ctx0, []string{"serve", "--data-dir", dir, "--addr", "127.0.0.1:0", "--metrics-addr", ""}, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "is no number of days") {
		t.Errorf("serve with JOBMATCH_RETENTION_DAYS=abc: %v", err)
	}
	t.Setenv("JOBMATCH_RETENTION_DAYS", " 365")
	if n, err := retentionFromEnv(); err != nil || n != 365 {
		t.Errorf("JOBMATCH_RETENTION_DAYS=' 365': %d %v", n, err)
	}
	t.Setenv("JOBMATCH_RETENTION_DAYS", "")
	// serve refuses a negative rule (it turned the purge off silently).
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // a serve that took it would stop at once
	if err := run(ctx, []string{"serve", "--data-dir", dir, "--addr", "127.0.0.1:0", "--metrics-addr", "", "--retention-days", "-1"}, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "not negative") {
		t.Errorf("serve --retention-days -1: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("a refused command wrote %s", ents[0].Name())
	}
}

// TestPurgeDryRunAndMaintenance runs the maintenance commands on a demo
// data directory: purge follows serve's JOBMATCH_RETENTION_DAYS (1095 gave
// 730 from the CLI), --dry-run counts what the purge then erases and erases
// nothing; kpi rebuild says one thing; reindex writes progress lines.
func TestPurgeDryRunAndMaintenance(t *testing.T) {
	clearStorageEnv(t)
	dir := t.TempDir()
	if out, logs, err := cli(t, "demo", "--candidates", "20", "--data-dir", dir); err != nil || !strings.Contains(out, "20 created") {
		t.Fatalf("demo: %v\n%s%s", err, out, logs)
	}
	defer func() { clock = time.Now }()
	purge := func(args ...string) string {
		t.Helper()
		out, logs, err := cli(t, append([]string{"purge", "--data-dir", dir}, args...)...)
		if err != nil {
			t.Fatalf("purge %v: %v\n%s", args, err, logs)
		}
		return out
	}

	// 800 days on: older than the CLI's old 730, younger than the
	// service's 1095.
	clock = func() time.Time { return time.Now().AddDate(0, 0, 800) }
	t.Setenv("JOBMATCH_RETENTION_DAYS", "1095")
	if out := purge("--dry-run"); !strings.Contains(out, "would purge 0 candidates inactive for more than 1095 days") {
		t.Fatalf("dry run with JOBMATCH_RETENTION_DAYS=1095: %q", out)
	}
	if out := purge(); !strings.Contains(out, "purged 0 candidates inactive for more than 1095 days") {
		t.Fatalf("purge with JOBMATCH_RETENTION_DAYS=1095: %q", out)
	}
	// The flag wins over the environment.
	for range 2 { // a dry run erases nothing: twice the same
		if out := purge("--dry-run", "--inactive-days", "730"); !strings.Contains(out, "would purge 20 candidates inactive for more than 730 days") || !strings.Contains(out, "nothing erased") {
			t.Fatalf("dry run at 730 days: %q", out)
		}
	}
	clock = func() time.Time { return time.Now().AddDate(0, 0, 1100) }
	if out := purge("--dry-run"); !strings.Contains(out, "would purge 20 candidates") {
		t.Fatalf("dry run 1100 days on: %q", out)
	}
	if out := purge(); !strings.Contains(out, "purged 20 candidates inactive for more than 1095 days") {
		t.Fatalf("purge 1100 days on: %q", out)
	}
	if out := purge("--dry-run"); !strings.Contains(out, "would purge 0 candidates") {
		t.Fatalf("dry run after the purge: %q", out)
	}

	// kpi rebuild: the counters agree, and it says no more than that.
	for _, args := range [][]string{{}, {"--dry-run"}} {
		out, logs, err := cli(t, append([]string{"kpi", "rebuild", "--data-dir", dir}, args...)...)
		if err != nil {
			t.Fatalf("kpi rebuild %v: %v\n%s", args, err, logs)
		}
		if !strings.Contains(out, "the counters agree with the events") || strings.Contains(out, "rewritten") {
			t.Errorf("kpi rebuild %v: %q", args, out)
		}
	}

	// reindex: the import's progress lines (no terminal here), the last
	// one at 100%, once.
	if out, logs, err := cli(t, "demo", "--candidates", "30", "--seed", "2", "--data-dir", dir); err != nil {
		t.Fatalf("demo: %v\n%s%s", err, out, logs)
	}
	out, logs, err := cli(t, "reindex", "--data-dir", dir)
	if err != nil || !strings.Contains(out, "reindexed 30 candidates") {
		t.Fatalf("reindex: %v %q\n%s", err, out, logs)
	}
	re := regexp.MustCompile(`(?m)^progress: 30/30 rows \(100\.0%\), \d+ rows/s, 0 errors, ETA 0s$`)
	if n := len(re.FindAllString(logs, -1)); n != 1 {
		t.Errorf("reindex wrote %d final progress lines:\n%s", n, logs)
	}
}

// TestUserAddChecksFlagsFirst: `jobmatch user add` with no flags asked for
// the password, then said --email was missing. The flags are checked
// first: no prompt, and nothing opened.
func TestUserAddChecksFlagsFirst(t *testing.T) {
	bin := buildBinary(t)
	dataDir := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(bin, "user", "add", "--data-dir", dataDir, "--role", "boss")
	cmd.Env = append(os.Environ(), "JOBMATCH_MONGODB_URI=")
	cmd.Stdin = strings.NewReader("hemmelig1\n")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("user add without --email accepted:\n%s", out)
	}
	for _, want := range []string{"--email: This field is required. (required)", "--name: This field is required. (required)", "--role: Choose one of: hotline, consultant, admin, management. (oneof)"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "Password") {
		t.Errorf("asked for a password before checking the flags:\n%s", out)
	}
	if _, err := os.Stat(dataDir); err == nil {
		t.Errorf("opened the store (created %s) for a command with bad flags", dataDir)
	}
}

// TestLogStructFields: the daily job logged its retention report as Go's
// %+v, retention="{Vacancies:0 Entries:0 …}"; the command's logger writes
// a struct's fields as attributes of their own, by their JSON names.
func TestLogStructFields(t *testing.T) {
	type inner struct {
		Days int `json:"days"`
	}
	type report struct {
		Vacancies int `json:"vacancies"`
		MatchRuns int `json:"match_runs"`
		Rule      inner
		Hidden    string `json:"-"`
		private   int
	}
	var out bytes.Buffer
	common := commonFlags{logLevel: "info", logFormat: "text"}
	var retention any = report{Vacancies: 2, MatchRuns: 3, Rule: inner{Days: 180}, Hidden: "x", private: 1} // as system.DailyReport holds it
	common.logger(&out).Info("daily job", "consent_reminders", 1, "retention", retention, "err", errors.New("a {b}"))
	got := strings.TrimSpace(out.String())
	for _, want := range []string{"consent_reminders=1", "retention.vacancies=2", "retention.match_runs=3", "retention.Rule.days=180", `err="a {b}"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in %s", want, got)
		}
	}
	if strings.Contains(got, "Vacancies") || strings.Contains(got, "Hidden") || strings.Contains(got, "private") {
		t.Errorf("a struct printed with %%+v, or a hidden field: %s", got)
	}
	out.Reset()
	common.logFormat = "json"
	common.logger(&out).Info("daily job", "retention", &report{Vacancies: 4})
	if !strings.Contains(out.String(), `"retention":{"vacancies":4,"match_runs":0,"Rule":{"days":0}}`) {
		t.Errorf("json: %s", out.String())
	}
}

// TestKPIRebuildReport: one verdict per run — "agree" printed next to
// "rewritten" was both at once.
func TestKPIRebuildReport(t *testing.T) {
	diffs := []store.KPIDiff{{Doc: "kpi:2026", Field: "contacts", Stored: 5, Events: 7}}
	for _, c := range []struct {
		res        followup.KPIRebuild
		want, dont []string
	}{
		{followup.KPIRebuild{Events: map[string]int{"contacts": 7}, Docs: 1, Written: true},
			[]string{"events read: contacts 7\n", "the counters agree with the events: nothing to change\n"}, []string{"rewritten", "differ"}},
		{followup.KPIRebuild{Docs: 1, Diffs: diffs, Written: true},
			[]string{"1 counters differed from the events:\n  kpi:2026 contacts: stored 5, events 7\ncounters rewritten from the events\n"}, []string{"agree", "dry-run"}},
		{followup.KPIRebuild{Docs: 1, Diffs: diffs},
			[]string{"1 counters differ from the events:\n", "--dry-run: nothing changed"}, []string{"agree", "rewritten from"}},
	} {
		var out bytes.Buffer
		printKPIRebuild(&out, &c.res)
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("no %q in:\n%s", w, out.String())
			}
		}
		for _, d := range c.dont {
			if strings.Contains(out.String(), d) {
				t.Errorf("%q in:\n%s", d, out.String())
			}
		}
	}
}

// TestStrayArgumentRefused: a word where a flag was expected stops the
// flag package, which left the rest unread: "purge --dry-run false
// --data-dir D" ran on ./data, not on D, without a word. Each command
// refuses it, naming it, and opens nothing.
func TestStrayArgumentRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{
		{"purge", "--dry-run", "false", "--data-dir", filepath.Join(dir, "d1")},
		{"reindex", "stray", "--data-dir", filepath.Join(dir, "d2")},
		{"kpi", "rebuild", "stray", "--data-dir", filepath.Join(dir, "d3")},
		{"serve", "stray", "--data-dir", filepath.Join(dir, "d4")},
		{"import", "candidates", "cvs.ndjson", "stray", "--data-dir", filepath.Join(dir, "d5")},
		{"import", "companies", "--data-dir", filepath.Join(dir, "d6"), "a.csv", "b.csv"},
		{"user", "set", "--email", "a@b.dk", "--active", "false", "--data-dir", filepath.Join(dir, "d7")},
		{"user", "add", "--email", "a@b.dk", "--name", "Abc Def", "--role", "hotline", "stray", "--data-dir", filepath.Join(dir, "d8")},
	} {
		err := run(context.Background(), args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "unexpected argument") {
			t.Errorf("%v: %v, want an unexpected argument", args, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a refused command created %v", entries)
	}
}

// TestCommandsBesideServeAreRefusedAtOnce: reindex, purge and kpi rebuild
// on the data directory of a running serve are refused before they open
// anything, naming the serve's process from its serve.running marker.
// They waited out the index's lock (10 s) and then said "index: in use
// by another process".
func TestCommandsBesideServeAreRefusedAtOnce(t *testing.T) {
	clearStorageEnv(t)
	dir := t.TempDir()
	a := systemtest.Start(t, systemtest.Options{DataDir: dir})
	var db []string
	if !a.Sys.Store.Embedded() {
		db = []string{"--mongodb-uri", a.Sys.Store.URI(), "--database", a.Sys.Store.DB().Name()}
	}
	// What serve writes while it runs (serve.go).
	if err := os.WriteFile(filepath.Join(dir, "serve.running"), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"reindex"}, {"purge", "--dry-run", "--inactive-days", "730"}, {"import", "candidates", filepath.Join(dir, "none.ndjson")}} {
		name := strings.Join(cmd, " ")
		if cmd[0] == "import" {
			if err := os.WriteFile(cmd[2], nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		out, _, err := cli(t, append(append(cmd, db...), "--data-dir", dir)...)
		if !errors.Is(err, index.ErrInUse) {
			t.Fatalf("%s beside serve: err %v, out %q", name, err, out)
		}
		want := fmt.Sprintf("%s is in use by a running jobmatch serve (process %d): stop it", dir, os.Getpid())
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s beside serve: %v\nlacks %q", name, err, want)
		}
	}
	if _, _, err := cli(t, append([]string{"kpi", "rebuild", "--dry-run", "--data-dir", dir}, db...)...); !strings.Contains(fmt.Sprint(err), "in use by") {
		t.Errorf("kpi rebuild beside serve: %v", err)
	}
}
