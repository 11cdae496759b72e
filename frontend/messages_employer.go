package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"emp.presented":             {"Kandidater præsenteret af jobcentret", "Candidates presented by the jobcenter"},
		"emp.anonymous":             {"Profilerne er anonyme, indtil kandidaten har sagt ja til at vise sit navn.", "Profiles are anonymous until the candidate agrees to show their name."},
		"emp.candidate":             {"Kandidat", "Candidate"},
		"emp.skills_matched":        {"Kompetencer I efterspørger", "Skills you asked for"},
		"emp.education":             {"Uddannelse", "Education"},
		"emp.distance":              {"Afstand", "Distance"},
		"emp.interview":             {"Jobcentrets første samtale", "The jobcenter's first interview"},
		"emp.a_invite_to_interview": {"Inviter til samtale", "Invite to interview"},
		"emp.a_not_relevant":        {"Ikke relevant", "Not relevant"},
		"emp.a_question":            {"Spørg konsulenten", "Ask the consultant"},
		"emp.reason":                {"Begrundelse", "Reason"},
		"emp.text":                  {"Tekst", "Text"},
		"emp.r_qualifications":      {"Kvalifikationer", "Qualifications"},
		"emp.r_experience":          {"Erfaring", "Experience"},
		"emp.r_availability":        {"Kan ikke starte i tide", "Cannot start in time"},
		"emp.r_language":            {"Sprog", "Language"},
		"emp.r_distance":            {"Afstand", "Distance"},
		"emp.r_other":               {"Andet", "Other"},
		"emp.answered":              {"Tak, jeres svar er sendt til konsulenten.", "Thank you, your answer went to the consultant."},
	})
}
