package taxonomy

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/postnumre.csv
var postnumreCSV []byte

// PostalCode is a Danish postal district with a representative point (DAWA's
// visual centre). Business ("stormodtager") codes have no geometry of their
// own and borrow the point of the ordinary district they sit in.
type PostalCode struct {
	Code           string
	Name           string
	Business       bool
	Lat, Lon       float64
	HasPoint       bool
	Municipalities []string
	// PointFrom names the district whose point a business code borrowed.
	PointFrom string
}

// Places are the Danish postal codes, loaded once and read-only.
type Places struct {
	byCode map[string]*PostalCode
	codes  []string

	nameOnce sync.Once
	byName   map[string]string // foldPlace(name) → the lowest ordinary code
	// bySkeleton: placeSkeleton of those names → the code, "" for a
	// skeleton of two places.
	bySkeleton map[string]string
	skelOnce   sync.Once
}

// LoadPlaces parses the shipped postal code list.
func LoadPlaces() (*Places, error) {
	r := csv.NewReader(bytes.NewReader(postnumreCSV))
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("taxonomy: postal codes: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	p := &Places{byCode: map[string]*PostalCode{}}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("taxonomy: postal codes: %w", err)
		}
		pc := &PostalCode{Code: rec[col["nr"]], Name: rec[col["navn"]], Business: rec[col["stormodtager"]] == "true"}
		if lat, err1 := strconv.ParseFloat(rec[col["lat"]], 64); err1 == nil {
			if lon, err2 := strconv.ParseFloat(rec[col["lon"]], 64); err2 == nil {
				pc.Lat, pc.Lon, pc.HasPoint = lat, lon, true
			}
		}
		if k := rec[col["kommunekoder"]]; k != "" {
			pc.Municipalities = strings.Split(k, "|")
		}
		p.byCode[pc.Code] = pc
		p.codes = append(p.codes, pc.Code)
	}
	sort.Slice(p.codes, func(i, j int) bool { return atoi(p.codes[i]) < atoi(p.codes[j]) })
	p.fillPoints()
	return p, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// fillPoints gives codes without geometry a point: first an ordinary district
// with the same name (København C → a København district), else the nearest
// lower ordinary code with a point (the codes are assigned geographically).
func (p *Places) fillPoints() {
	byName := map[string]*PostalCode{}
	for _, c := range p.codes {
		pc := p.byCode[c]
		if pc.HasPoint {
			if _, ok := byName[baseName(pc.Name)]; !ok {
				byName[baseName(pc.Name)] = pc
			}
		}
	}
	for i, c := range p.codes {
		pc := p.byCode[c]
		if pc.HasPoint {
			continue
		}
		if src, ok := byName[baseName(pc.Name)]; ok {
			pc.Lat, pc.Lon, pc.PointFrom = src.Lat, src.Lon, src.Code
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if src := p.byCode[p.codes[j]]; src.HasPoint {
				pc.Lat, pc.Lon, pc.PointFrom = src.Lat, src.Lon, src.Code
				break
			}
		}
		if pc.PointFrom == "" {
			for j := i + 1; j < len(p.codes); j++ {
				if src := p.byCode[p.codes[j]]; src.HasPoint {
					pc.Lat, pc.Lon, pc.PointFrom = src.Lat, src.Lon, src.Code
					break
				}
			}
		}
	}
}

// baseName drops a district suffix: "København K" → "København".
func baseName(n string) string {
	f := strings.Fields(n)
	if len(f) > 1 && len(f[len(f)-1]) <= 2 {
		return strings.Join(f[:len(f)-1], " ")
	}
	return n
}

// Postal returns a postal code by its number.
func (p *Places) Postal(code string) (PostalCode, bool) {
	pc, ok := p.byCode[strings.TrimSpace(code)]
	if !ok {
		return PostalCode{}, false
	}
	return *pc, true
}

// ValidPostal reports whether code is a Danish postal code.
func (p *Places) ValidPostal(code string) bool {
	_, ok := p.byCode[code]
	return ok
}

// Coordinates returns a postal code's point (own or borrowed).
func (p *Places) Coordinates(code string) (lat, lon float64, ok bool) {
	pc, found := p.byCode[code]
	if !found || (!pc.HasPoint && pc.PointFrom == "") {
		return 0, 0, false
	}
	return pc.Lat, pc.Lon, true
}

// Name returns the district name of a postal code, or "".
func (p *Places) Name(code string) string {
	if pc, ok := p.byCode[code]; ok {
		return pc.Name
	}
	return ""
}

// Codes returns every postal code in numeric order.
func (p *Places) Codes() []string { return append([]string(nil), p.codes...) }

// DistanceKm is the great-circle distance between two postal codes' points,
// and false when either has no point.
func (p *Places) DistanceKm(a, b string) (float64, bool) {
	lat1, lon1, ok1 := p.Coordinates(a)
	lat2, lon2, ok2 := p.Coordinates(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	return Haversine(lat1, lon1, lat2, lon2), true
}

// Haversine returns the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// placeAliases are the other names people write places by, folded: the
// abbreviation of København, the towns' English names, and Copenhagen's
// quarters, which have no postal name of their own, by the district that
// holds them.
var placeAliases = map[string]string{
	"kbh": "koebenhavn", "kbh.": "koebenhavn", "cph": "koebenhavn", "copenhagen": "koebenhavn",
	"elsinore":  "helsingoer",
	"noerrebro": "koebenhavn n", "oesterbro": "koebenhavn oe", "vesterbro": "koebenhavn v",
	"amager": "koebenhavn s", "christianshavn": "koebenhavn k", "indre by": "koebenhavn k",
	"nordvest": "koebenhavn nv", "bispebjerg": "koebenhavn nv", "sydhavnen": "koebenhavn sv",
}

// PlaceWords are the names of the postal districts that are one word, in
// lower case ("hasselager", "kokkedal", "snekkersten"): the search does not
// read them as compounds of a word typed ("lager", "kok").
func (p *Places) PlaceWords() []string {
	var out []string
	for _, c := range p.codes {
		for _, n := range []string{p.byCode[c].Name, baseName(p.byCode[c].Name)} {
			if w := strings.ToLower(strings.TrimSpace(n)); w != "" && !strings.ContainsAny(w, " -.") {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ByName returns the postal code of a district as people write its name:
// any case, æ/ø/å or ae/oe/aa, the part of town optional ("vejle",
// "Aarhus", "århus c", "koebenhavn"). Of several codes with the name, the
// lowest ordinary one (København → 1050 … the first with a point).
func (p *Places) ByName(name string) (string, bool) {
	p.nameOnce.Do(func() {
		p.byName = map[string]string{}
		for _, c := range p.codes { // in numeric order: the first one wins
			pc := p.byCode[c]
			if pc.Business || (!pc.HasPoint && pc.PointFrom == "") {
				continue
			}
			for _, n := range []string{pc.Name, baseName(pc.Name)} {
				if k := foldPlace(n); k != "" {
					if _, ok := p.byName[k]; !ok {
						p.byName[k] = c
					}
				}
			}
		}
	})
	k := foldPlace(name)
	if a, ok := placeAliases[k]; ok {
		k = a
	}
	if c, ok := p.byName[k]; ok {
		return c, true
	}
	// Typed without the Danish letters' second vowel ("sonderborg",
	// "aroskobing"): by the skeleton, when it names one place only and is
	// five letters or more.
	if len(k) < 5 {
		return "", false
	}
	p.skelOnce.Do(func() {
		p.bySkeleton = map[string]string{}
		names := map[string]string{}
		for n, c := range p.byName {
			sk := placeSkeleton(n)
			if other, ok := names[sk]; ok && other != n {
				p.bySkeleton[sk] = "" // two places: say none
				continue
			}
			names[sk] = n
			p.bySkeleton[sk] = c
		}
	})
	c := p.bySkeleton[placeSkeleton(k)]
	return c, c != ""
}

// placeSkeleton is a folded place name with ae, oe and aa as one vowel.
func placeSkeleton(folded string) string {
	return strings.NewReplacer("ae", "a", "oe", "o", "aa", "a").Replace(folded)
}

// foldPlace lower-cases a place name and spells æ, ø, å as ae, oe, aa.
func foldPlace(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e").Replace(strings.Join(strings.Fields(strings.ToLower(s)), " "))
}
