package frontend_test

import (
	"testing"

	_ "jobmatch/frontend"
	"jobmatch/i18n"
)

// TestNoMessageRegisteredTwice: a key registered twice with two texts
// shows only the first ("Overskredet" hid "over fristen" on the overview).
func TestNoMessageRegisteredTwice(t *testing.T) {
	if c := i18n.Conflicts(); len(c) > 0 {
		t.Fatalf("keys registered twice with different texts: %v", c)
	}
}
