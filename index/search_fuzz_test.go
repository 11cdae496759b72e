package index_test

import (
	"context"
	"testing"

	"jobmatch/index"
)

// FuzzSearchText runs arbitrary search text (and skill phrases) through the
// query building and a real bleve index on disk: nothing panics, and an
// answer never holds more hits than the index has documents.
func FuzzSearchText(f *testing.F) {
	ix, _, err := index.Open(f.TempDir(), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = ix.Close() })
	for _, s := range []string{"tømrer", `"social- og sundhedsassistent"`, "+a -b", "*", "title:x AND (y OR", "０１０１", "\x00\xff", "a~2 b^3"} {
		f.Add(s, "kørekort B")
	}
	f.Fuzz(func(t *testing.T, text, skill string) {
		q := index.Query{Text: text, SkillTexts: []string{skill}, SkillFilters: []index.SkillFilter{{Text: skill}}, Size: 10, Sort: text}
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			return
		}
		if len(res.Hits) > 0 {
			t.Fatalf("hits in an empty index for %q", text)
		}
	})
}
