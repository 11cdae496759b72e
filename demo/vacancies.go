package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/app/intake"
)

// Demo vacancies read like the ads Danish employers post on Jobnet: the
// Jobnet title of a job the company's trade has, a few lines on the work,
// who they are looking for and what they offer, skills worded as in the
// CVs, in the company's own town.

// demoTowns names the towns of the demo companies' postal codes.
var demoTowns = map[string]string{
	"6400": "Sønderborg", "6430": "Nordborg", "6440": "Augustenborg", "6470": "Sydals", "6310": "Broager",
	"6300": "Gråsten", "6320": "Egernsund", "6200": "Aabenraa", "6330": "Padborg", "6340": "Kruså",
	"6270": "Tønder", "6100": "Haderslev", "6500": "Vojens", "6230": "Rødekro", "6000": "Kolding",
}

// titleSuffixes are what employers add to a title to say which post it is.
var titleSuffixes = map[string][]string{
	"pleje":     {" til aftenvagt", " til dagvagt", " til nattevagt"},
	"lager":     {" til dagholdet", " til aftenholdet"},
	"rengoring": {" til kontorrengøring", " – 25 timer om ugen"},
	"industri":  {" til 2-holdsskift", " til produktionen"},
	"dagtilbud": {" til vuggestuen", " til børnehaven"},
}

// professionOf returns the table row of a title (nil when it has none).
func professionOf(title string) *profession {
	for i := range professions {
		if professions[i].title == title {
			return &professions[i]
		}
	}
	return nil
}

// vacancyFor writes a vacancy the company c would post.
func vacancyFor(c companies.CompanyInput, r *rand.Rand, now time.Time) intake.VacancyInput {
	jobs := []string{"Lagermedarbejder", "Rengøringsassistent", "Social- og sundhedshjælper", "Produktionsmedarbejder", "Butiksassistent"}
	for _, t := range trades {
		if t.industry == c.Industry {
			jobs = t.jobs
		}
	}
	p := professionOf(jobs[r.IntN(len(jobs))])
	town, where := demoTowns[c.PostalCode], ""
	if town != "" {
		where = " i " + town
	}
	title := p.title
	if sfx := titleSuffixes[p.sector]; len(sfx) > 0 && r.IntN(4) == 0 {
		title += sfx[r.IntN(len(sfx))]
	}
	t := lowerTitle(p.title)
	hours := "full"
	if p.sector == "pleje" || p.sector == "rengoring" || p.sector == "butik" || p.sector == "restaurant" {
		if r.IntN(3) == 0 {
			hours = "part"
		}
	}
	if strings.Contains(title, "timer om ugen") {
		hours = "part" // the title says so
	}
	var d []string
	add := func(format string, args ...any) { d = append(d, fmt.Sprintf(format, args...)) }
	switch r.IntN(3) {
	case 0:
		add("%s søger en %s%s.", c.Name, t, where)
	case 1:
		add("Har du lyst til at blive en del af et godt team? Vi søger en %s%s.", t, where)
	default:
		if p.skilled {
			add("Vi har travlt og søger derfor en dygtig %s%s.", t, where)
		} else {
			add("Vi har travlt og søger derfor en ny kollega som %s%s.", t, where)
		}
	}
	tasks := pickStrings(r, p.tasks, min(len(p.tasks), 2+r.IntN(2)))
	if len(tasks) == 3 {
		add("Du kommer blandt andet til at arbejde med %s.", listDA(tasks))
	} else if len(tasks) == 2 {
		add("Som %s hos os kommer du til at arbejde med %s.", t, listDA(tasks))
	}
	if p.skilled {
		add("Vi forventer, at du er uddannet %s eller har tilsvarende erfaring.", t)
	} else {
		add("Du behøver ikke have erfaring, men du skal være mødestabil og have lyst til at lære.")
	}
	req := pickStrings(r, p.skills, 2)
	var des []string
	for _, s := range pickStrings(r, p.skills, 4) {
		if s != req[0] && s != req[1] && len(des) < 2 {
			des = append(des, s)
		}
	}
	// A licence or a certificate is had, not experienced: "det er en
	// fordel, hvis du har kørekort B", not "erfaring med kørekort B".
	var certs, skills []string
	for _, s := range des {
		if strings.Contains(s, "kørekort") || strings.Contains(s, "bevis") || strings.Contains(s, "certifikat") {
			certs = append(certs, s)
		} else {
			skills = append(skills, s)
		}
	}
	if len(skills) > 0 {
		add("Det er en fordel, hvis du har erfaring med %s.", listDA(skills))
	}
	if len(certs) > 0 {
		add("Det er en fordel, hvis du har %s.", listDA(certs))
	}
	in := intake.VacancyInput{
		Company: c, Title: title, SkillsRequired: req, SkillsDesired: des,
		PostalCode: c.PostalCode, EmploymentType: "ordinary", Hours: hours, Positions: 1 + r.IntN(3),
		StartDate: now.AddDate(0, 1, r.IntN(30)).Format(time.DateOnly), Deadline: now.AddDate(0, 0, 14+r.IntN(14)).Format(time.DateOnly),
		ScreeningRequested: r.IntN(2) == 0,
	}
	// A trade's education, as the ad asks it ("uddannet tømrer"): the
	// least level the vacancy asks, which each match is told against.
	if e, ok := educations[first(p.edu)]; ok && p.skilled && slices.Contains([]string{"vocational", "short_cycle", "bachelor", "master", "phd"}, e.level) {
		in.EducationLevel = e.level
	}
	switch p.licence {
	case "C":
		in.DrivingLicence = "CE"
		add("Du har kørekort C/CE og gyldigt kvalifikationsbevis.")
	case "D":
		in.DrivingLicence = "D"
		add("Du har kørekort D og kvalifikationsbevis.")
	}
	if p.sector == "pleje" || p.sector == "kontor" || p.sector == "dagtilbud" {
		in.Languages = []jobmatch.Language{{Code: "da", Level: "B2"}}
		add("Du taler og skriver dansk.")
	}
	if p.skilled && r.IntN(3) == 0 {
		in.ExperienceYears = 2
		add("Du har mindst 2 års erfaring i faget.") // the ad says what the field asks
	}
	if p.entry && r.IntN(8) == 0 {
		in.EmploymentType = "loentilskud"
		add("Vi samarbejder med jobcentret om forløbet.")
	}
	switch {
	case in.EmploymentType == "loentilskud":
		// A wage subsidy is for a time, not a permanent post.
		add("Jobbet er med løntilskud i op til seks måneder, og vi håber at kunne tilbyde fast ansættelse bagefter.")
	case hours == "full":
		add("Vi tilbyder en fast stilling på 37 timer om ugen med løn efter overenskomst, gode kolleger og en uformel omgangstone.")
	default:
		add("Vi tilbyder en fast deltidsstilling på 25-30 timer om ugen med løn efter overenskomst.")
	}
	if shiftSectors[p.sector] && r.IntN(2) == 0 {
		add("Der er tale om skiftende vagter, også weekender.")
	}
	if c.Contact.Name != "" && r.IntN(2) == 0 {
		add("Har du spørgsmål til stillingen, er du velkommen til at kontakte %s.", c.Contact.Name)
	}
	add("Jobcentret hjælper os med at finde den rette: er du interesseret, så kontakt jobcentret. Vi holder samtaler løbende.")
	in.Description = strings.Join(d, " ")
	return in
}

// first is the first of ss, or "".
func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}
