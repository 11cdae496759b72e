package jobmatch_test

import (
	"slices"
	"strings"
	"testing"

	"jobmatch"
)

// TestPersonalWords: the words that say gender or ethnic origin whatever
// the sentence are found in an employer's text; "mand" of "20 mand" and a
// text that names both genders are not.
func TestPersonalWords(t *testing.T) {
	for text, want := range map[string][]string{
		"Vi søger en kvindelig kassemedarbejder.":           {"kvindelig"},
		"Piger til kassen, gerne etnisk danske. Piger!":     {"Piger", "etnisk"},
		"Vi er 20 mand på værkstedet og mangler en kollega": nil,
		"En mandlig eller kvindelig pædagog":                nil,
		"Male or female, ethnic Danish":                     {"ethnic"},
		"Børnehavepædagog til vuggestuen":                   nil,
	} {
		if got := jobmatch.PersonalWordsIn(text); !slices.Equal(got, want) {
			t.Errorf("PersonalWordsIn(%q) = %q, want %q", text, got, want)
		}
	}
	if got, want := jobmatch.WithoutPersonalWords("Kvindelig kasse-medarbejder, piger, gerne etnisk dansk. Dansk B2."), strings.Repeat(" ", 10)+"kasse-medarbejder,      , gerne "+strings.Repeat(" ", len("etnisk dansk"))+". Dansk B2."; got != want {
		t.Errorf("WithoutPersonalWords = %q, want %q", got, want)
	}
	for w, want := range map[string]bool{"mand": true, "Kvindelig.": true, "etnisk": true, "flyttemand": false, "ung": false, "dansk": false} {
		if got := jobmatch.IsPersonalWord(w); got != want {
			t.Errorf("IsPersonalWord(%q) = %v, want %v", w, got, want)
		}
	}
}
