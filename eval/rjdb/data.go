package rjdb

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Row is one line of the RJDB file: a job description with the résumé
// generated to match it and a weakened copy of that résumé.
type Row struct {
	JD        string `json:"Job-Description"`
	Matched   string `json:"Resume-matched"`
	Unmatched string `json:"Resume-unmatched"`
}

// maxLine bounds one JSON line; the longest row in the file is a few KB.
const maxLine = 16 << 20

// Load reads RJDB rows from JSON Lines. Blank lines are skipped; the seed
// fields of the file (Skills, Experiences, …) are ignored. An error names the
// 1-based line it occurred on, and a row missing any of the three texts is an
// error.
func Load(r io.Reader) ([]Row, error) {
	rows, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("rjdb: %w", err)
	}
	return rows, nil
}

// LoadFile reads RJDB rows from the JSON Lines file at path.
func LoadFile(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("rjdb: %w", err)
	}
	defer f.Close()
	rows, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("rjdb: %s: %w", path, err)
	}
	return rows, nil
}

func load(r io.Reader) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var rows []Row
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var row Row
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch {
		case row.JD == "":
			return nil, fmt.Errorf("line %d: missing or empty %q", line, "Job-Description")
		case row.Matched == "":
			return nil, fmt.Errorf("line %d: missing or empty %q", line, "Resume-matched")
		case row.Unmatched == "":
			return nil, fmt.Errorf("line %d: missing or empty %q", line, "Resume-unmatched")
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than %d bytes", line+1, maxLine)
		}
		return nil, fmt.Errorf("after line %d: %w", line, err)
	}
	return rows, nil
}
