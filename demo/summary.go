package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobmatch/app/cvs"
)

// The CV summary, written in the first person the way jobseekers write on
// Jobnet: what they have done and for how long (the same years as the
// experience lines), what they are like, what they want. Sentences are
// drawn from small sets and joined, so no two summaries need read alike.

type summaryFacts struct {
	age       int
	lines     []line
	main      float64 // years in the job itself (the experience lines with its titles)
	total     float64
	yearsInDK int
	youth     *line
	abroad    *line
	licences  []string
	commute   int
	wants     []string
	edu       []cvs.EducationInput
	danish    string // CEFR level of the person's Danish
}

// summarySaid is what a summary said of the working time, which the CV's
// fields then say too.
type summarySaid struct {
	fewerHours bool // starts with fewer hours: part-time
	shifts     bool // takes day, evening and weekend shifts
}

// yearsDA writes years the Danish way: "3", "3½", "½".
func yearsDA(y float64) string {
	whole := int(y)
	half := y-float64(whole) >= 0.5
	switch {
	case half && whole == 0:
		return "½"
	case half:
		return fmt.Sprintf("%d½", whole)
	}
	return fmt.Sprint(whole)
}

// lowerTitle lowers a title's first letter for the middle of a sentence,
// but keeps abbreviations ("SOSU-assistent", "IT-tekniker").
func lowerTitle(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	if r2, _ := utf8.DecodeRuneInString(t[n:]); unicode.IsUpper(r2) {
		return t
	}
	return string(unicode.ToLower(r)) + t[n:]
}

var languageDA = map[string]string{"ar": "arabisk", "uk": "ukrainsk", "ti": "tigrinya", "fa": "dari", "so": "somali", "pl": "polsk", "ro": "rumænsk", "de": "tysk", "tr": "tyrkisk"}

// sectorTimes are the working times of trades outside shiftSectors whose
// hours are not an office's, and how a CV says them.
var sectorTimes = map[string]struct {
	shifts []string
	says   string
}{
	"butik":     {[]string{"day", "evening", "weekend"}, "Jeg arbejder gerne om aftenen og i weekenden."},
	"bageri":    {[]string{"day", "night", "weekend"}, "Jeg er vant til at møde om natten og arbejder gerne i weekenden."},
	"rengoring": {[]string{"day", "evening"}, "Jeg gør også gerne rent om aftenen."},
}

var shiftSectors = map[string]bool{"pleje": true, "sygehus": true, "restaurant": true, "hotel": true, "industri": true, "slagteri": true, "lager": true, "bus": true, "handicap": true, "vagt": true, "botilbud": true, "taxi": true}

func (g *Generator) summary(p person, j *job, f summaryFacts) (string, summarySaid) {
	r := g.r
	var said summarySaid
	var s []string
	add := func(format string, args ...any) { s = append(s, fmt.Sprintf(format, args...)) }
	t := lowerTitle(g.one(j.same))
	area := "i " + p.town + "-området"
	if alsPostals[p.postal] && r.IntN(2) == 0 {
		area = "på Als"
	} else if r.IntN(3) == 0 {
		area = "i og omkring " + p.town
	}
	hasTrade := false
	for _, e := range f.edu {
		hasTrade = hasTrade || j.skilled && len(j.edu) > 0 && e.Field == educations[j.edu[0]].field
	}

	switch {
	case f.main > 0:
		y, first := yearsDA(f.main), f.lines[0]
		switch k := r.IntN(5); {
		case k == 0:
			add("Jeg har arbejdet som %s i %s år, senest hos %s.", t, y, first.employer)
		case k == 1 && hasTrade:
			add("Jeg er uddannet %s og har arbejdet i faget i %s år.", t, y)
		case k == 2 && f.main >= 5 && j.place != "":
			add("Jeg er en erfaren %s og har arbejdet %s i %s år.", t, j.place, y)
		case k == 3 && first.years < f.main:
			add("De sidste %s år har jeg arbejdet som %s hos %s, og i alt har jeg %s års erfaring i faget.", yearsDA(first.years), t, first.employer, y)
		default:
			add("Jeg har %s års erfaring som %s %s.", y, t, j.place)
		}
		if len(j.tasks) > 0 && r.IntN(5) != 0 {
			ts := pickStrings(r, j.tasks, min(len(j.tasks), 1+r.IntN(3)))
			switch len(ts) {
			case 1:
				add("Jeg har især arbejdet med %s.", ts[0])
			case 2:
				add("Jeg er vant til %s.", listDA(ts))
			default:
				add("Jeg har blandt andet arbejdet med %s.", listDA(ts))
			}
		}
		for _, l := range f.lines[1:] {
			if !containsTitle(j.same, l.title) && l != deref(f.youth) && l != deref(f.abroad) {
				add("Før det arbejdede jeg %s år som %s.", yearsDA(l.years), lowerTitle(l.title))
				break
			}
		}
	case f.youth != nil:
		add("Jeg er %d år og har haft fritidsjob som %s hos %s i %s år ved siden af skolen.", f.age, lowerTitle(f.youth.title), f.youth.employer, yearsDA(f.youth.years))
		add("Nu vil jeg gerne i gang som %s.", t)
	case p.group == "young":
		if len(f.edu) > 0 && r.IntN(2) == 0 {
			add("Jeg er %d år og har afsluttet %s.", f.age, lowerEdu(f.edu[len(f.edu)-1].Field))
		} else {
			add("Jeg er %d år og søger mit første faste job.", f.age)
		}
		add("Jeg vil gerne arbejde som %s og er klar til at lære.", t)
	case p.origin != nil:
		add("Jeg vil gerne arbejde som %s.", t)
	case p.group == "further_from_job":
		add("Jeg har været væk fra arbejdsmarkedet i en længere periode og vil gerne i gang igen som %s.", t)
	case j.skilled:
		add("Jeg er nyuddannet %s og søger mit første job i faget.", t)
	default:
		add("Jeg søger job som %s.", t)
	}

	if p.origin != nil {
		add("Jeg kom til Danmark fra %s for %d år siden.", p.origin.country, f.yearsInDK)
		if f.abroad != nil {
			add("I %s arbejdede jeg %s år som %s.", p.origin.country, yearsDA(f.abroad.years), lowerTitle(f.abroad.title))
		}
		if f.danish <= "A2" {
			add("Jeg går på sprogskole og forstår en del dansk, men taler bedst %s.", languageDA[p.mother])
		} else {
			add("Jeg taler og skriver dansk og bliver bedre hver dag.")
		}
		add("%s", []string{"Jeg vil gerne have en IGU eller en praktik, så jeg kan lære faget i Danmark.", "Jeg vil meget gerne starte i praktik og vise, hvad jeg kan.", "Jeg er vant til at arbejde hårdt og lærer hurtigt."}[r.IntN(3)])
	}
	if p.group == "further_from_job" {
		// What the work must allow, not why: a CV is read by employers,
		// and health is no business of theirs (GDPR art. 9).
		const fewer = "Jeg vil gerne starte med færre timer og så trappe op."
		sentence := g.one([]string{
			fewer,
			"Jeg søger et job uden tunge løft, og jeg er stabil og grundig.",
			"Jeg vil gerne starte i en virksomhedspraktik for at vise, hvad jeg kan.",
			"Jeg har brug for faste rammer og en arbejdsplads, hvor jeg kan få en god start.",
		})
		add("%s", sentence)
		said.fewerHours = sentence == fewer
	}
	if r.IntN(10) < 7 {
		a, b := pickTwo(r, traits)
		add(g.one([]string{"Jeg er %s og %s.", "Mine kolleger beskriver mig som %s og %s.", "Jeg er %s, og så er jeg %s."}), a, b)
	}
	switch {
	case has(f.licences, "C"):
		add("Jeg har kørekort til lastbil (C/CE) og gyldigt kvalifikationsbevis.")
	case has(f.licences, "D"):
		add("Jeg har kørekort til bus (D) og kvalifikationsbevis.")
	case has(f.licences, "B") && r.IntN(2) == 0:
		add("Jeg har kørekort B og egen bil.")
	case len(f.licences) == 0 && r.IntN(3) == 0:
		add("Jeg har ikke kørekort, men kommer frem med bus og cykel.")
	}
	want := t
	if len(f.wants) > 1 {
		want += " eller " + lowerTitle(f.wants[1])
	}
	switch r.IntN(3) {
	case 0:
		add("Jeg søger fast arbejde som %s %s.", want, area)
	case 1:
		add("Jeg vil gerne arbejde %s, højst %d km hjemmefra, gerne som %s.", area, f.commute, want)
	default:
		add("Jeg søger job som %s %s og kan starte med kort varsel.", want, area)
	}
	if shiftSectors[j.sector] && r.IntN(2) == 0 {
		add("Jeg kan tage både dag-, aften- og weekendvagter.")
		said.shifts = true
	}
	// A job without a place phrase leaves a double space or " ." behind.
	return tidy.Replace(strings.Join(s, " ")), said
}

// workingTime gives a CV the hours it wants and the times it will work, as
// its summary says them, and adds to the summary what the fields say that
// it does not. Its own random stream (by the seed and the CV's number), so
// the CVs' other draws stay as they were.
func (g *Generator) workingTime(in *cvs.CandidateInput, j *job, said summarySaid) {
	h := rand.New(rand.NewPCG(g.seed, uint64(g.n)^0x74696d65))
	var more []string
	switch k := h.IntN(100); {
	case said.fewerHours:
		in.Hours = []string{"part"}
	case k < 8:
		in.Hours = []string{"part"}
		more = append(more, fmt.Sprintf("Jeg vil helst arbejde deltid, omkring %d timer om ugen.", []int{20, 25, 30}[h.IntN(3)]))
	case k < 28:
		in.Hours = []string{"full", "part"}
		if h.IntN(2) == 0 {
			more = append(more, "Jeg kan arbejde både fuldtid og deltid.")
		}
	case k < 90:
		in.Hours = []string{"full"}
	}
	switch k := h.IntN(100); {
	case said.shifts:
		in.Shifts = []string{"day", "evening", "weekend"}
	case shiftSectors[j.sector] && k < 20:
		in.Shifts = []string{"day", "evening", "night", "weekend"}
		more = append(more, "Jeg kan arbejde på alle tider af døgnet, også nat og weekend.")
	case sectorTimes[j.sector].shifts != nil && k < 45:
		// A shop is open evenings and weekends, a bakery bakes at night,
		// offices are cleaned after hours: many in those trades say so.
		in.Shifts = sectorTimes[j.sector].shifts
		more = append(more, sectorTimes[j.sector].says)
	case shiftSectors[j.sector] && k < 70, !shiftSectors[j.sector] && k < 85:
		in.Shifts = []string{"day"}
	}
	if len(more) > 0 {
		in.Summary += " " + strings.Join(more, " ")
	}
}

var tidy = strings.NewReplacer("  ", " ", " .", ".")

func deref(l *line) line {
	if l == nil {
		return line{}
	}
	return *l
}

func containsTitle(ts []string, t string) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func has(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func pickTwo(r interface{ IntN(int) int }, xs []string) (string, string) {
	i := r.IntN(len(xs))
	j := r.IntN(len(xs) - 1)
	if j >= i {
		j++
	}
	return xs[i], xs[j]
}

// lowerEdu lowers an education's first letter unless it is an abbreviation.
func lowerEdu(e string) string { return lowerTitle(e) }

// listDA joins phrases as Danish does: "a, b og c"; when a phrase holds an
// "og" of its own, the last joins with "samt" so the list still reads.
func listDA(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	and := " og "
	for _, x := range xs {
		if strings.Contains(x, " og ") {
			and = " samt "
		}
	}
	return strings.Join(xs[:len(xs)-1], ", ") + and + xs[len(xs)-1]
}
