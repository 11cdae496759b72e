//go:build soak

package main

import (
	"testing"
	"time"
)

// TestKill9Soak20 is the full soak of issue 12: 20 rounds, 4 clients,
// writing up to 10 s before each kill.
//
//	go test -tags soak ./cmd/jobmatch -run Kill9Soak20 -v -timeout 3h
func TestKill9Soak20(t *testing.T) {
	rounds := runSoak(t, soakConfig{Rounds: 20, Clients: 4, MaxWrite: 10 * time.Second})
	if len(rounds) != 21 {
		t.Fatalf("%d rounds", len(rounds))
	}
}
