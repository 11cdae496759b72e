package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"emp.your_answer":           {"Dit svar", "Your answer"},
		"emp.presented":             {"Kandidater præsenteret af jobcentret", "Candidates presented by the jobcentre"},
		"emp.anonymous":             {"Profilerne er anonyme, indtil kandidaten har sagt ja til at vise sit navn.", "Profiles are anonymous until the candidate agrees to show their name."},
		"emp.candidate":             {"Kandidat", "Candidate"},
		"emp.skills_none":           {"ingen af de efterspurgte", "none of those asked for"},
		"emp.available":             {"Kan starte", "Can start"},
		"emp.available_now":         {"Ledig nu", "Available now"},
		"emp.available_from":        {"Ledig fra %s", "Available from %s"},
		"emp.sees":                  {"Virksomheden ser, når du præsenterer: den stilling, personen matcher, jobtitler og år, de efterspurgte kompetencer som i matchet, uddannelse, dansk, engelsk og efterspurgte sprog (niveau), om personen har det efterspurgte kørekort, hvornår personen kan starte, afstand i interval og din vurdering fra samtalen (borgerens navn som »kandidaten«, han/hun som »vedkommende«, uden telefonnumre, e-mail og adresser). Aldrig navn (medmindre borgeren har sagt ja), alder, køn, modersmål, adresse eller kontaktoplysninger.", "When you present, the employer sees: the occupation the person matches, job titles and years, the skills they asked for as matched, education, Danish, English and the languages asked for (level), whether the person holds the driving licence asked for, when the person can start, distance as a band and your interview assessment (the citizen's name as “kandidaten”, han/hun as “vedkommende”, without phone numbers, e-mail and addresses). Never the name (unless the citizen agreed), age, gender, mother tongue, address or contact details."},
		"emp.assessment_shown":      {"Vises for virksomheden – skriv den til dem. Borgerens navn bliver til »kandidaten« (medmindre borgeren har sagt ja til navnet), han/hun til »vedkommende«, og telefonnumre, e-mail og adresser fjernes. Skriv ikke om helbred, familie eller herkomst.", "Shown to the employer – write it for them. The citizen's name reads “kandidaten” (unless they agreed to show it), han/hun “vedkommende”, and phone numbers, e-mail and addresses are removed. Do not write about health, family or origin."},
		"emp.skills_matched":        {"Kompetencer, du efterspørger", "Skills you asked for"},
		"emp.education":             {"Uddannelse", "Education"},
		"emp.distance":              {"Afstand", "Distance"},
		"emp.interview":             {"Jobcentrets første samtale", "The jobcentre's first interview"},
		"emp.a_invite_to_interview": {"Inviter til samtale", "Invite to interview"},
		"emp.a_not_relevant":        {"Ikke relevant", "Not relevant"},
		"emp.a_question":            {"Spørg konsulenten", "Ask the consultant"},
		"emp.ended":                 {"Stillingen er besat eller lukket, så der er ikke flere kandidater at svare på. Har du spørgsmål, så kontakt din kontaktperson.", "The vacancy is filled or closed, so there are no more candidates to answer. If you have questions, contact your contact person."},
		"emp.page_updated":          {"Siden viser nu de kandidater, du kan svare på.", "The page now shows the candidates you can answer."},
		"emp.reason":                {"Begrundelse", "Reason"},
		"emp.text":                  {"Tekst", "Text"},
		"emp.text_hint":             {"Skal udfyldes, når du stiller et spørgsmål.", "Needed when you ask a question."},
		"emp.answer_failed":         {"Svaret er ikke sendt. Ret det markerede og send igen.", "The answer was not sent. Correct what is marked and send again."},
		"emp.r_qualifications":      {"Kvalifikationer", "Qualifications"},
		"emp.r_experience":          {"Erfaring", "Experience"},
		"emp.r_availability":        {"Kan ikke starte i tide", "Cannot start in time"},
		"emp.r_language":            {"Sprog", "Language"},
		"emp.r_distance":            {"Afstand", "Distance"},
		"emp.r_other":               {"Andet", "Other"},
		"emp.hired":                 {"Ansat", "Hired"},
		"emp.hired_note":            {"Ansat i stillingen. Der er ikke mere at svare på om kandidaten.", "Hired for the vacancy. There is nothing more to answer about the candidate."},
		"status.filled_of":          {"%d af %d stillinger besat", "%d of %d positions filled"},
		"c.profile_closed":          {"Kandidaten er ansat eller ikke længere med i forløbet, så du kan ikke svare om vedkommende. Har du spørgsmål, så kontakt din kontaktperson.", "The candidate is hired or no longer in the process, so you cannot answer about them. If you have questions, contact your contact person."},
		"c.already_answered":        {"Du har allerede svaret om kandidaten. Har du ændret mening, så skriv det til konsulenten under »Spørg konsulenten«.", "You have already answered about this candidate. If you have changed your mind, tell the consultant under “Ask the consultant”."},
		"emp.licence_none":          {"Har ikke kørekort %s", "Has no category %s licence"},
		"emp.answered":              {"Tak, dit svar er sendt til din kontaktperson.", "Thank you, your answer went to the consultant."},
	})
}
