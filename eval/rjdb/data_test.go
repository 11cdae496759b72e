package rjdb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobmatch/internal/shareddata"
)

// testRows loads the real file from ../shared/data (RJDB_FILE overrides
// it); missing data fails the test.
func testRows(t testing.TB) []Row {
	t.Helper()
	path := os.Getenv("RJDB_FILE")
	if path == "" {
		dir, err := shareddata.Find("eval_rjdb")
		if err != nil {
			t.Fatal(err) // CI clones the data next to the repository: missing data is a failure
		}
		path = filepath.Join(dir, "test.jsonl")
	}
	rows, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestLoad(t *testing.T) {
	in := `{"Job-Description": "JD 1", "Resume-matched": "M 1", "Resume-unmatched": "U 1", "Skills": ["a"]}

{"Job-Description": "JD 2", "Resume-matched": "M 2", "Resume-unmatched": "U 2"}
`
	rows, err := Load(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{{"JD 1", "M 1", "U 1"}, {"JD 2", "M 2", "U 2"}}
	if len(rows) != len(want) || rows[0] != want[0] || rows[1] != want[1] {
		t.Errorf("Load() = %#v, want %#v", rows, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad JSON", `{"Job-Description": "a", "Resume-matched": "b", "Resume-unmatched": "c"}` + "\n{oops}\n", "line 2:"},
		{"missing key", `{"Job-Description": "a", "Resume-matched": "b"}`, `line 1: missing or empty "Resume-unmatched"`},
		{"wrong key", "\n\n" + `{"JD": "a", "Resume-matched": "b", "Resume-unmatched": "c"}`, `line 3: missing or empty "Job-Description"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load() error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := LoadFile("/nonexistent/rjdb.jsonl"); err == nil {
		t.Errorf("LoadFile() of a missing file: no error")
	}
}

func TestLoadFile(t *testing.T) {
	rows := testRows(t)
	if len(rows) != 666 {
		t.Errorf("got %d rows, want 666", len(rows))
	}
	for i, r := range rows {
		if r.JD == "" || r.Matched == "" || r.Unmatched == "" {
			t.Fatalf("row %d has an empty text", i)
		}
	}
}
