package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ensureIDIndexesOnPostgreSQL gives every collection's table in the
// PostgreSQL database behind an external FerretDB an index that FerretDB's
// _id lookups can use. FerretDB 1.24 filters _id by containment
// (_jsonb->'_id' @> '"…"'), which its own unique btree index on
// _jsonb->'_id' cannot answer, so without this every FindOne by _id scans
// the table: 0.2–0.3 s per CV read at 20,000 CVs, and a second replica
// took ten minutes to index another's import of 18,000 CVs (17 s with the
// index; docs/benchmarks.md). A GIN index with jsonb_path_ops answers @>.
// FerretDB ignores indexes it does not know; IF NOT EXISTS makes this
// idempotent, and a replica starting at the same moment may have made it.
func (s *Store) ensureIDIndexesOnPostgreSQL(ctx context.Context, url string) error {
	conn, err := pgxpool.New(ctx, url) // a pool: it takes FerretDB's URL, pool_max_conns and all
	if err != nil {
		return fmt.Errorf("store: postgresql: %w", err)
	}
	defer conn.Close()
	schema := s.db.Name()
	rows, err := conn.Query(ctx, fmt.Sprintf(`SELECT _jsonb->>'table' FROM %s`,
		pgx.Identifier{schema, "_ferretdb_database_metadata"}.Sanitize()))
	if err != nil {
		return fmt.Errorf("store: postgresql: FerretDB's tables: %w", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("store: postgresql: FerretDB's tables: %w", err)
	}
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING gin ((_jsonb->'_id') jsonb_path_ops)`,
			pgx.Identifier{t + "_id_gin"}.Sanitize(), pgx.Identifier{schema, t}.Sanitize())
		if _, err := conn.Exec(ctx, q); err != nil && !alreadyMade(err) {
			return fmt.Errorf("store: postgresql: _id index on %s: %w", t, err)
		}
	}
	return nil
}

// alreadyMade: another replica created the same index a moment earlier.
func alreadyMade(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "42P07" || pe.Code == "23505")
}
