package taxonomy

import (
	"hash/fnv"
	"io/fs"
	"strconv"
)

// Compact ids: an occupation is "o" and its position in the shipped data in
// base 36, a skill "s…", an ISCO group "g" and its code. The search index
// stores these instead of URIs (see index.Concepts); Fingerprint changes
// whenever the shipped data, and so the numbering, change.

// ShortID returns the compact id of a concept URI, or "" if it is unknown.
func (t *Taxonomy) ShortID(uri string) string {
	t.idsOnce.Do(t.buildIDs)
	if i, ok := t.occIdx[uri]; ok {
		return "o" + strconv.FormatInt(int64(i), 36)
	}
	if i, ok := t.skillByURI[uri]; ok {
		return "s" + strconv.FormatInt(int64(i), 36)
	}
	if g, ok := t.groupByURI[uri]; ok {
		return "g" + g.Code
	}
	return ""
}

// URIOf returns the concept URI of a compact id, or "".
func (t *Taxonomy) URIOf(id string) string {
	if len(id) < 2 {
		return ""
	}
	if id[0] == 'g' {
		if g, ok := t.groupByURI[ISCOURIPrefix+id[1:]]; ok {
			return g.URI
		}
		return ""
	}
	n, err := strconv.ParseInt(id[1:], 36, 32)
	if err != nil || n < 0 {
		return ""
	}
	switch id[0] {
	case 'o':
		if int(n) < len(t.Occupations) {
			return t.Occupations[n].URI
		}
	case 's':
		if int(n) < len(t.Skills) {
			return t.Skills[n].URI
		}
	}
	return ""
}

// Fingerprint identifies the shipped data (a hash of its files).
func (t *Taxonomy) Fingerprint() string {
	t.idsOnce.Do(t.buildIDs)
	return t.fingerprint
}

func (t *Taxonomy) buildIDs() {
	t.occIdx = make(map[string]int32, len(t.Occupations))
	for i, o := range t.Occupations {
		t.occIdx[o.URI] = int32(i)
	}
	h := fnv.New64a()
	names, _ := fs.Glob(dataFS, "data/*.tsv.gz")
	for _, n := range names {
		b, _ := dataFS.ReadFile(n)
		h.Write([]byte(n))
		h.Write(b)
	}
	t.fingerprint = "esco-" + strconv.FormatUint(h.Sum64(), 36)
}
