package taxonomy

import (
	"slices"
	"strings"
	"sync"
)

// danishWords are the words of the Danish occupation names (preferred and
// alternative labels, STAR/Jobnet titles), each written backwards and
// sorted, so the words ending in some letters are one binary search away.
type danishWords struct {
	once     sync.Once
	reversed []string
}

// EndsADanishWord reports whether some word of the Danish occupation
// names is tail, or a compound ending in it: "fører" (gaffeltruckfører,
// kranfører), "dame" (rengøringsdame). The CV search uses it to tell the
// last part of a compound no CV holds from letters that end nothing.
func (t *Taxonomy) EndsADanishWord(tail string) bool {
	t.words.once.Do(func() {
		seen := map[string]bool{}
		add := func(label string) {
			for _, w := range strings.Fields(Normalize(label)) {
				if r := reverse(w); !seen[r] {
					seen[r] = true
					t.words.reversed = append(t.words.reversed, r)
				}
			}
		}
		for _, o := range t.Occupations {
			add(o.LabelDA)
			for _, a := range o.AltDA {
				add(a)
			}
			for _, s := range o.STAR {
				add(s)
			}
		}
		slices.Sort(t.words.reversed)
	})
	r := reverse(Normalize(tail))
	if r == "" {
		return false
	}
	i, _ := slices.BinarySearch(t.words.reversed, r)
	return i < len(t.words.reversed) && strings.HasPrefix(t.words.reversed[i], r)
}

func reverse(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

// IsADanishWord reports whether some Danish occupation name holds w as a
// whole word ("revisor", "pedel", "vicevært"): the CV search reads such a
// word as typed, never as a typo of another.
func (t *Taxonomy) IsADanishWord(w string) bool {
	if !t.EndsADanishWord(w) { // builds the list
		return false
	}
	_, found := slices.BinarySearch(t.words.reversed, reverse(Normalize(w)))
	return found
}
