package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobmatch/store/storetest"
)

// TestIDLookupUsesIndexOnPostgreSQL: on FerretDB with PostgreSQL, the
// query FerretDB 1.24 sends for a FindOne by _id (containment on
// _jsonb->'_id') is answered from an index the store made, not by a scan of
// the table. Runs in CI's second pass, which sets JOBMATCH_TEST_MONGODB_URI
// and JOBMATCH_TEST_POSTGRESQL_URL; the embedded backend has its own test
// (TestIDLookupUsesExpressionIndex).
func TestIDLookupUsesIndexOnPostgreSQL(t *testing.T) {
	url := storetest.PostgreSQLURL()
	if url == "" || storetest.ExternalURI() == "" {
		t.Skip("needs FerretDB on PostgreSQL: JOBMATCH_TEST_MONGODB_URI and JOBMATCH_TEST_POSTGRESQL_URL (set by .ci/run's second pass)")
	}
	ctx := context.Background()
	s := storetest.Open(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	schema := s.DB().Name()
	var table string
	if err := conn.QueryRow(ctx, `SELECT _jsonb->>'table' FROM `+pgx.Identifier{schema, "_ferretdb_database_metadata"}.Sanitize()+
		` WHERE _jsonb->>'_id' = 'candidates'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	// The planner would scan a table this small anyway; forbid scans so the
	// plan shows whether an index can answer at all.
	if _, err := conn.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(ctx, `EXPLAIN SELECT _jsonb FROM `+pgx.Identifier{schema, table}.Sanitize()+` WHERE _jsonb->'_id' @> '"abc"'::jsonb`)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if p := strings.Join(plan, "\n"); !strings.Contains(p, table+"_id_gin") {
		t.Fatalf("a FindOne by _id on %s is not answered from the _id index:\n%s", table, p)
	}
}
