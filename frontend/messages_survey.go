package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"page.survey":           {"Hvor tilfreds er du?", "How satisfied are you?"},
		"survey.intro_employer": {"Jobcentret vil gerne blive jeres foretrukne rekrutteringspartner. Hvor tilfredse er I (%s)?", "The jobcenter wants to be your preferred recruitment partner. How satisfied are you (%s)?"},
		"survey.intro_citizen":  {"Vi vil gerne blive bedre. Hvor tilfreds er du?", "We want to get better. How satisfied are you?"},
		"survey.q_labour":       {"Jobcentrets indsats for at skaffe kvalificeret arbejdskraft", "The jobcenter's effort to supply qualified labour"},
		"survey.q_service":      {"Jobcentrets generelle virksomhedsservice", "The jobcenter's general company service"},
		"survey.q_citizen":      {"Den hjælp, du har fået af jobcentret", "The help you got from the jobcenter"},
		"survey.scale1":         {"meget utilfreds", "very dissatisfied"},
		"survey.scale2":         {"utilfreds", "dissatisfied"},
		"survey.scale3":         {"hverken eller", "neither"},
		"survey.scale4":         {"tilfreds", "satisfied"},
		"survey.scale5":         {"meget tilfreds", "very satisfied"},
		"survey.comment":        {"Kommentar (valgfri)", "Comment (optional)"},
		"survey.send":           {"Send svar", "Send answer"},
		"survey.once":           {"Linket kan bruges én gang.", "The link works once."},
		"survey.thanks_h":       {"Tak for dit svar", "Thank you for your answer"},
		"survey.thanks":         {"Dit svar er gemt.", "Your answer is saved."},
		"survey.gone_h":         {"Undersøgelsen er lukket", "The survey is closed"},
		"cand.survey_send":      {"Send tilfredshedsundersøgelse", "Send satisfaction survey"},
		"cand.survey_hint":      {"Borgeren får et engangslink pr. e-mail; svaret kobles ikke til CV'et.", "The citizen gets a one-time link by e-mail; the answer is not linked to the CV."},
		"cand.survey_sent":      {"Undersøgelsen er sendt.", "The survey was sent."},
		"cand.survey_recent":    {"Borgeren har fået en undersøgelse for nylig; der er ikke sendt en ny.", "The citizen was asked recently; no new survey was sent."},
		"cand.survey_no_email":  {"Borgeren har ingen e-mailadresse.", "The citizen has no e-mail address."},
		"vac.close":             {"Luk stillingen", "Close the vacancy"},
		"vac.close_filled":      {"Besat", "Filled"},
		"vac.close_presented":   {"af en kandidat, jobcentret præsenterede", "by a candidate the jobcenter presented"},
		"vac.close_closed":      {"Lukket uden besættelse", "Closed unfilled"},
		"vac.close_note":        {"Note (valgfri)", "Note (optional)"},
		"vac.close_go":          {"Luk", "Close"},
		"vac.close_hint":        {"Virksomheden får en tilfredshedsundersøgelse efter reglerne.", "The company gets a satisfaction survey as the rules say."},
		"vac.close_pick":        {"Vælg besat eller lukket.", "Choose filled or closed."},
		"vac.already_closed":    {"Stillingen er allerede lukket.", "The vacancy is already closed."},
		"vac.closed_filled":     {"Stillingen er markeret som besat.", "The vacancy is marked filled."},
		"vac.closed_closed":     {"Stillingen er lukket.", "The vacancy is closed."},
		"survey.gone":           {"Linket er allerede brugt eller er udløbet. Tak for din interesse.", "The link has already been used or has expired. Thank you for your interest."},
	})
}
