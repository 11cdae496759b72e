package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"jobmatch"
)

// progressBar reports an import's progress. On a terminal it redraws
// "rows 12000  created … 3400/s" on one line; when stdout or the bar's own
// output is not a terminal (a log file, a pipe, systemd), it writes a plain
// line every few seconds instead of a stream of carriage returns:
//
//	progress: 12000/150000 rows (8.0%), 3400 rows/s, 2 errors, ETA 41s
//
// The share done comes from the row count when the total is known (demo,
// reindex) or from the share of the input file the rows done take up
// (import: countingReader.consumed); the latter stays below 100% until
// the bar finishes with the whole input consumed.
type progressBar struct {
	w      io.Writer
	start  time.Time
	total  int                    // rows expected, 0 when unknown
	done   func(rows int) float64 // share of the input the rows done consumed (0–1), nil when unknown
	redraw bool                   // a terminal: redraw one line in place
	every  time.Duration          // between lines when not redrawing
	now    func() time.Time
	last   time.Time
	prev   jobmatch.ImportProgress
	ended  bool   // finished with the whole input consumed
	said   string // what the last line written said (rows, errors, share), "" before one
}

// newProgressBar returns a bar writing to w; it redraws in place only when
// both stdout and w are terminals.
func newProgressBar(w, stdout io.Writer, total int) *progressBar {
	now := time.Now
	t := now()
	return &progressBar{w: w, start: t, last: t, total: total, redraw: isTerminal(stdout) && isTerminal(w), every: 5 * time.Second, now: now}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progressBar) update(pr jobmatch.ImportProgress) {
	p.prev = pr
	t := p.now()
	if p.redraw {
		rate := float64(pr.Rows) / t.Sub(p.start).Seconds()
		pct := ""
		if f, ok := p.fraction(pr); ok {
			pct = fmt.Sprintf(" %3.0f%%", 100*f)
		}
		if pr.Created+pr.Updated+pr.Unchanged+pr.Failed == 0 { // reindex: rows alone
			fmt.Fprintf(p.w, "\r%s rows %d  %.0f/s   ", pct, pr.Rows, rate)
			return
		}
		fmt.Fprintf(p.w, "\r%s rows %d  created %d  updated %d  unchanged %d  failed %d  %.0f/s   ", pct, pr.Rows, pr.Created, pr.Updated, pr.Unchanged, pr.Failed, rate)
		return
	}
	if t.Sub(p.last) < p.every {
		return
	}
	p.last = t
	p.say(pr, t)
}

// say writes the line for pr and remembers what it said.
func (p *progressBar) say(pr jobmatch.ImportProgress, t time.Time) {
	fmt.Fprintln(p.w, p.line(pr, t))
	p.said = p.gist(pr)
}

// gist is what a line for pr says apart from the time: rows, errors and
// the share done.
func (p *progressBar) gist(pr jobmatch.ImportProgress) string {
	f, _ := p.fraction(pr)
	return fmt.Sprintf("%d %d %.1f", pr.Rows, pr.Failed, 100*f)
}

// finish ends the bar: a newline after the redrawn line, or a last line
// unless the last one written said the same (the last batch's line). all
// says the whole input was consumed (no error): the share read from the
// file is 100% then.
func (p *progressBar) finish(all bool) {
	p.ended = all
	if p.redraw {
		fmt.Fprintln(p.w)
		return
	}
	if p.said != "" && p.said == p.gist(p.prev) {
		return
	}
	p.say(p.prev, p.now())
}

func (p *progressBar) fraction(pr jobmatch.ImportProgress) (float64, bool) {
	switch {
	case p.total > 0:
		return min(1, float64(pr.Rows)/float64(p.total)), true
	case p.done != nil:
		if p.ended {
			return 1, true
		}
		// An estimate: below 100% until the rows are all done.
		return min(0.999, p.done(pr.Rows)), true
	}
	return 0, false
}

// line is one progress line for a log.
func (p *progressBar) line(pr jobmatch.ImportProgress, t time.Time) string {
	el := t.Sub(p.start)
	rate := 0.0
	if el > 0 {
		rate = float64(pr.Rows) / el.Seconds()
	}
	rows := fmt.Sprintf("%d rows", pr.Rows)
	if p.total > 0 {
		rows = fmt.Sprintf("%d/%d rows", pr.Rows, p.total)
	}
	eta := "?"
	if f, ok := p.fraction(pr); ok {
		rows += fmt.Sprintf(" (%.1f%%)", 100*f)
		if f >= 1 {
			eta = "0s"
		} else if f > 0 {
			eta = (time.Duration(float64(el) * (1 - f) / f)).Round(time.Second).String()
		}
	}
	errs := "errors"
	if pr.Failed == 1 {
		errs = "error"
	}
	return fmt.Sprintf("progress: %s, %.0f rows/s, %d %s, ETA %s", rows, rate, pr.Failed, errs, eta)
}

// countingReader counts the bytes and lines read, for the share of a file
// imported.
type countingReader struct {
	r     io.Reader
	n     atomic.Int64
	lines atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.lines.Add(int64(bytes.Count(b[:n], []byte{'\n'})))
	c.n.Add(int64(n))
	return n, err
}

// consumed is the share of an input of size bytes that rows rows take up.
// Not the bytes read: those run ahead of the rows done by the parser's
// buffer, the rows queued for the workers and the batch being written (a
// file of 3,000 rows is read to its end with 500 still to go); but rows
// times the mean length of the lines read so far.
func (c *countingReader) consumed(rows int, size int64) float64 {
	n, lines := c.n.Load(), c.lines.Load()
	if size <= 0 || lines == 0 {
		return 0
	}
	return float64(rows) * float64(n) / float64(lines) / float64(size)
}
