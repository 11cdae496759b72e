package taxonomy

import (
	"slices"
	"strings"
)

// Areas larger than a town that consultants name when they search: "kok på
// Fyn", "chauffør i Nordjylland", "sosu Region Sjælland", "lager Vejle
// Kommune". Each is a set of municipalities (kommuner, by their official
// codes, which the postal code list gives per district), so an area is the
// postal codes of its municipalities. The landsdele are Statistics
// Denmark's (NUTS 3), the regions the five of 2007; "Sjælland" is the
// island as people say it (the regions Hovedstaden and Sjælland without
// Bornholm, Lolland and Falster), "Sønderjylland" the four municipalities of
// South Jutland.

// Municipality is a Danish municipality (kommune).
type Municipality struct {
	Code, Name string
	Region     string // "hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"
	Landsdel   string // Statistics Denmark's landsdel (NUTS 3), as an area key
}

// Municipalities are the 98 municipalities by their four-digit code.
var Municipalities = map[string]Municipality{}

func init() {
	for _, m := range []struct{ code, name, region, landsdel string }{
		{"0101", "København", "hovedstaden", "byen-koebenhavn"}, {"0147", "Frederiksberg", "hovedstaden", "byen-koebenhavn"},
		{"0155", "Dragør", "hovedstaden", "byen-koebenhavn"}, {"0185", "Tårnby", "hovedstaden", "byen-koebenhavn"},
		{"0151", "Ballerup", "hovedstaden", "koebenhavns-omegn"}, {"0153", "Brøndby", "hovedstaden", "koebenhavns-omegn"},
		{"0157", "Gentofte", "hovedstaden", "koebenhavns-omegn"}, {"0159", "Gladsaxe", "hovedstaden", "koebenhavns-omegn"},
		{"0161", "Glostrup", "hovedstaden", "koebenhavns-omegn"}, {"0163", "Herlev", "hovedstaden", "koebenhavns-omegn"},
		{"0165", "Albertslund", "hovedstaden", "koebenhavns-omegn"}, {"0167", "Hvidovre", "hovedstaden", "koebenhavns-omegn"},
		{"0169", "Høje-Taastrup", "hovedstaden", "koebenhavns-omegn"}, {"0173", "Lyngby-Taarbæk", "hovedstaden", "koebenhavns-omegn"},
		{"0175", "Rødovre", "hovedstaden", "koebenhavns-omegn"}, {"0183", "Ishøj", "hovedstaden", "koebenhavns-omegn"},
		{"0187", "Vallensbæk", "hovedstaden", "koebenhavns-omegn"},
		{"0190", "Furesø", "hovedstaden", "nordsjaelland"}, {"0201", "Allerød", "hovedstaden", "nordsjaelland"},
		{"0210", "Fredensborg", "hovedstaden", "nordsjaelland"}, {"0217", "Helsingør", "hovedstaden", "nordsjaelland"},
		{"0219", "Hillerød", "hovedstaden", "nordsjaelland"}, {"0223", "Hørsholm", "hovedstaden", "nordsjaelland"},
		{"0230", "Rudersdal", "hovedstaden", "nordsjaelland"}, {"0240", "Egedal", "hovedstaden", "nordsjaelland"},
		{"0250", "Frederikssund", "hovedstaden", "nordsjaelland"}, {"0260", "Halsnæs", "hovedstaden", "nordsjaelland"},
		{"0270", "Gribskov", "hovedstaden", "nordsjaelland"},
		{"0400", "Bornholm", "hovedstaden", "bornholm"},
		{"0253", "Greve", "sjaelland", "oestsjaelland"}, {"0259", "Køge", "sjaelland", "oestsjaelland"},
		{"0265", "Roskilde", "sjaelland", "oestsjaelland"}, {"0269", "Solrød", "sjaelland", "oestsjaelland"},
		{"0350", "Lejre", "sjaelland", "oestsjaelland"},
		{"0306", "Odsherred", "sjaelland", "vest-og-sydsjaelland"}, {"0316", "Holbæk", "sjaelland", "vest-og-sydsjaelland"},
		{"0320", "Faxe", "sjaelland", "vest-og-sydsjaelland"}, {"0326", "Kalundborg", "sjaelland", "vest-og-sydsjaelland"},
		{"0329", "Ringsted", "sjaelland", "vest-og-sydsjaelland"}, {"0330", "Slagelse", "sjaelland", "vest-og-sydsjaelland"},
		{"0336", "Stevns", "sjaelland", "vest-og-sydsjaelland"}, {"0340", "Sorø", "sjaelland", "vest-og-sydsjaelland"},
		{"0360", "Lolland", "sjaelland", "vest-og-sydsjaelland"}, {"0370", "Næstved", "sjaelland", "vest-og-sydsjaelland"},
		{"0376", "Guldborgsund", "sjaelland", "vest-og-sydsjaelland"}, {"0390", "Vordingborg", "sjaelland", "vest-og-sydsjaelland"},
		{"0410", "Middelfart", "syddanmark", "fyn"}, {"0420", "Assens", "syddanmark", "fyn"},
		{"0430", "Faaborg-Midtfyn", "syddanmark", "fyn"}, {"0440", "Kerteminde", "syddanmark", "fyn"},
		{"0450", "Nyborg", "syddanmark", "fyn"}, {"0461", "Odense", "syddanmark", "fyn"},
		{"0479", "Svendborg", "syddanmark", "fyn"}, {"0480", "Nordfyn", "syddanmark", "fyn"},
		{"0482", "Langeland", "syddanmark", "fyn"}, {"0492", "Ærø", "syddanmark", "fyn"},
		{"0510", "Haderslev", "syddanmark", "sydjylland"}, {"0530", "Billund", "syddanmark", "sydjylland"},
		{"0540", "Sønderborg", "syddanmark", "sydjylland"}, {"0550", "Tønder", "syddanmark", "sydjylland"},
		{"0561", "Esbjerg", "syddanmark", "sydjylland"}, {"0563", "Fanø", "syddanmark", "sydjylland"},
		{"0573", "Varde", "syddanmark", "sydjylland"}, {"0575", "Vejen", "syddanmark", "sydjylland"},
		{"0580", "Aabenraa", "syddanmark", "sydjylland"}, {"0607", "Fredericia", "syddanmark", "sydjylland"},
		{"0621", "Kolding", "syddanmark", "sydjylland"}, {"0630", "Vejle", "syddanmark", "sydjylland"},
		{"0657", "Herning", "midtjylland", "vestjylland"}, {"0661", "Holstebro", "midtjylland", "vestjylland"},
		{"0665", "Lemvig", "midtjylland", "vestjylland"}, {"0671", "Struer", "midtjylland", "vestjylland"},
		{"0756", "Ikast-Brande", "midtjylland", "vestjylland"}, {"0760", "Ringkøbing-Skjern", "midtjylland", "vestjylland"},
		{"0779", "Skive", "midtjylland", "vestjylland"}, {"0791", "Viborg", "midtjylland", "vestjylland"},
		{"0615", "Horsens", "midtjylland", "oestjylland"}, {"0706", "Syddjurs", "midtjylland", "oestjylland"},
		{"0707", "Norddjurs", "midtjylland", "oestjylland"}, {"0710", "Favrskov", "midtjylland", "oestjylland"},
		{"0727", "Odder", "midtjylland", "oestjylland"}, {"0730", "Randers", "midtjylland", "oestjylland"},
		{"0740", "Silkeborg", "midtjylland", "oestjylland"}, {"0741", "Samsø", "midtjylland", "oestjylland"},
		{"0746", "Skanderborg", "midtjylland", "oestjylland"}, {"0751", "Aarhus", "midtjylland", "oestjylland"},
		{"0766", "Hedensted", "midtjylland", "oestjylland"},
		{"0773", "Morsø", "nordjylland", "nordjylland"}, {"0787", "Thisted", "nordjylland", "nordjylland"},
		{"0810", "Brønderslev", "nordjylland", "nordjylland"}, {"0813", "Frederikshavn", "nordjylland", "nordjylland"},
		{"0820", "Vesthimmerlands", "nordjylland", "nordjylland"}, {"0825", "Læsø", "nordjylland", "nordjylland"},
		{"0840", "Rebild", "nordjylland", "nordjylland"}, {"0846", "Mariagerfjord", "nordjylland", "nordjylland"},
		{"0849", "Jammerbugt", "nordjylland", "nordjylland"}, {"0851", "Aalborg", "nordjylland", "nordjylland"},
		{"0860", "Hjørring", "nordjylland", "nordjylland"},
	} {
		Municipalities[m.code] = Municipality{Code: m.code, Name: m.name, Region: m.region, Landsdel: m.landsdel}
	}
}

// Area is a part of Denmark larger than a town: a region, a landsdel, an
// island or a municipality.
type Area struct {
	Key  string // "fyn", "region-syddanmark", "kommune-0540"
	Name string // as the page names it: "Fyn", "Region Syddanmark", "Sønderborg Kommune"
	// Municipalities are the codes of the municipalities it is made of.
	Municipalities []string
}

// areaDef names an area and says which municipalities it holds.
type areaDef struct {
	key, name string
	names     []string // how people write it, besides its name
	holds     func(m Municipality) bool
}

func inLandsdel(ls ...string) func(Municipality) bool {
	return func(m Municipality) bool { return slices.Contains(ls, m.Landsdel) }
}

var areaDefs = []areaDef{
	{"region-hovedstaden", "Region Hovedstaden", []string{"hovedstaden"}, func(m Municipality) bool { return m.Region == "hovedstaden" }},
	{"region-sjaelland", "Region Sjælland", nil, func(m Municipality) bool { return m.Region == "sjaelland" }},
	{"region-syddanmark", "Region Syddanmark", []string{"syddanmark"}, func(m Municipality) bool { return m.Region == "syddanmark" }},
	{"region-midtjylland", "Region Midtjylland", []string{"midtjylland"}, func(m Municipality) bool { return m.Region == "midtjylland" }},
	{"region-nordjylland", "Region Nordjylland", []string{"nordjylland"}, func(m Municipality) bool { return m.Region == "nordjylland" }},
	{"storkoebenhavn", "Storkøbenhavn", []string{"hovedstadsområdet", "københavnsområdet", "københavnsområde", "storkøbenhavn", "greater copenhagen"},
		inLandsdel("byen-koebenhavn", "koebenhavns-omegn")},
	{"nordsjaelland", "Nordsjælland", nil, inLandsdel("nordsjaelland")},
	{"oestsjaelland", "Østsjælland", nil, inLandsdel("oestsjaelland")},
	{"vest-og-sydsjaelland", "Vest- og Sydsjælland", []string{"vestsjælland", "sydsjælland"}, inLandsdel("vest-og-sydsjaelland")},
	{"sjaelland", "Sjælland", []string{"zealand"}, func(m Municipality) bool {
		return (m.Region == "hovedstaden" || m.Region == "sjaelland") && m.Code != "0400" && m.Code != "0360" && m.Code != "0376"
	}},
	{"lolland-falster", "Lolland-Falster", []string{"lolland falster"}, func(m Municipality) bool { return m.Code == "0360" || m.Code == "0376" }},
	{"bornholm", "Bornholm", nil, func(m Municipality) bool { return m.Code == "0400" }},
	{"fyn", "Fyn", []string{"funen", "fynsområdet"}, inLandsdel("fyn")},
	{"sydjylland", "Sydjylland", nil, inLandsdel("sydjylland")},
	{"soenderjylland", "Sønderjylland", []string{"south jutland"}, func(m Municipality) bool {
		return slices.Contains([]string{"0510", "0540", "0550", "0580"}, m.Code)
	}},
	{"oestjylland", "Østjylland", nil, inLandsdel("oestjylland")},
	{"vestjylland", "Vestjylland", nil, inLandsdel("vestjylland")},
	{"djursland", "Djursland", nil, func(m Municipality) bool { return m.Code == "0706" || m.Code == "0707" }},
	{"jylland", "Jylland", []string{"jutland"}, inLandsdel("sydjylland", "vestjylland", "oestjylland", "nordjylland")},
}

// areas are the areas by key; areaNames by the folded ways they are written.
var (
	areas     = map[string]Area{}
	areaNames = map[string]string{}
)

func init() {
	for _, d := range areaDefs {
		a := Area{Key: d.key, Name: d.name}
		for code, m := range Municipalities {
			if d.holds(m) {
				a.Municipalities = append(a.Municipalities, code)
			}
		}
		slices.Sort(a.Municipalities)
		areas[d.key] = a
		for _, n := range append([]string{d.name}, d.names...) {
			areaNames[foldPlace(n)] = d.key
		}
	}
	for code, m := range Municipalities {
		key := "kommune-" + code
		name := m.Name + " Kommune"
		switch m.Code {
		case "0400":
			name = "Bornholms Regionskommune"
		case "0101":
			name = "Københavns Kommune" // its official name, in the genitive
		}
		areas[key] = Area{Key: key, Name: name, Municipalities: []string{code}}
		areaNames[foldPlace(m.Name+" kommune")] = key
		areaNames[foldPlace(m.Name+"s kommune")] = key // "Københavns Kommune"
	}
	areaNames["lolland"] = "kommune-0360"
}

// AreaByKey returns the area of key ("fyn", "kommune-0540").
func AreaByKey(key string) (Area, bool) {
	a, ok := areas[key]
	return a, ok
}

// AreaByName reads an area as people write it ("Fyn", "fyn", "Region
// Syddanmark", "sønderborg kommune", "soenderjylland"); æ/ø/å may be typed
// as ae/oe/aa.
func AreaByName(name string) (Area, bool) {
	k := foldPlace(strings.Trim(name, ",.;:"))
	if key, ok := areaNames[k]; ok {
		return areas[key], true
	}
	return Area{}, false
}

// AreaKeys lists every area's key, the regions and landsdele first, then
// the municipalities by code.
func AreaKeys() []string {
	var out []string
	for _, d := range areaDefs {
		out = append(out, d.key)
	}
	var ks []string
	for code := range Municipalities {
		ks = append(ks, "kommune-"+code)
	}
	slices.Sort(ks)
	return append(out, ks...)
}

// PostalCodesIn returns the ordinary postal codes of the area, in numeric
// order: those more than half of whose municipalities are in it (a district
// crosses a border now and then: 4000 Roskilde reaches into Høje-Taastrup,
// and is no part of Storkøbenhavn for that); at half, those whose town
// names the municipality in it, or names none (7000 Fredericia reaches
// into Vejle, and is Fredericia's).
func (p *Places) PostalCodesIn(a Area) []string {
	var out []string
	for _, c := range p.codes {
		pc := p.byCode[c]
		if pc.Business || len(pc.Municipalities) == 0 {
			continue
		}
		in := 0
		for _, m := range pc.Municipalities {
			if slices.Contains(a.Municipalities, m) {
				in++
			}
		}
		switch {
		case in == 0 || 2*in < len(pc.Municipalities):
		case 2*in > len(pc.Municipalities):
			out = append(out, c)
		default:
			home := ""
			for _, m := range pc.Municipalities {
				if foldPlace(Municipalities[m].Name) == foldPlace(baseName(pc.Name)) {
					home = m
				}
			}
			if home == "" || slices.Contains(a.Municipalities, home) {
				out = append(out, c)
			}
		}
	}
	return out
}
