package i18n

// The levels of a CV's education (jobmatch.Education.Level): "edu.primary"
// → Grundskole / Primary school.
func init() {
	Register(map[string][2]string{
		"edu.primary":         {"Grundskole", "Primary school"},
		"edu.upper_secondary": {"Gymnasial uddannelse", "Upper secondary education"},
		"edu.vocational":      {"Erhvervsuddannelse", "Vocational education"},
		"edu.short_cycle":     {"Kort videregående uddannelse", "Short-cycle higher education"},
		"edu.bachelor":        {"Bachelor eller professionsbachelor", "Bachelor's degree"},
		"edu.master":          {"Kandidatuddannelse", "Master's degree"},
		"edu.phd":             {"Ph.d.", "PhD"},
		"edu.other":           {"Anden uddannelse", "Other education"},
	})
}

// Education words a CV's education: its field, with the level's name when
// there is no field ("Procesoperatøruddannelsen"; "Grundskole").
func Education(lang Lang, level, field string) string {
	if field != "" {
		return field
	}
	if k := "edu." + level; Has(k) {
		return T(lang, k)
	}
	return level
}
