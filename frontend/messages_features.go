package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"page.consent":                {"Må vi præsentere dig for en arbejdsgiver?", "May we present you to an employer?"},
		"consent.intro":               {"Jobcentret har fundet en stilling, der passer til dig. Du bestemmer, om arbejdsgiveren må se din profil.", "The jobcentre has found a vacancy that suits you. You decide whether the employer may see your profile."},
		"consent.vacancy":             {"Stillingen", "The vacancy"},
		"consent.employer":            {"Arbejdsgiver", "Employer"},
		"consent.employer_hidden":     {"Navnet oplyses, når arbejdsgiveren har sagt ja til det", "The name is given once the employer agrees to it"},
		"consent.where":               {"Arbejdssted", "Place of work"},
		"consent.start":               {"Start", "Start"},
		"consent.profile_h":           {"Det her vil arbejdsgiveren se", "This is what the employer will see"},
		"consent.profile_hint":        {"Præcis disse oplysninger fra dit CV — intet andet.", "Exactly this from your CV — nothing else."},
		"consent.never":               {"Arbejdsgiveren ser aldrig din adresse, dit telefonnummer, din e-mail, din alder, dit køn eller din nationalitet. Dit navn ser de kun, hvis du vælger \"Ja, med mit navn\".", "The employer never sees your address, phone number, e-mail, age, gender or nationality. They see your name only if you choose \"Yes, with my name\"."},
		"consent.f_occupations":       {"Ønskede job", "Desired jobs"},
		"consent.f_experience":        {"Erfaring", "Experience"},
		"consent.f_skills":            {"Kompetencer", "Skills"},
		"consent.f_education":         {"Uddannelse", "Education"},
		"consent.f_languages":         {"Sprog", "Languages"},
		"consent.f_available_from":    {"Kan starte", "Available from"},
		"consent.f_distance_band":     {"Afstand til arbejdsstedet", "Distance to the workplace"},
		"consent.f_interview_summary": {"Jobcentrets vurdering efter samtalen", "The jobcentre's assessment after the interview"},
		"consent.question":            {"Hvad svarer du?", "What is your answer?"},
		"consent.a_yes":               {"Ja, uden mit navn", "Yes, without my name"},
		"consent.a_yes_named":         {"Ja, med mit navn (%s)", "Yes, with my name (%s)"},
		"consent.a_no":                {"Nej tak", "No, thank you"},
		"consent.pick":                {"Vælg et af de tre svar.", "Choose one of the three answers."},
		"consent.deadline":            {"Svar senest %s. Linket virker kun for dig.", "Please answer by %s. The link works only for you."},
		"consent.thanks_h":            {"Tak for dit svar", "Thank you for your answer"},
		"consent.done_yes":            {"Du har sagt ja. Arbejdsgiveren kan se din profil uden dit navn.", "You said yes. The employer can see your profile without your name."},
		"consent.done_yes_named":      {"Du har sagt ja. Arbejdsgiveren kan se din profil med dit navn.", "You said yes. The employer can see your profile with your name."},
		"consent.done_no":             {"Du har sagt nej. Arbejdsgiveren ser ikke din profil.", "You said no. The employer will not see your profile."},
		"consent.withdraw":            {"Du kan altid trække dit samtykke tilbage ved at kontakte din jobkonsulent.", "You can always withdraw your consent by contacting your job consultant."},
		"consent.gone_h":              {"Linket virker ikke længere", "The link no longer works"},
		"consent.gone":                {"Fristen er udløbet. Kontakt din jobkonsulent, hvis du stadig er interesseret.", "The deadline has passed. Contact your job consultant if you are still interested."},
		"consent.gone_answered":       {"Du har allerede svaret. Kontakt din jobkonsulent, hvis du vil ændre dit svar.", "You have already answered. Contact your job consultant to change your answer."},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"fw.overdue_consents": {"Samtykkelinks uden svar efter fristen", "Consent links unanswered after the deadline"},
		"fw.deadline":         {"frist", "deadline"},
		"fw.interviews":       {"Samtaler", "Interviews"},
		"fw.mode_jobcentre":   {"i jobcentret", "at the jobcentre"},
		"fw.mode_employer":    {"hos arbejdsgiveren", "at the employer"},
		"fw.mode_online":      {"online", "online"},
		"fw.consent_link":     {"Samtykkelink", "Consent link"},
		"fw.answer_yes":       {"ja, anonymt", "yes, anonymously"},
		"fw.answer_yes_named": {"ja, med navn", "yes, with name"},
		"fw.answer_no":        {"nej", "no"},
		"fw.send_consent":     {"Send samtykkelink", "Send consent link"},
		"fw.channel":          {"Kanal", "Channel"},
		"fw.ch_email":         {"E-mail", "E-mail"},
		"fw.send":             {"Send", "Send"},
		"fw.consent_sent":     {"Samtykkelinket er sendt.", "The consent link was sent."},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"fd.job_orders":                 {"Jobordrer og prioriterede målgrupper", "Job orders and priority groups"},
		"fd.job_orders_hint":            {"Over periodens nye stillinger (Jobnets jobordremål).", "Over the vacancies posted in the period (Jobnet's job-order measures)."},
		"fd.with_presented":             {"Med mindst én præsenteret kandidat", "With at least one presented candidate"},
		"fd.filled_presented":           {"Besat med en præsenteret kandidat", "Filled by a presented candidate"},
		"fd.days_first":                 {"Dage til første præsentation (median)", "Days to the first presentation (median)"},
		"fd.prio_vacancies":             {"Hvor en fra en prioriteret målgruppe er præsenteret", "Where someone from a priority group was presented"},
		"fd.priority_groups":            {"Personer pr. prioriteret målgruppe", "People per priority group"},
		"fd.group":                      {"Målgruppe", "Group"},
		"fd.shortlisted":                {"På kortliste", "Shortlisted"},
		"fd.presented":                  {"Præsenteret", "Presented"},
		"fd.hired":                      {"Ansat", "Hired"},
		"fd.g_refugee_family_reunified": {"Flygtninge og familiesammenførte", "Refugees and family-reunified"},
		"fd.g_long_term_unemployed":     {"Langtidsledige", "Long-term unemployed"},
		"fd.g_fleksjob":                 {"Fleksjob", "Fleksjob"},
		"fd.g_under_30":                 {"Under 30 år", "Under 30"},
		"fd.g_over_50":                  {"50 år og derover", "50 and over"},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"page.export":      {"Alle oplysninger om borgeren", "Everything held about the citizen"},
		"exp.link":         {"Indsigt: alle oplysninger om borgeren (til udskrift)", "Access request: everything held about the citizen (printable)"},
		"exp.hint":         {"Databeskyttelsesforordningens art. 15. Udtrækket logges.", "GDPR article 15. The export is logged."},
		"exp.generated":    {"Dannet %s af %s.", "Generated %s by %s."},
		"exp.print":        {"Udskriv med browserens udskriftsfunktion (Ctrl+P); menuer udelades.", "Print with the browser (Ctrl+P); menus are left out."},
		"exp.cv":           {"CV", "CV"},
		"exp.name":         {"Navn", "Name"},
		"exp.ref":          {"Sagsnummer", "Case number"},
		"exp.phone":        {"Telefon", "Phone"},
		"exp.postal":       {"Postnummer", "Postal code"},
		"exp.target_group": {"Målgruppe", "Target group"},
		"exp.occupations":  {"Ønskede job", "Desired jobs"},
		"exp.skills":       {"Kompetencer", "Skills"},
		"exp.experience":   {"Erfaring (år)", "Experience (years)"},
		"exp.education":    {"Uddannelse", "Education"},
		"exp.languages":    {"Sprog", "Languages"},
		"exp.birth_year":   {"Fødselsår", "Birth year"},
		"exp.updated":      {"Senest ændret", "Last changed"},
		"exp.consents":     {"Samtykker", "Consents"},
		"exp.named":        {"med navn", "with name"},
		"exp.withdrawn":    {"trukket tilbage", "withdrawn"},
		"exp.entries":      {"Kortlister", "Shortlists"},
		"exp.assessment":   {"vurdering", "assessment"},
		"exp.answers":      {"Arbejdsgiveres svar", "Employers' answers"},
		"exp.interviews":   {"Samtaler", "Interviews"},
		"exp.match_runs":   {"Matchkørsler, der har rangeret borgeren", "Match runs that ranked the citizen"},
		"exp.rank":         {"placering", "rank"},
		"exp.audit":        {"Hvem har læst eller ændret oplysningerne, og hvornår", "Who read or changed the data, and when"},
		"exp.when":         {"Hvornår", "When"},
		"exp.who":          {"Hvem", "Who"},
		"exp.what":         {"Hvad", "What"},
		"exp.why":          {"Hvorfor", "Why"},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"page.job":      {"Ledig stilling", "Vacancy"},
		"job.employer":  {"Arbejdsgiver", "Employer"},
		"job.deadline":  {"Ansøgningsfrist", "Apply by"},
		"job.positions": {"Antal stillinger", "Positions"},
		"job.skills":    {"Krav", "Requirements"},
		"job.apply":     {"Kontakt jobcentret og oplys referencen", "Contact the jobcentre and quote the reference"},
	})
}
