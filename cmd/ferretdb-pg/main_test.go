package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// pgxRecord is a failed statement as FerretDB's pgx tracer logs it
// (internal/util/logging/pgx.go): level ERROR, message "Query", the
// tracer's data as attributes, the statement's arguments as a group.
func pgxRecord(err error) slog.Record {
	r := slog.NewRecord(time.Now(), slog.LevelError, "Query", 0)
	r.AddAttrs(
		slog.Group("args", slog.Any("0", []byte(`{"_id":"once:request:1:resolve#0"}`))),
		slog.Any("err", err),
		slog.Int("pid", 4242),
		slog.String("sql", `INSERT INTO "jobmatch"."versions_1f2a" (_jsonb) VALUES ($1)`),
		slog.Duration("time", time.Millisecond),
	)
	return r
}

// The duplicate-key errors jobmatch's claims cause on purpose are debug
// lines, not ERROR: two replicas made 2,575 ERROR lines in five minutes,
// and a panic among them went unseen. Real errors still stand out at the
// default level, and --log-level debug still shows the duplicates.
func TestDuplicateKeysAreNotErrors(t *testing.T) {
	ctx := context.Background()
	dup := &pgconn.PgError{Severity: "ERROR", Code: "23505", Message: `duplicate key value violates unique constraint "versions_1f2a__id__idx"`}
	missing := &pgconn.PgError{Severity: "ERROR", Code: "42P01", Message: `relation "jobmatch.versions_1f2a" does not exist`}

	var out bytes.Buffer
	log, err := newLogger(&out, "warn")
	if err != nil {
		t.Fatal(err)
	}
	log = log.With("component", "ferretdb")
	if !log.Enabled(ctx, slog.LevelError) {
		t.Fatal("errors are not logged at warn")
	}
	if err := log.Handler().Handle(ctx, pgxRecord(dup)); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("a duplicate key is logged at warn:\n%s", out.String())
	}
	_ = log.Handler().Handle(ctx, pgxRecord(missing))
	log.Error("runtime error: slice bounds out of range [:2:1]")
	log.Warn("Connection stopped", "conn", "127.0.0.1:51234 -> 127.0.0.1:27018", "error", "panic")
	for _, want := range []string{`level=ERROR msg=Query`, `does not exist`, `level=ERROR msg="runtime error: slice bounds out of range [:2:1]"`, `level=WARN msg="Connection stopped"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, out.String())
		}
	}

	out.Reset()
	if log, err = newLogger(&out, "debug"); err != nil {
		t.Fatal(err)
	}
	_ = log.Handler().Handle(ctx, pgxRecord(dup))
	if got := out.String(); !strings.Contains(got, "level=DEBUG msg=Query") || !strings.Contains(got, "duplicate key value") {
		t.Errorf("at debug a duplicate key is not a debug line:\n%s", got)
	}

	if _, err := newLogger(&out, "loud"); err == nil {
		t.Error("--log-level loud accepted")
	}
}
