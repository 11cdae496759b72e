// Command ferretdb-pg runs FerretDB 1.24.2 (the version pinned in go.mod)
// with its PostgreSQL handler as a stand-alone MongoDB-wire server, so that
// CI and operators can run jobmatch against an external FerretDB on
// PostgreSQL without fetching a separate FerretDB release:
//
//	go run ./cmd/ferretdb-pg --listen 127.0.0.1:27018 \
//	    --postgresql-url 'postgres://jobmatch@127.0.0.1:5433/ferretdb'
//
// then `jobmatch serve --mongodb-uri mongodb://127.0.0.1:27018/`. It stops
// on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5/pgconn"
)

func main() {
	listen := flag.String("listen", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27018"), "MongoDB-wire listen address (env FERRETDB_LISTEN_ADDR)")
	pgURL := flag.String("postgresql-url", envOr("FERRETDB_POSTGRESQL_URL", "postgres://127.0.0.1:5432/ferretdb"), "PostgreSQL connection URL (env FERRETDB_POSTGRESQL_URL)")
	level := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	log, err := newLogger(os.Stderr, *level)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-pg: --log-level: %v\n", err)
		os.Exit(2)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Handler:       "postgresql",
		PostgreSQLURL: *pgURL,
		Logger:        log,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-pg: %v\n", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log.Info("FerretDB on PostgreSQL", "listen", *listen)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "ferretdb-pg: %v\n", err)
		os.Exit(1)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// newLogger is FerretDB's logger at the given level (debug, info, warn or
// error), with the duplicate-key errors jobmatch causes on purpose lowered
// to debug (quietDuplicates).
func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, err
	}
	return slog.New(quietDuplicates{h: slog.NewTextHandler(w, &slog.HandlerOptions{Level: lv})}), nil
}

// quietDuplicates lowers to debug the records of a PostgreSQL unique
// violation (SQLSTATE 23505, "duplicate key value violates unique
// constraint"). FerretDB's pgx tracer logs every failed statement at ERROR,
// and jobmatch claims positions, turns and once-only steps by inserting a
// unique _id and expects most such inserts to fail: 2,575 ERROR lines in
// five minutes of two replicas, among which a real error (a panic that
// drops a connection) went unseen. The client is told of the duplicate in
// its reply as before; --log-level debug still shows them.
type quietDuplicates struct{ h slog.Handler }

func (q quietDuplicates) Enabled(ctx context.Context, lv slog.Level) bool {
	return q.h.Enabled(ctx, lv)
}

func (q quietDuplicates) Handle(ctx context.Context, r slog.Record) error {
	if r.Level > slog.LevelDebug && duplicateKey(r) {
		if !q.h.Enabled(ctx, slog.LevelDebug) {
			return nil
		}
		r.Level = slog.LevelDebug
	}
	return q.h.Handle(ctx, r)
}

func (q quietDuplicates) WithAttrs(a []slog.Attr) slog.Handler {
	return quietDuplicates{h: q.h.WithAttrs(a)}
}

func (q quietDuplicates) WithGroup(n string) slog.Handler {
	return quietDuplicates{h: q.h.WithGroup(n)}
}

// duplicateKey reports whether a record is about a unique violation: an
// attribute (in a group or not) holding PostgreSQL's error, or its text.
func duplicateKey(r slog.Record) bool {
	if isDuplicateText(r.Message) {
		return true
	}
	found := false
	r.Attrs(func(a slog.Attr) bool {
		found = duplicateAttr(a.Value)
		return !found
	})
	return found
}

func duplicateAttr(v slog.Value) bool {
	v = v.Resolve()
	switch v.Kind() {
	case slog.KindGroup:
		for _, a := range v.Group() {
			if duplicateAttr(a.Value) {
				return true
			}
		}
	case slog.KindString:
		return isDuplicateText(v.String())
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			var pe *pgconn.PgError
			if errors.As(err, &pe) {
				return pe.Code == "23505"
			}
			return isDuplicateText(err.Error())
		}
	}
	return false
}

func isDuplicateText(s string) bool {
	return strings.Contains(s, "duplicate key value violates unique constraint")
}
