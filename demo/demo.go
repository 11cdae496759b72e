// Package demo creates the demo data `jobmatch serve --demo` shows a newcomer:
// staff users (password "demo", only in demo mode), consultants covering
// areas of Southern Jutland, companies with valid CVR numbers, and their
// first vacancies and requests. Everything is generated from a fixed seed.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/app/intake"
	"jobmatch/app/staff"
	"jobmatch/system"
)

// Options sizes the demo data.
type Options struct {
	Companies  int // default 40
	Candidates int // CVs to generate (0: none)
	Seed       uint64
}

const marker = "demo:loaded"

// Password is the password of every demo user.
const Password = "demo"

// Users are the demo staff.
var Users = []staff.NewUser{
	{Email: "admin@demo.local", Name: "Anne Admin", Role: jobmatch.RoleAdmin, Phone: "88 72 40 00"},
	{Email: "konsulent@demo.local", Name: "Karen Konsulent", Role: jobmatch.RoleConsultant, Phone: "88 72 41 01", Areas: []string{"64"}},
	{Email: "hotline@demo.local", Name: "Henrik Hotline", Role: jobmatch.RoleHotline, Phone: "88 72 40 10"},
	{Email: "leder@demo.local", Name: "Lone Leder", Role: jobmatch.RoleManagement, Phone: "88 72 40 01"},
	{Email: "mads@demo.local", Name: "Mads Mortensen", Role: jobmatch.RoleConsultant, Phone: "88 72 41 02", Areas: []string{"63", "i:41", "i:43"}},
	{Email: "fatima@demo.local", Name: "Fatima Hassan", Role: jobmatch.RoleConsultant, Phone: "88 72 41 03", Areas: []string{"62", "i:86", "i:87"}},
	{Email: "lars@demo.local", Name: "Lars Lund", Role: jobmatch.RoleConsultant, Phone: "88 72 41 04", Areas: []string{"60", "61", "i:49"}},
}

// Loaded reports whether the demo data is in (Load finished on this
// database, through whichever process).
func Loaded(ctx context.Context, sys *system.System) (bool, error) {
	return sys.Store.Marked(ctx, marker)
}

// Load creates the demo data once; it returns the number of records created
// (0 when the data was loaded before).
func Load(ctx context.Context, sys *system.System, opt Options) (int, error) {
	st := sys.Store
	if done, err := st.Marked(ctx, marker); err != nil || done {
		return 0, err
	}
	if opt.Companies == 0 {
		opt.Companies = 40
	}
	n := 0
	for _, u := range Users {
		u.Password = Password
		if _, err := sys.Staff.CreateDemoUser(ctx, u); err != nil {
			var ve *jobmatch.ValidationError
			if errors.As(err, &ve) && len(ve.Fields) == 1 && ve.Fields[0].Code == "exists" {
				continue
			}
			return n, fmt.Errorf("demo: user %s: %w", u.Email, err)
		}
		n++
	}
	r := rand.New(rand.NewPCG(opt.Seed+1, 2026))
	for i, c := range Companies(opt.Companies, r) {
		if _, _, err := sys.Companies.EnsureCompany(ctx, c); err != nil {
			return n, fmt.Errorf("demo: company %s: %w", c.CVR, err)
		}
		n++
		if i%3 == 0 {
			in := demoVacancy(c, r, sys.Env.Now())
			// Under a key of its own: a first start stopped half-way and
			// started again posts each vacancy once (it posted them all
			// again, 28 where there are 14).
			_, err := sys.Intake.SubmitVacancy(ctx, in, jobmatch.ChannelWeb, nil, fmt.Sprintf("demo:vacancy:%d", i))
			var reused *intake.KeyReusedError
			if err != nil && !errors.As(err, &reused) { // reused: posted on another day's start
				return n, fmt.Errorf("demo: vacancy: %w", err)
			}
			n++
		}
	}
	if opt.Candidates > 0 {
		p, err := LoadCandidates(ctx, sys, opt.Candidates, opt.Seed+7, nil)
		n += p.Created
		if err != nil {
			return n, fmt.Errorf("demo: candidates: %w", err)
		}
	}
	for _, f := range extra {
		k, err := f(ctx, sys, r)
		n += k
		if err != nil {
			return n, err
		}
	}
	if _, err := st.Mark(ctx, marker, time.Now().UTC()); err != nil {
		return n, err
	}
	return n, nil
}

// extra lets other files add demo data (CVs, a year of events).
var extra []func(ctx context.Context, sys *system.System, r *rand.Rand) (int, error)

var (
	prefixes = []string{"Als", "Sønderborg", "Nordborg", "Augustenborg", "Gråsten", "Broager", "Sydals", "Dybbøl", "Aabenraa", "Padborg", "Kruså", "Tønder", "Haderslev", "Vojens", "Rødekro", "Nybøl", "Egernsund", "Guderup"}
	// trades are the demo companies' lines of business: a DB07 industry
	// code, how such companies are named ({P} a local place, {S} a surname,
	// {H} a house name), the street kind they sit on and the jobs they post.
	trades = []struct {
		industry string
		names    []string
		jobs     []string
	}{
		{"433200", []string{"Tømrerfirmaet {S} ApS", "{P} Tømrer og Snedker ApS", "Tømrermester {S}"}, []string{"Tømrer"}},
		{"432100", []string{"{P} El-service ApS", "{S} El A/S"}, []string{"Elektriker"}},
		{"432200", []string{"{P} VVS ApS", "{S} VVS og Blik ApS"}, []string{"VVS-installatør"}},
		{"871000", []string{"Plejecenter {H}", "Friplejehjemmet {H}"}, []string{"Social- og sundhedsassistent", "Social- og sundhedshjælper", "Sygeplejerske"}},
		{"107100", []string{"{P} Bageri", "Bageriet {S}"}, []string{"Bager", "Butiksassistent"}},
		{"494100", []string{"{P} Transport ApS", "Vognmand {S} A/S"}, []string{"Lastbilchauffør", "Lagermedarbejder"}},
		{"282900", []string{"{P} Maskinfabrik A/S", "{S} Stål ApS"}, []string{"Smed", "CNC-operatør", "Produktionsmedarbejder", "Svejser"}},
		{"692000", []string{"Revisionsfirmaet {S} & Co.", "{P} Revision ApS"}, []string{"Bogholder", "Kontorassistent", "Lønbogholder"}},
		{"620100", []string{"{P} IT ApS", "{S} Software ApS"}, []string{"Softwareudvikler", "IT-supportmedarbejder", "Webudvikler"}},
		{"812100", []string{"{P} Rengøringsservice ApS", "{S} Service ApS"}, []string{"Rengøringsassistent"}},
		{"471100", []string{"Købmand {S}", "{P} Dagligvarer A/S"}, []string{"Butiksassistent", "Kasseassistent", "Lagermedarbejder"}},
		{"551000", []string{"Hotel {P}", "{P} Strandhotel"}, []string{"Hotelmedarbejder", "Receptionist", "Tjener", "Kok"}},
		{"561010", []string{"Restaurant {S}", "{P} Kro"}, []string{"Kok", "Tjener", "Køkkenmedhjælper"}},
		{"452010", []string{"{P} Autoværksted", "Autohuset {P}"}, []string{"Automekaniker"}},
		{"412000", []string{"{P} Byg A/S", "{S} Entreprise A/S"}, []string{"Tømrer", "Murer", "Stilladsmontør"}},
		{"521000", []string{"{P} Lager og Logistik A/S", "{S} Distribution ApS"}, []string{"Lagermedarbejder", "Pakkerimedarbejder"}},
		{"889130", []string{"Den private børnehave {H}", "Børnehuset {H}"}, []string{"Pædagog", "Pædagogmedhjælper"}},
		{"101100", []string{"{P} Slagteri A/S"}, []string{"Industrislagter", "Produktionsmedarbejder"}},
		{"822000", []string{"{P} Kundeservice A/S"}, []string{"Kundeservicemedarbejder"}},
	}
	forms    = []string{"ApS", "A/S", "I/S", ""}
	streets  = []string{"Industrivej", "Erhvervsvej", "Storegade", "Jernbanegade", "Havnevej", "Møllevej", "Nørregade", "Hovedgaden"}
	postals  = []string{"6400", "6400", "6430", "6440", "6470", "6310", "6300", "6320", "6200", "6330", "6340", "6270", "6100", "6500", "6230", "6000"}
	firsts   = []string{"Mette", "Jens", "Hanne", "Søren", "Line", "Peter", "Camilla", "Niels", "Ayse", "Omar", "Birgitte", "Thomas"}
	lasts    = []string{"Jensen", "Nielsen", "Hansen", "Petersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen"}
	compHome = []string{"Birkely", "Solgården", "Engbo", "Lindehuset", "Møllehøj", "Troldehøj", "Regnbuen"}
)

// CVR returns a valid CVR number derived from n.
func CVR(n int) string {
	for base := 10000000 + (n*7919)%8999999; ; base++ {
		p := fmt.Sprintf("%07d", base/10)
		if p[0] == '0' {
			continue
		}
		if d := jobmatch.CVRCheckDigit(p); d >= 0 {
			return fmt.Sprintf("%s%d", p, d)
		}
	}
}

// Companies generates n companies with valid CVR numbers.
func Companies(n int, r *rand.Rand) []companies.CompanyInput {
	out := make([]companies.CompanyInput, 0, n)
	seen := map[string]bool{}
	for i := 0; len(out) < n; i++ {
		cvr := CVR(i + 1)
		if seen[cvr] {
			continue
		}
		seen[cvr] = true
		t := trades[r.IntN(len(trades))]
		postal := postals[r.IntN(len(postals))]
		place := prefixes[r.IntN(len(prefixes))]
		if r.IntN(2) == 0 { // most firms carry the name of their own town
			place = demoTowns[postal]
		}
		name := strings.NewReplacer("{P}", place, "{S}", lasts[r.IntN(len(lasts))], "{H}", compHome[r.IntN(len(compHome))]).
			Replace(t.names[r.IntN(len(t.names))])
		if f := forms[r.IntN(len(forms))]; f != "" && !strings.HasSuffix(name, "ApS") && !strings.HasSuffix(name, "A/S") && !strings.HasSuffix(name, "Co.") && strings.Contains(t.names[0], "{P}") {
			name += " " + f
		}
		first, last := firsts[r.IntN(len(firsts))], lasts[r.IntN(len(lasts))]
		out = append(out, companies.CompanyInput{
			CVR: cvr, Name: name, Address: fmt.Sprintf("%s %d", streets[r.IntN(len(streets))], 1+r.IntN(80)),
			PostalCode: postal, Industry: t.industry,
			Contact: companies.PersonInput{Name: first + " " + last, Email: fmt.Sprintf("%s.%s@%s", lower(first), lower(last), domainOf(name)), Phone: fmt.Sprintf("2%07d", r.IntN(9999999))},
		})
	}
	return out
}

var ascii = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa")

func lower(s string) string { return strings.ToLower(ascii.Replace(s)) }

// domainOf is the web domain a company of that name would have:
// "Sønderborg Maskinfabrik A/S" → soenderborg-maskinfabrik.dk.
func domainOf(name string) string {
	var words []string
	for _, w := range strings.Fields(lower(name)) {
		switch w {
		case "a/s", "aps", "i/s", "k/s", "p/s", "&", "co.", "og":
			continue
		}
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w != "" {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return "virksomhed.dk"
	}
	return strings.Join(words, "-") + ".dk"
}

// demoVacancy writes a vacancy the company would post: a job of its trade
// (vacancies.go), in its town, starting within the next two months.
func demoVacancy(c companies.CompanyInput, r *rand.Rand, now time.Time) intake.VacancyInput {
	return vacancyFor(c, r, now)
}
