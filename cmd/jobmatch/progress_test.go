package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch"
)

// fakeClock steps time by hand, so the test never depends on how fast the
// machine is.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// TestProgressWithoutTerminal: into a log (no TTY) the import writes a
// plain line every few seconds with rows, rate, errors and ETA, never a
// carriage return, and a last line when it ends.
func TestProgressWithoutTerminal(t *testing.T) {
	var out bytes.Buffer
	bar := newProgressBar(&out, &out, 10000) // a buffer is no terminal
	if bar.redraw {
		t.Fatal("a bytes.Buffer was taken for a terminal")
	}
	clock := &fakeClock{t: bar.start}
	bar.now = clock.now
	// 20 batches of 500 rows, one each half second: lines at 5 s and 10 s.
	for i := 1; i <= 20; i++ {
		clock.t = clock.t.Add(500 * time.Millisecond)
		bar.update(jobmatch.ImportProgress{Rows: 500 * i, Created: 500*i - i, Failed: i})
	}
	bar.finish()
	s := out.String()
	if strings.Contains(s, "\r") {
		t.Fatalf("carriage returns in a log: %q", s)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	want := []string{
		"progress: 5000/10000 rows (50.0%), 1000 rows/s, 10 errors, ETA 5s",
		"progress: 10000/10000 rows (100.0%), 1000 rows/s, 20 errors, ETA 0s",
		"progress: 10000/10000 rows (100.0%), 1000 rows/s, 20 errors, ETA 0s",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), s)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, lines[i], want[i])
		}
	}
}

// TestProgressLineFormat: the line's shape with an unknown total, with the
// share read from the file, and with one error.
func TestProgressLineFormat(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := start.Add(4 * time.Second)
	re := regexp.MustCompile(`^progress: \d+(/\d+)? rows( \(\d+\.\d%\))?, \d+ rows/s, \d+ errors?, ETA (\?|\d+(h|m|s|ms)[0-9hms]*)$`)
	read := 0.25
	for _, c := range []struct {
		bar  progressBar
		p    jobmatch.ImportProgress
		want string
	}{
		{progressBar{start: start}, jobmatch.ImportProgress{Rows: 1200, Failed: 1}, "progress: 1200 rows, 300 rows/s, 1 error, ETA ?"},
		{progressBar{start: start, done: func() float64 { return read }}, jobmatch.ImportProgress{Rows: 2000}, "progress: 2000 rows (25.0%), 500 rows/s, 0 errors, ETA 12s"},
		{progressBar{start: start, total: 150000}, jobmatch.ImportProgress{Rows: 30000, Failed: 3}, "progress: 30000/150000 rows (20.0%), 7500 rows/s, 3 errors, ETA 16s"},
	} {
		got := c.bar.line(c.p, at)
		if got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		if !re.MatchString(got) {
			t.Errorf("%q does not have the documented shape", got)
		}
	}
}

// TestProgressOnTerminal: on a terminal the bar redraws one line.
func TestProgressOnTerminal(t *testing.T) {
	var out bytes.Buffer
	bar := &progressBar{w: &out, start: time.Now().Add(-time.Second), total: 100, redraw: true, now: time.Now}
	bar.update(jobmatch.ImportProgress{Rows: 50, Created: 50})
	bar.update(jobmatch.ImportProgress{Rows: 100, Created: 100})
	bar.finish()
	if n := strings.Count(out.String(), "\r"); n != 2 || strings.Count(out.String(), "\n") != 1 {
		t.Fatalf("%q", out.String())
	}
}
