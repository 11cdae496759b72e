package api_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestEachNameItsConcept: two words that name two occupations ask for a
// CV of each, as any two words do. The concepts were one clause for every
// named word, so a CV of one stood for both: "kok tjener" found every cook
// and every waiter, and "hjemmehjælper nattevagt" (nattevagt names the
// natportier) every social- og sundhedshjælper, night shifts or not.
func TestEachNameItsConcept(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK", "Kok", map[string]any{"summary": "Madlavning i restaurant."}),
		cv("TJENER", "Tjener", map[string]any{"summary": "Servering i restaurant."}),
		cv("KOK-TJENER", "Kok", map[string]any{"experience": []map[string]any{{"title": "Tjener", "years": 3}}}),
		cv("SSH-NAT", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"night"}}),
		cv("SSH-DAG", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"day"}}),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"kok tjener":              {"KOK-TJENER"},
		"hjemmehjælper nattevagt": {"SSH-NAT"},
		"tjener eller kok":        {"KOK", "KOK-TJENER", "TJENER"}, // alternatives, as before
	} {
		wantFound(t, k, q, want)
	}
}

// wantFound checks that the words q find exactly the CVs of the references
// want (in any order), and not by any word.
func wantFound(t *testing.T, k *systemtest.Client, q string, want []string) {
	t.Helper()
	var r struct {
		searchResult
		AnyWord bool `json:"any_word"`
	}
	k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape(q), nil, &r)
	got := r.refs()
	slices.Sort(got)
	if !slices.Equal(got, slices.Sorted(slices.Values(want))) || r.AnyWord {
		t.Errorf("%s: %v (any word %v), want %v", q, got, r.AnyWord, want)
	}
}

// TestNameTypedWithoutDanishLetters: an occupation's name typed without
// æ, ø and å names the occupation as the name does. "hjemmehjaelper"
// found nobody (no CV writes the word; its CVs are the social- og
// sundhedshjælpere the name stands for), and "tomrer" found the carpenters
// by their words only, without the concept's score.
func TestNameTypedWithoutDanishLetters(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("SSH-NAT", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"night"}}),
		cv("SSH-DAG", "Social- og sundhedshjælper", map[string]any{"shifts": []string{"day"}}),
		cv("KOK", "Kok", map[string]any{"summary": "Madlavning i restaurant."}),
	)
	waitSearch(t, k, "", 3)
	for q, want := range map[string][]string{
		"hjemmehjaelper":             {"SSH-DAG", "SSH-NAT"},
		"hjemmehjaelper nattevagt":   {"SSH-NAT"},
		"social og sundhedshjaelper": {"SSH-DAG", "SSH-NAT"},
	} {
		wantFound(t, k, q, want)
	}
	var r struct {
		Interpreted []struct {
			Label string `json:"label"`
		} `json:"interpreted"`
	}
	k.Do("GET", "/api/v1/candidates/search?q=hjemmehjaelper", nil, &r)
	if len(r.Interpreted) == 0 || r.Interpreted[0].Label != "hjemmehjælper" {
		t.Errorf("hjemmehjaelper read as %+v, want the concept hjemmehjælper", r.Interpreted)
	}
}

// TestWordsThatSayAJobSeeker: "ledig", "borger", "kandidat" say whom to
// find is a job seeker, which every CV is. As words, "ledig kok" reached
// "gyldigt" as a typo (the drivers with a valid licence) and "borger kok"
// asked for a cook who writes "borgere".
func TestWordsThatSayAJobSeeker(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK", "Kok", map[string]any{"summary": "Madlavning i restaurant."}),
		cv("SSH", "Social- og sundhedshjælper", map[string]any{"summary": "Pleje af borgere i eget hjem."}),
		cv("CHAUFFØR", "Lastbilchauffør", map[string]any{"summary": "Har gyldigt kørekort til lastbil."}),
		cv("ØKONOM", "Økonom", map[string]any{"summary": "Kandidat i økonomi fra Aarhus Universitet."}),
		cv("BOGHOLDER", "Bogholder", map[string]any{"summary": "Økonomi og regnskab i en mindre virksomhed."}),
	)
	waitSearch(t, k, "", 5)
	for q, want := range map[string][]string{
		"ledig kok":                  {"KOK"},
		"borger kok":                 {"KOK"},
		"kandidater til kok":         {"KOK"},
		"ledige":                     {"BOGHOLDER", "CHAUFFØR", "KOK", "SSH", "ØKONOM"},
		"kandidat i økonomi":         {"ØKONOM"}, // a degree
		"unemployed cook":            {"KOK"},
		"erfaring med ældre borgere": {"SSH"}, // a word of its own, not "ledig"
	} {
		wantFound(t, k, q, want)
	}
	page := string(k.Do("GET", "/staff/candidates?q="+url.QueryEscape("ledig kok"), nil, nil).Body)
	if !strings.Contains(page, "«ledig» søges ikke som ord") {
		t.Errorf("the page does not say «ledig» was not searched")
	}
}

// TestNameBeforeAlternativeLabel: a word that is an occupation's own
// name does not also stand for the occupations that list it among their
// alternative labels. "receptionist" also named the garderobepasser and
// the assistent i omklædningsrum (ESCO lists "receptionist" among their
// Danish labels), so a garderobepasser was a receptionist's hit.
func TestNameBeforeAlternativeLabel(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("RECEPTION", "Receptionist", map[string]any{"summary": "Modtagelse af gæster på hotel."}),
		cv("GARDEROBE", "Garderobepasser", map[string]any{"summary": "Garderobe i teatret."}),
	)
	waitSearch(t, k, "", 2)
	wantFound(t, k, "receptionist", []string{"RECEPTION"})
}

// TestEnglishNameOfAnOccupation: an occupation's English name is its
// name as the Danish one is: its Danish names are its synonyms, and the
// occupations of its group come after. "butcher" (ESCO's slagtermester,
// whom no CV wants) and "accountant" (regnskabsfører) found nobody, though
// the industrislagtere and the bogholdere are of their kind.
func TestEnglishNameOfAnOccupation(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("SLAGTER", "Industrislagter", map[string]any{"summary": "Udskæring på slagteri."}),
		cv("BOGHOLDER", "Bogholder", map[string]any{"summary": "Bogføring og afstemning."}),
		cv("KOK", "Kok", map[string]any{"summary": "Madlavning i restaurant."}),
	)
	waitSearch(t, k, "", 3)
	wantFound(t, k, "butcher", []string{"SLAGTER"})
	wantFound(t, k, "accountant", []string{"BOGHOLDER"})
}

// TestPluralOfANameIsThatName: a name's plural ("kokke", "gartnere") is the
// name: the taxonomy reads it as the concept, and its letters are neither
// a typo of another word nor, with ø folded to o, the kitchen's ("kokke"
// found 158 of the demo's CVs by "køkkenmedhjælper" and "køkken", "kok"
// 47; "gartnere" the sælgere's "partnere").
func TestPluralOfANameIsThatName(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	createCVs(t, k,
		cv("KOK-1", "Kok", map[string]any{"summary": "À la carte."}),
		cv("KOK-2", "Kok", map[string]any{"summary": "Kantinedrift."}),
		cv("KOEKKEN-1", "Køkkenmedhjælper", map[string]any{"summary": "Opvask i køkkenet."}),
		cv("KOEKKEN-2", "Køkkenmedhjælper", map[string]any{"summary": "Storkøkken og køkkener."}),
		cv("KOEKKEN-3", "Køkkenmedhjælper", map[string]any{"summary": "Køkken og kantine."}),
		cv("GARTNER-1", "Gartner", map[string]any{"summary": "Anlæg af haver."}),
		cv("GARTNER-2", "Gartner", map[string]any{"summary": "Plejer grønne områder."}),
		cv("SALG-1", "Salgskonsulent", map[string]any{"summary": "Samarbejder med partnere og forhandlere."}),
		cv("SALG-2", "Salgskonsulent", map[string]any{"summary": "Nye partnere i Norden."}),
		cv("SALG-3", "Salgskonsulent", map[string]any{"summary": "Partnere og kunder."}),
	)
	waitSearch(t, k, "", 10)
	for q, want := range map[string][]string{
		"kokke":    {"KOK-1", "KOK-2"},
		"gartnere": {"GARTNER-1", "GARTNER-2"},
		"kok":      {"KOK-1", "KOK-2"},
		// The definite plural, four letters more than the name.
		"kokkene": {"KOK-1", "KOK-2"},
	} {
		wantFound(t, k, q, want)
	}
}

// TestOwnNameFindsItsKindByItsPart: a word that is an occupation's own name
// and that no CV holds is looked for by its first part only among the CVs
// of the occupation's kind and group: "sikkerhedsvagt" found the
// rengøringsassistenter who know "kemikalier og sikkerhed" (99 of the
// demo's 134), "cykelmekaniker" the postbude who ride a cykel; the vagter
// are still found by the concept's other names.
func TestOwnNameFindsItsKindByItsPart(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	clean := map[string]any{"skills": []string{"kemikalier og sikkerhed", "gulvvask"}, "summary": "Fokus på sikkerhed."}
	createCVs(t, k,
		cv("VAGT-1", "Vagt", map[string]any{"summary": "Vagt i butikscenter."}),
		cv("VAGT-2", "Vagt", map[string]any{"summary": "Rundering om natten."}),
		cv("REN-1", "Rengøringsassistent", clean),
		cv("REN-2", "Rengøringsassistent", clean),
		cv("REN-3", "Rengøringsassistent", clean),
		cv("POST-1", "Postbud", map[string]any{"summary": "Omdeler post på cykel."}),
		cv("POST-2", "Postbud", map[string]any{"summary": "Cykel og elcykel hver dag."}),
		cv("POST-3", "Postbud", map[string]any{"summary": "Cykel i al slags vejr."}),
	)
	// Others, so that the part is no word of more than a fifth of the CVs
	// (a first part that common is no guess for a named word anyway).
	createCVs(t, k, otherCVs(4, "Lagermedarbejder", "Butiksassistent", "Kok")...)
	waitSearch(t, k, "", 20)
	wantFound(t, k, "sikkerhedsvagt", []string{"VAGT-1", "VAGT-2"})
	wantFound(t, k, "cykelmekaniker", nil)
}

// TestYearsOrderThoseFoundAlike: among the CVs the words find alike, more
// years in what they name come first. "chauffør" names no occupation but
// ends the names of lastbilchauffør and buschauffør: the drivers with years
// behind the wheel came after one who had never driven, all wanting the
// job, in the order they were created.
func TestYearsOrderThoseFoundAlike(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	driven := func(years float64) map[string]any {
		return map[string]any{"summary": "Klar til nyt job.", "experience": []map[string]any{{"title": "Lastbilchauffør", "employer": "Fragt A/S", "years": years}}}
	}
	createCVs(t, k,
		cv("ALDRIG", "Lastbilchauffør", map[string]any{"summary": "Klar til nyt job."}),
		cv("KOERT-4", "Lastbilchauffør", driven(4)),
		cv("KOERT-13", "Lastbilchauffør", driven(13)),
		cv("KOERT-25", "Lastbilchauffør", driven(25)),
	)
	createCVs(t, k, otherCVs(4, "Lagermedarbejder", "Butiksassistent", "Kok")...)
	waitSearch(t, k, "", 16)
	for _, q := range []string{"chauff%C3%B8r", "lastbilchauff%C3%B8r"} {
		got := search(t, k, "q="+q).refs()
		if !slices.Equal(got, []string{"KOERT-25", "KOERT-13", "KOERT-4", "ALDRIG"}) {
			t.Errorf("%s found %v, want the one with 25 years, then 13, 4, none (past 10 years they tied)", q, got)
		}
	}
}
