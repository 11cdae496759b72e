package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
	"jobmatch/taxonomy"
)

// TestJourneymansCertificateIsAVocationalEducation: "svendebrev",
// "svendeprøve", "uddannet" and the English "journeyman certificate" say
// what "faglært" says, a vocational education, in the occupation named:
// "elektriker med svendebrev" found every elektriker, those with only
// Danskuddannelse too («svendebrev» stood in no CV and was left out).
func TestJourneymansCertificateIsAVocationalEducation(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cvs := map[string]*jobmatch.Candidate{
		"faglært":  cvOf("Elektriker", "Installationer i boliger og erhverv."),
		"faglært2": cvOf("Elektriker", "Service og fejlfinding på anlæg."),
		"ufaglært": cvOf("Elektriker", "Hjælper på installationer."),
		"ufag2":    cvOf("Elektriker", "Kabeltræk og montage."),
		"tømrer":   cvOf("Tømrer", "Nybyg og renovering."),
		"kok":      cvOf("Kok", "Frokost i kantine."),
	}
	for _, c := range cvs {
		c.Education = []jobmatch.Education{{Level: "primary", Field: "Danskuddannelse 3"}}
	}
	for _, k := range []string{"faglært", "faglært2", "tømrer"} {
		cvs[k].Education = append(cvs[k].Education, jobmatch.Education{Level: "vocational", Field: "Erhvervsuddannelse"})
	}
	ix, names := namedIndexWith(t, cvs, tax)
	for _, q := range []string{"faglært elektriker", "elektriker med svendebrev", "elektriker svendeprøve", "uddannet elektriker",
		"elektriker med svendeprøven", "electrician with journeyman certificate", "journeyman electrician"} {
		res, err := ix.Search(context.Background(), Query{Text: q, Everyday: true, AllWords: true, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(res); !slices.Equal(got, []string{"faglært", "faglært2"}) {
			t.Errorf("%q found %v (read as %+v), want the two elektrikere with a vocational education", q, got, res.Expansions)
		}
	}
	res, err := ix.Search(context.Background(), Query{Text: "svendebrev", Everyday: true, AllWords: true, Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res); !slices.Equal(got, []string{"faglært", "faglært2", "tømrer"}) {
		t.Errorf("svendebrev found %v (read as %+v), want the three with a vocational education", got, res.Expansions)
	}
}
