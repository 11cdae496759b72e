package jobmatch

import (
	"encoding/hex"
	"fmt"
	"testing"
)

// TestIDsNeverLookLikeCPR: every input is checked for CPR numbers, ids
// that clients send back included, so no id we make may look like one.
// Drawn the old way, about one hex id in a few hundred did.
func TestIDsNeverLookLikeCPR(t *testing.T) {
	old := 0
	for i := range 200000 {
		if id := NewID(); ContainsCPR(id) {
			t.Fatalf("NewID() = %q looks like a CPR number", id)
		}
		// The same shape without the check, as a control that the check
		// has something to catch.
		b := []byte{byte(i), byte(i >> 8), byte(i >> 16), byte(i >> 24)}
		if ContainsCPR(fmt.Sprintf("%012x%s", int64(1796370000000+i*7919), hex.EncodeToString(b))) {
			old++
		}
	}
	if old == 0 {
		t.Fatal("no unchecked id looked like a CPR number: the control does not exercise the check")
	}
	t.Logf("%d of 200,000 unchecked ids looked like a CPR number", old)
}
