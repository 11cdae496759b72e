package matcher

import (
	"slices"
	"testing"
)

// TestBorrowedPhrasesAreOneWord: a phrase Danish borrows is one of the
// CV's words, whole, so a reason never names "carte" of "à la carte";
// Danish little words ("for de ældre") keep the words apart.
func TestBorrowedPhrasesAreOneWord(t *testing.T) {
	for text, want := range map[string][]string{
		"Kok med à la carte og selskaber.":      {"kok", "med", "à la carte", "og", "selskaber"},
		"Crème de la crème, state of the art.":  {"crème de la crème", "state of the art"},
		"Omsorg for de ældre og for børn.":      {"omsorg", "for", "de", "ældre", "og", "børn"},
		"Kantine, carte blanche og à la carte.": {"kantine", "carte", "blanche", "og", "à la carte"},
	} {
		if got := distinctWords(text); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
