package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"page.hotline":        {"Hotline", "Hotline"},
		"hot.today":           {"Dine registreringer i dag", "Logged by you today"},
		"hot.today_more":      {"Og %d flere i dag.", "And %d more today."},
		"hot.today_none":      {"Ingen endnu. Find virksomheden ovenfor (CVR, navn, telefonnummer eller e-mail), skriv hvad den vil, og gem med Enter.", "None yet. Find the company above (CVR, name, phone number or e-mail), type what it wants and save with Enter."},
		"hot.find":            {"Virksomhed (CVR, navn, telefon eller e-mail)", "Company (CVR, name, phone or e-mail)"},
		"hot.find_hint":       {"fx 1234, søndergaard, et telefonnummer, en e-mailadresse eller opkalderens navn", "e.g. 1234, søndergaard, a phone number, an e-mail address or the caller's name"},
		"hot.caller_is":       {"Ringer/skriver", "Calling/writing"},
		"hot.by_domain":       {"skriver fra samme domæne", "writes from the same domain"},
		"hot.none":            {"Ingen virksomheder fundet.", "No companies found."},
		"hot.owner":           {"Kontaktperson", "Contact person"},
		"hot.owner_left":      {"fratrådt", "left"},
		"hot.phone_like":      {"Ingen virksomhed har %s som CVR-nummer eller telefonnummer. Er det et telefonnummer, så find virksomheden ved navn.", "No company has %s as its CVR or phone number. If it is a phone number, find the company by name."},
		"hot.away_deputy":     {"fraværende, imens %s (%s)", "away, meanwhile %s (%s)"},
		"hot.channel":         {"Kanal", "Channel"},
		"hot.topic":           {"Emne", "Topic"},
		"hot.topic_hint":      {"Tast emnets nummer (1–5), Tab går videre", "Type the topic's number (1–5), Tab moves on"},
		"hot.topic_choose":    {"Vælg emne", "Choose a topic"},
		"hot.topic_missing":   {"Vælg, hvad henvendelsen handler om.", "Choose what the request is about."},
		"hot.text":            {"Kort tekst", "Short text"},
		"hot.caller":          {"Opkalders navn", "Caller's name"},
		"hot.phone":           {"Opkalders telefon", "Caller's phone"},
		"hot.email":           {"Opkalders e-mail", "Caller's e-mail"},
		"hot.email_hint":      {"fx navn@firma.dk", "e.g. name@company.dk"},
		"hot.optional":        {"Valgfrit ved et telefonopkald", "Optional on a phone call"},
		"hot.phone_or_email":  {"Udfyld telefon eller e-mail", "Fill in phone or e-mail"},
		"hot.save":            {"Gem", "Save"},
		"hot.enter":           {"Enter gemmer", "Enter saves"},
		"hot.name_given":      {"Du skrev »%s«, men CVR-nummeret %s er %s, som jobcentret kender. Tjek CVR-nummeret med den, der ringer.", "You typed “%s”, but CVR number %s is %s, whom the jobcentre knows. Check the CVR number with the caller."},
		"hot.logged_deputy":   {"Henvendelsen er registreret som %s og sendt til %s (%s), som svarer, mens %s er fraværende.", "The request is registered as %s and sent to %s (%s), who answers while %s is away."},
		"hot.logged":          {"Henvendelsen er registreret som %s og sendt til %s (%s).", "The request is registered as %s and sent to %s (%s)."},
		"hot.new":             {"Ukendt virksomhed? Opret den", "Unknown company? Create it"},
		"hot.new_name":        {"Navn", "Name"},
		"hot.new_cvr_missing": {"Skriv virksomhedens CVR-nummer.", "Type the company's CVR number."},
		"hot.new_go":          {"Videre", "Continue"},
		"hot.new_note":        {"Ny virksomhed: oprettes og får en kontaktperson, når henvendelsen gemmes.", "New company: created and given a contact person when the call is saved."},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"page.company":       {"Virksomhed", "Company"},
		"co.employees":       {"ansatte", "employees"},
		"co.industry":        {"branchekode", "industry code"},
		"co.log_contact":     {"Registrer kontakt", "Log a contact"},
		"co.kind":            {"Type", "Kind"},
		"co.date":            {"Dato", "Date"},
		"co.follow_up":       {"Opfølgning", "Follow-up"},
		"co.note":            {"Note", "Note"},
		"co.timeline":        {"Tidslinje", "Timeline"},
		"co.people":          {"Kontaktpersoner i virksomheden", "Contact people at the company"},
		"co.open_vacancies":  {"Åbne stillinger", "Open vacancies"},
		"co.from":            {"Fra", "From"},
		"co.contact_logged":  {"Kontakten er registreret og tæller med i årets mål.", "The contact is logged and counts toward the year's target."},
		"ck.visit":           {"Virksomhedsbesøg", "Visit"},
		"ck.phone":           {"Telefon", "Phone"},
		"ck.meeting":         {"Møde", "Meeting"},
		"ck.network_event":   {"Netværksarrangement", "Network event"},
		"ck.digital_meeting": {"Digitalt møde", "Digital meeting"},
		"tl.request":         {"Henvendelse", "Request"},
		"tl.vacancy":         {"Stilling", "Vacancy"},
		"tl.contact":         {"Kontakt", "Contact"},
	})
}

func init() {
	i18n.Register(map[string][2]string{
		"home.contacts":         {"Mine virksomhedskontakter", "My company contacts"},
		"home.share_of":         {"min andel af målet", "my share of the target"},
		"home.overdue":          {"over fristen", "overdue"},
		"home.overdue_one":      {"Over fristen", "Overdue"},
		"home.resolve":          {"Afslut", "Resolve"},
		"home.filter":           {"Filtrér", "Filter"},
		"home.all":              {"Alle", "All"},
		"home.only_overdue":     {"Kun over fristen", "Overdue only"},
		"home.clear":            {"Nulstil", "Clear"},
		"home.what":             {"Henvendelsen", "The request"},
		"home.pages":            {"Sider", "Pages"},
		"home.resolution":       {"Hvad blev gjort", "What was done"},
		"home.outcome":          {"Udfald", "Outcome"},
		"home.resolved":         {"Henvendelsen er afsluttet.", "The request is resolved."},
		"home.resolved_already": {"Henvendelsen var allerede afsluttet.", "The request was already resolved."},
		"home.resolve_missing":  {"Skriv kort, hvad der blev gjort.", "Say briefly what was done."},
		"out.full_return":       {"Fuld tilbagevenden", "Full return"},
		"out.partial_return":    {"Delvis tilbagevenden", "Partial return"},
		"out.no_return":         {"Ingen tilbagevenden", "No return"},
	})
}
