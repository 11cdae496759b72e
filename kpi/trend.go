package kpi

import (
	"time"

	"jobmatch"
)

// State is where a period stands at a moment: not begun, running (its
// figures are provisional) or over (they are final).
type State int

const (
	NotStarted State = iota + 1
	Running
	Ended
)

// String is the state's key in the API: "not_started", "running", "ended".
func (s State) String() string {
	switch s {
	case NotStarted:
		return "not_started"
	case Running:
		return "running"
	case Ended:
		return "ended"
	}
	return ""
}

// StateAt says whether p has not begun, is running or is over at t.
func (p Period) StateAt(t time.Time) State {
	switch {
	case t.Before(p.Start()):
		return NotStarted
	case t.Before(p.End()):
		return Running
	}
	return Ended
}

// Trend compares a count with a target spread evenly over a period, e.g.
// company contacts so far this year against the yearly target of 2,300.
type Trend struct {
	Period Period
	Target float64
	Actual int
	// State is whether the period has begun and whether it is over at the
	// evaluation time: only a running period has a pace to be on.
	State State
	// Elapsed is the share of the period gone at the evaluation time, in
	// [0, 1], counted in Copenhagen calendar days so DST does not move it.
	Elapsed float64
	// Expected is Target × Elapsed: where a steady pace would be by now.
	Expected float64
	// Gap is Actual − Expected; negative means behind.
	Gap float64
	// Projected is the count at the end of the period if the pace so far
	// holds (Actual / Elapsed); 0 before the period starts.
	Projected float64
	// OnTrack is Actual >= Expected in a running period, Met in an ended
	// one, and false before the period begins (nothing is on track yet).
	OnTrack bool
	// Met is Actual >= Target: whether the target was reached, final once
	// the period has ended.
	Met bool
}

// TargetTrend returns the linear expectation for target over p at time at.
// Before the period Elapsed is 0, after it 1.
func TargetTrend(p Period, target float64, actual int, at time.Time) Trend {
	tr := Trend{Period: p, Target: target, Actual: actual, State: p.StateAt(at), Elapsed: elapsed(p, at)}
	tr.Expected = target * tr.Elapsed
	tr.Gap = float64(actual) - tr.Expected
	tr.Met = float64(actual) >= target
	switch tr.State {
	case Running:
		tr.OnTrack = float64(actual) >= tr.Expected
	case Ended:
		tr.OnTrack = tr.Met
	}
	if tr.Elapsed > 0 {
		tr.Projected = float64(actual) / tr.Elapsed
	}
	return tr
}

// elapsed is the share of p gone at t: whole days since the start plus the
// wall-clock fraction of t's day, over the period's calendar days.
func elapsed(p Period, t time.Time) float64 {
	switch {
	case !t.After(p.Start()):
		return 0
	case !t.Before(p.End()):
		return 1
	}
	lt := t.In(jobmatch.Copenhagen)
	secs := lt.Hour()*3600 + lt.Minute()*60 + lt.Second()
	days := float64(civilDays(p.Start(), lt)) + float64(secs)/86400
	return days / float64(p.Days())
}
