package api_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestCategoryWord: "håndværker" names no occupation but a kind of them;
// it found the five CVs that hold the word ("kunsthåndværker"), not the
// carpenters, electricians and smiths a consultant means. The building,
// metal and electrical trades and the joiners (DISCO 71, 72, 74, 7522)
// now answer for it, not the bakers of the same major group.
func TestCategoryWord(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("TOMRER", "Tømrer", nil),
		cv("ELEKTRIKER", "Elektriker", nil),
		cv("SMED", "Smed", nil),
		cv("BAGER", "Bager", nil),
		cv("KOK", "Kok", nil),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"håndværker":          {"ELEKTRIKER", "SMED", "TOMRER"},
		"haandvaerkere":       {"ELEKTRIKER", "SMED", "TOMRER"},
		"bygningshåndværkere": {"TOMRER"},
	} {
		got := search(t, k, "q="+url.QueryEscape(q)).refs()
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("håndværker"), nil, nil).Body)
	if !strings.Contains(page, "«håndværker» læst som faggruppe: håndværkere") {
		t.Errorf("the page does not say how «håndværker» was read")
	}
}
