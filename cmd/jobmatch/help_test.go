package main

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// TestHelpExitsZero: asking a command for its help is no failure. `user
// --help`, `import --help` and `kpi --help` printed an error and exited 1,
// every flag set's -h exited 1 (flag.ErrHelp), and `eval melo --help`
// listed the other modes' flags; `version` and `--version` name the build.
func TestHelpExitsZero(t *testing.T) {
	bin := buildBinary(t)
	exit := func(args ...string) (string, int) {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		var ee *exec.ExitError
		switch {
		case err == nil:
			return string(out), 0
		case errors.As(err, &ee):
			return string(out), ee.ExitCode()
		}
		t.Fatalf("%v: %v", args, err)
		return "", -1
	}
	for _, args := range [][]string{
		{"--help"}, {"user", "--help"}, {"import", "--help"}, {"kpi", "--help"}, {"eval", "-h"},
		{"serve", "--help"}, {"serve", "-h"}, {"demo", "--help"}, {"reindex", "--help"}, {"purge", "-h"},
		{"user", "add", "--help"}, {"import", "candidates", "--help"}, {"kpi", "rebuild", "--help"}, {"eval", "rjdb", "--help"},
	} {
		out, code := exit(args...)
		if code != 0 || strings.Contains(out, "jobmatch: ") || len(out) == 0 {
			t.Errorf("%s: exit %d\n%s", strings.Join(args, " "), code, out)
		}
	}
	if out, _ := exit("user", "--help"); !strings.Contains(out, "user add") || !strings.Contains(out, "jobmatch user <subcommand> --help") {
		t.Errorf("user --help names no subcommand:\n%s", out)
	}
	out, _ := exit("eval", "melo", "--help")
	if !strings.Contains(out, "-dir") || strings.Contains(out, "-candidates") || strings.Contains(out, "-weights") || strings.Contains(out, "-file") {
		t.Errorf("eval melo --help lists other modes' flags:\n%s", out)
	}
	for _, args := range [][]string{{"nope"}, {"eval", "bogus"}, {"kpi", "rebuild", "--no-such-flag"}} {
		if out, code := exit(args...); code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s", strings.Join(args, " "), code, out)
		}
	}
	v, code := exit("version")
	if code != 0 || !strings.HasPrefix(v, "jobmatch ") || !strings.Contains(v, "go1.") {
		t.Errorf("version: exit %d: %s", code, v)
	}
	if v2, code := exit("--version"); code != 0 || v2 != v {
		t.Errorf("--version: exit %d: %q, want %q", code, v2, v)
	}
}
