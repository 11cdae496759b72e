package index

import (
	"encoding/json"
	"slices"
)

// keyUnsettled holds, beside the high-water mark and in the same bleve
// batch, what the syncer has moved past without applying: numbers taken but
// not yet logged (gaps) and logged upserts whose document was not yet
// written (pending). Kept only in memory, these were lost by a crash: after a
// restart the syncer read on from the mark, and a write that committed behind
// it stayed unsearchable for good while the lag read 0.
const keyUnsettled = "unsettled"

// unsettled is the persisted form of the syncer's gaps and pending writes.
type unsettled struct {
	Gaps    []int64          `json:"gaps,omitempty"`
	Pending map[string]int64 `json:"pending,omitempty"` // candidate id → sequence its document must reach
}

func (u unsettled) encode() []byte {
	slices.Sort(u.Gaps)
	b, _ := json.Marshal(u)
	return b
}

func decodeUnsettled(b []byte) unsettled {
	var u unsettled
	if len(b) > 0 {
		_ = json.Unmarshal(b, &u)
	}
	return u
}

// merge adds o's entries to u (the higher sequence wins for a pending id).
func (u *unsettled) merge(o unsettled) {
	for _, g := range o.Gaps {
		if !slices.Contains(u.Gaps, g) {
			u.Gaps = append(u.Gaps, g)
		}
	}
	for id, seq := range o.Pending {
		if u.Pending == nil {
			u.Pending = map[string]int64{}
		}
		if seq > u.Pending[id] {
			u.Pending[id] = seq
		}
	}
}

// unsettledNow reads the persisted set of the current index.
func (ix *Index) unsettledNow() unsettled {
	v, err := ix.bleve().GetInternal([]byte(keyUnsettled))
	if err != nil {
		return unsettled{}
	}
	return decodeUnsettled(v)
}

// Unsettled reports how many change-log numbers the index has moved past
// without applying them yet (persisted gaps and pending writes).
func (ix *Index) Unsettled() int {
	u := ix.unsettledNow()
	return len(u.Gaps) + len(u.Pending)
}
