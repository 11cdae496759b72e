package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

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

// MonthCounts returns the counters of month m (1–12) by name.
func (y YearCounts) MonthCounts(m int) map[string]int64 {
	return y.Period(fmt.Sprintf("M%02d", m))
}

// Month returns counter name of month m (1–12).
func (y YearCounts) Month(m int, name string) int64 {
	return y.raw[fmt.Sprintf("M%02d_%s", m, name)]
}

// The counters after a crash. An event is stored, then counted: a process
// killed in between leaves its figures short, and only a recount from the
// events mends them. With replicas a whole recount races the others' live
// counts (it reads every event, then overwrites what they added meanwhile),
// so each event records the slot whose shard counted it (receipt_slot,
// close_slot, a step's slot, …; 0, left out, for the embedded backend's
// own process), set by the process that counts it, just before. A shard is
// then the tally of the events that name its slot, and only its process
// writes it: a replica restarted after a kill recounts its own slot's
// events into its own shards before it serves (RecountAfterCrash), while
// the others keep counting into theirs. Events from before slots were
// recorded name none; their counts may sit in any shard, so a slot's
// recount is trusted only once a whole rebuild has put every slot's tally
// into its own shard and those events into the base document, or on a
// database that started with this (the marker kpiAttributed).
//
// A journal of counts in flight per slot would say the same at the cost of
// two more writes per event; the slot on the event costs none.

// kpiAttributed marks a database whose KPI shards hold exactly their
// slots' events (a unique _id, set once).
const kpiAttributed = "kpi:attributed"

// KPIAttributed reports whether a slot's shards can be recounted from the
// events that name it (kpiAttributed).
func (s *Store) KPIAttributed(ctx context.Context) (bool, error) {
	return s.Marked(ctx, kpiAttributed)
}

// markFreshKPIAttributed sets kpiAttributed on a database nothing was
// counted in yet: every event it gets will name its slot. Open calls it
// before anything is written.
func (s *Store) markFreshKPIAttributed(ctx context.Context) error {
	err := s.C(ColCounters).FindOne(ctx, bson.D{}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		_, err = s.Mark(ctx, kpiAttributed, time.Now().UTC())
	}
	if err != nil {
		return fmt.Errorf("store: kpi attribution: %w", err)
	}
	return nil
}

// KPITally recomputes the counters from the events (the rebuild), with
// the fan-out the live writes use, per slot that counted them.
type KPITally struct {
	docs  map[string]map[string]int64           // every slot's
	slots map[int64]map[string]map[string]int64 // per slot
	only  int64                                 // noSlot, or the one slot tallied
}

// NewKPITally returns an empty tally of every slot's events.
func NewKPITally() *KPITally { return newKPITally(noSlot) }

// NewSlotKPITally returns an empty tally of the events slot counted (slot
// 0's include the events that name none): the recount of one replica.
func NewSlotKPITally(slot int64) *KPITally { return newKPITally(slot) }

func newKPITally(only int64) *KPITally {
	return &KPITally{docs: map[string]map[string]int64{}, slots: map[int64]map[string]map[string]int64{}, only: only}
}

// Add counts an event at t, as CountEvents would, of an event that names
// no slot.
func (t *KPITally) Add(at time.Time, inc map[string]int64) { t.AddBy(0, at, inc) }

// AddBy counts an event at t, as CountEvents would, in the shards of slot
// (the slot the event names).
func (t *KPITally) AddBy(slot int64, at time.Time, inc map[string]int64) {
	if t.only != noSlot && slot != t.only {
		return
	}
	kpiFields(t.docs, at, inc)
	d := t.slots[slot]
	if d == nil {
		d = map[string]map[string]int64{}
		t.slots[slot] = d
	}
	kpiFields(d, at, inc)
}

// KPIDiff is one stored counter that differs from the tally.
type KPIDiff struct {
	Doc    string `json:"doc"` // "kpi:2026"
	Field  string `json:"field"`
	Stored int64  `json:"stored"`
	Events int64  `json:"events"`
}

// storedKPI reads what the tally is compared with: every KPI counter
// summed over the shards, or, for one slot's tally, that slot's shards.
func (s *Store) storedKPI(ctx context.Context, t *KPITally) (map[string]map[string]int64, error) {
	if t.only == noSlot {
		return s.CounterDocs(ctx, kpiPrefix)
	}
	shards, err := s.counterShards(ctx, kpiPrefix)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]int64{}
	for id, bySlot := range shards {
		if m, ok := bySlot[t.only]; ok {
			out[id] = m
		}
	}
	return out, nil
}

// CompareKPI reads the stored KPI counters (a scan, for maintenance) and
// returns where they differ from the tally, sorted, with the number of
// documents either side has. A slot's tally is compared with that slot's
// shards.
func (s *Store) CompareKPI(ctx context.Context, t *KPITally) ([]KPIDiff, int, error) {
	stored, err := s.storedKPI(ctx, t)
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

// ReplaceKPI replaces stored counters with the tally's. A slot's tally
// replaces only that slot's shards: only its own process writes them, and
// it calls this before it counts anything (RecountAfterCrash), so the
// others may keep counting into theirs. A tally of every slot replaces
// every shard, each with its slot's events (the base document with those
// that name none), and then marks the database kpiAttributed: maintenance,
// while nobody counts (`jobmatch kpi rebuild` refuses while others may).
func (s *Store) ReplaceKPI(ctx context.Context, t *KPITally) error {
	shards, err := s.counterShards(ctx, kpiPrefix)
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for id := range t.docs {
		ids[id] = true
	}
	for id := range shards {
		ids[id] = true
	}
	for id := range ids {
		slots := map[int64]bool{0: true}
		if t.only != noSlot {
			slots = map[int64]bool{t.only: true}
		} else {
			for k := range shards[id] {
				slots[k] = true
			}
			for k, d := range t.slots {
				if d[id] != nil {
					slots[k] = true
				}
			}
		}
		for k := range slots {
			if err := s.replaceCounterShard(ctx, id, k, t.slots[k][id]); err != nil {
				return err
			}
		}
	}
	if t.only != noSlot {
		return nil
	}
	_, err = s.Mark(ctx, kpiAttributed, time.Now().UTC())
	return err
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
	// The claimer counts it next: the claim names the shard (see above).
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return false, err
	}
	f := Fields{"at": at}
	if slot != 0 {
		f["slot"] = slot
	}
	return s.claimMarker(ctx, jobOrderFirst(kind, vacancyID), f)
}

func jobOrderFirst(kind, vacancyID string) string { return "joborder-" + kind + ":" + vacancyID }

// JobOrderFirstSlot returns the slot whose shard counted the first event
// of a kind of a vacancy's job order (0 when none is recorded).
func (s *Store) JobOrderFirstSlot(ctx context.Context, kind, vacancyID string) (int64, error) {
	var m struct {
		Slot int64 `bson:"slot"`
	}
	err := s.Get(ctx, ColSettings, jobOrderFirst(kind, vacancyID), &m)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return 0, nil
	}
	return m.Slot, err
}

// EachSurvey calls fn for every survey: a scan, for the figures' rebuild
// (never a request path).
func (s *Store) EachSurvey(ctx context.Context, fn func(*jobmatch.Survey) error) error {
	return Each(ctx, s, ColSurveys, fn)
}
