package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/store"
)

// requireStore refuses a maintenance command (kpi rebuild, purge, reindex)
// whose data directory holds no embedded database: opening it would create
// a new, empty one, and the command would report on that ("the counters
// agree", "purged 0") as if it had looked at the service's data — the
// mistake of running it from the wrong directory, or without the service's
// JOBMATCH_DATA_DIR. With --mongodb-uri the data is elsewhere and the
// directory only holds the search index, so anything goes.
func (c *commonFlags) requireStore() error {
	if c.mongoURI != "" {
		return nil
	}
	dir := c.dataDir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	const hint = "give the service's --data-dir (JOBMATCH_DATA_DIR) or --mongodb-uri (JOBMATCH_MONGODB_URI); this command works on existing data and creates none"
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("data directory %s does not exist: %s", dir, hint)
	case err != nil:
		return fmt.Errorf("data directory: %w", err)
	case !st.IsDir():
		return fmt.Errorf("data directory %s is not a directory: %s", dir, hint)
	}
	// The embedded FerretDB keeps database D in DataDir/db/D.sqlite
	// (store.Open).
	db := filepath.Join(dir, "db", c.database+".sqlite")
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("data directory %s holds no jobmatch database (no db/%s.sqlite): %s (and --database if the service uses another name than %q)", dir, c.database, hint, c.database)
	} else if err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	return nil
}

// inUse refuses at once a command on a data directory that another
// jobmatch process has open (a running serve, or another command): its
// search index, and the embedded database when there is one, are that
// process's alone. It is asked before anything opens: opening waits for
// the index's lock, and `reindex`, `kpi rebuild` beside a running serve
// said "in use" only after 10 s. The error wraps index.ErrInUse, as the
// index's own does. serve.running names the serve's process, if one left it.
func (c *commonFlags) inUse() error {
	dir := c.dataDir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if err := index.InUse(filepath.Join(dir, "index")); err == nil {
		return nil
	}
	who := "another jobmatch process"
	if b, err := os.ReadFile(filepath.Join(dir, "serve.running")); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			who = fmt.Sprintf("a running jobmatch serve (process %d)", pid)
		}
	}
	return &inUseError{dir: dir, who: who}
}

type inUseError struct{ dir, who string }

func (e *inUseError) Error() string {
	return fmt.Sprintf("data directory %s is in use by %s: stop it and run this command again", e.dir, e.who)
}

func (e *inUseError) Unwrap() error { return index.ErrInUse }

// minRetentionDays is the shortest inactivity after which a CV may be
// erased, by `purge --inactive-days` and by serve's daily purge
// (--retention-days). Inactivity counts from the CV's last activity: a
// jobseeker on a course, on sick leave or simply not updating a CV that is
// still right goes weeks without one, and an erasure cannot be undone. A
// rule shorter than a month is no retention rule but a typo (a -1, a 0, a
// number of months given as days).
const minRetentionDays = 30

// defaultRetentionDays is the CV retention when JOBMATCH_RETENTION_DAYS is
// unset.
const defaultRetentionDays = 730

// retentionHelp is the rule, for the flags' help.
var retentionHelp = fmt.Sprintf("at least %d unless forced: inactivity counts from the CV's last activity, and a jobseeker may go weeks without one", minRetentionDays)

// checkRetentionDays refuses a negative CV retention always, and one below
// minRetentionDays unless forced (a test or a demo may want a day); off
// allows 0 (serve: never erase).
func checkRetentionDays(flag string, days int, off, force bool) error {
	if days < 0 {
		return fmt.Errorf("%s %d: a number of days, not negative", flag, days)
	}
	if days >= minRetentionDays || (off && days == 0) || force {
		return nil
	}
	want := fmt.Sprintf("at least %d days, or --force", minRetentionDays)
	if off {
		want = "0 (never erase) or " + want
	}
	return fmt.Errorf("%s %d: want %s; CVs inactive longer are erased for good, and inactivity counts from a CV's last activity, which a jobseeker may not touch for weeks", flag, days, want)
}

// retentionFromEnv is the CV retention serve runs with by
// JOBMATCH_RETENTION_DAYS (its --retention-days), 730 days when unset; an
// error when set to something that is no number (serve takes 730 then,
// purge refuses to guess).
func retentionFromEnv() (int, error) {
	v := os.Getenv("JOBMATCH_RETENTION_DAYS")
	if v == "" {
		return defaultRetentionDays, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return defaultRetentionDays, fmt.Errorf("JOBMATCH_RETENTION_DAYS=%q is no number of days", v)
	}
	return n, nil
}

// clock is the time purge measures inactivity from (tests move it).
var clock = time.Now

// countInactive counts the candidates cvs.Service.Purge erases at cutoff,
// by the same rule: the last activity, or the last update when no activity
// is recorded, before the cutoff. For `purge --dry-run`;
// TestPurgeDryRun checks it counts what the purge then erases.
func countInactive(ctx context.Context, st *store.Store, cutoff time.Time) (n int, oldest time.Time, err error) {
	err = st.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		last := c.LastActivity
		if last.IsZero() {
			last = c.UpdatedAt
		}
		if last.Before(cutoff) {
			n++
			if oldest.IsZero() || last.Before(oldest) {
				oldest = last
			}
		}
		return nil
	})
	return n, oldest, err
}

// reindexSource is the store as the index rebuild reads it, telling the
// progress bar every candidate it hands over.
type reindexSource struct {
	*store.Store
	each func()
}

func (s reindexSource) EachCandidate(ctx context.Context, fn func(*jobmatch.Candidate) error) error {
	return s.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		if err := fn(c); err != nil {
			return err
		}
		s.each()
		return nil
	})
}
