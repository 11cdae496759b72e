package screening

import (
	"testing"

	"jobmatch"
	"jobmatch/i18n"
)

// TestAssessmentNamesTheCandidateInTheLanguage: an assessment on the
// English employer page named the anonymous citizen with the Danish
// "Kandidaten".
func TestAssessmentNamesTheCandidateInTheLanguage(t *testing.T) {
	c := &jobmatch.Candidate{Name: "Pia Petersen"}
	text := "Pia har 11 års erfaring. Vi talte om Pia Petersens leder og Pias vagter."
	for lang, want := range map[i18n.Lang]string{
		i18n.DA: "Kandidaten har 11 års erfaring. Vi talte om kandidatens leder og kandidatens vagter.",
		i18n.EN: "The candidate har 11 års erfaring. Vi talte om the candidate's leder og the candidate's vagter.",
	} {
		if got := anonymisedIn(lang, text, c, nil, false); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
