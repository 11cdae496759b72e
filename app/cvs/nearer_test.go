package cvs

import (
	"slices"
	"testing"

	"jobmatch"
	"jobmatch/index"
	"jobmatch/taxonomy"
)

// TestNearerFirstAmongTheAlike: "rengøring 6400" found the cleaners near
// Sønderborg with scores a few thousandths apart (the analysed fields'
// tie-break: 10.186 in Gråsten and Aabenraa, 10.172 in Sønderborg), and
// the first in 6400 was eighth. Of those found alike the nearest come
// first; one who fits better (more of the words, wants the job) stays
// before them, however far.
func TestNearerFirstAmongTheAlike(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	cs := &Service{tax: tax}
	lat, lon, ok := tax.Places.Coordinates("6400")
	if !ok {
		t.Fatal("6400 has no place")
	}
	hit := func(score float64, code string) SearchHit {
		return SearchHit{Score: score, Candidate: &jobmatch.Candidate{Name: code, PostalCode: code}}
	}
	hits := []SearchHit{hit(14.2, "6200"), hit(10.186, "6300"), hit(10.186, "6200"), hit(10.18, "6310"), hit(10.175, "6440"),
		hit(10.172, "6400"), hit(10.171, "6470"), hit(6.1, "6400"), hit(6.0, "6300"), hit(5.99, "6400")}
	cs.nearerFirst(hits, index.Point{Lat: lat, Lon: lon})
	var got []string
	for _, h := range hits {
		got = append(got, h.Candidate.PostalCode)
	}
	// Aabenraa first, alone of its score; then the alike by distance
	// from Sønderborg as the postal districts lie (Broager 9 km, Gråsten
	// 11, Aabenraa 16, Augustenborg 19, Sydals 23); then the next run.
	want := []string{"6200", "6400", "6310", "6300", "6200", "6440", "6470", "6400", "6400", "6300"}
	if !slices.Equal(got, want) {
		t.Errorf("ordered %q, want %q", got, want)
	}
}
