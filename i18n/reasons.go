package i18n

// The sentences of the match reasons (matcher.Reason: a code, a message key
// "why.…" and arguments). The matcher decides what to say; these say it in
// the page's language. Every verb is %s: Render formats the arguments
// (numbers with a decimal comma in Danish, labels in the language).
func init() {
	Register(map[string][2]string{
		"why.scheme_eligible":           {"Berettiget til %s (%s)", "Eligible for %s (%s)"},
		"why.scheme_not_eligible":       {"Ikke visiteret til %s", "Not eligible for %s"},
		"why.scheme.flag":               {"visiteret af kommunen", "approved by the municipality"},
		"why.scheme.group":              {"målgruppen giver adgang", "the target group qualifies"},
		"why.scheme.any":                {"alle ledige kan", "every unemployed person can"},
		"why.scheme.loentilskud":        {"løntilskud", "wage subsidy (løntilskud)"},
		"why.scheme.virksomhedspraktik": {"virksomhedspraktik", "work placement (virksomhedspraktik)"},
		"why.scheme.igu":                {"IGU", "IGU (basic integration education)"},
		"why.scheme.fleksjob":           {"fleksjob", "flexjob"},
		"why.scheme.voksenlaerling":     {"voksenlærling", "adult apprenticeship"},

		"why.occupation_same":    {"Samme stilling: %s", "Same occupation: %s"},
		"why.occupation_synonym": {"Samme stilling: %s (via %s %s)", "Same occupation: %s (via %s %s)"},
		// The CV wants the occupation (and has not held it).
		"why.occupation_same_desired":    {"Ønsker samme stilling: %s", "Wants the same occupation: %s"},
		"why.occupation_synonym_desired": {"Ønsker samme stilling: %s (via %s %s)", "Wants the same occupation: %s (via %s %s)"},
		"why.occupation_related":         {"Beslægtet stilling (samme faggruppe, DISCO %s): %s", "Related occupation (same unit group, ISCO %s): %s"},
		"why.occupation_group":           {"Stilling i samme faglige område (DISCO %s): %s", "Occupation in the same field (ISCO %s): %s"},
		"why.occupation_skills":          {"Stilling med %s fælles kernekompetencer: %s", "Occupation sharing %s of essential skills: %s"},
		"why.education_same":             {"Uddannelse som opslaget beder om: %s", "Education as the vacancy asks: %s"},
		"why.education":                  {"Uddannelse: %s – opslaget beder om mindst %s", "Education: %s – the vacancy asks for at least %s"},
		"why.education_below":            {"Opslaget beder om mindst %s – CV'et nævner %s", "The vacancy asks for at least %s – the CV names %s"},
		"why.education_none":             {"ingen uddannelse", "no education"},
		"why.occupation_title":           {"Titlen ligner opslagets: %s", "Title resembles the vacancy's: %s"},
		"why.occupation_none":            {"Ingen af CV'ets stillinger ligner %s", "None of the CV's occupations resembles %s"},
		"why.via.star_title":             {"STAR/Jobnet-titlen", "the STAR/Jobnet title"},
		"why.via.alt_label":              {"synonymet", "the synonym"},
		"why.via.hidden_label":           {"synonymet", "the synonym"},
		"why.via.disco_title":            {"DISCO-titlen", "the DISCO title"},
		"why.via.english_label":          {"den engelske titel", "the English title"},

		"why.experience_none":        {"Ingen erfaring i stillingen eller en beslægtet (ønsket %s)", "No experience in the occupation or a related one (asked %s)"},
		"why.experience_lines":       {"%s erfaring i stillingen eller en beslægtet: %s", "%s of experience in the occupation or a related one: %s"},
		"why.counts_as":              {"tæller som %s", "counts as %s"},
		"why.experience_lines_asked": {"%s erfaring i stillingen eller en beslægtet (ønsket %s): %s", "%s of experience in the occupation or a related one (asked %s): %s"},

		"why.required_skills_matched": {"Krævede kompetencer: %s – %s", "Required skills: %s – %s"},
		"why.required_skills_missing": {"Mangler: %s", "Missing: %s"},
		"why.desired_skills_matched":  {"Ønskede kompetencer: %s – %s", "Desired skills: %s – %s"},

		"why.distance":             {"%s fra arbejdsstedet (højst %s)", "%s from the workplace (max %s)"},
		"why.distance_beyond":      {"%s fra arbejdsstedet – over %s transport", "%s from the workplace – beyond %s commute"},
		"why.distance_same_postal": {"Samme postnummer som arbejdsstedet (højst %s)", "Same postal code as the workplace (max %s)"},
		"why.distance_unknown":     {"Afstand ukendt (postnummer %s)", "Distance unknown (postal code %s)"},

		"why.available_now":       {"Ledig nu", "Available now"},
		"why.available_from":      {"Ledig fra %s, før start", "Available from %s, before the start"},
		"why.available_late":      {"Først ledig %s – stillingen starter %s", "Not available until %s – the job starts %s"},
		"why.available_late_asap": {"Først ledig %s – stillingen skal besættes hurtigst muligt", "Not available until %s – the job is to be filled as soon as possible"},
		"why.hired":               {"Ansat via jobcentret (%s) – ikke ledig nu, står efter de ledige", "Hired through the jobcentre (%s) – not available now, listed after those who are"},

		"why.language":         {"%s %s (krav %s)", "%s %s (asked %s)"},
		"why.language_below":   {"%s %s – et niveau under %s", "%s %s – one level below %s"},
		"why.language_missing": {"%s: intet (krav %s)", "%s: none (asked %s)"},
		"why.language_low":     {"%s %s (krav %s)", "%s %s (asked %s)"},

		"why.licence":         {"Kørekort %s", "Driving licence %s"},
		"why.licence_missing": {"Mangler kørekort %s", "No %s driving licence"},

		"why.hours":         {"Ønsker %s, som stillingen tilbyder", "Wants %s, as the vacancy offers"},
		"why.hours_other":   {"Ønsker %s – stillingen er på %s", "Wants %s – the vacancy is %s"},
		"why.hours.full":    {"fuldtid", "full-time"},
		"why.hours.part":    {"deltid", "part-time"},
		"why.shifts":        {"Kan arbejde %s, som opslaget nævner", "Will work %s, as the ad says"},
		"why.shifts_other":  {"Kan arbejde %s – opslaget nævner %s", "Will work %s – the ad says %s"},
		"why.shift.day":     {"dag", "days"},
		"why.shift.evening": {"aften", "evenings"},
		"why.shift.night":   {"nat", "nights"},
		"why.shift.weekend": {"weekend", "weekends"},

		"why.text": {"Ord fra opslaget i CV'et: %s", "Words of the vacancy in the CV: %s"},
		// The CV's general consent (jobmatch.CandidateConsent), not the
		// consent to be presented to this employer, which the shortlist
		// records and asks for ("Har givet samtykke til at blive
		// præsenteret" read as that one, and the step to "præsenteret" was
		// then refused for want of it).
		"why.consent":    {"Generelt samtykke i CV'et til at blive præsenteret – spørg borgeren før hver virksomhed", "General consent in the CV to be presented – ask the citizen before each employer"},
		"why.no_consent": {"Intet generelt samtykke i CV'et til at blive præsenteret endnu", "No general consent in the CV to be presented yet"},
	})
	Register(languageNames)
}

// languageNames are the names of the languages a CV or vacancy names by
// ISO 639-1 code: "lang.da" → Dansk / Danish.
var languageNames = map[string][2]string{
	"lang.da": {"Dansk", "Danish"}, "lang.en": {"Engelsk", "English"}, "lang.de": {"Tysk", "German"},
	"lang.sv": {"Svensk", "Swedish"}, "lang.no": {"Norsk", "Norwegian"}, "lang.nb": {"Norsk", "Norwegian"},
	"lang.pl": {"Polsk", "Polish"}, "lang.ar": {"Arabisk", "Arabic"}, "lang.uk": {"Ukrainsk", "Ukrainian"},
	"lang.ro": {"Rumænsk", "Romanian"}, "lang.tr": {"Tyrkisk", "Turkish"}, "lang.fa": {"Persisk", "Persian"},
	"lang.so": {"Somali", "Somali"}, "lang.ti": {"Tigrinya", "Tigrinya"}, "lang.fr": {"Fransk", "French"},
	"lang.es": {"Spansk", "Spanish"}, "lang.it": {"Italiensk", "Italian"}, "lang.ru": {"Russisk", "Russian"},
	"lang.lt": {"Litauisk", "Lithuanian"}, "lang.lv": {"Lettisk", "Latvian"}, "lang.bg": {"Bulgarsk", "Bulgarian"},
	"lang.ur": {"Urdu", "Urdu"}, "lang.ku": {"Kurdisk", "Kurdish"}, "lang.vi": {"Vietnamesisk", "Vietnamese"},
	"lang.th": {"Thai", "Thai"}, "lang.zh": {"Kinesisk", "Chinese"}, "lang.pt": {"Portugisisk", "Portuguese"},
	"lang.nl": {"Nederlandsk", "Dutch"}, "lang.is": {"Islandsk", "Icelandic"}, "lang.fi": {"Finsk", "Finnish"},
	"lang.hu": {"Ungarsk", "Hungarian"}, "lang.cs": {"Tjekkisk", "Czech"}, "lang.sk": {"Slovakisk", "Slovak"},
	"lang.hr": {"Kroatisk", "Croatian"}, "lang.sr": {"Serbisk", "Serbian"}, "lang.bs": {"Bosnisk", "Bosnian"},
	"lang.sq": {"Albansk", "Albanian"}, "lang.el": {"Græsk", "Greek"}, "lang.am": {"Amharisk", "Amharic"},
	"lang.ps": {"Pashto", "Pashto"}, "lang.prs": {"Dari", "Dari"}, "lang.ta": {"Tamil", "Tamil"},
	"lang.tl": {"Tagalog", "Tagalog"}, "lang.hi": {"Hindi", "Hindi"}, "lang.bn": {"Bengali", "Bengali"},
}

// Language names a language by its ISO 639-1 code in lang; the code in
// capitals when it is not known.
func Language(lang Lang, code string) string {
	if m, ok := messages["lang."+lowerASCII(code)]; ok {
		if lang == EN {
			return m[1]
		}
		return m[0]
	}
	return upperASCII(code)
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
