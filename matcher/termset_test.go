package matcher

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestTermSet(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
	}{
		{nil, nil},
		{[]string{"lager"}, []string{"lager"}},
		{[]string{"truck", "lager", "truck", "", "æble", "lagerarbejd"}, []string{"", "lager", "lagerarbejd", "truck", "æble"}},
	} {
		s := NewTermSet(tc.in)
		if got := s.Strings(); !slices.Equal(got, tc.want) {
			t.Errorf("%q: terms %q, want %q", tc.in, got, tc.want)
		}
		if s.Len() != len(tc.want) {
			t.Errorf("%q: len %d", tc.in, s.Len())
		}
		for _, w := range tc.want {
			if !s.Has(w) {
				t.Errorf("%q: lacks %q", tc.in, w)
			}
		}
		for _, no := range []string{"lage", "lagera", "trucks", "å", "zz"} {
			if s.Has(no) {
				t.Errorf("%q: has %q", tc.in, no)
			}
		}
		b, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back TermSet
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if !slices.Equal(back.Strings(), s.Strings()) {
			t.Errorf("%q: after the round trip %q", tc.in, back.Strings())
		}
		if len(b) > 0 {
			if err := back.UnmarshalBinary(b[:len(b)-1]); err == nil && s.Len() > 0 {
				t.Errorf("%q: a cut encoding was read", tc.in)
			}
		}
	}
}

// Sets built at once on several goroutines, with more new terms than a
// chunk of the term table holds, read back their own terms (go test -race).
func TestTermSetsBuiltConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 600 {
				terms := []string{fmt.Sprintf("concurrent-%d-%d", g, i), fmt.Sprintf("concurrent-shared-%d", i), "lager"}
				s := NewTermSet(terms)
				for _, x := range terms {
					if !s.Has(x) {
						t.Errorf("%q lacks %q", s.Strings(), x)
						return
					}
				}
				if s.Has(fmt.Sprintf("concurrent-%d-%d", g+1, i)) || s.Len() != 3 {
					t.Errorf("%q: another goroutine's term, or %d terms", s.Strings(), s.Len())
					return
				}
			}
		}()
	}
	wg.Wait()
}
