package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCoverCellsHoldEveryPointInTheRadius: any point within the radius lies
// in one of the covering cells, at whatever level the cover picks.
func TestCoverCellsHoldEveryPointInTheRadius(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p := Point{Lat: 54.5 + 3.3*r.Float64(), Lon: 8 + 4.8*r.Float64()}
		km := 1 + 150*r.Float64()
		cover := coverCells(p, km, maxCoverCells)
		if len(cover) == 0 {
			t.Fatal("empty cover")
		}
		for range 50 {
			q := Point{Lat: p.Lat + (r.Float64()*2-1)*km/kmPerDegree, Lon: p.Lon + (r.Float64()*2-1)*km/(kmPerDegree*0.5)}
			if haversineKm(p.Lat, p.Lon, q.Lat, q.Lon) > km {
				continue
			}
			in := false
			for _, c := range cellsOf(q.Lat, q.Lon) {
				in = in || slices.Contains(cover, c)
			}
			if !in {
				t.Fatalf("%v within %.1f km of %v: no cell of it in cover %v", q, km, p, cover)
			}
		}
		if km <= 80 && len(cover) > 2*maxCoverCells {
			t.Fatalf("%.0f km: %d cells", km, len(cover))
		}
	}
}

// TestCoverIsTight: the cover of a 75 km radius holds less than 1.5 times the
// circle's area (a bounding box of coarse cells would be several times it, and the number of cells stays far below the ~300 postal codes).
func TestCoverIsTight(t *testing.T) {
	p := Point{Lat: 55.9, Lon: 9.5}
	cover := coverCells(p, 75, maxCoverCells)
	area := 0.0
	for _, c := range cover {
		area += cellKm[int(c[0]-'0')] * cellKm[int(c[0]-'0')]
	}
	circle := 3.14159 * 75 * 75
	if area > 1.5*circle || len(cover) > 60 {
		t.Fatalf("%d cells, %.0f km² for a %.0f km² circle", len(cover), area, circle)
	}
	t.Logf("%d cells, %.2f × the circle", len(cover), area/circle)
}
