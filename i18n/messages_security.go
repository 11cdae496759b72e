package i18n

// Texts of the hardening: throttled logins, wrong methods, reused
// idempotency keys.
func init() {
	for k, v := range map[string][2]string{
		"p.login_throttled_address": {"For mange forkerte adgangskoder fra denne adresse. Vent et par minutter, og prøv igen.", "Too many wrong passwords from this address. Wait a few minutes and try again."},
		"p.login_throttled":         {"For mange forkerte adgangskoder til denne konto. Vent et par minutter, og prøv igen.", "Too many wrong passwords for this account. Wait a few minutes and try again."},
		"p.method_not_allowed":      {"Metoden er ikke tilladt her.", "This method is not allowed here."},
		"v.idempotency_reused":      {"Nøglen er allerede brugt til en anden forespørgsel. Brug en ny Idempotency-Key.", "This key was already used for a different request. Use a new Idempotency-Key."},
	} {
		messages[k] = v
	}
}
