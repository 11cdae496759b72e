// Package store owns jobmatch's MongoDB layer: the connection (to an external
// MongoDB/FerretDB, or to FerretDB embedded in the process with its SQLite
// backend), the collections and their indexes, and the repositories that
// translate between domain types and documents.
//
// The embedded backend pushes only a filter on _id alone down to SQL (see
// docs/design.md, "Storage"), so every repository here is designed around
// string _id keys and counter documents; no request path filters a large
// collection.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"

	_ "modernc.org/sqlite" // database/sql driver for the expression indexes on the embedded backend

	"jobmatch"
)

// DatabaseName is the MongoDB database jobmatch uses unless configured otherwise.
const DatabaseName = "jobmatch"

// Config says where the data lives.
type Config struct {
	// MongoDBURI points at an external MongoDB or FerretDB. Empty means: start
	// FerretDB with its SQLite backend inside this process, under DataDir.
	MongoDBURI string
	// DataDir holds the embedded database (DataDir/db) when MongoDBURI is empty.
	DataDir string
	// Database is the database name; DatabaseName when empty.
	Database string
	// Logger receives the store's own logs; FerretDB's are filtered to errors.
	Logger *slog.Logger
	// SQLiteSync is the embedded SQLite's synchronous mode: "normal" (the
	// default: a commit survives a crash of the process, kill -9 included,
	// but the last commits can be lost if the machine loses power) or
	// "full" (fsync on every commit; about half the write throughput).
	SQLiteSync string
	// PostgreSQLURL, with MongoDBURI pointing at a FerretDB on PostgreSQL,
	// is that PostgreSQL database: the store adds the _id indexes FerretDB
	// 1.24's lookups can use there (postgresql.go). Optional; without it
	// every read by _id scans its table.
	PostgreSQLURL string
	// Command: the process is a one-off command (kpi rebuild, purge,
	// reindex, import, user), not a replica that serves. On an external
	// database it claims a replica slot only when it first writes a shard,
	// never at Open (joinReplicas).
	Command bool
}

// Store is the open database. It is safe for concurrent use.
type Store struct {
	client   *mongo.Client
	db       *mongo.Database
	log      *slog.Logger
	embedded bool
	uri      string
	// slot is the replica slot (replicas.go): 0 on the embedded backend's
	// own process, noSlot on an external database's until it first writes
	// a shard (ownSlot).
	slot      atomic.Int64
	slotClaim slotClaim
	// replicated: a second replica slot was taken once (replicas.go), which
	// never reverts; until then sets need no tombstones.
	replicated atomic.Bool
	// alive: this process's presence document (replicas.go).
	alive aliveBeat

	// embedded backend only
	sqliteDir string
	sqlite    *sql.DB
	cancelFDB context.CancelFunc
	fdbDone   chan struct{}
	// sockTmp: the temporary directory of the database's socket, when
	// the data directory's path is too long for it (socketPath).
	sockTmp string

	exprMu      sync.Mutex
	exprIndexed map[string]bool

	// erasureKeyCache is the key the erased references are hashed with,
	// once read (erased.go).
	erasureKeyCache atomic.Pointer[[]byte]

	docLocks stripes
	appLocks stripes
	inserts  sync.Map // collection → *grouper[any] (Insert)
	appends  *grouper[*listAppend]
	counts   *grouper[counterInc]
	bagAdds  *grouper[*bagAdd]
	// appliedHere: entity changes this process applied itself (follow.go).
	appliedHere appliedSet
	lists       listHeads
	clog        changeLogHead
	stopBg      context.CancelFunc
	bgDone      chan struct{}
}

// Lock serialises a caller's own read-then-write sequence on one document
// (see locks.go). Its stripes are not the ones the store's writes take, so
// a caller may write while holding it; it must not take a second Lock.
func (s *Store) Lock(col, id string) func() { return s.appLocks.lock(col, id) }

// lock serialises the store's read-modify-write of one document.
func (s *Store) lock(col, id string) func() { return s.docLocks.lock(col, id) }

// ServerSelectionTimeout is how long an operation waits for the database
// to answer at all before it fails (Open).
const ServerSelectionTimeout = 2 * time.Second

// Open connects to the configured database, starting the embedded FerretDB
// when no URI is given, and makes sure every collection and index exists.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Database == "" {
		cfg.Database = DatabaseName
	}
	s := &Store{log: cfg.Logger, exprIndexed: map[string]bool{},
		lists: listHeads{head: map[string]int64{}, dirty: map[string]bool{}, hinted: map[string]int64{}, bags: map[string]bagHead{}, dirtyBags: map[string]bool{}}}
	s.appends = newGrouper(s.appendLists)
	s.counts = newGrouper(s.incCounterGroup)
	s.bagAdds = newGrouper(s.bagAddGroup)
	uri := cfg.MongoDBURI
	if uri == "" {
		var err error
		if uri, err = s.startEmbedded(cfg); err != nil {
			return nil, err
		}
	}
	// A database that does not answer is said within 2 s (503, try
	// again), not after the request's whole 30 s: with 10 s every
	// signed-in request of an outage hung that long for its session
	// before its 503, and a person clicked again and again. A connection
	// that takes longer than 5 s to open is as good as none. The URI's
	// serverSelectionTimeoutMS and connectTimeoutMS win.
	opts := options.Client().SetServerSelectionTimeout(ServerSelectionTimeout).SetConnectTimeout(5 * time.Second).ApplyURI(uri).
		SetWriteConcern(writeconcern.Journaled()).
		SetTimeout(30 * time.Second).
		SetAppName("jobmatch").
		SetRegistry(codecs)
	client, err := mongo.Connect(opts)
	if err != nil {
		s.stopEmbedded()
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	s.client = client
	s.uri = uri
	s.db = client.Database(cfg.Database)
	if err := s.Ping(ctx); err != nil {
		s.Close(context.Background())
		return nil, err
	}
	if err := s.ensureSchema(ctx); err != nil {
		s.Close(context.Background())
		return nil, err
	}
	if cfg.PostgreSQLURL != "" && !s.embedded {
		if err := s.ensureIDIndexesOnPostgreSQL(ctx, cfg.PostgreSQLURL); err != nil {
			s.Close(context.Background())
			return nil, err
		}
	}
	// Before anything is counted (kpi.go); then this process says it is
	// there (replicas.go).
	if err := s.markFreshKPIAttributed(ctx); err != nil {
		s.Close(context.Background())
		return nil, err
	}
	if !s.embedded {
		if err := s.joinReplicas(ctx, cfg.DataDir, cfg.Database, cfg.Command); err != nil {
			s.Close(context.Background())
			return nil, err
		}
	}
	if err := s.beat(ctx); err != nil {
		s.Close(context.Background())
		return nil, fmt.Errorf("store: presence: %w", err)
	}
	bg, stop := context.WithCancel(context.Background())
	s.stopBg, s.bgDone = stop, make(chan struct{})
	go s.background(bg)
	return s, nil
}

func (s *Store) startEmbedded(cfg Config) (string, error) {
	if cfg.DataDir == "" {
		return "", errors.New("store: embedded database needs a data directory")
	}
	dir, err := filepath.Abs(filepath.Join(cfg.DataDir, "db"))
	if err != nil {
		return "", fmt.Errorf("store: data dir: %w", err)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("store: create data dir: %w", err)
	}
	// FerretDB logs every failed command's wire dump at WARN; duplicate-key
	// errors are expected traffic here, so keep only its errors.
	fdbLog := slog.New(levelFilter{h: cfg.Logger.Handler(), min: slog.LevelError}).With("component", "ferretdb")
	sync := strings.ToLower(cfg.SQLiteSync)
	switch sync {
	case "":
		sync = "normal"
	case "normal", "full":
	default:
		return "", fmt.Errorf("store: sqlite sync mode %q: want normal or full", cfg.SQLiteSync)
	}
	sock, sockTmp, err := socketPath(filepath.Dir(dir), cfg.Logger)
	if err != nil {
		return "", err
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: sock},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/?_pragma=synchronous(" + sync + ")",
		Logger:    fdbLog,
	})
	if err != nil {
		removeSocketDir(sockTmp)
		return "", fmt.Errorf("store: start embedded FerretDB: %w", err)
	}
	// The socket's own mode follows the umask; its directory is 0700
	// already, and the socket is the user's alone as well.
	if err := os.Chmod(sock, 0o600); err != nil {
		cfg.Logger.Warn("embedded database socket mode", "err", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := f.Run(ctx); err != nil {
			cfg.Logger.Error("embedded FerretDB stopped", "err", err)
		}
	}()
	s.embedded = true
	s.sqliteDir = dir
	s.cancelFDB = cancel
	s.fdbDone = done
	s.sockTmp = sockTmp
	uri := socketURI(sock)
	// The listener is a Unix socket in the data directory (0700), not
	// loopback TCP: FerretDB 1.24 on SQLite has no authentication, and
	// any user or process on the host could read and change every CV
	// through a loopback port (its address was logged). The service's
	// user, alone, may give it as --mongodb-uri to a command while this
	// process has the data directory.
	cfg.Logger.Info("embedded database started", "backend", "ferretdb-sqlite", "dir", dir, "uri", uri)
	return uri, nil
}

// socketPath is where the embedded FerretDB listens: run/mongodb.sock in
// the data directory, in a directory only the service's user may enter.
// A path longer than maxSocketPath goes in a temporary directory of its own (0700, removed at
// Close; tmp names it), and the log says where. A socket left by a process
// killed with this data directory is removed; one that answers is another
// process's database, and the data directory is refused.
func socketPath(dataDir string, log *slog.Logger) (sock, tmp string, err error) {
	run := filepath.Join(dataDir, "run")
	sock = filepath.Join(run, "mongodb.sock")
	if len(sock) > maxSocketPath {
		if tmp, err = os.MkdirTemp("", "jobmatch-db-"); err != nil {
			return "", "", fmt.Errorf("store: database socket: %w", err)
		}
		sock = filepath.Join(tmp, "mongodb.sock")
		log.Info("the data directory's path is too long for the embedded database's socket; it is in a temporary directory instead", "socket", sock)
		return sock, tmp, nil
	}
	if err := os.MkdirAll(run, 0o700); err != nil {
		return "", "", fmt.Errorf("store: database socket: %w", err)
	}
	if err := os.Chmod(run, 0o700); err != nil {
		return "", "", fmt.Errorf("store: database socket: %w", err)
	}
	if _, err := os.Lstat(sock); err == nil {
		if c, err := net.DialTimeout("unix", sock, time.Second); err == nil {
			_ = c.Close()
			return "", "", fmt.Errorf("store: the embedded database at %s answers: another jobmatch process has the data directory %s", sock, dataDir)
		}
		if err := os.Remove(sock); err != nil {
			return "", "", fmt.Errorf("store: database socket: %w", err)
		}
	}
	return sock, "", nil
}

// EmbeddedURI is the URI of the embedded database a serve on dataDir
// listens on, for a command of the same user to give as --mongodb-uri
// while serve has the directory; empty when the data directory's path is
// too long for it (serve then logs where its socket is).
func EmbeddedURI(dataDir string) string {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return ""
	}
	sock := filepath.Join(abs, "run", "mongodb.sock")
	if len(sock) > maxSocketPath {
		return ""
	}
	return socketURI(sock)
}

// socketURI: the driver takes a socket's path, escaped, as the URI's host.
func socketURI(sock string) string { return "mongodb://" + url.PathEscape(sock) + "/" }

// maxSocketPath: a Unix socket's path holds at most 104 bytes (macOS;
// 108 on Linux).
const maxSocketPath = 100

func removeSocketDir(tmp string) {
	if tmp != "" {
		_ = os.RemoveAll(tmp)
	}
}

func (s *Store) stopEmbedded() {
	if s.sqlite != nil {
		_ = s.sqlite.Close()
		s.sqlite = nil
	}
	if s.cancelFDB != nil {
		s.cancelFDB()
		<-s.fdbDone
		s.cancelFDB = nil
	}
	removeSocketDir(s.sockTmp)
	s.sockTmp = ""
}

// Close disconnects the driver first (so FerretDB does not wait for open
// connections) and then stops the embedded database, if any.
func (s *Store) Close(ctx context.Context) error {
	var err error
	if s.stopBg != nil {
		s.stopBg()
		<-s.bgDone
		s.stopBg = nil
		if ferr := s.flushListHeads(ctx, true); ferr != nil {
			s.log.Warn("flush list heads", "err", ferr)
		}
		if ferr := s.flushChangeHead(ctx); ferr != nil {
			s.log.Warn("flush change log head", "err", ferr)
		}
		s.gone(ctx)
	}
	if s.client != nil {
		err = s.client.Disconnect(ctx)
	}
	s.stopEmbedded()
	return err
}

// URI is the MongoDB URI the store is connected to (the embedded FerretDB's
// Unix socket when embedded): a second process of the same user may
// connect to it as another replica (tests do).
func (s *Store) URI() string { return s.uri }

// Embedded reports whether the store runs on the in-process FerretDB.
func (s *Store) Embedded() bool { return s.embedded }

// DB returns the database handle, for repositories in this package and tests.
func (s *Store) DB() *mongo.Database { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.db.RunCommand(ctx, bson.D{{Key: "ping", Value: 1}}).Err(); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// C returns a collection by name.
func (s *Store) C(name string) *mongo.Collection { return s.db.Collection(name) }

var errStale = errors.New("stale version")

// translate maps driver errors to domain sentinels at the edge of the store.
func translate(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, mongo.ErrNoDocuments):
		return fmt.Errorf("store: %s: %w", op, jobmatch.ErrNotFound)
	case mongo.IsDuplicateKeyError(err):
		return fmt.Errorf("store: %s: %w", op, jobmatch.ErrConflict)
	case errors.Is(err, errStale):
		return fmt.Errorf("store: %s: %w", op, &jobmatch.ConflictError{Code: "stale_version", Detail: "the record was changed by someone else; reload and try again"})
	default:
		return fmt.Errorf("store: %s: %w", op, err)
	}
}

// levelFilter drops records below a minimum level. Attributes and groups
// are applied only to a record that passes: FerretDB adds attributes to its
// logger for every SQL statement, and the handler below formats them at
// once, which cost 5 % of an import's CPU for records never written.
type levelFilter struct {
	h   slog.Handler
	min slog.Level
	ops []func(slog.Handler) slog.Handler
}

func (l levelFilter) Enabled(ctx context.Context, lv slog.Level) bool {
	return lv >= l.min && l.h.Enabled(ctx, lv)
}

func (l levelFilter) Handle(ctx context.Context, r slog.Record) error {
	h := l.h
	for _, op := range l.ops {
		h = op(h)
	}
	return h.Handle(ctx, r)
}

func (l levelFilter) WithAttrs(a []slog.Attr) slog.Handler {
	return l.with(func(h slog.Handler) slog.Handler { return h.WithAttrs(a) })
}

func (l levelFilter) WithGroup(n string) slog.Handler {
	return l.with(func(h slog.Handler) slog.Handler { return h.WithGroup(n) })
}

func (l levelFilter) with(op func(slog.Handler) slog.Handler) levelFilter {
	return levelFilter{h: l.h, min: l.min, ops: append(slices.Clip(l.ops), op)}
}

func asCommandError(err error, target *mongo.CommandError) bool {
	return errors.As(err, target)
}

// background writes list-head hints every second.
func (s *Store) background(ctx context.Context) {
	defer close(s.bgDone)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.flushListHeads(ctx, false); err != nil && ctx.Err() == nil {
				s.log.Warn("flush list heads", "err", err)
			}
			if err := s.flushChangeHead(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("flush change log head", "err", err)
			}
			if err := s.beat(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("presence", "err", err)
			}
		}
	}
}
