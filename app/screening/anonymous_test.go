package screening

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/i18n"
	"jobmatch/taxonomy"
)

func TestWithoutName(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"Pia har 11 års erfaring.", "Pia Petersen", "Kandidaten har 11 års erfaring."},
		{"Pia Petersen har 11 års erfaring. Jeg anbefaler Pia.", "Pia Petersen", "Kandidaten har 11 års erfaring. Jeg anbefaler kandidaten."},
		{"Pias erfaring er god; PETERSEN kan starte.", "Pia Petersen", "Kandidatens erfaring er god; kandidaten kan starte."},
		{"Søren Ørbæk Sørensen er klar", "Søren Ørbæk Sørensen", "Kandidaten er klar"},
		{"Spiller piano, piasaver og pianist", "Pia Petersen", "Spiller piano, piasaver og pianist"},
		{"Erfaren med tagarbejde.", "Pia Petersen", "Erfaren med tagarbejde."},
		{"Karen og Pia Petersens referencer", "Pia Petersen", "Karen og kandidatens referencer"},
		{"Hans Smed er uddannet smed, og hans erfaring er god.", "Hans Smed", "Kandidaten er uddannet smed, og hans erfaring er god."},
		{"Vi talte med Hr. Holm. Hr. Holm kan starte.", "Ib Holm", "Vi talte med kandidaten. Kandidaten kan starte."},
		{"Zacharias' erfaring er god", "Zacharias Berg", "Kandidatens erfaring er god"},
		{"Anne-Mette har kørekort, og Anne-Mette Due vil gerne", "Anne-Mette Due", "Kandidaten har kørekort, og kandidaten vil gerne"},
		{"Sean O'Brien er klar, O'Briens referencer er gode", "Sean O'Brien", "Kandidaten er klar, kandidatens referencer er gode"},
		// A firm named after the citizen: the name goes as on the CV's
		// lines, the firm's trade stays.
		{"Søren har 6 år hos Østergaard-Jørgensen Smed", "Søren Østergaard-Jørgensen", "Kandidaten har 6 år hos (navn fjernet) Smed"},
		{"Erfaring fra Jørgensens Maskinfabrik og ved Holm Transport; Holm er stabil.", "Ib Holm Jørgensen", "Erfaring fra (navn fjernet) Maskinfabrik og ved (navn fjernet) Transport; kandidaten er stabil."},
		{"", "Pia", ""},
		{"Pia", "", "Pia"},
	} {
		if got := withoutName(c.text, c.name); got != c.want {
			t.Errorf("withoutName(%q, %q) = %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

// TestAnonymised: an assessment on a profile without the name says neither
// how to reach the person nor where they live nor, by a pronoun, their
// gender (the reviewer's text reached the employer with the phone number,
// the e-mail address and the street).
func TestAnonymised(t *testing.T) {
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	c := &jobmatch.Candidate{Name: "Ib Holm", Phone: "22994455", Email: "ib.holm@example.dk"}
	for _, tc := range []struct{ text, want string }{
		{"Ring direkte til ham på 22 99 44 55 eller ib.holm@example.dk. Hr. Holm bor på Strandvejen 12, 6400 Sønderborg.",
			"Ring direkte til vedkommende på (telefonnummer fjernet) eller (e-mail fjernet). Kandidaten bor på (adresse fjernet)."},
		{"Hun har lidt ondt i ryggen, men hendes erfaring er god. Han kan starte.", "Vedkommende har lidt ondt i ryggen, men vedkommendes erfaring er god. Vedkommende kan starte."},
		{"Tlf. +45 22994455, mobil 2299-4455, fastnet 2299 4455.", "Tlf. (telefonnummer fjernet), mobil (telefonnummer fjernet), fastnet (telefonnummer fjernet)."},
		{"Bor i 6400 Sønderborg, arbejdede 2010-2018 og 1998 2004 og 2019 Kolding-afdelingen, 11 års erfaring.", "Bor i 6400 Sønderborg, arbejdede 2010-2018 og 1998 2004 og 2019 Kolding-afdelingen, 11 års erfaring."},
		{"Anbefalet af Hans Jensen; hans kollega siger god.", "Anbefalet af Hans Jensen; vedkommendes kollega siger god."},
		{"Kører truck og har 3 års erfaring fra lager.", "Kører truck og har 3 års erfaring fra lager."},
		// Second round: numbers as people write them, and what is no
		// phone number.
		{"Ring på +4522994455, 004522994455, 229 944 55, 22/99/44/55 eller 2299 44 55.", "Ring på (telefonnummer fjernet), (telefonnummer fjernet), (telefonnummer fjernet), (telefonnummer fjernet) eller (telefonnummer fjernet)."},
		{"Hans polske nummer er +48 601 234 567.", "Vedkommendes polske nummer er (telefonnummer fjernet)."},
		{"Kan arbejde kl. 07.00-15.00 og 06.30-14.30, pakker 2500-3000 kolli, løn 3000 3500 kr.", "Kan arbejde kl. 07.00-15.00 og 06.30-14.30, pakker 2500-3000 kolli, løn 3000 3500 kr."},
		{"Har boet i Danmark 12 år og arbejder gerne i 6400 Sønderborg, 37 timer.", "Har boet i Danmark 12 år og arbejder gerne i 6400 Sønderborg, 37 timer."},
		{"Bor på Østergade 12, st. tv. og før Frederiksberg Allé 5 og Ved Stranden 4; Lagervej 12 i Sønderborg.", "Bor på (adresse fjernet) og før (adresse fjernet) og (adresse fjernet); (adresse fjernet) i Sønderborg."},
		{"Skriv til kaj (at) firma.dk eller kaj[at]firma dot dk; god at løfte.", "Skriv til (e-mail fjernet) eller (e-mail fjernet); god at løfte."},
		{"Styrker:\n- Hun er stabil\n• Han kører\n(Hun har bil) \"Hun er god\"", "Styrker:\n- Vedkommende er stabil\n• Vedkommende kører\n(Vedkommende har bil) \"Vedkommende er god\""},
		{"Reference: Hans Jensen. Hans Peter er mødestabil. Hans erfaring er god.", "Reference: Hans Jensen. Hans Peter er mødestabil. Vedkommendes erfaring er god."},
		{"She is reliable and his English is good; bor her i byen.", "The candidate is reliable and the candidate's English is good; bor her i byen."},
	} {
		if got := anonymised(tc.text, c, places, false); got != tc.want {
			t.Errorf("anonymised(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
	// Named with consent: the name stays, the rest goes.
	if got, want := anonymised("Ib Holm, tlf. 22 99 44 55, hun er klar.", c, places, true), "Ib Holm, tlf. (telefonnummer fjernet), vedkommende er klar."; got != want {
		t.Errorf("named: %q, want %q", got, want)
	}
}

// TestAnonymiseProfile: the CV's own words on the profile lose phone
// numbers and e-mail addresses too (a job titled "Lager hos Ib Dahl, tlf
// 22994455" reached the employer), not the words of a trade ("Bager" for
// a citizen Bager).
func TestAnonymiseProfile(t *testing.T) {
	c := &jobmatch.Candidate{Name: "Ida Bager", Phone: "22994455"}
	p := Profile{Experience: []string{"Lager hos Ib Dahl, tlf 22994455, 3 år"}, Education: []string{"Lagerfag, idadahl@gmail.com"},
		Skills: []string{"Ring 22 99 44 55"}, Occupations: []string{"Bager"}, Years: []ProfileJob{{Title: "Bager, 2299 4455"}}, Interview: "Ida er god."}
	anonymiseProfile(&p, c, nil, false, i18n.DA)
	if p.Experience[0] != "Lager hos Ib Dahl, tlf (telefonnummer fjernet), 3 år" || p.Education[0] != "Lagerfag, (e-mail fjernet)" ||
		p.Skills[0] != "Ring (telefonnummer fjernet)" || p.Occupations[0] != "Bager" || p.Years[0].Title != "Bager, (telefonnummer fjernet)" || p.Interview != "Kandidaten er god." {
		t.Fatalf("%+v", p)
	}
}

// TestAnonymiseProfileNames: a CV's own lines named the citizen on the
// anonymous profile ("Produktionsmedarbejder hos Østergaard-Jørgensen
// Smed", "Smed, uddannet 2015 hos Søren Østergaard"), and the assessment
// kept the name spelt without æ, ø, å, the case number and a LinkedIn
// address. The firm's trade and the words of a trade stay.
func TestAnonymiseProfileNames(t *testing.T) {
	c := &jobmatch.Candidate{Name: "Søren Østergaard-Jørgensen", ExternalRef: "SAG-F-4", Phone: "22994455"}
	p := Profile{
		Experience: []string{"Produktionsmedarbejder hos Østergaard-Jørgensen Smed, 3 år", "Lager hos OESTERGAARD Transport (sag f 4), 1 år"},
		Years:      []ProfileJob{{Title: "Produktionsmedarbejder hos Østergaard-Jørgensen Smed"}},
		Education:  []string{"Smed, uddannet 2015 hos Søren Østergaard", "Svejser hos Jorgensens Maskinfabrik"},
		Skills:     []string{"Profil: linkedin.com/in/soeren-oe.", "ASP.NET"}, SkillsMatched: []string{"Se https://www.facebook.com/Soeren.Oe?id=1 (privat)"},
		Occupations: []string{"Smed"},
		Interview: "Soeren Oestergaard (SAG-F-4, se https://evil.example/x) er stabil. Soren har kørekort; Ostergard-Jorgensens referencer er gode. " +
			"Sag SAG-F-40 er en anden. Skriv til sag-f-4@example.dk.",
	}
	anonymiseProfile(&p, c, nil, false, i18n.DA)
	want := Profile{
		Experience:    []string{"Produktionsmedarbejder hos (navn fjernet) Smed, 3 år", "Lager hos (navn fjernet) Transport ((sagsnummer fjernet)), 1 år"},
		Years:         []ProfileJob{{Title: "Produktionsmedarbejder hos (navn fjernet) Smed"}},
		Education:     []string{"Smed, uddannet 2015 hos (navn fjernet)", "Svejser hos (navn fjernet) Maskinfabrik"},
		Skills:        []string{"Profil: (link fjernet).", "ASP.NET"},
		SkillsMatched: []string{"Se (link fjernet) (privat)"},
		Occupations:   []string{"Smed"},
		Interview: "Kandidaten ((sagsnummer fjernet), se (link fjernet)) er stabil. Kandidaten har kørekort; kandidatens referencer er gode. " +
			"Sag SAG-F-40 er en anden. Skriv til (e-mail fjernet).",
	}
	if fmt.Sprint(p) != fmt.Sprint(want) {
		t.Fatalf("\n got %+v\nwant %+v", p, want)
	}

	// A surname that is a word: alone it is the trade or the field, next
	// to the first name it is the person.
	c = &jobmatch.Candidate{Name: "Ida Bager Skov"}
	p = Profile{Occupations: []string{"Bager"}, Years: []ProfileJob{{Title: "Bager hos Ida Bager"}}, Education: []string{"Skov- og landskabsingeniør", "Bager, Skov Bager ApS"}}
	anonymiseProfile(&p, c, nil, false, i18n.DA)
	if p.Occupations[0] != "Bager" || p.Years[0].Title != "Bager hos (navn fjernet)" || p.Education[0] != "Skov- og landskabsingeniør" || p.Education[1] != "Bager, (navn fjernet) ApS" {
		t.Fatalf("%+v", p)
	}

	// Named with consent: the name stays, the case number and links go.
	c = &jobmatch.Candidate{Name: "Søren Østergaard", ExternalRef: "SAG-F-4"}
	p = Profile{Education: []string{"Smed hos Søren Østergaard, SAG-F-4, www.oestergaard.dk"}, Interview: "Søren er god, se soeren.dk/cv."}
	anonymiseProfile(&p, c, nil, true, i18n.DA)
	if p.Education[0] != "Smed hos Søren Østergaard, (sagsnummer fjernet), (link fjernet)" || p.Interview != "Søren er god, se (link fjernet)." {
		t.Fatalf("named: %+v", p)
	}
}

// TestCheckAssessment: an assessment about the citizen's family, health or
// origin is refused with the word ("Hendes mand bor i Aabenraa" reached
// the employer as "Vedkommendes mand bor i Aabenraa"); the words of work
// pass, and so do the people a citizen worked with.
func TestCheckAssessment(t *testing.T) {
	for _, c := range []struct{ text, word string }{
		{"Hendes mand bor i Aabenraa.", "mand"},
		{"Stabil. Hun har to børn og kan ikke arbejde om aftenen.", "børn"},
		{"Kan starte efter sin barsel.", "barsel"},
		{"Er gravid, men vil gerne i gang.", "gravid"},
		{"Har været syg i et halvt år.", "syg"},
		{"Har en diagnose, der ikke påvirker arbejdet.", "diagnose"},
		{"Har haft en depression.", "depression"},
		{"Kom til Danmark som flygtning i 2015.", "Kom til Danmark"},
		{"Er muslim og holder ramadan.", "muslim"},
		{"Bor med sin familie i Sønderborg.", "familie"},
		{"Arbejder gerne med børn, men passer også sine børn.", "børn"},
		{"Has a husband in Aabenraa.", "husband"},
		{"Har et handicap.", "handicap"},
	} {
		if got := privateWord(c.text, nil); got != c.word {
			t.Errorf("privateWord(%q) = %q, want %q", c.text, got, c.word)
		}
	}
	for _, text := range []string{
		"Kan starte mandag; erfaren håndværker med mange mandetimer.",
		"Uddannet sygeplejerske, har arbejdet på sygehus og i børnehave.",
		"Handicaphjælper i 6 år, bostøtte til borgere med handicap og erfaring med børn og unge.",
		"Underviste på sprogskole for voksne flygtninge; samarbejde med forældre og familier.",
		"Kender til pleje af syge og ældre og til arbejdet med mennesker med depression.",
		"Opfylder kravene til stillingen og er motiveret for at starte hurtigt.",
		"Stabil og mødestabil; har de efterspurgte certifikater.",
	} {
		if w := privateWord(text, nil); w != "" {
			t.Errorf("privateWord(%q) = %q, want none", text, w)
		}
	}
	err := checkAssessment("Hendes Mand bor i Aabenraa.", nil)
	var verr *jobmatch.ValidationError
	if !errors.As(err, &verr) || len(verr.Fields) != 1 || verr.Fields[0] != (jobmatch.FieldError{Field: "interview.assessment", Code: "private_topic", Param: "Mand"}) {
		t.Fatalf("checkAssessment: %v", err)
	}
	if got := i18n.FieldMessage(i18n.DA, verr.Fields[0]); !strings.HasPrefix(got, "Skriv ikke om familie, helbred eller herkomst: »Mand«.") {
		t.Errorf("Danish: %q", got)
	}
	if got := i18n.FieldMessage(i18n.EN, verr.Fields[0]); !strings.HasPrefix(got, "Do not write about family, health or origin: “Mand”.") {
		t.Errorf("English: %q", got)
	}
}

// TestCheckAssessmentOriginHealthFamily: the second round's texts about
// origin, health and family passed the check, and ordinary work text was
// refused (»søn« in "søn- og helligdage" and "Jensen & Søn", »børn« for
// children cared for at work, »gift« as poison, »manden« as the citizen).
func TestCheckAssessmentOriginHealthFamily(t *testing.T) {
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, word string }{
		{"Han er fra Syrien", "Syrien"},
		{"Hun har stress", "stress"},
		{"She is from Syria and has stress", "Syria"},
		{"Has stress", "stress"},
		{"Hun er født i Polen", "Polen"},
		{"Kommer fra Somalia, taler arabisk.", "Somalia"},
		{"Har syrisk baggrund.", "syrisk baggrund"},
		{"Er syrer og har kørekort.", "syrer"},
		{"Han har en dårlig ryg", "ryg"},
		{"Hans far har brug for hjælp", "far"},
		{"Hendes søster passer ungerne", "søster"},
		{"Passer ungerne om eftermiddagen", "ungerne"},
		{"Hun går til psykolog", "psykolog"},
		{"Han er ordblind", "ordblind"},
		{"Hun er alene med børnene", "børnene"},
		{"Kan ikke arbejde aften på grund af børnene", "børnene"},
		{"Hun skal hjem til børnene kl. 15", "børnene"},
		{"Er gift og har en søn.", "gift"},
		{"Er gift med en tømrer.", "gift"},
		{"Min mand kører.", "mand"},
		{"Manden derhjemme arbejder om natten.", "Manden"},
		{"Kan ikke på søndage pga. sin søn.", "søn"},
		{"Tager medicin og har epilepsi.", "medicin"},
	} {
		if got := privateWord(c.text, places); got != c.word {
			t.Errorf("privateWord(%q) = %q, want %q", c.text, got, c.word)
		}
	}
	for _, text := range []string{
		"Kan arbejde på søn- og helligdage og har 6 år hos Jensen & Søn.",
		"Har 4 år hos Hansen og Sønner Maskinfabrik.",
		"Har passet børn i SFO",
		"Erfaring med håndtering af gift og kemikalier.",
		"Han er manden, der får tingene gjort",
		"Taler arabisk, polsk og tyrkisk; har teknisk baggrund.",
		"Kommer fra Sønderborg og er fra Aabenraa-egnen; arbejder godt under stress.",
		"Uddannet psykolog og har arbejdet som læge.",
		"Har erfaring fra Danfoss og kommer fra en stilling på lager.",
		"Social- og sundhedshjælper: håndtering af medicin, borgere med epilepsi og hjerneskade.",
	} {
		if w := privateWord(text, places); w != "" {
			t.Errorf("privateWord(%q) = %q, want none", text, w)
		}
	}
}

// TestAnonymiseProfileInEnglish: the English employer page said "(navn
// fjernet)", "(sagsnummer fjernet)" and "(link fjernet)" in the CV's lines
// and the assessment.
func TestAnonymiseProfileInEnglish(t *testing.T) {
	c := &jobmatch.Candidate{Name: "Søren Østergaard", ExternalRef: "SAG-F-4", Phone: "22994455"}
	p := Profile{Experience: []string{"Smed hos Østergaard Smed, SAG-F-4, www.oestergaard.dk"},
		Years:     []ProfileJob{{Title: "Smed hos Østergaard Smed"}},
		Interview: "Søren is reliable, call 22 99 44 55 or soeren@example.dk, see soeren.dk/cv, case SAG-F-4."}
	anonymiseProfile(&p, c, nil, false, i18n.EN)
	if p.Experience[0] != "Smed hos (name removed) Smed, (case number removed), (link removed)" || p.Years[0].Title != "Smed hos (name removed) Smed" ||
		p.Interview != "The candidate is reliable, call (phone number removed) or (e-mail removed), see (link removed), case (case number removed)." {
		t.Fatalf("%+v", p)
	}
}

// TestCheckAssessmentAgeAndOrigin: an assessment that said the citizen's
// age and origin reached the employer ("Andreea er 24, kom til Danmark
// fra Rumænien i 2019" read "Kandidaten er 24, kom til Danmark fra
// Rumænien"): the origin phrases matched only with "kom" and "fra" side
// by side, and no age was looked for. Ages and origins as people write
// them are refused, with why; years of work, a firm one comes from and
// the years of a job pass.
func TestCheckAssessmentAgeAndOrigin(t *testing.T) {
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, code, word string }{
		{"Andreea er 24, kom til Danmark fra Rumænien i 2019 og har 2 år på lager; tidligere chef hos PostNord, Mette.", "private_topic", "kom til Danmark"},
		{"Stabil og er 24 år og har kørekort.", "private_age", "er 24 år"},
		{"Han er 52.", "private_age", "er 52"},
		{"Erfaren, 24 år gammel, kan starte straks.", "private_age", "24 år gammel"},
		{"En 24-årig med truckcertifikat.", "private_age", "24-årig"},
		{"Født i 1990 og har truckcertifikat.", "private_age", "Født i 1990"},
		{"Født i '90, mødestabil.", "private_age", "Født i '90"},
		{"Er født 3. maj 1971.", "private_age", "født 3. maj 1971"},
		{"She is 24 years old.", "private_age", "is 24 years old"},
		{"Alder: 58, erfaren.", "private_age", "Alder: 58"},
		{"Kom i 2015 til Danmark og har arbejdet på lager siden.", "private_topic", "Kom i 2015 til Danmark"},
		{"Kommer oprindeligt fra Polen.", "private_topic", "Polen"},
		{"Hun kommer fra Polen og har 3 års erfaring.", "private_topic", "Polen"},
		{"Flygtede i 2015 fra Syrien.", "private_topic", "Syrien"},
		{"Er født i Syrien.", "private_topic", "Syrien"},
		{"Kom som flygtning fra Eritrea.", "private_topic", "flygtning"},
		{"Er rumænsk statsborger.", "private_topic", "rumænsk statsborger"},
		{"Er syrisk statsborger med opholdstilladelse.", "private_topic", "syrisk statsborger"},
		{"Han er polsk og taler godt engelsk.", "private_topic", "polsk"},
		{"Came to Denmark in 2019.", "private_topic", "Came to Denmark"},
	} {
		err := checkAssessment(c.text, places)
		var verr *jobmatch.ValidationError
		if !errors.As(err, &verr) || len(verr.Fields) != 1 || verr.Fields[0] != (jobmatch.FieldError{Field: "interview.assessment", Code: c.code, Param: c.word}) {
			t.Errorf("checkAssessment(%q) = %v, want %s »%s«", c.text, err, c.code, c.word)
		}
	}
	for _, text := range []string{
		"Kom fra en stilling hos Arla og har truckcertifikat.",
		"Kommer fra Arla, hvor hun har pakket i 3 år.",
		"Har 24 års erfaring som chauffør.",
		"Har 2 år på lager og 3 år i produktion.",
		"Har arbejdet i 24 år som smed.",
		"Kørte for Danske Fragtmænd fra 2019 til 2023.",
		"Har en 3-årig uddannelse som mekaniker og er 100 % mødestabil.",
		"Timelønnen er 24.000 kr. om måneden? Nej: arbejdstiden er 37 timer.",
		"Kommer fra Sønderborg og flyttede til Kolding i 2020.",
		"Har erfaring fra Polen og Tyskland som chauffør.",
	} {
		if err := checkAssessment(text, places); err != nil {
			t.Errorf("checkAssessment(%q) = %v, want none", text, err)
		}
	}
	err = checkAssessment("Andreea er 24 og stabil.", places)
	var verr *jobmatch.ValidationError
	if !errors.As(err, &verr) {
		t.Fatal(err)
	}
	if got := i18n.FieldMessage(i18n.DA, verr.Fields[0]); !strings.HasPrefix(got, "Skriv ikke kandidatens alder: »er 24«. Arbejdsgiveren må ikke vælge efter alder") {
		t.Errorf("Danish: %q", got)
	}
	if got := i18n.FieldMessage(i18n.EN, verr.Fields[0]); !strings.HasPrefix(got, "Do not write the candidate's age: “er 24”. An employer may not choose by age") {
		t.Errorf("English: %q", got)
	}
}
