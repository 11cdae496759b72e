package matcher

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// The pool's features persisted beside the search index, so a restart
// loads them in a second or two instead of rebuilding every CV's features
// from the store (1 min 48 s at 150,000 CVs). The snapshot records the
// change-log position it reflects; on start the service reads it, checks
// that position against the change log and catches up from there (see
// system.loadPool).

// FeaturesVersion changes whenever Features or FromCandidate change what they
// hold or mean; a snapshot of another version is ignored and rebuilt.
const FeaturesVersion = 1

const snapshotMagic = "jobmatch-features\n"

// SnapshotHeader says what a snapshot reflects.
type SnapshotHeader struct {
	Version int
	// Taxonomy is the taxonomy fingerprint the features were built with.
	Taxonomy string
	// Seq is the change-log position applied; SeqCandidate the candidate
	// logged at Seq (so a snapshot of another database is recognised).
	Seq          int64
	SeqCandidate string
	// Gaps and Pending are what the sync had moved past without applying.
	Gaps    []int64
	Pending map[string]int64
	Count   int
}

// ErrSnapshot marks a snapshot that is missing, corrupt or of another
// version: the caller rebuilds the features from the store.
var ErrSnapshot = errors.New("matcher: no usable features snapshot")

// Export returns every CV's features and name (for a snapshot).
func (p *Pool) Export() ([]*Features, []string) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	fs := make([]*Features, 0, len(p.byID))
	names := make([]string, 0, len(p.byID))
	for id, f := range p.byID {
		fs = append(fs, f)
		names = append(names, p.names[id])
	}
	return fs, names
}

// WriteSnapshot writes the features atomically (temporary file, fsync,
// rename): a gob stream of the header and the features after a magic line,
// with a SHA-256 of everything before it at the end.
func WriteSnapshot(path string, h SnapshotHeader, fs []*Features, names []string) error {
	h.Version, h.Count = FeaturesVersion, len(fs)
	if len(names) != len(fs) {
		return fmt.Errorf("matcher: snapshot: %d names for %d features", len(names), len(fs))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".features-*")
	if err != nil {
		return fmt.Errorf("matcher: snapshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	sum := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, sum), 1<<20)
	enc := gob.NewEncoder(w)
	if _, err := w.WriteString(snapshotMagic); err != nil {
		tmp.Close()
		return err
	}
	err = enc.Encode(h)
	// In chunks, so neither side holds a second copy of the whole pool.
	for i := 0; err == nil && i < len(fs); i += 4096 {
		j := min(i+4096, len(fs))
		err = enc.Encode(snapChunk{Features: fs[i:j], Names: names[i:j]})
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = tmp.Write(sum.Sum(nil))
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("matcher: snapshot: %w", err)
	}
	return nil
}

type snapChunk struct {
	Features []*Features
	Names    []string
}

// ReadSnapshot reads and verifies a snapshot. Any problem (missing, cut
// short, a flipped bit, another version) is ErrSnapshot with the reason.
func ReadSnapshot(path string) (SnapshotHeader, []*Features, []string, error) {
	var h SnapshotHeader
	b, err := os.ReadFile(path)
	if err != nil {
		return h, nil, nil, fmt.Errorf("%w: %v", ErrSnapshot, err)
	}
	if len(b) < len(snapshotMagic)+sha256.Size || string(b[:len(snapshotMagic)]) != snapshotMagic {
		return h, nil, nil, fmt.Errorf("%w: not a features snapshot", ErrSnapshot)
	}
	body, tail := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], tail) {
		return h, nil, nil, fmt.Errorf("%w: checksum mismatch (corrupt)", ErrSnapshot)
	}
	dec := gob.NewDecoder(bytes.NewReader(body[len(snapshotMagic):]))
	if err := dec.Decode(&h); err != nil {
		return h, nil, nil, fmt.Errorf("%w: header: %v", ErrSnapshot, err)
	}
	if h.Version != FeaturesVersion {
		return h, nil, nil, fmt.Errorf("%w: version %d, want %d", ErrSnapshot, h.Version, FeaturesVersion)
	}
	fs := make([]*Features, 0, h.Count)
	names := make([]string, 0, h.Count)
	for len(fs) < h.Count {
		var c snapChunk
		if err := dec.Decode(&c); err != nil {
			return h, nil, nil, fmt.Errorf("%w: features: %v", ErrSnapshot, err)
		}
		fs = append(fs, c.Features...)
		names = append(names, c.Names...)
	}
	if len(fs) != h.Count || len(names) != h.Count {
		return h, nil, nil, fmt.Errorf("%w: %d features, header says %d", ErrSnapshot, len(fs), h.Count)
	}
	return h, fs, names, nil
}
