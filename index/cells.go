package index

import (
	"math"
	"strconv"
)

// Grid cells: a coarse location filter for retrieval. A radius of 75 km
// holds some 300 postal codes, and a disjunction of 300 terms made bleve
// spend a quarter of a match in advancing its heap of term readers. Each
// candidate is indexed with the cell it lies in at each of a few grid
// sizes; a query takes the coarsest size whose cells covering the radius's
// bounding box number at most maxCoverCells. That is a superset of the
// radius, for callers that apply the exact distance afterwards.
//
// The grid is a plain equirectangular one with a fixed longitude scale for
// Denmark (cos 56°): cells are not exactly square elsewhere, which costs
// nothing but a little looseness, since the covering uses the true scale.
var cellKm = [...]float64{10, 20, 40, 80}

const (
	kmPerDegree   = 111.2
	gridCos       = 0.56
	maxCoverCells = 100
)

func cellKey(level, x, y int) string {
	return strconv.Itoa(level) + ":" + strconv.Itoa(x) + ":" + strconv.Itoa(y)
}

func cellXY(level int, lat, lon float64) (int, int) {
	s := cellKm[level]
	return int(math.Floor(lon * kmPerDegree * gridCos / s)), int(math.Floor(lat * kmPerDegree / s))
}

// cellsOf returns a point's cell at every level.
func cellsOf(lat, lon float64) []string {
	out := make([]string, len(cellKm))
	for i := range cellKm {
		x, y := cellXY(i, lat, lon)
		out[i] = cellKey(i, x, y)
	}
	return out
}

// coverCells returns cells that together hold every point within km of p,
// as tight as a budget of about maxCells allows: starting from the coarsest
// cells over the radius's bounding box, a cell wholly inside the circle is
// kept, one outside dropped, and one on the edge split into its four
// children (the grid levels nest) while the budget lasts. The result mixes
// levels; each cell key names its level.
func coverCells(p Point, km float64, maxCells int) []string {
	dLat := km / kmPerDegree
	far := math.Max(math.Abs(p.Lat-dLat), math.Abs(p.Lat+dLat))
	if far > 89 {
		far = 89
	}
	dLon := km / (kmPerDegree * math.Cos(far*math.Pi/180))
	type cell struct{ level, x, y int }
	top := len(cellKm) - 1
	x0, y0 := cellXY(top, p.Lat-dLat, p.Lon-dLon)
	x1, y1 := cellXY(top, p.Lat+dLat, p.Lon+dLon)
	var out []string
	var edge []cell
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			edge = append(edge, cell{top, x, y})
		}
	}
	for len(edge) > 0 {
		var next []cell
		for _, c := range edge {
			switch cellAgainst(p, km, c.level, c.x, c.y) {
			case outside:
			case inside:
				out = append(out, cellKey(c.level, c.x, c.y))
			default:
				next = append(next, c)
			}
		}
		// Split the edge cells if the budget allows, else keep them whole.
		if len(next) == 0 || next[0].level == 0 || len(out)+4*len(next) > maxCells {
			for _, c := range next {
				out = append(out, cellKey(c.level, c.x, c.y))
			}
			break
		}
		edge = edge[:0]
		for _, c := range next {
			for dx := 0; dx < 2; dx++ {
				for dy := 0; dy < 2; dy++ {
					edge = append(edge, cell{c.level - 1, 2*c.x + dx, 2*c.y + dy})
				}
			}
		}
	}
	if len(out) == 0 {
		out = []string{"-"} // nothing within reach: match nobody
	}
	return out
}

const (
	outside = iota
	inside
	crossing
)

// cellAgainst tells whether a cell lies wholly inside the circle, outside
// it, or across its edge.
func cellAgainst(p Point, km float64, level, x, y int) int {
	s := cellKm[level]
	lon0, lon1 := float64(x)*s/(kmPerDegree*gridCos), float64(x+1)*s/(kmPerDegree*gridCos)
	lat0, lat1 := float64(y)*s/kmPerDegree, float64(y+1)*s/kmPerDegree
	near := haversineKm(p.Lat, p.Lon, math.Min(math.Max(p.Lat, lat0), lat1), math.Min(math.Max(p.Lon, lon0), lon1))
	if near > km {
		return outside
	}
	farthest := 0.0
	for _, la := range []float64{lat0, lat1} {
		for _, lo := range []float64{lon0, lon1} {
			farthest = math.Max(farthest, haversineKm(p.Lat, p.Lon, la, lo))
		}
	}
	if farthest <= km {
		return inside
	}
	return crossing
}
