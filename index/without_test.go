package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
)

// TestWithoutAWord: Query.Without leaves out the CVs that hold a word as
// it is found when asked for (its spellings, inflections, compounds), a
// working time by the CV's hours and shifts; the index only added words
// to find, so "kok -deltid" found the cooks who want part-time.
func TestWithoutAWord(t *testing.T) {
	part := cvOf("Kok", "Kok i kantine.")
	part.Hours = []jobmatch.Hours{jobmatch.HoursPart}
	full := cvOf("Kok", "Kok på restaurant, har tidligere arbejdet på deltid.")
	full.Hours = []jobmatch.Hours{jobmatch.HoursFull}
	weekend := cvOf("Kok", "Kok på hotel.")
	weekend.Shifts = []jobmatch.Shift{jobmatch.ShiftDay, jobmatch.ShiftWeekend}
	truck := cvOf("Lagermedarbejder", "Lager, har truckcertifikat B.")
	plural := cvOf("Lagermedarbejder", "Lager og pluk. Truckcertifikater til A og B.")
	inflected := cvOf("Lagermedarbejder", "Lager. Truckcertifikatet er fornyet.")
	plain := cvOf("Lagermedarbejder", "Lager og pluk, varemodtagelse.")
	// A typo of the word is another word: "trucks" is no certificate.
	trucks := cvOf("Lagermedarbejder", "Lager med mange trucks.")
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{"part": part, "full": full, "weekend": weekend,
		"truck": truck, "plural": plural, "inflected": inflected, "plain": plain, "trucks": trucks})
	for _, tt := range []struct {
		text    string
		without []string
		want    []string
	}{
		{"kok", []string{"deltid"}, []string{"full", "weekend"}},
		{"kok", []string{"weekend"}, []string{"full", "part"}},
		{"kok", []string{"deltid", "weekend"}, []string{"full"}},
		{"lagermedarbejder", []string{"truckcertifikat"}, []string{"plain", "trucks"}},
		{"", []string{"truckcertifikat", "kok"}, []string{"plain", "trucks"}},
		{"kok", []string{"ingenlundeord"}, []string{"full", "part", "weekend"}},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.text, Everyday: true, AllWords: true, Without: tt.without, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := names(res)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) || res.Total != uint64(len(tt.want)) {
			t.Errorf("%q without %q: %q (%d), want %q", tt.text, tt.without, got, res.Total, tt.want)
		}
	}
}
