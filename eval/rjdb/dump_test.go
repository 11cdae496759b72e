package rjdb

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	rows, err := LoadFile("/work/shared/data/eval_rjdb/test.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/dump.txt")
	defer f.Close()
	for i, r := range rows {
		jd := ParseJD(r.JD)
		fmt.Fprintf(f, "=== %d JD title=%q years=%d skills=%d exp=%d resp=%d other=%q\n", i, jd.Title, jd.MinYears, len(jd.RequiredSkills), len(jd.RequiredExperience), len(jd.Responsibilities), jd.Other)
		for _, s := range []struct{ n, t string }{{"m", r.Matched}, {"u", r.Unmatched}} {
			cv := ParseResume(s.t)
			fmt.Fprintf(f, "  %s name=%q email=%q skills=%d edu=%d other=%q\n", s.n, cv.Name, cv.Email, len(cv.Skills), len(cv.Education), cv.Other)
			for _, j := range cv.Experience {
				fmt.Fprintf(f, "    job %q @ %q %d-%d %.2f\n", j.Title, j.Employer, j.FromYear, j.ToYear, j.Years)
			}
		}
	}
}
