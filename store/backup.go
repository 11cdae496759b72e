package store

import (
	"bufio"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// A backup is a logical dump of every collection of the database, whatever
// the backend: gzip of backupMagic and then frames, each a kind byte and a
// BSON document (the stored documents as they are, types and all):
//
//	'H' {format, database, created, consistent}   once, first
//	'C' {name}                                    a collection starts
//	'D' the document                              one of its documents
//	'E' {collections, documents}                  the end
//
// The end frame tells a whole backup from a cut-off one (a full disk, a
// killed backup): restore reads the file to its end before it writes
// anything. Indexes are not in it: the first start on the restored
// database creates them (ensureSchema), and the search index is rebuilt
// from the store at that start (the index directory does not exist yet).
//
// On the embedded backend the dump is read from a snapshot: SQLite's
// VACUUM INTO copies the FerretDB SQLite file (DataDir/db/<database>.sqlite,
// one file per database) in one read transaction, which in WAL mode
// neither waits for the running service's writes nor holds them up, and a
// private FerretDB on the copy is dumped. The backup is therefore one
// moment of the whole database. Against an external database
// (MongoDBURI) each collection is read by a cursor of its own while the
// service may write: consistent per collection, not across them
// (docs/reliability.md, "Backup and restore").
const backupMagic = "JOBMATCH BACKUP 1\n"

// BackupStats is what a backup or restore wrote.
type BackupStats struct {
	Collections int
	Documents   int64
	// Consistent: the backup is one moment of the whole database (the
	// embedded backend's snapshot).
	Consistent bool
	Created    time.Time
}

// BackupProgress is told the documents done of a collection: n so far,
// done once when the collection is complete.
type BackupProgress func(collection string, n int64, done bool)

// Backup writes a backup of the database cfg names to w. It does not
// open the store (no schema, no presence document, nothing written), so
// it may run beside a serving process on the same data directory. The
// embedded backend's snapshot is made in scratch (a directory; the size of
// the database for the time of the backup), the system's temporary
// directory when empty.
func Backup(ctx context.Context, cfg Config, scratch string, w io.Writer, progress BackupProgress) (BackupStats, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Database == "" {
		cfg.Database = DatabaseName
	}
	st := BackupStats{Created: time.Now().UTC()}
	uri := cfg.MongoDBURI
	if uri == "" {
		tmp, err := os.MkdirTemp(scratch, ".jobmatch-backup-")
		if err != nil {
			return st, fmt.Errorf("store: backup: %w", err)
		}
		defer os.RemoveAll(tmp)
		if err := os.Mkdir(filepath.Join(tmp, "db"), 0o700); err != nil {
			return st, fmt.Errorf("store: backup: %w", err)
		}
		if err := snapshotSQLite(ctx, cfg.DataDir, cfg.Database, filepath.Join(tmp, "db", cfg.Database+".sqlite")); err != nil {
			return st, err
		}
		fdb := &Store{log: cfg.Logger}
		if uri, err = fdb.startEmbedded(Config{DataDir: tmp, Logger: quietLogger(cfg.Logger)}); err != nil {
			return st, err
		}
		defer fdb.stopEmbedded()
		st.Consistent = true
	}
	client, err := mongo.Connect(options.Client().SetServerSelectionTimeout(ServerSelectionTimeout).ApplyURI(uri).SetAppName("jobmatch backup"))
	if err != nil {
		return st, fmt.Errorf("store: backup: connect: %w", err)
	}
	defer func() { _ = client.Disconnect(context.Background()) }()
	db := client.Database(cfg.Database)
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return st, fmt.Errorf("store: backup: list collections: %w", err)
	}
	if len(names) == 0 {
		return st, fmt.Errorf("store: backup: database %q holds no collections: is it the service's database (--database)?", cfg.Database)
	}
	sortForBackup(names)

	zw := gzip.NewWriter(w)
	bw := bufio.NewWriterSize(zw, 1<<20)
	if _, err := bw.WriteString(backupMagic); err != nil {
		return st, err
	}
	if err := writeFrame(bw, 'H', bson.D{{Key: "format", Value: 1}, {Key: "database", Value: cfg.Database}, {Key: "created", Value: st.Created}, {Key: "consistent", Value: st.Consistent}}); err != nil {
		return st, err
	}
	for _, name := range names {
		if err := writeFrame(bw, 'C', bson.D{{Key: "name", Value: name}}); err != nil {
			return st, err
		}
		n, err := dumpCollection(ctx, db.Collection(name), bw, progress)
		if err != nil {
			return st, fmt.Errorf("store: backup: %s: %w", name, err)
		}
		st.Collections++
		st.Documents += n
		if progress != nil {
			progress(name, n, true)
		}
	}
	if err := writeFrame(bw, 'E', bson.D{{Key: "collections", Value: int64(st.Collections)}, {Key: "documents", Value: st.Documents}}); err != nil {
		return st, err
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("store: backup: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return st, fmt.Errorf("store: backup: write: %w", err)
	}
	return st, nil
}

// sortForBackup orders the collections by name, the change log last: on an
// external database each collection is read at its own moment, and a CV
// change logged while the CVs are read is then in the log too (the log is
// written before the CV), so a restored log holds at least every change
// the restored CVs show. The counters come before it for the same reason:
// the log's head hint (seq:candidates) is then no further than the log.
func sortForBackup(names []string) {
	slices.SortFunc(names, func(a, b string) int {
		if (a == ColChangelog) != (b == ColChangelog) {
			if a == ColChangelog {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
}

func dumpCollection(ctx context.Context, c *mongo.Collection, w io.Writer, progress BackupProgress) (int64, error) {
	// One cursor for the whole collection: the driver's per-operation
	// timeout would end a long one, so the caller's context bounds it.
	cur, err := c.Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return 0, err
	}
	defer cur.Close(context.Background())
	var n int64
	for cur.Next(ctx) {
		if c.Name() == ColSettings && isPresence(cur.Current) {
			continue // a process's presence (replicas.go) is no data
		}
		if err := writeRaw(w, 'D', cur.Current); err != nil {
			return n, err
		}
		n++
		if progress != nil && n%1000 == 0 {
			progress(c.Name(), n, false)
		}
	}
	return n, cur.Err()
}

func isPresence(doc bson.Raw) bool {
	id, ok := doc.Lookup("_id").StringValueOK()
	return ok && strings.HasPrefix(id, "alive:")
}

// snapshotSQLite copies the embedded database's SQLite file to dst by
// VACUUM INTO: one read transaction, so a consistent copy while the
// service writes (copying the files is not: a copy taken mid-write fails
// to open, "database disk image is malformed").
func snapshotSQLite(ctx context.Context, dataDir, database, dst string) error {
	src, err := filepath.Abs(filepath.Join(dataDir, "db", database+".sqlite"))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("store: backup: no embedded database %s: %w", src, err)
	}
	// mode=rw: never create a database that is not there; busy_timeout:
	// wait for a checkpoint of the running service rather than fail.
	db, err := sql.Open("sqlite", "file:"+src+"?mode=rw&_pragma=busy_timeout(30000)")
	if err != nil {
		return fmt.Errorf("store: backup: open %s: %w", src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("store: backup: snapshot of %s: %w", src, err)
	}
	return nil
}

// quietLogger keeps only the errors of the private FerretDB a backup or
// restore starts ("embedded database started" is no news there).
func quietLogger(l *slog.Logger) *slog.Logger {
	return slog.New(levelFilter{h: l.Handler(), min: slog.LevelError})
}

func writeFrame(w io.Writer, kind byte, d bson.D) error {
	raw, err := bson.Marshal(d)
	if err != nil {
		return err
	}
	return writeRaw(w, kind, raw)
}

func writeRaw(w io.Writer, kind byte, doc []byte) error {
	if _, err := w.Write([]byte{kind}); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if _, err := w.Write(doc); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// ErrNotEmpty is a restore's refusal to write into a database that holds
// data: a restore adds to nothing and replaces nothing.
var ErrNotEmpty = errors.New("not empty")

// RestoreTarget checks that the database cfg names is one a restore may
// write: on the embedded backend a data directory that does not exist or is
// empty, on an external database one without collections.
func RestoreTarget(ctx context.Context, cfg Config) error {
	if cfg.MongoDBURI != "" {
		return nil // restore lists the collections once connected
	}
	ents, err := os.ReadDir(cfg.DataDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("store: restore: %w", err)
	case len(ents) > 0:
		return fmt.Errorf("store: restore: data directory %s is %w (it holds %s): restore into a new or empty directory and point the service at it", cfg.DataDir, ErrNotEmpty, ents[0].Name())
	}
	return nil
}

// Restore reads a backup from open (opened twice: once to check the
// backup is whole, once to write it) into the database cfg names, which
// must be empty (RestoreTarget). It writes the documents only: the first
// start on the database creates its indexes and rebuilds the search index.
func Restore(ctx context.Context, cfg Config, open func() (io.ReadCloser, error), progress BackupProgress) (BackupStats, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Database == "" {
		cfg.Database = DatabaseName
	}
	if err := RestoreTarget(ctx, cfg); err != nil {
		return BackupStats{}, err
	}
	// First pass: the whole file, before anything is written.
	st, err := readBackup(open, nil)
	if err != nil {
		return st, err
	}
	uri := cfg.MongoDBURI
	if uri == "" {
		created := false
		if _, err := os.Stat(cfg.DataDir); errors.Is(err, fs.ErrNotExist) {
			created = true
		}
		fdb := &Store{log: cfg.Logger}
		if uri, err = fdb.startEmbedded(Config{DataDir: cfg.DataDir, Logger: quietLogger(cfg.Logger), SQLiteSync: "full"}); err != nil {
			return st, err
		}
		defer func() {
			fdb.stopEmbedded()
			if err != nil {
				// Half a restore is no database: leave the directory as
				// it was found, so the restore can simply run again.
				if created {
					_ = os.RemoveAll(cfg.DataDir)
				} else {
					_ = os.RemoveAll(filepath.Join(cfg.DataDir, "db"))
				}
			}
		}()
	}
	client, err := mongo.Connect(options.Client().SetServerSelectionTimeout(ServerSelectionTimeout).ApplyURI(uri).SetAppName("jobmatch restore"))
	if err != nil {
		return st, fmt.Errorf("store: restore: connect: %w", err)
	}
	defer func() { _ = client.Disconnect(context.Background()) }()
	db := client.Database(cfg.Database)
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return st, fmt.Errorf("store: restore: list collections: %w", err)
	}
	if len(names) > 0 {
		slices.Sort(names)
		err = fmt.Errorf("store: restore: database %q is %w (it holds %d collections: %s): restore into a new, empty database (--database) and point the service at it", cfg.Database, ErrNotEmpty, len(names), strings.Join(names, ", "))
		return st, err
	}
	ins := &restorer{db: db, ctx: ctx, progress: progress}
	if _, err = readBackup(open, ins.frame); err != nil {
		return st, err
	}
	err = ins.flush(true)
	return st, err
}

// restorer inserts a backup's documents in batches.
type restorer struct {
	ctx      context.Context
	db       *mongo.Database
	progress BackupProgress
	col      string
	batch    []any
	size     int
	n        int64
}

func (r *restorer) frame(kind byte, doc bson.Raw) error {
	switch kind {
	case 'C':
		if err := r.flush(true); err != nil {
			return err
		}
		r.col, _ = doc.Lookup("name").StringValueOK()
		r.n = 0
		// The collection exists even when it was empty.
		if err := r.db.CreateCollection(r.ctx, r.col); err != nil {
			return fmt.Errorf("store: restore: create %s: %w", r.col, err)
		}
	case 'D':
		r.batch = append(r.batch, doc)
		r.size += len(doc)
		if len(r.batch) >= 500 || r.size >= 4<<20 {
			return r.flush(false)
		}
	}
	return nil
}

func (r *restorer) flush(done bool) error {
	if len(r.batch) > 0 {
		if _, err := r.db.Collection(r.col).InsertMany(r.ctx, r.batch); err != nil {
			return fmt.Errorf("store: restore: %s: %w", r.col, err)
		}
		r.n += int64(len(r.batch))
		r.batch, r.size = r.batch[:0], 0
		if r.progress != nil && !done {
			r.progress(r.col, r.n, false)
		}
	}
	if done && r.col != "" && r.progress != nil {
		r.progress(r.col, r.n, true)
		r.col = ""
	}
	return nil
}

// readBackup reads a whole backup, handing each frame to fn (nil: only
// check it), and says what it holds. A file that is no backup, or is cut
// off before its end frame, or whose counts differ from the end frame's,
// is an error.
func readBackup(open func() (io.ReadCloser, error), fn func(kind byte, doc bson.Raw) error) (BackupStats, error) {
	var st BackupStats
	f, err := open()
	if err != nil {
		return st, fmt.Errorf("store: restore: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return st, fmt.Errorf("store: restore: not a jobmatch backup (%v)", err)
	}
	r := bufio.NewReaderSize(zr, 1<<20)
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != backupMagic {
		return st, errors.New("store: restore: not a jobmatch backup (no JOBMATCH BACKUP header)")
	}
	cut := func(err error) error {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return errors.New("store: restore: the backup is cut off (no end mark): it was not written to its end; take a new one")
		}
		return fmt.Errorf("store: restore: reading the backup: %w", err)
	}
	var docs int64
	for {
		kind, err := r.ReadByte()
		if err != nil {
			return st, cut(err)
		}
		var size [4]byte
		if _, err := io.ReadFull(r, size[:]); err != nil {
			return st, cut(err)
		}
		n := binary.LittleEndian.Uint32(size[:])
		if n < 5 || n > 64<<20 {
			return st, fmt.Errorf("store: restore: the backup is damaged (a document of %d bytes)", n)
		}
		doc := make(bson.Raw, n)
		copy(doc, size[:])
		if _, err := io.ReadFull(r, doc[4:]); err != nil {
			return st, cut(err)
		}
		if err := doc.Validate(); err != nil {
			return st, fmt.Errorf("store: restore: the backup is damaged: %w", err)
		}
		switch kind {
		case 'H':
			st.Consistent, _ = doc.Lookup("consistent").BooleanOK()
			st.Created, _ = doc.Lookup("created").TimeOK()
		case 'C':
			st.Collections++
		case 'D':
			docs++
		case 'E':
			wantCols, _ := doc.Lookup("collections").AsInt64OK()
			wantDocs, _ := doc.Lookup("documents").AsInt64OK()
			if wantCols != int64(st.Collections) || wantDocs != docs {
				return st, fmt.Errorf("store: restore: the backup is damaged: %d collections and %d documents read, its end says %d and %d", st.Collections, docs, wantCols, wantDocs)
			}
			st.Documents = docs
			// The gzip stream must end here too (its checksum is read at
			// its end).
			if _, err := r.ReadByte(); !errors.Is(err, io.EOF) {
				if err == nil {
					return st, errors.New("store: restore: the backup is damaged (data after its end mark)")
				}
				return st, fmt.Errorf("store: restore: the backup is damaged: %w", err)
			}
			return st, nil
		default:
			return st, fmt.Errorf("store: restore: the backup is damaged (a frame of kind %q)", kind)
		}
		if fn != nil {
			if err := fn(kind, doc); err != nil {
				return st, err
			}
		}
	}
}
