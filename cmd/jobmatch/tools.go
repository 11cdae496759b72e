package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/i18n"
	"jobmatch/store"
	"jobmatch/system"
)

// openSystem opens the store and services for a one-off command, which
// claims no replica slot at open (store.Config.Command). A data directory
// another process has open is refused at once (inUse).
func openSystem(ctx context.Context, common *commonFlags, stderr io.Writer) (*system.System, error) {
	if err := common.inUse(); err != nil {
		return nil, err
	}
	cfg := common.system(common.logger(stderr))
	cfg.Command = true
	return system.Open(ctx, cfg)
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "candidates" && args[0] != "companies") {
		fmt.Fprintln(stderr, "usage: jobmatch import candidates|companies FILE [--format ndjson|csv] [--data-dir …]")
		return errors.New("import what?")
	}
	what := args[0]
	fs := flag.NewFlagSet("import "+what, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	format := fs.String("format", "", "ndjson or csv (default: by the file's extension)")
	// Accept FILE before or after the flags.
	rest := args[1:]
	var file string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
		if fs.NArg() > 1 {
			return strayArgument(fs.Arg(1))
		}
	} else if fs.NArg() > 0 {
		return strayArgument(fs.Arg(0))
	}
	if file == "" {
		return errors.New("import: no file given")
	}
	if *format == "" {
		switch strings.ToLower(filepath.Ext(file)) {
		case ".csv":
			*format = "csv"
		default:
			*format = "ndjson"
		}
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	bar := newProgressBar(stderr, stdout, 0)
	in := &countingReader{r: f}
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		bar.done = func(rows int) float64 { return in.consumed(rows, st.Size()) }
	}
	var p jobmatch.ImportProgress
	if what == "companies" {
		p, err = importCompanies(ctx, sys, in, bar.update)
	} else {
		stopSync := syncWhile(ctx, sys)
		p, err = sys.CVs.ImportCandidates(ctx, nil, in, *format, bar.update)
		stopSync()
		if err == nil {
			err = sys.Syncer.CatchUp(ctx)
		}
	}
	bar.finish(err == nil)
	for _, e := range p.Errors {
		msg := e.Message
		if msg == "" {
			msg = i18n.FieldMessage(i18n.EN, e.FieldError())
		}
		ref := ""
		if e.Ref != "" {
			ref = " (" + e.Ref + ")"
		}
		fmt.Fprintf(stdout, "row %d%s: %s: %s (%s)\n", e.Row, ref, e.Field, msg, e.Code)
	}
	// The citizens erased at their request are skipped, not failed: said
	// apart, so the total adds up.
	skipped := ""
	if p.SkippedErased > 0 {
		skipped = fmt.Sprintf(", %d skipped (erased on request)", p.SkippedErased)
	}
	fmt.Fprintf(stdout, "%s: %d rows, %d created, %d updated, %d unchanged, %d failed%s in %s\n", what, p.Rows, p.Created, p.Updated, p.Unchanged, p.Failed, skipped, time.Since(bar.start).Round(time.Millisecond))
	return err
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	n := fs.Int("candidates", 1000, "number of synthetic CVs")
	seed := fs.Uint64("seed", 1, "random seed (the same seed gives the same people)")
	out := fs.String("out", "", "write NDJSON to this file ('-' for stdout) instead of loading into the store")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out != "" {
		tax, err := system.Taxonomy()
		if err != nil {
			return err
		}
		w := stdout
		if *out != "-" {
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			defer f.Close()
			w = f
		}
		return demo.WriteNDJSON(w, demo.NewGenerator(tax, *seed), *n)
	}
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	bar := newProgressBar(stderr, stdout, *n)
	stopSync := syncWhile(ctx, sys)
	p, err := demo.LoadCandidates(ctx, sys, *n, *seed, bar.update)
	stopSync()
	if err == nil {
		err = sys.Syncer.CatchUp(ctx)
	}
	bar.finish(err == nil)
	fmt.Fprintf(stdout, "demo: %d CVs, %d created, %d updated, %d unchanged in %s\n", p.Rows, p.Created, p.Updated, p.Unchanged, time.Since(bar.start).Round(time.Millisecond))
	return err
}

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := common.requireStore(); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	// As sys.Reindex, with the import's progress lines: the candidates
	// counted first for the share done (unknown should the count fail).
	total, err := sys.Store.Count(ctx, store.ColCandidates)
	if err != nil {
		total = 0
	}
	bar := newProgressBar(stderr, stdout, int(total))
	var p jobmatch.ImportProgress
	src := reindexSource{Store: sys.Store, each: func() {
		p.Rows++
		if p.Rows%500 == 0 {
			bar.update(p)
		}
	}}
	n, err := sys.Index.Rebuild(ctx, src, system.ConceptLabels(sys.Taxonomy))
	if err == nil {
		err = sys.Syncer.CatchUp(ctx)
	}
	bar.update(p)
	bar.finish(err == nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reindexed %d candidates in %s\n", n, time.Since(bar.start).Round(time.Millisecond))
	return nil
}

func runPurge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("purge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	def, envErr := retentionFromEnv()
	days := fs.Int("inactive-days", def, "erase candidates inactive for longer than this many days; "+retentionHelp+"; the default follows JOBMATCH_RETENTION_DAYS, as serve's --retention-days does")
	dry := fs.Bool("dry-run", false, "report how many candidates would be erased, and erase none")
	force := fs.Bool("force", false, fmt.Sprintf("purge with --inactive-days below %d (a test or demo system)", minRetentionDays))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	from := "JOBMATCH_RETENTION_DAYS"
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "inactive-days" {
			from = "--inactive-days"
		}
	})
	if from == "JOBMATCH_RETENTION_DAYS" {
		// serve's retention, so a purge by hand erases what the daily
		// one would.
		if envErr != nil {
			return fmt.Errorf("purge: %w; give --inactive-days", envErr)
		}
		if *days == 0 {
			return errors.New("purge: JOBMATCH_RETENTION_DAYS=0 turns serve's daily purge off; give --inactive-days to purge by hand")
		}
	}
	// A dry run erases nothing: any rule may be counted.
	if err := checkRetentionDays("purge: "+from, *days, false, *force || *dry); err != nil {
		return err
	}
	if err := common.requireStore(); err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	cutoff := clock().AddDate(0, 0, -*days)
	if *dry {
		n, oldest, err := countInactive(ctx, sys.Store, cutoff)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "dry run: would purge %d candidates inactive for more than %s (no activity since %s)", n, daysText(*days), cutoff.Format(time.DateOnly))
		if n > 0 {
			fmt.Fprintf(stdout, ", the longest inactive since %s", oldest.Format(time.DateOnly))
		}
		fmt.Fprintln(stdout, "; nothing erased")
		return nil
	}
	n, err := sys.CVs.Purge(ctx, cutoff)
	if err != nil {
		return err
	}
	if err := sys.Syncer.CatchUp(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "purged %d candidates inactive for more than %s (no activity since %s)\n", n, daysText(*days), cutoff.Format(time.DateOnly))
	return nil
}

// syncWhile runs the index sync alongside an import, so the CVs are
// searchable when the import ends; the returned function stops it.
func syncWhile(ctx context.Context, sys *system.System) func() {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); sys.Syncer.Run(ctx) }()
	return func() { cancel(); <-done }
}

// daysText is n days in words: "1 day", "730 days".
func daysText(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// parseFlags parses a command's flags and refuses a word left after them:
// the flag package stops at the first word that is no flag and leaves the
// rest unread, so "user set --email x --active false --data-dir D" ran on
// ./data and not on D, without a word.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return strayArgument(fs.Arg(0))
	}
	return nil
}

// strayArgument is the error of a word where a flag was expected.
func strayArgument(a string) error {
	return fmt.Errorf("unexpected argument %q: nothing after it was read; write flags as --name value or --name=value, a yes/no flag as --name=false", a)
}
