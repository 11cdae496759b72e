package taxonomy

// everydayTitles are Danish job titles employers and consultants write
// every day that neither ESCO's Danish labels nor STAR's titles hold, by
// the ESCO concept's Danish preferred label they mean. They are added as
// hidden labels (ESCO's own kind for a search-only name), so a vacancy
// titled "Truckfører til lager" is read as gaffeltruckfører and its matches
// are told about their years with trucks: without one, every candidate
// read "no experience in the job" (the title read as nothing), and a
// "Programmør" was read as a CNC-operatør by a misspelling of
// "CNC-programmør".
var everydayTitles = map[string][]string{
	"gaffeltruckfører":             {"truckfører", "truckchauffør", "gaffeltruckchauffør", "truckkører"},
	"lagerarbejder":                {"lagermand", "plukker", "lagerpluk"},
	"pakkeriassistent":             {"pakker"},
	"vvs-installatør":              {"vvs'er", "vvser"},
	"chauffør - vareudbringning":   {"budchauffør", "varebilschauffør"},
	"IKT-supportmedarbejder":       {"it-supporter", "it-support", "it-supportere"},
	"softwareudvikler":             {"programmør"},
	"operatør af gravemaskine":     {"entreprenørmaskinfører", "gravemaskinefører", "maskinfører, bygge og anlæg"},
	"grundskolelærer":              {"lærer"},
	"social- og sundhedshjælper":   {"sosuhjælper"},
	"social- og sundhedsassistent": {"sosuassistent"},
}

// addEverydayTitles gives the concepts their everyday titles as hidden
// labels; a title already some concept's label or STAR title is left to
// it (TestEverydayTitles checks there is none).
func (t *Taxonomy) addEverydayTitles() {
	for _, o := range t.Occupations {
		if titles, ok := everydayTitles[o.LabelDA]; ok {
			o.HiddenDA = append(o.HiddenDA, titles...)
		}
	}
}
