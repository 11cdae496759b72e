package i18n

// messages maps a key to its [Danish, English] text.
var messages = map[string][2]string{
	// validation
	"v.required":      {"Skal udfyldes.", "This field is required."},
	"v.invalid":       {"Ugyldig værdi.", "Invalid value."},
	"v.cvr":           {"CVR-nummeret skal være 8 cifre og gyldigt (modulus 11-kontrol).", "The CVR number must be 8 digits and valid (modulus-11 check)."},
	"v.postal":        {"Postnummeret findes ikke i Danmark.", "This postal code does not exist in Denmark."},
	"v.cpr":           {"Må ikke indeholde et CPR-nummer: tjenesten gemmer ikke CPR-numre. Fjern nummeret.", "Must not contain a CPR number: this service does not store CPR numbers. Please remove it."},
	"v.nocpr":         {"Må ikke indeholde et CPR-nummer: tjenesten gemmer ikke CPR-numre. Fjern nummeret.", "Must not contain a CPR number: this service does not store CPR numbers. Please remove it."},
	"v.email":         {"Skriv en gyldig e-mailadresse.", "Enter a valid e-mail address."},
	"v.min":           {"Skal være mindst %s tegn.", "Must be at least %s characters."},
	"v.max":           {"Må højst være %s tegn.", "Must be at most %s characters."},
	"v.min.list":      {"Angiv mindst %s.", "Give at least %s."},
	"v.max.list":      {"Højst %s punkter.", "At most %s items."},
	"v.min.number":    {"Skal være mindst %s.", "Must be at least %s."},
	"v.max.number":    {"Må højst være %s.", "Must be at most %s."},
	"v.gte":           {"Skal være mindst %s.", "Must be at least %s."},
	"v.lte":           {"Må højst være %s.", "Must be at most %s."},
	"v.range":         {"Skal være et helt tal i intervallet %s.", "Must be a whole number in the range %s."},
	"v.excluded_with": {"Kan ikke bruges sammen med %s.", "Cannot be used together with %s."},
	"v.control":       {"Må ikke indeholde kontroltegn eller tegn, der vender tekstens retning.", "Must not hold control characters or characters that reverse the text's direction."},
	"v.utf8":          {"Teksten er ikke gyldig UTF-8 (tegnsæt): gem filen eller teksten som UTF-8.", "The text is not valid UTF-8: save the file or text as UTF-8."},
	"v.oneof":         {"Vælg en af: %s.", "Choose one of: %s."},
	"v.numeric":       {"Må kun indeholde cifre.", "Digits only."},
	"v.runes":         {"Indeholder ugyldige tegn.", "Contains invalid characters."},
	"v.date":          {"Skriv en dato som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD."},
	"v.not_past":      {"Datoen må ikke ligge i fortiden.", "The date must not be in the past."},
	"v.number":        {"Skriv et helt tal.", "Enter a whole number."},
	"v.km":            {"Skriv en afstand over 0 og højst 500 km.", "Enter a distance above 0 and at most 500 km."},
	"v.unknown_field": {"Feltet kendes ikke.", "Unknown field."},
	"v.type":          {"Forkert type.", "Wrong type."},
	"v.type.list":     {"Skal være en liste: [ … ].", "Must be a list: [ … ]."},
	"v.type.text":     {"Skal være tekst i anførselstegn.", "Must be text in quotes."},
	"v.type.number":   {"Skal være et tal.", "Must be a number."},
	"v.type.boolean":  {"Skal være true eller false.", "Must be true or false."},
	"v.type.object":   {"Skal være et objekt: { … }.", "Must be an object: { … }."},
	"v.exists":        {"Findes allerede.", "Already exists."},
	"v.consultant":    {"Skal være en aktiv konsulent.", "Must be an active consultant."},
	"v.staff_channel": {"Telefon, e-mail og besøg registreres af jobcentrets medarbejdere.", "Phone, e-mail and visits are logged by jobcenter staff."},
	"v.cursor":        {"Ugyldig cursor.", "Invalid cursor."},
	"v.json":          {"Ugyldig JSON.", "Malformed JSON."},

	// refusals (409): the problem's detail, by its code
	"c.transition_refused": {"%s → %s er ikke et trin i forhåndsscreeningen; herfra kan forløbet gå til: %s.", "%s → %s is not a step of the pre-screening; from here the next steps are: %s."},
	"c.transition_final":   {"%s er et sluttrin.", "%s is a final stage."},
	"c.stage":              {"Det kan ikke lade sig gøre, mens forløbet står på trinnet %s.", "Not possible while the entry is at the stage %s."},
	"c.stale_version":      {"Nogen har ændret det i mellemtiden: hent det igen, og prøv igen.", "Someone changed it meanwhile: reload it and try again."},
	"c.consent_missing":    {"Registrér først borgerens samtykke til at blive præsenteret for denne arbejdsgiver.", "Record the citizen's consent to be presented to this employer first."},
	"c.not_presented":      {"Arbejdsgiveren inviteres til samtale, når kandidaten er præsenteret.", "The employer is invited to an interview once the candidate is presented."},
	"c.cancelled":          {"Samtalen er aflyst.", "The interview is cancelled."},
	"c.in_progress":        {"Den første anmodning med denne Idempotency-Key behandles stadig; prøv igen om lidt.", "The first request with this Idempotency-Key is still being processed; retry shortly."},
	"c.already_closed":     {"Stillingen er allerede lukket.", "The vacancy is already closed."},
	"c.vacancy_closed":     {"Stillingen er lukket.", "The vacancy is closed."},
	"c.already_resolved":   {"Henvendelsen er allerede afsluttet.", "The request is already resolved."},

	// problems
	"p.validation":   {"Nogle felter er ikke udfyldt korrekt.", "Some fields are not filled in correctly."},
	"p.not_found":    {"Findes ikke.", "Not found."},
	"p.conflict":     {"Konflikt.", "Conflict."},
	"p.forbidden":    {"Du har ikke adgang.", "You do not have access."},
	"p.unauthorized": {"Log ind først.", "Please log in."},
	"p.gone":         {"Ikke længere tilgængelig.", "No longer available."},
	"p.too_large":    {"Forespørgslen er for stor.", "The request is too large."},
	"p.rate_limited": {"For mange forespørgsler. Prøv igen om lidt.", "Too many requests. Please try again shortly."},
	"p.internal":     {"Der skete en fejl hos os. Oplys fejl-id'et, hvis du kontakter os.", "Something went wrong on our side. Quote the error id if you contact us."},
	"p.bad_request":  {"Forespørgslen kan ikke læses.", "The request cannot be read."},
	"p.unsupported":  {"Indholdstypen understøttes ikke.", "Unsupported content type."},
}

func init() {
	messages["v.datetime"] = [2]string{"Skriv en dato som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD."}
}
