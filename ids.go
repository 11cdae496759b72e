package jobmatch

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// NewID returns a sortable, unique id: 12 hex chars of milliseconds since the
// epoch followed by 8 random hex chars. Ids sort by creation time.
//
// Every input is checked for CPR numbers, ids sent back by clients too, and
// a hex id holds ten decimal digits in a row with a valid day and month now
// and then (a shortlist's profile id was once refused as a CPR number): such
// an id is drawn again, a millisecond later when the time's own digits are
// what looks like one.
func NewID() string {
	ms := time.Now().UnixMilli()
	for try := 0; ; try++ {
		var b [4]byte
		_, _ = rand.Read(b[:])
		id := fmt.Sprintf("%012x%s", ms, hex.EncodeToString(b[:]))
		if !ContainsCPR(id) {
			return id
		}
		if try%8 == 7 {
			ms++
		}
	}
}

// NewToken returns an unguessable URL-safe token with 160 bits of entropy,
// for private links, sessions and survey links.
func NewToken() string {
	var b [20]byte
	_, _ = rand.Read(b[:])
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// Reference formats a human reference number such as JM-2026-000123.
func Reference(year int, seq int64) string {
	return fmt.Sprintf("JM-%d-%06d", year, seq)
}
