package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"

	"jobmatch/app/followup"
	"jobmatch/index"
	"jobmatch/store"
)

func runKPI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "rebuild" {
		fmt.Fprintln(stderr, "usage: jobmatch kpi rebuild [--dry-run] [--force] [storage flags]")
		return errors.New("kpi: want the subcommand rebuild")
	}
	fs := flag.NewFlagSet("kpi rebuild", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	dry := fs.Bool("dry-run", false, "only compare: report the differences, change nothing")
	force := fs.Bool("force", false, "rewrite the counters even while other jobmatch processes use the database (the counts they make meanwhile are lost)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if err := common.requireStore(); err != nil {
		return fmt.Errorf("kpi rebuild: %w", err)
	}
	sys, err := openSystem(ctx, &common, stderr)
	if errors.Is(err, index.ErrInUse) {
		return common.kpiInUse()
	}
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	if !*dry && !*force {
		// The rewrite replaces every replica's shards with a scan's
		// tally: what a serving replica counts between the scan and the
		// rewrite would be lost, or counted twice, for good. A replica
		// killed mid-write recounts its own shards when it starts again
		// (RecountAfterCrash), so this is for a quiet moment.
		n, err := sys.Store.OthersOpen(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("kpi rebuild: %d other jobmatch process(es) have this database open and may count events while the counters are rewritten; stop them first (a replica recounts its own figures when it restarts after a crash), compare only with --dry-run, or rewrite anyway with --force", n)
		}
	}
	res, err := sys.Followup.RebuildKPI(ctx, !*dry)
	if err != nil {
		return err
	}
	printKPIRebuild(stdout, res)
	return nil
}

// kpiInUse says what to do when another jobmatch process has the data
// directory open. kpi rebuild reads the database and not the search index,
// yet it heard "index: in use by another process … stop the other jobmatch
// process, or give this one another --data-dir", which sent an operator to
// stop the service to compare counters, or to point at an empty directory.
func (c *commonFlags) kpiInUse() error {
	dir := c.dataDir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if c.mongoURI == "" {
		// The embedded database listens on a socket in the data
		// directory that only the service's user may use (store.Open).
		uri := store.EmbeddedURI(dir)
		if uri == "" {
			uri = "<the uri serve logs at start: \"embedded database started … uri=…\">"
		}
		return fmt.Errorf("kpi rebuild: %s is in use by a running jobmatch (serve): the embedded database in it is that process's alone. "+
			"As the service's user, give kpi rebuild --mongodb-uri %s and a --data-dir of its own (an empty directory will do), "+
			"or stop serve and run kpi rebuild again", dir, uri)
	}
	return fmt.Errorf("kpi rebuild: the search index in %s is in use by another jobmatch process; kpi rebuild reads the database at --mongodb-uri and not the index: "+
		"give it a --data-dir of its own (an empty directory will do)", dir)
}

// printKPIRebuild reports a rebuild: the events read, then one verdict —
// the counters agree (nothing to change), or they differed and were
// rewritten, or (--dry-run) they differ and were left as they are.
func printKPIRebuild(stdout io.Writer, res *followup.KPIRebuild) {
	kinds := make([]string, 0, len(res.Events))
	for k := range res.Events {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprint(stdout, "events read:")
	for _, k := range kinds {
		fmt.Fprintf(stdout, " %s %d", k, res.Events[k])
	}
	fmt.Fprintf(stdout, "\ncounter documents: %d\n", res.Docs)
	if len(res.Diffs) == 0 {
		fmt.Fprintln(stdout, "the counters agree with the events: nothing to change")
		return
	}
	verb := "differ"
	if res.Written {
		verb = "differed"
	}
	fmt.Fprintf(stdout, "%d counters %s from the events:\n", len(res.Diffs), verb)
	for _, d := range res.Diffs {
		fmt.Fprintf(stdout, "  %s %s: stored %d, events %d\n", d.Doc, d.Field, d.Stored, d.Events)
	}
	if res.Written {
		fmt.Fprintln(stdout, "counters rewritten from the events")
	} else {
		fmt.Fprintln(stdout, "--dry-run: nothing changed; run without --dry-run to rewrite them from the events")
	}
}
