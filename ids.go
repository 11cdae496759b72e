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
func NewID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%012x%s", time.Now().UnixMilli(), hex.EncodeToString(b[:]))
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
