package main

import (
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
// The share done comes from the row count when the total is known (demo)
// or from the bytes read of the input file (import).
type progressBar struct {
	w      io.Writer
	start  time.Time
	total  int            // rows expected, 0 when unknown
	done   func() float64 // share of the input read (0–1), nil when unknown
	redraw bool           // a terminal: redraw one line in place
	every  time.Duration  // between lines when not redrawing
	now    func() time.Time
	last   time.Time
	prev   jobmatch.ImportProgress
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
		fmt.Fprintf(p.w, "\r%s rows %d  created %d  updated %d  unchanged %d  failed %d  %.0f/s   ", pct, pr.Rows, pr.Created, pr.Updated, pr.Unchanged, pr.Failed, rate)
		return
	}
	if t.Sub(p.last) < p.every {
		return
	}
	p.last = t
	fmt.Fprintln(p.w, p.line(pr, t))
}

// finish ends the bar: a newline after the redrawn line, or a last line.
func (p *progressBar) finish() {
	if p.redraw {
		fmt.Fprintln(p.w)
		return
	}
	fmt.Fprintln(p.w, p.line(p.prev, p.now()))
}

func (p *progressBar) fraction(pr jobmatch.ImportProgress) (float64, bool) {
	switch {
	case p.total > 0:
		return min(1, float64(pr.Rows)/float64(p.total)), true
	case p.done != nil:
		return min(1, p.done()), true
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

// countingReader counts the bytes read, for the share of a file imported.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
