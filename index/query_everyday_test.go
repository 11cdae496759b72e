package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
)

// TestWorkingTimeInTwoWords: "pædagog på fuld tid", "del tid", "halv tid"
// are the working time as "fuldtid" and "deltid" are: read as words,
// "fuld" found the kontorfuldmægtige and "tid" the hviletid, and every
// word was asked of each CV.
func TestWorkingTimeInTwoWords(t *testing.T) {
	withHours := func(c *jobmatch.Candidate, h jobmatch.Hours) *jobmatch.Candidate {
		c.Hours = []jobmatch.Hours{h}
		return c
	}
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{
		"pædFuld": withHours(cvOf("Pædagog", "Børnehave."), jobmatch.HoursFull),
		"pædDel":  withHours(cvOf("Pædagog", "Vuggestue."), jobmatch.HoursPart),
		"kontor":  withHours(cvOf("Kontorfuldmægtig", "Hviletid og tider i planlægningen."), jobmatch.HoursPart),
	})
	for q, want := range map[string][]string{
		"pædagog på fuld tid": {"pædFuld"},
		"fuld tid":            {"pædFuld"},
		"pædagog på del tid":  {"pædDel"},
		"pædagog på halv tid": {"pædDel"},
		"del tid":             {"kontor", "pædDel"},
		"pædagog på deltid":   {"pædDel"},
	} {
		if got := names(searchAll(t, ix, q)); !slices.Equal(got, want) {
			t.Errorf("%q found %v, want %v", q, got, want)
		}
	}
}

// searchAll searches as the consultants' page does: each word asked of
// every CV (Query.AllWords).
func searchAll(t *testing.T, ix *Index, q string) Result {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: q, Everyday: true, AllWords: true, Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
