package cvs

import "jobmatch/i18n"

// The row errors of an import that only an import has, in the words of the
// file the consultant saved (a CSV file's column, ja/nej, the Danish names
// of the target groups).
func init() {
	i18n.Register(map[string][2]string{
		"v.duplicate_ref": {"Samme reference som række %s: rækken er sprunget over.", "Same reference as row %s: the row is skipped."},
		"v.yes_no":        {"Skriv ja eller nej.", "Write yes or no (ja or nej)."},
		"v.years":         {"Skriv antal år som et tal, fx 2 eller 2,5.", "Write the years as a number, e.g. 2 or 2.5."},
		"v.target_group":  {"Skriv en af: Jobparat, Aktivitetsparat, Ung under 30, Flygtning/familiesammenført.", "Write one of: Jobparat, Aktivitetsparat, Ung under 30, Flygtning/familiesammenført (or close_to_job, further_from_job, young, refugee_family_reunified)."},
		"v.csv_quote":     {"Rækken har et anførselstegn (\") midt i et felt: sæt hele feltet i anførselstegn, og skriv hvert anførselstegn i feltet to gange (\"\").", "The row has a quote (\") inside a field: put the whole field in quotes and write each quote in it twice (\"\")."},
		"v.csv":           {"Rækken kan ikke læses som CSV.", "The row cannot be read as CSV."},
		"v.ref_taken":     {"Sagsnummeret hører allerede til et andet CV (%s). Ret det CV i stedet for at oprette et nyt.", "The case number already belongs to another CV (%s). Edit that CV instead of creating a new one."},
		"c.ref_taken":     {"Sagsnummeret hører allerede til et andet CV: intet er gemt.", "The case number already belongs to another CV: nothing was saved."},
		"v.erased":        {"Borgeren er slettet efter anmodning; opret CV'et manuelt, hvis borgeren er kommet tilbage.", "The citizen was erased on request; create the CV by hand if they have come back."},
	})
}
