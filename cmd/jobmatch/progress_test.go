package main

import (
	"bufio"
	"bytes"
	"fmt"
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
	bar.finish(true)
	s := out.String()
	if strings.Contains(s, "\r") {
		t.Fatalf("carriage returns in a log: %q", s)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	// The last batch's line is the last line: finish does not say it
	// again (the demo's last line came twice).
	want := []string{
		"progress: 5000/10000 rows (50.0%), 1000 rows/s, 10 errors, ETA 5s",
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
		{progressBar{start: start, done: func(int) float64 { return read }}, jobmatch.ImportProgress{Rows: 2000}, "progress: 2000 rows (25.0%), 500 rows/s, 0 errors, ETA 12s"},
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
	bar.finish(true)
	if n := strings.Count(out.String(), "\r"); n != 2 || strings.Count(out.String(), "\n") != 1 {
		t.Fatalf("%q", out.String())
	}
}

// TestProgressShareOfFileConsumed: the import's share done is that of the
// rows done, not of the bytes read. The parser reads ahead (a 64 KiB
// buffer, rows queued for the workers): a file of 3000 rows read to its
// end with 2500 done said "2500 rows (100.0%), ETA 0s".
func TestProgressShareOfFileConsumed(t *testing.T) {
	var file bytes.Buffer
	for i := range 3000 {
		fmt.Fprintf(&file, "{\"ref\":\"r%05d\"}\n", i) // 16 bytes a line: 48 KB
	}
	size := int64(file.Len())
	in := &countingReader{r: &file}
	br := bufio.NewReaderSize(in, 1<<16) // as the NDJSON import reads
	for range 2500 {
		if _, err := br.ReadBytes('\n'); err != nil {
			t.Fatal(err)
		}
	}
	if in.n.Load() != size {
		t.Fatalf("the buffered reader read %d of %d bytes: the test means the whole file read ahead", in.n.Load(), size)
	}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	bar := &progressBar{start: start, done: func(rows int) float64 { return in.consumed(rows, size) }}
	at := start.Add(10 * time.Second)
	if got, want := bar.line(jobmatch.ImportProgress{Rows: 2500}, at), "progress: 2500 rows (83.3%), 250 rows/s, 0 errors, ETA 2s"; got != want {
		t.Errorf("with 500 rows to go:\n got %q\nwant %q", got, want)
	}
	// An estimate stays below 100% until the import has ended...
	bar.done = func(int) float64 { return 1.2 }
	if got, want := bar.line(jobmatch.ImportProgress{Rows: 2999}, at), "progress: 2999 rows (99.9%), 300 rows/s, 0 errors, ETA 0s"; got != want {
		t.Errorf("before the end:\n got %q\nwant %q", got, want)
	}
	// ... and is 100% when it has, with every row done.
	var out bytes.Buffer
	bar.w, bar.now, bar.every, bar.last = &out, func() time.Time { return at }, time.Hour, at
	bar.update(jobmatch.ImportProgress{Rows: 3000})
	bar.finish(true)
	if got, want := out.String(), "progress: 3000 rows (100.0%), 300 rows/s, 0 errors, ETA 0s\n"; got != want {
		t.Errorf("at the end:\n got %q\nwant %q", got, want)
	}
	// An import that failed midway is not 100% done.
	out.Reset()
	bar.said = ""
	bar.finish(false)
	if strings.Contains(out.String(), "100.0%") {
		t.Errorf("a failed import ends at %q", out.String())
	}
}
