package jobmatch

import (
	"errors"
	"fmt"
	"testing"
)

// TestEveryStageTransition checks all 81 moves between the nine stages:
// the allowed ones pass, every other one is a 409 transition_refused that
// names the next steps (or says the stage is final).
func TestEveryStageTransition(t *testing.T) {
	allowed := map[string]bool{
		"suggested→contacted": true, "suggested→withdrawn": true,
		"contacted→interested": true, "contacted→not_interested": true, "contacted→withdrawn": true,
		"interested→interviewed": true, "interested→withdrawn": true,
		"interviewed→presented": true, "interviewed→withdrawn": true,
		"presented→hired": true, "presented→rejected": true, "presented→withdrawn": true,
	}
	n := 0
	for _, from := range Stages {
		for _, to := range Stages {
			t.Run(fmt.Sprintf("%s→%s", from, to), func(t *testing.T) {
				err := CanMove(from, to)
				if allowed[string(from)+"→"+string(to)] {
					if err != nil {
						t.Fatalf("refused: %v", err)
					}
					n++
					return
				}
				var ce *ConflictError
				if !errors.As(err, &ce) || ce.Code != "transition_refused" || ce.Detail == "" {
					t.Fatalf("want a 409 transition_refused, got %v", err)
				}
			})
		}
	}
	if n != len(allowed) {
		t.Fatalf("%d moves allowed, want %d", n, len(allowed))
	}
	if err := CanMove(StageSuggested, "promoted"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unknown stage: %v", err)
	}
}
