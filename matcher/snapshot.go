package matcher

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
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
const FeaturesVersion = 3

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
	// Shape describes the exported fields of Features when it was written.
	Shape string
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
// rename): after a magic line, the header (gob, with the shape of Features),
// the string table and the features (snapcodec.go), then a SHA-256 of
// everything before it.
func WriteSnapshot(path string, h SnapshotHeader, fs []*Features, names []string) error {
	h.Version, h.Count, h.Shape = FeaturesVersion, len(fs), featuresShape()
	if len(names) != len(fs) {
		return fmt.Errorf("matcher: snapshot: %d names for %d features", len(names), len(fs))
	}
	table, body, err := encodeFeatures(fs, names)
	if err != nil {
		return err
	}
	var hb bytes.Buffer
	if err := gob.NewEncoder(&hb).Encode(h); err != nil {
		return fmt.Errorf("matcher: snapshot: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".features-*")
	if err != nil {
		return fmt.Errorf("matcher: snapshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	sum := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, sum), 1<<20)
	w.WriteString(snapshotMagic)
	w.Write(binary.AppendUvarint(nil, uint64(hb.Len())))
	w.Write(hb.Bytes())
	w.Write(binary.AppendUvarint(nil, uint64(len(table))))
	for _, s := range table {
		w.Write(binary.AppendUvarint(nil, uint64(len(s))))
		w.WriteString(s)
	}
	w.Write(body)
	err = w.Flush()
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

// ReadSnapshot reads and verifies a snapshot. Any problem (missing, cut
// short, a flipped bit, another version or shape) is ErrSnapshot with the
// reason.
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
	d := &decoder{b: body[len(snapshotMagic):]}
	hl := d.uvarint()
	if d.err != nil || hl > uint64(len(d.b)) {
		return h, nil, nil, fmt.Errorf("%w: header cut short", ErrSnapshot)
	}
	if err := gob.NewDecoder(bytes.NewReader(d.b[:hl])).Decode(&h); err != nil {
		return h, nil, nil, fmt.Errorf("%w: header: %v", ErrSnapshot, err)
	}
	d.b = d.b[hl:]
	if h.Version != FeaturesVersion || h.Shape != featuresShape() {
		return h, nil, nil, fmt.Errorf("%w: written for another version or shape of the features", ErrSnapshot)
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return h, nil, nil, fmt.Errorf("%w: string table cut short", ErrSnapshot)
	}
	table := make([]string, n)
	for i := range table {
		l := d.uvarint()
		if d.err != nil || l > uint64(len(d.b)) {
			return h, nil, nil, fmt.Errorf("%w: string table cut short", ErrSnapshot)
		}
		table[i] = string(d.b[:l])
		d.b = d.b[l:]
	}
	fs, names, err := decodeFeatures(table, d.b, h.Count)
	if err != nil {
		return h, nil, nil, fmt.Errorf("%w: %v", ErrSnapshot, err)
	}
	return h, fs, names, nil
}
