package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

// TestServeSetsTheIntakeBudgets: the anonymous entry's budgets per client
// address and per CVR number are settings of serve, with their
// environment twins; 0 is no limit, not the server's defaults.
func TestServeSetsTheIntakeBudgets(t *testing.T) {
	var usage bytes.Buffer
	if err := runServe(context.Background(), []string{"--help"}, io.Discard, &usage); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("serve --help: %v", err)
	}
	for _, s := range []string{"-intake-per-address", "JOBMATCH_INTAKE_PER_ADDRESS", "-intake-per-cvr", "JOBMATCH_INTAKE_PER_CVR"} {
		if !strings.Contains(usage.String(), s) {
			t.Errorf("serve --help does not name %s:\n%s", s, usage.String())
		}
	}
	if nonZero(0) != -1 || nonZero(-3) != -3 || nonZero(20) != 20 {
		t.Error("nonZero")
	}
}
