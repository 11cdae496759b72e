package taxonomy_test

import (
	"testing"

	"jobmatch/taxonomy"
)

// TestEndsADanishWord: the last parts of Danish occupation names are
// found at the end of their compounds ("fører" of gaffeltruckfører);
// letters that end no name are not.
func TestEndsADanishWord(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"fører": true, "truckfører": true, "assistent": true, "smed": true, "qzxv": false, "": false} {
		if got := tx.EndsADanishWord(w); got != want {
			t.Errorf("EndsADanishWord(%q) = %v, want %v", w, got, want)
		}
	}
}
