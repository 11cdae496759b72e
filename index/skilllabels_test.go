package index

import (
	"context"
	"testing"

	"jobmatch"
)

// TestSkillLabels: a skill concept is named as most CVs holding it write
// it; a concept no CV holds has no name.
func TestSkillLabels(t *testing.T) {
	ix, _, err := Open(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const office, forklift, none = "http://data.europa.eu/esco/skill/office", "http://data.europa.eu/esco/skill/forklift", "http://data.europa.eu/esco/skill/none"
	docs := map[string]Doc{}
	for _, labels := range [][]string{{"MS Office"}, {"Microsoft Office", "truckcertifikat"}, {"microsoft office"}, {"Microsoft Office"}} {
		c := cvOf("Kontorassistent", "Administration.")
		for _, l := range labels {
			uri := office
			if l == "truckcertifikat" {
				uri = forklift
			}
			c.Skills = append(c.Skills, jobmatch.Concept{Label: l, URI: uri})
		}
		docs[c.ID] = ix.DocOf(c, nil)
	}
	if err := ix.batch(docs, nil, 1, unsettled{}, nil); err != nil {
		t.Fatal(err)
	}
	for round := range 2 { // the second from memory
		got, err := ix.SkillLabels(context.Background(), []string{office, forklift, none})
		if err != nil {
			t.Fatal(err)
		}
		if got[office] != "Microsoft Office" && got[office] != "microsoft office" || got[forklift] != "truckcertifikat" || len(got) != 2 {
			t.Fatalf("round %d: %v", round, got)
		}
	}
}
