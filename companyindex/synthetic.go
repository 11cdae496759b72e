package companyindex

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Word lists for Synthetic.
var (
	synthPlaces = []string{
		"Aarhus", "Århus", "Aalborg", "Odense", "Esbjerg", "Vejle", "Kolding",
		"Horsens", "Randers", "Viborg", "Silkeborg", "Herning", "Holstebro",
		"Skive", "Thisted", "Hjørring", "Frederikshavn", "Næstved", "Køge",
		"Roskilde", "Hillerød", "Helsingør", "Svendborg", "Nyborg", "Faaborg",
		"Ærøskøbing", "Ringkøbing", "Struer", "Lemvig", "Brønderslev", "Hobro",
		"Grenaa", "Ebeltoft", "Skanderborg", "Fredericia", "Middelfart",
		"Haderslev", "Aabenraa", "Tønder", "Ribe", "Varde", "Billund",
		"Sønderborg", "Vestjysk", "Nordjysk", "Sydjysk", "Midtjysk", "Østjysk",
		"Fynsk", "Sjællandsk", "Nordsjællands", "Københavns", "Amager",
		"Vesthimmerlands", "Djurs", "Mols", "Salling", "Thy", "Vendsyssel",
	}
	synthSurnames = []string{
		"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
		"Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
		"Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
		"Møller", "Mortensen", "Knudsen", "Jakobsen", "Søndergård",
		"Østergaard", "Mikkelsen", "Frederiksen", "Lund", "Holm", "Schmidt",
		"Eriksen", "Laursen", "Kjær", "Bach", "Dam", "Lauridsen", "Højgaard",
		"Brøndum", "Skovgaard", "Vestergaard", "Nørgaard", "Bækgaard", "Friis",
	}
	synthFirstNames = []string{
		"Anders", "Mette", "Lars", "Søren", "Hanne", "Jens", "Bo", "Kirsten",
		"Niels", "Peter", "Morten", "Rasmus", "Anne", "Louise", "Mads",
		"Jesper", "Henrik", "Ole", "Birgitte", "Thomas", "Jørgen", "Åse",
	}
	synthTrades = []string{
		"Tømrer", "VVS", "Bilcenter", "Rengøring", "Consult", "Transport",
		"Bageri", "Maler", "Murer", "El-service", "Entreprise", "Auto", "Byg",
		"Vognmandsforretning", "Gartneri", "Tandlæge", "Revision",
		"Ejendomme", "Smedie", "Blik", "Anlæg", "Kloakservice", "Tagdækning",
		"Holding", "Invest", "Service", "IT", "Design", "Frisør", "Slagter",
		"Møbler", "Isenkram", "Cykler", "Køleteknik", "Ventilation",
		"Montage", "Maskinstation", "Landbrug", "Vikarservice", "Catering",
		"Fysioterapi", "Arkitekter", "Advokater", "Rådgivning", "Autoværksted",
	}
	synthForms = []string{
		"A/S", "A/S", "ApS", "ApS", "ApS", "I/S", "IVS", "P/S", "K/S",
		"a.m.b.a.", "", "",
	}
	synthTowns = []struct{ postal, city string }{
		{"8000", "Aarhus C"}, {"9000", "Aalborg"}, {"5000", "Odense C"},
		{"6700", "Esbjerg"}, {"7100", "Vejle"}, {"6000", "Kolding"},
		{"8700", "Horsens"}, {"8900", "Randers C"}, {"8800", "Viborg"},
		{"7400", "Herning"}, {"2100", "København Ø"}, {"1050", "København K"},
		{"4000", "Roskilde"}, {"3400", "Hillerød"}, {"3000", "Helsingør"},
		{"6400", "Sønderborg"}, {"9800", "Hjørring"}, {"7500", "Holstebro"},
		{"6100", "Haderslev"}, {"4700", "Næstved"}, {"4600", "Køge"},
		{"5700", "Svendborg"}, {"6200", "Aabenraa"}, {"8600", "Silkeborg"},
	}
)

// cvrWeights are the modulus-11 weights of a CVR number.
var cvrWeights = [8]int{2, 7, 6, 5, 4, 3, 2, 1}

// Synthetic returns n made-up Danish companies with unique CVR numbers
// that pass the modulus-11 check, realistic names ("Vestjysk Bilcenter
// A/S", "Jensen & Søn Tømrer ApS", …), addresses and contact consultants.
// The same n and seed give the same entries. It is meant for benchmarks
// and demos.
func Synthetic(n int, seed int64) []Entry {
	if n <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	used := make(map[string]bool, n)
	es := make([]Entry, 0, n)
	for len(es) < n {
		cvr := synthCVR(rng)
		if used[cvr] {
			continue
		}
		used[cvr] = true
		town := synthTowns[rng.IntN(len(synthTowns))]
		consultant := rng.IntN(25)
		es = append(es, Entry{
			CVR:         cvr,
			Name:        synthName(rng),
			PostalCode:  town.postal,
			City:        town.city,
			ContactID:   fmt.Sprintf("u%04d", consultant+1),
			ContactName: pick(rng, synthFirstNames) + " " + synthSurnames[consultant%len(synthSurnames)],
		})
	}
	return es
}

// synthCVR returns a random CVR number in the range in use (10000000 to
// 44999999) that passes the modulus-11 check.
func synthCVR(rng *rand.Rand) string {
	for {
		prefix := fmt.Sprintf("%07d", 1000000+rng.IntN(3500000))
		sum := 0
		for i := range 7 {
			sum += int(prefix[i]-'0') * cvrWeights[i]
		}
		if d := (11 - sum%11) % 11; d < 10 {
			return prefix + string(rune('0'+d))
		}
	}
}

// synthName returns a company name from one of a few common patterns.
func synthName(rng *rand.Rand) string {
	var parts []string
	switch rng.IntN(8) {
	case 0, 1:
		parts = []string{pick(rng, synthSurnames), pick(rng, synthTrades)}
	case 2, 3:
		parts = []string{pick(rng, synthPlaces), pick(rng, synthTrades)}
	case 4:
		parts = []string{pick(rng, synthSurnames), "&", "Søn", pick(rng, synthTrades)}
	case 5:
		parts = []string{pick(rng, synthSurnames), "&", pick(rng, synthSurnames), pick(rng, synthTrades)}
	case 6:
		parts = []string{pick(rng, synthFirstNames), pick(rng, synthSurnames), pick(rng, synthTrades)}
	default:
		parts = []string{pick(rng, synthTrades), pick(rng, synthPlaces), pick(rng, synthSurnames)}
	}
	if f := pick(rng, synthForms); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, " ")
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }
