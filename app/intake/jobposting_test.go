package intake

import "testing"

// TestRedactEmployer: where the employer's name must not be shown, the
// name goes from the vacancy's text as people write it: with or without
// the company form, in any case, with æ/ø/å or their spellings, "&" or
// "og", in the genitive; whole words only.
func TestRedactEmployer(t *testing.T) {
	const ph = "[virksomheden]"
	for _, c := range []struct{ text, name, want string }{
		{"Rødekro IT ApS søger en softwareudvikler.", "Rødekro IT ApS", "[virksomheden] søger en softwareudvikler."},
		{"Hos Rødekro IT er vi 12 kolleger. RØDEKRO IT APS blev grundlagt i 1998.", "Rødekro IT ApS", "Hos [virksomheden] er vi 12 kolleger. [virksomheden] blev grundlagt i 1998."},
		{"rødekro it søger", "Rødekro IT ApS", "[virksomheden] søger"},
		{"Rødekro IT A/S og Rødekro IT, ApS", "Rødekro IT ApS", "[virksomheden] og [virksomheden]"},
		{"Rødekro  IT's kunder og Rødekro IT ApS' lager", "Rødekro IT ApS", "[virksomheden] kunder og [virksomheden] lager"},
		{"Roedekro IT søger", "Rødekro IT ApS", "[virksomheden] søger"},
		{"Als Tømrer A/S søger en tømrer. Hos Als Tømrer får du", "Als Tømrer A/S", "[virksomheden] søger en tømrer. Hos [virksomheden] får du"},
		{"Als Tømrer AS søger", "Als Tømrer A/S", "[virksomheden] søger"},
		{"Aabenraa Vognmand I/S søger; Åbenrå Vognmand kører", "Aabenraa Vognmand I/S", "[virksomheden] søger; [virksomheden] kører"},
		{"Jensen og Søn søger, Jensen & Søn K/S betaler", "Jensen & Søn K/S", "[virksomheden] søger, [virksomheden] betaler"},
		{"Hansens Bageri IVS søger en bager.", "Hansens Bageri IVS", "[virksomheden] søger en bager."},
		{"Hansens lager ligger på Hansenvej, Hansen-teamet", "Hansen ApS", "[virksomheden] lager ligger på Hansenvej, [virksomheden]-teamet"},
		// Not the name: part of a longer word; not the form: a bare "as".
		{"Rødekro ITsupport; Rødekro IT as well", "Rødekro IT ApS", "Rødekro ITsupport; [virksomheden] as well"},
		{"Vi søger en tømrer til Sønderborg.", "Als Tømrer ApS", "Vi søger en tømrer til Sønderborg."},
		// A name that is only a company form names nothing to redact.
		{"ApS søger", "ApS", "ApS søger"},
	} {
		if got := RedactEmployer(c.text, ph, c.name); got != c.want {
			t.Errorf("RedactEmployer(%q, %q) = %q, want %q", c.text, c.name, got, c.want)
		}
	}
	// The registered name and the name the sender gave both go.
	if got := RedactEmployer("Tømrerfirmaet Andersen søger. Andersen Tømrer ApS", ph, "Andersen Tømrer ApS", "Tømrerfirmaet Andersen"); got != "[virksomheden] søger. [virksomheden]" {
		t.Errorf("both names: %q", got)
	}
}
