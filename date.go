package jobmatch

import (
	"encoding/json"
	"fmt"
	"time"
)

// Copenhagen is the time zone every period key and working day is counted in.
var Copenhagen = mustLoadLocation("Europe/Copenhagen")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// time/tzdata is imported by the binary; this is unreachable there.
		panic(fmt.Sprintf("load %s: %v", name, err))
	}
	return loc
}

// PeriodsOf returns the period keys of t in Europe/Copenhagen.
func PeriodsOf(t time.Time) Periods {
	lt := t.In(Copenhagen)
	h := 1
	if lt.Month() > 6 {
		h = 2
	}
	return Periods{
		Year:  fmt.Sprintf("%04d", lt.Year()),
		Half:  fmt.Sprintf("%04d-H%d", lt.Year(), h),
		Month: fmt.Sprintf("%04d-%02d", lt.Year(), int(lt.Month())),
	}
}

// Date is a calendar date without time of day, "2026-05-01" in JSON (and
// in the store, whose codec writes it the same way: store/codecs.go).
type Date struct{ time.Time }

// ParseDate parses "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, time.UTC)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// String formats the date as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date must be a string YYYY-MM-DD")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return fmt.Errorf("date must be YYYY-MM-DD")
	}
	*d = v
	return nil
}
