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
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27018"), "MongoDB-wire listen address (env FERRETDB_LISTEN_ADDR)")
	pgURL := flag.String("postgresql-url", envOr("FERRETDB_POSTGRESQL_URL", "postgres://127.0.0.1:5432/ferretdb"), "PostgreSQL connection URL (env FERRETDB_POSTGRESQL_URL)")
	level := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	var lv slog.Level
	if err := lv.UnmarshalText([]byte(*level)); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-pg: --log-level: %v\n", err)
		os.Exit(2)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lv}))
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
