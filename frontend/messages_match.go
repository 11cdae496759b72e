package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"page.vacancy":         {"Stilling og kandidater", "Vacancy and candidates"},
		"vac.details":          {"Opslaget", "The vacancy"},
		"vac.start":            {"start", "start"},
		"vac.required":         {"Krævet", "Required"},
		"vac.desired":          {"Ønsket", "Desired"},
		"match.read_as":        {"Titlen læst som", "Title read as"},
		"match.settings":       {"Kriterier og vægte", "Criteria and weights"},
		"match.require":        {"Krav (fravælg for at lempe)", "Required (untick to relax)"},
		"match.radius":         {"Fast afstand (km)", "Fixed distance (km)"},
		"match.radius_own":     {"kandidatens egen", "the candidate's own"},
		"match.weights":        {"Vægte", "Weights"},
		"match.run":            {"Find kandidater", "Find candidates"},
		"match.candidates":     {"Kandidater", "Candidates"},
		"match.run_id":         {"kørsel", "run"},
		"match.score":          {"Samlet score", "Overall score"},
		"match.components":     {"Scorens dele", "Parts of the score"},
		"match.component":      {"Del", "Part"},
		"match.value":          {"Værdi", "Value"},
		"match.weight":         {"Vægt", "Weight"},
		"match.points":         {"Point", "Points"},
		"match.none":           {"Ingen kandidater opfylder kravene. Prøv at lempe et krav.", "No candidates meet the criteria. Try relaxing one."},
		"crit.distance":        {"Inden for transporttid", "Within commuting distance"},
		"crit.availability":    {"Ledig ved start", "Available by the start"},
		"crit.licence":         {"Kørekort", "Driving licence"},
		"crit.language":        {"Sprogniveau", "Language level"},
		"crit.consent":         {"Samtykke til præsentation", "Consent to be presented"},
		"crit.eligibility":     {"Visiteret til ordningen", "Eligible for the scheme"},
		"comp.occupation":      {"Stilling", "Occupation"},
		"comp.required_skills": {"Krævede kompetencer", "Required skills"},
		"comp.desired_skills":  {"Ønskede kompetencer", "Desired skills"},
		"comp.experience":      {"Erfaring", "Experience"},
		"comp.distance":        {"Afstand", "Distance"},
		"comp.availability":    {"Ledighed", "Availability"},
		"comp.languages":       {"Sprog", "Languages"},
		"comp.licence":         {"Kørekort", "Licence"},
		"comp.text":            {"Ord i CV'et", "Words in the CV"},
	})
}
