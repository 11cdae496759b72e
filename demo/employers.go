package demo

import "strings"

// Employers on the demo CVs: believable Danish workplaces by sector, near
// where the person lives ({T} the town, {K} the municipality). Public
// employers carry the municipality's or region's name; private ones are
// made up from the town, a surname or a house name, so no real company is
// named as anyone's employer.

var employerPatterns = map[string][]string{
	"pleje":        {"Hjemmeplejen, {K}", "Plejecenter {H}", "Plejehjemmet {H}", "{K}, Ældre og Sundhed", "Friplejehjemmet {H}", "{T} Private Hjemmepleje ApS"},
	"sygehus":      {"{HOSP}", "{HOSP}", "Hjemmesygeplejen, {K}", "Plejecenter {H}"},
	"dagtilbud":    {"Børnehuset {B}", "Vuggestuen {B}", "Daginstitution {B}, {K}", "{T} Private Børnehave", "Børnehaven {B}"},
	"botilbud":     {"Bostedet {H}", "Botilbuddet {H}, {K}", "Opholdsstedet {H} ApS"},
	"lager":        {"{T} Logistik A/S", "{S} Lager og Logistik ApS", "{T} Distributionscenter A/S", "{T} Grossistlager A/S", "{S} Engros A/S"},
	"transport":    {"Vognmand {F} {S}", "{T} Transport ApS", "{S} & Søn Transport A/S", "{T} Fragt ApS"},
	"bus":          {"{T} Bybusser A/S", "Rutebilselskabet {T}", "{S} Turist- og Rutebiler ApS"},
	"taxi":         {"{T} Taxa", "{T} Taxi ApS"},
	"byg":          {"Tømrermester {F} {S}", "{T} Byg ApS", "{S} Entreprise A/S", "{T} Tømrer og Snedker ApS", "Murermester {F} {S}"},
	"el":           {"{T} El-service ApS", "El-installatør {F} {S}", "{S} El A/S"},
	"vvs":          {"{T} VVS ApS", "VVS-firmaet {S}", "{S} VVS og Blik ApS"},
	"maler":        {"Malerfirmaet {S}", "{T} Malerforretning ApS", "Malermester {F} {S}"},
	"industri":     {"{T} Maskinfabrik A/S", "{T} Stålindustri ApS", "{S} Metal A/S", "{T} Plast A/S", "{T} Components A/S"},
	"auto":         {"{T} Autoværksted", "{S} Biler ApS", "Autohuset {T}"},
	"rengoring":    {"{T} Rengøringsservice ApS", "{S} Service ApS", "Rengøring {T} ApS", "Syd Facility Service A/S", "{K}, Rengøring"},
	"restaurant":   {"Restaurant {R}", "{T} Kro", "Café {R}", "Kantinen, {T} Maskinfabrik A/S", "Hotel {R}"},
	"bageri":       {"{T} Bageri", "Bageriet {R}", "{S}s Bageri ApS"},
	"butik":        {"Købmand {S}, {T}", "{T} Dagligvarer A/S", "Tøjhuset {T}", "{T} Byggemarked A/S", "Sportshuset {T}"},
	"kontor":       {"Revisionsfirmaet {S} & Co.", "{T} Boligforening", "{S} & Partnere Advokatfirma", "{T} Forsikring A/S", "{T} Erhvervsservice ApS"},
	"kommune":      {"{K}, Borgerservice", "{K}, Jobcenter", "{K}, Børn og Familie", "{K}, Social og Sundhed"},
	"it":           {"{T} IT ApS", "{S} Software ApS", "Datapunkt {T} A/S", "Nordlys Digital ApS"},
	"landbrug":     {"Landbrug v/ {F} {S}", "{G} I/S", "Svineproduktion v/ {F} {S}"},
	"gartner":      {"{T} Anlægsgartner ApS", "Gartneriet {H}", "{K}, Park og Vej"},
	"skole":        {"{T} Skole", "{T} Friskole", "{T} Private Realskole", "{K}, Skoleafdelingen"},
	"klinik":       {"Fysioterapi {T}", "{T} Fysioterapi og Træning", "{K}, Genoptræning"},
	"frisor":       {"Salon {F}", "Frisør {F}, {T}", "Hårkunst {T}"},
	"kundeservice": {"{T} Forsikring A/S, kundeservice", "{T} Energi A/S", "{T} Webshop ApS"},
	"salg":         {"{T} Engros A/S", "{S} Maskiner A/S", "{T} Byggecenter A/S"},
	"handicap":     {"BPA-ordning (privat arbejdsgiver)", "{T} Handicaphjælp ApS", "{K}, Handicapområdet"},
	"ejendom":      {"Boligselskabet {T}", "{T} Boligforening", "{K}, Ejendomsservice"},
	"flytning":     {"{T} Flytteforretning", "{S} Flytning ApS"},
	"slagteri":     {"{T} Slagteri A/S", "{T} Kødindustri A/S"},
	"tand":         {"Tandlægerne i {T}", "{K} Kommunale Tandpleje", "Tandklinikken {T}"},
	"post":         {"Omdelingscenter {T}", "{T} Bud og Pakker ApS"},
	"vagt":         {"{T} Vagtservice ApS", "Syd Sikring A/S"},
	"hotel":        {"Hotel {R}", "{T} Strandhotel", "Hotel {T}"},
	"generic":      {"{T} A/S", "{S} ApS", "{K}"},
}

var (
	houseNames  = []string{"Solgården", "Birkelund", "Egebo", "Lindegården", "Møllehaven", "Bøgely", "Kastanjehuset", "Skovbrynet", "Ahornhaven", "Fyrreparken", "Rosengården", "Højvang"}
	kidNames    = []string{"Mælkebøtten", "Regnbuen", "Solsikken", "Troldehøj", "Spiren", "Skovtrolden", "Bikuben", "Græshoppen", "Myretuen", "Krudtuglen"}
	placeNames  = []string{"Havnen", "Skipperen", "Bryggen", "Strandhuset", "Torvet", "Mølleriet", "Kroen", "Fyrtårnet"}
	farmNames   = []string{"Østergård", "Vestergård", "Nørregård", "Søndergård", "Bakkegården", "Højgård", "Engholm"}
	hospitalsBy = map[byte][]string{
		'6': {"Sygehus Sønderjylland, Aabenraa", "Sygehus Sønderjylland, Sønderborg", "Sydvestjysk Sygehus, Esbjerg", "Sygehus Lillebælt, Kolding"},
		'5': {"Odense Universitetshospital", "Odense Universitetshospital, Svendborg"},
		'7': {"Sygehus Lillebælt, Vejle", "Gødstrup Hospital"},
		'8': {"Aarhus Universitetshospital", "Regionshospitalet Randers"},
		'9': {"Aalborg Universitetshospital", "Regionshospital Nordjylland, Hjørring"},
	}
	hospitalsElse = []string{"Rigshospitalet", "Herlev Hospital", "Sjællands Universitetshospital, Køge", "Nordsjællands Hospital, Hillerød"}
)

// employer names a workplace of the sector near p.
func (g *Generator) employer(sector string, p person) string {
	pats := employerPatterns[sector]
	if len(pats) == 0 {
		pats = employerPatterns["generic"]
	}
	s := g.one(pats)
	if strings.Contains(s, "{HOSP}") {
		hs := hospitalsElse
		if h, ok := hospitalsBy[p.postal[0]]; ok {
			hs = h
		}
		s = strings.ReplaceAll(s, "{HOSP}", g.one(hs))
	}
	// Fill each placeholder the pattern has; only those draw a random name.
	for strings.Contains(s, "{") {
		i := strings.IndexByte(s, '{')
		j := i + strings.IndexByte(s[i:], '}')
		var v string
		switch s[i+1 : j] {
		case "T":
			v = p.town
		case "K":
			v = p.kommune
		case "S":
			v = g.one(danishLast)
		case "F":
			v = g.one(danishMale)
		case "H":
			v = g.one(houseNames)
		case "B":
			v = g.one(kidNames)
		case "R":
			v = g.one(placeNames)
		case "G":
			v = g.one(farmNames)
		}
		s = s[:i] + v + s[j+1:]
	}
	return s
}
