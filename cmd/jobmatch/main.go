// Command jobmatch runs the jobcenter's recruitment service and its tools.
//
//	jobmatch serve [--demo] [--addr :8080] [--data-dir ./data] [--mongodb-uri URI]
//	jobmatch user add --email E --name N --role R [--password P]
//
// Every flag has a JOBMATCH_* environment equivalent (--mongodb-uri ↔
// JOBMATCH_MONGODB_URI); flags win.
package main

import (
	"context"
	"encoding"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"reflect"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	_ "time/tzdata"

	"jobmatch/internal/memlimit"
	"jobmatch/system" // Europe/Copenhagen on machines without zoneinfo
)

// command is one subcommand.
type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "run the web service", runServe},
		{"user", "manage staff users: user add --email … --name … --role …; user set --email … [--active=false] [--role …] [--password-stdin]", runUser},
		{"import", "import candidates|companies FILE (NDJSON or CSV) with progress and a per-row error report", runImport},
		{"demo", "generate synthetic CVs: demo --candidates N [--out FILE]", runDemo},
		{"reindex", "rebuild the search index from the store into a new directory and swap it in", runReindex},
		{"purge", "erase candidates inactive longer than the retention period: purge [--inactive-days N] [--dry-run] [--force]", runPurge},
		{"backup", "write a backup of the database while the service runs: backup --out FILE [--data-dir DIR | --mongodb-uri URI]", runBackup},
		{"restore", "restore a backup into a new data directory or an empty database: restore --in FILE [--data-dir NEWDIR | --mongodb-uri URI]", runRestore},
		{"kpi", "follow-up figures: kpi rebuild [--dry-run] recomputes the period counters from the events and reports differences", runKPI},
		{"eval", "quality figures: eval melo [--dir DIR] | eval rjdb [--file FILE] [--weights …] | eval everyday [--candidates N]", runEval},
		{"version", "print the version this binary was built from: the module's version and VCS revision (also --version)", runVersion},
	}
}

// subcommands are the commands that take a subcommand (or a kind) before
// their flags: `jobmatch user --help` names them, where the flags of each
// are one level down (`jobmatch user add --help`).
var subcommands = map[string]bool{"user": true, "import": true, "kpi": true, "eval": true}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help" || arg == "help"
}

func main() {
	ctx := context.Background()
	// A soft memory limit for every command (internal/memlimit): the
	// collector returns what the live data does not need.
	if _, err := memlimit.Apply(os.Getenv("JOBMATCH_MEMORY_LIMIT")); err != nil {
		fmt.Fprintln(os.Stderr, "jobmatch: JOBMATCH_MEMORY_LIMIT:", err)
		os.Exit(2)
	}
	go memlimit.Watch(ctx, 5*time.Second, func(from, to int64) {
		log := slog.Default()
		if l := cmdLogger.Load(); l != nil {
			log = l
		}
		log.Info("memory limit raised: the live data needs more", "from_mib", from>>20, "to_mib", to>>20)
	})
	stop := cpuProfile(os.Getenv("JOBMATCH_CPUPROFILE"))
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		// -h or --help: the flags were asked for and printed; asking is
		// no failure (a script's `jobmatch user add --help` exited 1).
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jobmatch:", err)
		os.Exit(1)
	}
}

// cpuProfile writes the command's CPU profile to path, when set (for
// docs/benchmarks.md: where an import's time goes); the returned function
// ends it.
func cpuProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jobmatch: JOBMATCH_CPUPROFILE:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errors.New("no command")
		}
		return nil
	}
	if args[0] == "--version" || args[0] == "-version" {
		return runVersion(ctx, args[1:], stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if len(args) == 2 && isHelp(args[1]) && subcommands[c.name] {
				fmt.Fprintf(stderr, "jobmatch %s: %s\n\nRun 'jobmatch %s <subcommand> --help' for the flags of a subcommand.\n", c.name, c.usage, c.name)
				return nil
			}
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

// runVersion prints the version the binary was built from: the module's
// version (a tag when built with `go install …@v1.2.3`, "(devel)" from a
// checkout) and the VCS revision, its time and whether the working tree
// had changes, as the Go toolchain stamps them into the binary.
func runVersion(_ context.Context, args []string, stdout, _ io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("version: takes no arguments, got %q", args[0])
	}
	fmt.Fprintln(stdout, versionText())
	return nil
}

// versionText is "jobmatch (devel) 8388096f1c2a… 2026-12-06T10:00:00Z
// modified" or as much of it as the build recorded.
func versionText() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "jobmatch: no build information (built without module support)"
	}
	parts := []string{"jobmatch", bi.Main.Version}
	if bi.Main.Version == "" {
		parts[1] = "(unknown version)"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		parts = append(parts, "(no VCS revision recorded)")
	} else {
		parts = append(parts, "revision "+rev)
		if at != "" {
			parts = append(parts, at)
		}
		if modified {
			parts = append(parts, "with local changes")
		}
	}
	return strings.Join(parts, " ") + " (" + bi.GoVersion + ")"
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: jobmatch <command> [flags]\n\ncommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'jobmatch <command> --help' for the flags of a command.")
}

// commonFlags are the storage flags every command that opens the store shares.
type commonFlags struct {
	dataDir    string
	mongoURI   string
	pgURL      string
	database   string
	logLevel   string
	logFormat  string
	sqliteSync string
}

func (c *commonFlags) system(log *slog.Logger) system.Config {
	return system.Config{DataDir: c.dataDir, MongoDBURI: c.mongoURI, PostgreSQLURL: c.pgURL, Database: c.database, SQLiteSync: c.sqliteSync, Logger: log}
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.dataDir, "data-dir", env("JOBMATCH_DATA_DIR", "./data"), "directory for the embedded database and the search index (JOBMATCH_DATA_DIR)")
	fs.StringVar(&c.mongoURI, "mongodb-uri", env("JOBMATCH_MONGODB_URI", ""), "MongoDB or FerretDB URI; empty starts the embedded FerretDB (JOBMATCH_MONGODB_URI)")
	fs.StringVar(&c.pgURL, "postgresql-url", env("JOBMATCH_POSTGRESQL_URL", ""), "with --mongodb-uri on a FerretDB on PostgreSQL: that PostgreSQL database, where jobmatch adds the _id indexes FerretDB's lookups can use (JOBMATCH_POSTGRESQL_URL)")
	fs.StringVar(&c.database, "database", env("JOBMATCH_DATABASE", "jobmatch"), "database name (JOBMATCH_DATABASE)")
	fs.StringVar(&c.sqliteSync, "sqlite-sync", env("JOBMATCH_SQLITE_SYNC", "normal"), "embedded database durability: normal (survives a process crash) or full (fsync each commit, survives power loss) (JOBMATCH_SQLITE_SYNC)")
	fs.StringVar(&c.logLevel, "log-level", env("JOBMATCH_LOG_LEVEL", "info"), "debug, info, warn or error (JOBMATCH_LOG_LEVEL)")
	fs.StringVar(&c.logFormat, "log-format", env("JOBMATCH_LOG_FORMAT", "text"), "text or json (JOBMATCH_LOG_FORMAT)")
}

// cmdLogger is the logger the running command built (--log-format,
// --log-level), for what main itself logs.
var cmdLogger atomic.Pointer[slog.Logger]

func (c *commonFlags) logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.logLevel))
	opts := &slog.HandlerOptions{Level: lvl, ReplaceAttr: structFields}
	var l *slog.Logger
	if strings.EqualFold(c.logFormat, "json") {
		l = slog.New(slog.NewJSONHandler(w, opts))
	} else {
		l = slog.New(slog.NewTextHandler(w, opts))
	}
	cmdLogger.Store(l)
	return l
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

// structFields logs a struct as its fields, each an attribute of its own
// (retention.vacancies=0 retention.match_runs=3), not as Go's %+v
// (retention="{Vacancies:0 …}") that a log search cannot read: named by
// their json tags, else their names; nested structs alike (the handler
// passes a group's attributes through here again). Errors, Stringers and
// TextMarshalers keep their text; a struct without exported fields, or
// nested four deep, is left as it is.
func structFields(groups []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindAny || len(groups) >= 4 { // 4: a struct pointing to itself
		return a
	}
	v := a.Value.Any()
	switch v.(type) {
	case error, fmt.Stringer, encoding.TextMarshaler, nil:
		return a
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return a
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return a
	}
	rt := rv.Type()
	var fields []any
	for i := range rt.NumField() {
		f := rt.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == "-" {
			continue
		} else if tag != "" {
			name = tag
		}
		fields = append(fields, slog.Any(name, rv.Field(i).Interface()))
	}
	if len(fields) == 0 {
		return a
	}
	return slog.Group(a.Key, fields...)
}
