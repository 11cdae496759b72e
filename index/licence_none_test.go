package index

import (
	"context"
	"slices"
	"testing"

	"jobmatch"
)

// TestWithoutALicence: LicenceNone ("uden kørekort") finds the CVs that
// hold none of the licences named, those with no licence at all among
// them, alone and with words; the index had no filter for it, so "uden
// kørekort" alone found everyone.
func TestWithoutALicence(t *testing.T) {
	none := cvOf("Rengøringsassistent", "Rengøring på kontor.")
	car := cvOf("Rengøringsassistent", "Rengøring på hotel.")
	car.DrivingLicences = []string{"B"}
	truck := cvOf("Lagermedarbejder", "Lager og kørsel.")
	truck.DrivingLicences = []string{"C", "CE"}
	moped := cvOf("Lagermedarbejder", "Lager.")
	moped.DrivingLicences = []string{"A1"}
	ix, names := namedIndex(t, map[string]*jobmatch.Candidate{"none": none, "car": car, "truck": truck, "moped": moped})
	carLicences := []string{"B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"}
	for _, tt := range []struct {
		q    Query
		want []string
	}{
		{Query{LicenceNone: carLicences, Size: 10}, []string{"moped", "none"}},
		{Query{LicenceNone: []string{"A", "A1", "A2", "B", "BE", "C", "C1", "C1E", "CE", "D", "D1", "D1E", "DE"}, Size: 10}, []string{"none"}},
		{Query{Text: "rengøring", Everyday: true, AllWords: true, LicenceNone: carLicences, Size: 10}, []string{"none"}},
		{Query{Text: "lager", Everyday: true, AllWords: true, LicenceNone: carLicences, Size: 10}, []string{"moped"}},
		{Query{Text: "lager", Everyday: true, AllWords: true, LicenceNone: carLicences, LicenceAny: []string{"C"}, Size: 10}, nil},
	} {
		res, err := ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(res); !slices.Equal(got, tt.want) || res.Total != uint64(len(tt.want)) {
			t.Errorf("%q without %v: %q (%d), want %q", tt.q.Text, tt.q.LicenceNone, got, res.Total, tt.want)
		}
	}
}
