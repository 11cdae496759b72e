package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		"page.hotline":  {"Hotline", "Hotline"},
		"hot.find":      {"Virksomhed (CVR eller navn)", "Company (CVR or name)"},
		"hot.find_hint": {"fx 1234 eller søndergaard", "e.g. 1234 or søndergaard"},
		"hot.none":      {"Ingen virksomheder fundet.", "No companies found."},
		"hot.owner":     {"Kontaktperson", "Contact person"},
		"hot.channel":   {"Kanal", "Channel"},
		"hot.topic":     {"Emne", "Topic"},
		"hot.text":      {"Kort tekst", "Short text"},
		"hot.caller":    {"Opkalders navn", "Caller's name"},
		"hot.phone":     {"Opkalders telefon", "Caller's phone"},
		"hot.save":      {"Gem", "Save"},
		"hot.enter":     {"Enter gemmer", "Enter saves"},
		"hot.logged":    {"Logget", "Logged"},
	})
}
