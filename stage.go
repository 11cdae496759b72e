package jobmatch

import (
	"fmt"
	"slices"
	"strings"
)

// Stage is where a shortlisted candidate is in the pre-screening.
type Stage string

// The stages, in order. interested/not_interested and hired/rejected/
// withdrawn are alternatives.
const (
	StageSuggested     Stage = "suggested"
	StageContacted     Stage = "contacted"
	StageInterested    Stage = "interested"
	StageNotInterested Stage = "not_interested"
	StageInterviewed   Stage = "interviewed"
	StagePresented     Stage = "presented"
	StageHired         Stage = "hired"
	StageRejected      Stage = "rejected"
	StageWithdrawn     Stage = "withdrawn"
)

// Stages lists every stage in the order a board shows them.
var Stages = []Stage{StageSuggested, StageContacted, StageInterested, StageNotInterested, StageInterviewed,
	StagePresented, StageHired, StageRejected, StageWithdrawn}

// transitions are the allowed moves. Anything else is refused: no step is
// skipped (a person is contacted before anyone asks their interest,
// interviewed before they are presented), and the ends are ends. Withdrawn
// is open from every stage before the end: the citizen may step back at any
// time.
var transitions = map[Stage][]Stage{
	StageSuggested:     {StageContacted, StageWithdrawn},
	StageContacted:     {StageInterested, StageNotInterested, StageWithdrawn},
	StageInterested:    {StageInterviewed, StageWithdrawn},
	StageNotInterested: {},
	StageInterviewed:   {StagePresented, StageWithdrawn},
	StagePresented:     {StageHired, StageRejected, StageWithdrawn},
	StageHired:         {},
	StageRejected:      {},
	StageWithdrawn:     {},
}

// NextStages are the stages an entry can move to from s.
func NextStages(s Stage) []Stage { return slices.Clone(transitions[s]) }

// Ends reports whether moving to s ends a process without a hire: what a
// filled or closed vacancy's candidates may still do.
func (s Stage) Ends() bool {
	return s == StageRejected || s == StageWithdrawn || s == StageNotInterested
}

// CanMove reports whether from → to is an allowed move, and why not.
func CanMove(from, to Stage) error {
	if _, ok := transitions[to]; !ok {
		return Invalid("to", "oneof", "suggested contacted interested not_interested interviewed presented hired rejected withdrawn")
	}
	if slices.Contains(transitions[from], to) {
		return nil
	}
	detail := fmt.Sprintf("%s → %s is not a step of the pre-screening", from, to)
	args := []string{string(from), string(to)}
	if len(transitions[from]) == 0 {
		detail = fmt.Sprintf("%s is a final stage", from)
		args = args[:1]
	} else {
		var next []string
		for _, s := range transitions[from] {
			next = append(next, string(s))
		}
		detail += "; from " + string(from) + " the next steps are " + strings.Join(next, ", ")
		args = append(args, next...)
	}
	return &ConflictError{Code: "transition_refused", Detail: detail, Args: args}
}
