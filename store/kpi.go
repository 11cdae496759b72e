package store

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"jobmatch"
)

// The follow-up figures are counters of events per period: one document per
// year (_id "kpi:2026") holds every counter of the year, its halves and its
// months, so an event costs one counter write (sharded per replica,
// replicas.go): field "Y_<name>" for the year, "H1_<name>"/"H2_<name>" for
// the half, "M05_<name>" for May. Only this file knows that shape; the use
// cases count events by name and read them back per period.

const kpiPrefix = "kpi:"

// kpiFields fans an event's counters out to the fields of its year, half
// and month (Europe/Copenhagen) in out, keyed by document.
func kpiFields(out map[string]map[string]int64, t time.Time, inc map[string]int64) {
	p := jobmatch.PeriodsOf(t)
	id := kpiPrefix + p.Year
	d := out[id]
	if d == nil {
		d = make(map[string]int64, 3*len(inc))
		out[id] = d
	}
	for k, v := range inc {
		d["Y_"+k] += v
		d[p.Half[5:]+"_"+k] += v
		d["M"+p.Month[5:]+"_"+k] += v
	}
}

// CountEvents adds inc (counter name → amount) to the counters of the year,
// half-year and month of t.
func (s *Store) CountEvents(ctx context.Context, t time.Time, inc map[string]int64) error {
	docs := map[string]map[string]int64{}
	kpiFields(docs, t, inc)
	for id, fields := range docs {
		if err := s.IncCounters(ctx, id, fields); err != nil {
			return err
		}
	}
	return nil
}

// YearCounts are a year's counters, read per period.
type YearCounts struct{ raw map[string]int64 }

// CountsOfYear reads a year's counters (all zero when none were counted).
func (s *Store) CountsOfYear(ctx context.Context, year int) (YearCounts, error) {
	raw, err := s.Counters(ctx, kpiPrefix+strconv.Itoa(year))
	return YearCounts{raw: raw}, err
}

// Period returns the counters of the year (half ""), or of half "H1" or
// "H2", by name.
func (y YearCounts) Period(half string) map[string]int64 {
	prefix := "Y_"
	if half != "" {
		prefix = half + "_"
	}
	out := map[string]int64{}
	for k, v := range y.raw {
		if name, ok := strings.CutPrefix(k, prefix); ok {
			out[name] = v
		}
	}
	return out
}

// Month returns counter name of month m (1–12).
func (y YearCounts) Month(m int, name string) int64 {
	return y.raw[fmt.Sprintf("M%02d_%s", m, name)]
}

// KPITally recomputes the counters from the events (the rebuild), with
// the fan-out the live writes use.
type KPITally struct{ docs map[string]map[string]int64 }

// NewKPITally returns an empty tally.
func NewKPITally() *KPITally { return &KPITally{docs: map[string]map[string]int64{}} }

// Add counts an event at t, as CountEvents would.
func (t *KPITally) Add(at time.Time, inc map[string]int64) { kpiFields(t.docs, at, inc) }

// KPIDiff is one stored counter that differs from the tally.
type KPIDiff struct {
	Doc    string `json:"doc"` // "kpi:2026"
	Field  string `json:"field"`
	Stored int64  `json:"stored"`
	Events int64  `json:"events"`
}

// CompareKPI reads every stored KPI counter (a scan, for maintenance) and
// returns where it differs from the tally, sorted, with the number of
// documents either side has.
func (s *Store) CompareKPI(ctx context.Context, t *KPITally) ([]KPIDiff, int, error) {
	stored, err := s.CounterDocs(ctx, kpiPrefix)
	if err != nil {
		return nil, 0, err
	}
	ids := t.yearsWith(stored)
	var diffs []KPIDiff
	for id := range ids {
		fields := map[string]bool{}
		for f := range maps.Keys(stored[id]) {
			fields[f] = true
		}
		for f := range maps.Keys(t.docs[id]) {
			fields[f] = true
		}
		for f := range fields {
			if strings.HasPrefix(f, "_") {
				continue
			}
			if a, b := stored[id][f], t.docs[id][f]; a != b {
				diffs = append(diffs, KPIDiff{Doc: id, Field: f, Stored: a, Events: b})
			}
		}
	}
	sort.Slice(diffs, func(i, j int) bool {
		if diffs[i].Doc != diffs[j].Doc {
			return diffs[i].Doc < diffs[j].Doc
		}
		return diffs[i].Field < diffs[j].Field
	})
	return diffs, len(ids), nil
}

// ReplaceKPI replaces the stored counters of every year the tally or the
// store has with the tally's (maintenance, while nobody counts).
func (s *Store) ReplaceKPI(ctx context.Context, t *KPITally) error {
	stored, err := s.CounterDocs(ctx, kpiPrefix)
	if err != nil {
		return err
	}
	ids := t.yearsWith(stored)
	for id := range ids {
		if err := s.ReplaceCounters(ctx, id, t.docs[id]); err != nil {
			return err
		}
	}
	return nil
}

// yearsWith returns the documents the tally or stored has.
func (t *KPITally) yearsWith(stored map[string]map[string]int64) map[string]bool {
	ids := map[string]bool{}
	for id := range t.docs {
		ids[id] = true
	}
	for id := range stored {
		ids[id] = true
	}
	return ids
}

// ClaimJobOrderFirst claims the first event of a kind ("presented",
// "prio", "hired") of a vacancy's job order, at at, across replicas: false
// when it was claimed before, so the figure counts once however many
// consultants or replicas get there together.
func (s *Store) ClaimJobOrderFirst(ctx context.Context, kind, vacancyID string, at time.Time) (bool, error) {
	return s.claimMarker(ctx, "joborder-"+kind+":"+vacancyID, Fields{"at": at})
}

// EachSurvey calls fn for every survey: a scan, for the figures' rebuild
// (never a request path).
func (s *Store) EachSurvey(ctx context.Context, fn func(*jobmatch.Survey) error) error {
	return Each(ctx, s, ColSurveys, fn)
}
