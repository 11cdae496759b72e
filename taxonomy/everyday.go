package taxonomy

import "slices"

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

// everydayEnglish are the English words people use for a job, by the
// ESCO concept's Danish preferred label they mean, where ESCO's English
// labels name it otherwise ("nurse responsible for general care",
// "building cleaner", "home care aide") or give the word to another
// concept ("teacher" is ESCO's lektor i statskundskab). They are added as
// English labels, and taken from any other concept's English alternative
// labels, so "cleaner" is read as the rengøringsassistent as
// "rengøringsassistent" is (it was read as nothing, and the CVs came in
// no order of their years).
var everydayEnglish = map[string][]string{
	"rengøringsassistent":          {"cleaner", "cleaning assistant", "cleaning operative"},
	"sygeplejerske":                {"nurse", "registered nurse", "staff nurse"},
	"social- og sundhedshjælper":   {"care worker", "carer", "care assistant", "home carer", "homecare worker"},
	"grundskolelærer":              {"teacher", "school teacher", "schoolteacher"},
	"lagerarbejder":                {"warehouse worker", "warehouse assistant", "warehouse operative"},
	"bagagevognschauffør":          {"truck driver", "lorry driver", "hgv driver", "lgv driver", "heavy goods vehicle driver"},
	"ejendomsservicetekniker":      {"caretaker", "janitor"},
	"social- og sundhedsassistent": {"healthcare assistant", "health care assistant"},
}

// addEverydayTitles gives the concepts their everyday titles as hidden
// labels; a title already some concept's label or STAR title is left to
// it (TestEverydayTitles checks there is none). And their everyday English
// names as English labels, theirs alone (everydayEnglish).
func (t *Taxonomy) addEverydayTitles() {
	english := map[string]string{}
	for label, names := range everydayEnglish {
		for _, n := range names {
			english[Normalize(n)] = label
		}
	}
	for _, o := range t.Occupations {
		if titles, ok := everydayTitles[o.LabelDA]; ok {
			o.HiddenDA = append(o.HiddenDA, titles...)
		}
		o.AltEN = slices.DeleteFunc(o.AltEN, func(a string) bool {
			label, ok := english[Normalize(a)]
			return ok && label != o.LabelDA
		})
		if names, ok := everydayEnglish[o.LabelDA]; ok {
			for _, n := range names {
				if !slices.Contains(o.AltEN, n) && o.LabelEN != n {
					o.AltEN = append(o.AltEN, n)
				}
			}
		}
	}
}
