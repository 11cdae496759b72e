package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"jobmatch/store"
)

// runBackup writes a backup of the database to --out: the embedded
// database of --data-dir (while serve runs on it, from a snapshot of one
// moment) or the one at --mongodb-uri (collection by collection). The
// search index is not in it: a restored service rebuilds it from the store
// at its first start. store/backup.go has the format.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	out := fs.String("out", "", "the backup file to write (replaced only once the new backup is whole)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("backup: want --out FILE, the backup file to write")
	}
	if err := common.requireStore(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	log := common.logger(stderr)
	// Written beside the file and renamed when whole: a backup that fails
	// half way (a full disk) leaves the previous one as it was.
	dir := filepath.Dir(*out)
	f, err := os.CreateTemp(dir, "."+filepath.Base(*out)+".partial-")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	partial := f.Name()
	defer os.Remove(partial) // gone by the rename when all went well
	start := time.Now()
	p := newCollectionProgress(stderr, "backup")
	st, err := store.Backup(ctx, common.storeConfig(log), dir, f, p.update)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(partial, *out)
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	how := "one moment of the whole database (a snapshot of the embedded database)"
	if !st.Consistent {
		how = "each collection read at its own moment while the service may write (an external database; see docs/reliability.md)"
	}
	fmt.Fprintf(stdout, "backup written to %s: %d collections, %d documents in %s; %s\n", *out, st.Collections, st.Documents, time.Since(start).Round(100*time.Millisecond), how)
	return nil
}

// runRestore writes a backup into a new data directory (--data-dir) or an
// empty external database (--mongodb-uri, --database) and refuses any
// other: a restore replaces nothing.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	in := fs.String("in", "", "the backup file to restore (written by jobmatch backup)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("restore: want --in FILE, the backup file to restore")
	}
	if _, err := os.Stat(*in); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	cfg := common.storeConfig(common.logger(stderr))
	if err := store.RestoreTarget(ctx, cfg); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	start := time.Now()
	p := newCollectionProgress(stderr, "restore")
	open := func() (io.ReadCloser, error) { return os.Open(*in) }
	st, err := store.Restore(ctx, cfg, open, p.update)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	where := "data directory " + common.dataDir
	if common.mongoURI != "" {
		where = fmt.Sprintf("database %q", common.database)
	}
	fmt.Fprintf(stdout, "restored %s taken %s into %s: %d collections, %d documents in %s\n", *in, st.Created.Local().Format("2006-01-02 15:04:05"), where, st.Collections, st.Documents, time.Since(start).Round(100*time.Millisecond))
	fmt.Fprintln(stdout, "start the service on it: its first start creates the indexes and rebuilds the search index from the restored data (search finds fewer CVs until that is done)")
	return nil
}

// storeConfig is where the data lives, for the commands that read or
// write the database without opening the service (backup, restore).
func (c *commonFlags) storeConfig(log *slog.Logger) store.Config {
	return store.Config{DataDir: c.dataDir, MongoDBURI: c.mongoURI, Database: c.database, Logger: log}
}

// collectionProgress tells a backup's or restore's progress in lines a log
// can read (no terminal needed): one per collection done, and one every
// few seconds while a large one is under way.
type collectionProgress struct {
	w     io.Writer
	verb  string
	every time.Duration
	now   func() time.Time
	last  time.Time
}

func newCollectionProgress(w io.Writer, verb string) *collectionProgress {
	return &collectionProgress{w: w, verb: verb, every: 5 * time.Second, now: time.Now, last: time.Now()}
}

func (p *collectionProgress) update(collection string, n int64, done bool) {
	t := p.now()
	if done {
		fmt.Fprintf(p.w, "%s: %s: %d documents\n", p.verb, collection, n)
		p.last = t
		return
	}
	if t.Sub(p.last) < p.every {
		return
	}
	p.last = t
	fmt.Fprintf(p.w, "%s: %s: %d documents so far\n", p.verb, collection, n)
}
