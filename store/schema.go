package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Collection names. Each collection is keyed by a string _id chosen so that
// every lookup on a request path is by _id alone.
const (
	ColCompanies   = "companies"      // _id = CVR
	ColUsers       = "users"          // _id = normalised e-mail
	ColSessions    = "sessions"       // _id = sha256(token)
	ColVacancies   = "vacancies"      // _id = NewID()
	ColRequests    = "requests"       // _id = NewID()
	ColIdempotency = "idempotency"    // _id = scope + key
	ColCounters    = "counters"       // _id = counter name (sequences, period KPI counters)
	ColLists       = "lists"          // _id = list name + "#" + zero-padded position, or "link:" + token
	ColSets        = "sets"           // _id = set name: small per-owner membership documents
	ColCandidates  = "candidates"     // _id = NewID()
	ColCandRefs    = "candidate_refs" // _id = external_ref → candidate id
	ColChangelog   = "changelog"      // _id = zero-padded change sequence
	ColAudit       = "audit"          // _id = NewID(); listed through ColLists
	ColOutbox      = "outbox"         // _id = NewID()
	ColShortlist   = "shortlist"      // _id = vacancy id + ":" + candidate id
	ColContacts    = "contacts"       // _id = NewID()
	ColSurveys     = "surveys"        // _id = survey token hash
	ColMatchRuns   = "match_runs"     // _id = NewID()
	ColJobs        = "jobs"           // _id = NewID(): background jobs such as imports
	ColSettings    = "settings"       // _id = setting name (targets per year, rules)
	ColConsents    = "consents"       // _id = candidate id + ":" + vacancy id
	ColVersions    = "versions"       // claims: "<col>:<id>:v<n>" (docs.go), "once:<step>#<gen>" (once.go), "turn:<col>/<id>@<n>" (turns.go)
	// ColConsentRequests are the citizens' consent links: _id = sha256 of the token.
	ColConsentRequests = "consent_requests"
	// ColInterviews are interview invitations: _id = NewID().
	ColInterviews = "interviews"
	// ColErasedRefs are the citizens erased at their request, so imports
	// skip them: _id = hex HMAC-SHA256 of the external reference (erased.go).
	ColErasedRefs = "erased_refs"
)

var allCollections = []string{
	ColCompanies, ColUsers, ColSessions, ColVacancies, ColRequests,
	ColIdempotency, ColCounters, ColLists, ColSets, ColCandidates, ColCandRefs,
	ColChangelog, ColAudit, ColOutbox, ColShortlist, ColContacts, ColSurveys,
	ColMatchRuns, ColJobs, ColSettings, ColConsents, ColVersions,
	ColConsentRequests, ColInterviews, ColErasedRefs,
}

// secondaryIndexes are what a production MongoDB wants for the occasional
// admin query and for uniqueness. The embedded backend creates them and
// enforces uniqueness but never reads through them.
var secondaryIndexes = map[string][]mongo.IndexModel{
	ColUsers:      {{Keys: bson.D{{Key: "email", Value: 1}}, Options: options.Index().SetUnique(true)}},
	ColVacancies:  {{Keys: bson.D{{Key: "cvr", Value: 1}}}, {Keys: bson.D{{Key: "consultant_id", Value: 1}, {Key: "status", Value: 1}}}},
	ColRequests:   {{Keys: bson.D{{Key: "cvr", Value: 1}}}, {Keys: bson.D{{Key: "period.half", Value: 1}}}},
	ColContacts:   {{Keys: bson.D{{Key: "cvr", Value: 1}}}, {Keys: bson.D{{Key: "period.half", Value: 1}}}},
	ColCandidates: {{Keys: bson.D{{Key: "external_ref", Value: 1}}, Options: options.Index().SetUnique(true)}},
}

func (s *Store) ensureSchema(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	existing, err := s.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("store: list collections: %w", err)
	}
	have := map[string]bool{}
	for _, n := range existing {
		have[n] = true
	}
	for _, name := range allCollections {
		if !have[name] {
			if err := s.db.CreateCollection(ctx, name); err != nil && !isNamespaceExists(err) {
				return fmt.Errorf("store: create collection %s: %w", name, err)
			}
		}
	}
	if err := s.ensureAllIndexes(ctx); err != nil {
		return err
	}
	if s.embedded {
		if err := s.ensureIDExpressionIndexes(ctx); err != nil {
			return err
		}
	}
	return nil
}

// indexRetries is how many times start-up lists and creates the indexes
// again after an error before it gives up.
const indexRetries = 5

// ensureAllIndexes creates the secondary indexes the collections lack.
// Creating an index that exists crashes FerretDB 1.24's handler (a panic
// that drops the connection: "incomplete read of message header: EOF"), so
// only missing ones are created, and two replicas started at the same
// moment on an empty database must not both find them missing and both
// create them: one died every time. Creation is therefore serialised
// across processes by a claim (once.go); a replica that finds it taken
// waits and lists again until the other is done (or its claim has lapsed).
// An error (the other replica's connection crashing under ours, a
// FerretDB restarting) is retried a few times with backoff, listing anew.
func (s *Store) ensureAllIndexes(ctx context.Context) error {
	wait, failures := 50*time.Millisecond, 0
	for {
		missing, err := s.missingIndexes(ctx)
		if err == nil && len(missing) == 0 {
			return nil
		}
		switch {
		case err != nil:
		case s.embedded:
			// The embedded database is this process's alone: no other
			// knows its listener before Open returns.
			if err = s.createIndexes(ctx); err == nil {
				return nil
			}
		default:
			var release func(context.Context)
			if release, err = s.Claim(ctx, "schema:indexes"); err == nil {
				err = s.createIndexes(ctx)
				release(ctx) // whoever comes next lists again
				if err == nil {
					return nil
				}
			} else if errors.Is(err, ErrClaimed) {
				err = nil // another replica is creating them: wait
			}
		}
		if err != nil {
			if failures++; failures > indexRetries {
				return err
			}
			s.log.Warn("create indexes: trying again", "attempt", failures, "err", err)
		}
		select {
		case <-ctx.Done():
			if err == nil {
				err = fmt.Errorf("store: create indexes: waited for another replica: %w", ctx.Err())
			}
			return err
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// missingIndexes lists the secondary indexes that do not exist, by
// collection.
func (s *Store) missingIndexes(ctx context.Context) (map[string][]mongo.IndexModel, error) {
	missing := map[string][]mongo.IndexModel{}
	for _, col := range allCollections {
		want := secondaryIndexes[col]
		if len(want) == 0 {
			continue
		}
		specs, err := s.db.Collection(col).Indexes().ListSpecifications(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: list indexes on %s: %w", col, err)
		}
		have := map[string]bool{}
		for _, sp := range specs {
			have[sp.Name] = true
		}
		for _, m := range want {
			if !have[indexName(m.Keys.(bson.D))] {
				missing[col] = append(missing[col], m)
			}
		}
	}
	return missing, nil
}

// createIndexes creates, under the claim, the indexes still missing: listed
// again, as another replica may have made them since.
func (s *Store) createIndexes(ctx context.Context) error {
	missing, err := s.missingIndexes(ctx)
	if err != nil {
		return err
	}
	for _, col := range allCollections {
		if len(missing[col]) == 0 {
			continue
		}
		if _, err := s.db.Collection(col).Indexes().CreateMany(ctx, missing[col]); err != nil {
			return fmt.Errorf("store: create indexes on %s: %w", col, err)
		}
	}
	return nil
}

// indexName is MongoDB's default index name: key_dir joined by underscores.
func indexName(keys bson.D) string {
	name := ""
	for i, k := range keys {
		if i > 0 {
			name += "_"
		}
		name += fmt.Sprintf("%s_%v", k.Key, k.Value)
	}
	return name
}

func isNamespaceExists(err error) bool {
	var ce mongo.CommandError
	if ok := asCommandError(err, &ce); ok {
		return ce.Code == 48 // NamespaceExists
	}
	return false
}

// ensureIDExpressionIndexes creates, on the embedded SQLite backend, an index
// on exactly the expression FerretDB filters _id by
// (_ferretdb_sjson->'$._id'). FerretDB's own unique _id index is on
// _ferretdb_sjson->"_id", which SQLite does not match to that expression, so
// without this every FindOne by _id scans the table. FerretDB ignores indexes
// it does not know, and this one survives restarts.
func (s *Store) ensureIDExpressionIndexes(ctx context.Context) error {
	if s.sqlite == nil {
		dsn := "file:" + s.sqliteDir + "/" + s.db.Name() + ".sqlite?_pragma=busy_timeout(10000)"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return fmt.Errorf("store: open sqlite for expression indexes: %w", err)
		}
		db.SetMaxOpenConns(1)
		s.sqlite = db
	}
	rows, err := s.sqlite.QueryContext(ctx, `SELECT table_name FROM "_ferretdb_collections"`)
	if err != nil {
		return fmt.Errorf("store: list sqlite tables: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return fmt.Errorf("store: list sqlite tables: %w", err)
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: list sqlite tables: %w", err)
	}
	s.exprMu.Lock()
	defer s.exprMu.Unlock()
	for _, t := range tables {
		if s.exprIndexed[t] {
			continue
		}
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+"_id_expr", t)
		if _, err := s.sqlite.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: create _id expression index on %s: %w", t, err)
		}
		s.exprIndexed[t] = true
	}
	return nil
}

// ExplainIDLookup returns SQLite's query plan for FerretDB's _id lookup on a
// collection, for tests that prove the expression index is used.
func (s *Store) ExplainIDLookup(ctx context.Context, collection string) (string, error) {
	if s.sqlite == nil {
		return "", fmt.Errorf("store: not the embedded backend")
	}
	var table string
	if err := s.sqlite.QueryRowContext(ctx, `SELECT table_name FROM "_ferretdb_collections" WHERE name = ?`, collection).Scan(&table); err != nil {
		return "", fmt.Errorf("store: find table of %s: %w", collection, err)
	}
	rows, err := s.sqlite.QueryContext(ctx, fmt.Sprintf(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM %q WHERE _ferretdb_sjson->'$._id' = ?`, table), `"x"`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var plan string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return "", err
		}
		plan += detail + "\n"
	}
	return plan, rows.Err()
}
