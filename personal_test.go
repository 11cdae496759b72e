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

// TestDiscrimination: what a job advert may not ask of gender, age or
// ethnic origin is found, also as a gendered job title, an origin or an
// age in words and numbers; a least age, years of experience, the ages of
// the people the work is with, Danish as a language and a diversity
// statement are not.
func TestDiscrimination(t *testing.T) {
	for text, want := range map[string][]string{
		"Vi søger en kassedame til weekendvagter.":                            {"kassedame"},
		"Servitrice søges til café":                                           {"Servitrice"},
		"Rengøringsdamer og en opvaskerdreng søges":                           {"Rengøringsdamer", "opvaskerdreng"},
		"Du er dansk af oprindelse og taler flydende dansk.":                  {"dansk af oprindelse"},
		"Gerne etnisk dansk.":                                                 {"etnisk"},
		"Ansøgeren skal være af dansk herkomst.":                              {"af dansk herkomst"},
		"Du er max 25 år.":                                                    {"max 25 år"},
		"Du er maks. 30 år gammel":                                            {"maks. 30 år"},
		"Du er under 30 år og har kørekort.":                                  {"under 30 år"},
		"Vi søger en ung og frisk medarbejder":                                {"ung og frisk"},
		"Du er mellem 20 og 35 år.":                                           {"mellem 20 og 35 år"},
		"Alder 20-35 år.":                                                     {"Alder 20-35 år"},
		"Vi søger en yngre medarbejder til lageret.":                          {"yngre medarbejder"},
		"Vi søger en 20-30-årig sælger.":                                      {"20-30-årig"},
		"We are looking for a young and dynamic waitress":                     {"young and dynamic", "waitress"},
		"Sygeplejerske til hjemmeplejen":                                      nil,
		"Flyttemand og håndværksmand søges":                                   nil,
		"Du har 25 års erfaring som smed.":                                    nil,
		"Du er min. 18 år (lovkrav, servering af alkohol).":                   nil,
		"Du skal være over 18 år og have kørekort B.":                         nil,
		"Du må ikke være under 18 år.":                                        nil,
		"Arbejde med unge under 25 år på bostedet.":                           nil,
		"Du taler dansk på B2-niveau.":                                        nil,
		"Vi opfordrer alle uanset køn, alder og etnisk baggrund til at søge.": nil,
		"Vi er en arbejdsplads med etnisk mangfoldighed.":                     nil,
		"Virksomheden har 25 år på bagen.":                                    nil,
		"Kendskab til råvarernes oprindelse.":                                 nil,
		"Vi er et ungt team i vækst.":                                         nil,
		"Damefrisør søges til salon":                                          nil,
	} {
		if got := jobmatch.DiscriminationIn(text); !slices.Equal(got, want) {
			t.Errorf("DiscriminationIn(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestDiscriminationDemands: plain demands of gender, pregnancy, an age,
// religion and health passed the vacancy check ("Skal være en mand", "Du
// må ikke være gravid", "Nyuddannet og under 30", "Du skal være kristen",
// "Du er uden handicap"); they are found as written, from the demand to
// the word. Texts that mention people, a workplace's facilities, fleksjob
// or a weight to lift pass.
func TestDiscriminationDemands(t *testing.T) {
	for text, want := range map[string][]string{
		"Skal være en mand.":                                                     {"Skal være en mand"},
		"Du må ikke være gravid.":                                                {"må ikke være gravid"},
		"Nyuddannet og under 30.":                                                {"under 30"},
		"Du er nyuddannet og max 35, og har kørekort.":                           {"max 35"},
		"Du skal være kristen.":                                                  {"skal være kristen"},
		"Du er uden handicap.":                                                   {"er uden handicap"},
		"Du skal være sund og rask.":                                             {"skal være sund og rask"},
		"Vi søger en mand til lageret.":                                          {"søger en mand"},
		"Vi søger en pige til lageret.":                                          {"pige"},
		"Kun kvinder kan søge stillingen.":                                       {"Kun kvinder"},
		"Du må ikke have været sygemeldt det seneste år":                         {"må ikke have været sygemeldt"},
		"You must not be pregnant.":                                              {"must not be pregnant"},
		"Vi har mange kvinder og mænd ansat.":                                    nil,
		"Vi søger en mand eller en kvinde til lageret.":                          nil,
		"Handicapvenlig arbejdsplads med elevator.":                              nil,
		"Vi tilbyder fleksjob og gode barselsvilkår.":                            nil,
		"Arbejdet kræver, at du kan løfte 25 kg.":                                nil,
		"Du skal kunne køre gravemaskine.":                                       nil,
		"Manden bag virksomheden er Ole.":                                        nil,
		"Du skal støtte borgere med handicap og sygdom.":                         nil,
		"Du skal have sund fornuft.":                                             nil,
		"Du skal være mand for at løfte i flok.":                                 nil,
		"Vi er en kristen friskole med 200 elever.":                              nil,
		"Du må gerne være under 30 år eller over 60 år, uanset køn og religion.": {"under 30 år"},
		"Turene er under 30 km.":                                                 nil,
		"Vi arbejder med unge under 25.":                                         nil,
		"Du må ikke være under 18.":                                              nil,
	} {
		if got := jobmatch.DiscriminationIn(text); !slices.Equal(got, want) {
			t.Errorf("DiscriminationIn(%q) = %q, want %q", text, got, want)
		}
	}
}
