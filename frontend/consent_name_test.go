package frontend_test

import (
	"testing"

	_ "jobmatch/frontend"
	"jobmatch/i18n"
)

// TestConsentLinkHasOneName: the row's button to send a consent link was
// "Send samtykkelink" while the citizen was suggested or contacted and
// "Spørg om samtykke med et link" later: one action, one name.
func TestConsentLinkHasOneName(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.DA, i18n.EN} {
		if a, b := i18n.T(l, "fw.send_consent"), i18n.T(l, "sl.ask_again"); a != b {
			t.Errorf("%s: %q and %q name the same action", l, a, b)
		}
	}
}
