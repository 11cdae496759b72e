package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/system"
	"jobmatch/taxonomy"
)

// Synthetic CVs, realistic enough to search and match: Danish names, an ESCO
// occupation drawn from a list of common jobs in a Danish municipality (its
// Danish title as the desired occupation, its essential skills as skills,
// experience in it or a related job), postal codes from all over Denmark with
// extra weight on Southern Jutland, languages, driving licences, target
// groups and scheme eligibility. The same seed gives the same people.

var commonJobs = []string{
	"social- og sundhedsassistent", "social- og sundhedshjælper", "sygeplejerske", "pædagog", "pædagogmedhjælper",
	"lagerarbejder", "truckfører", "chauffør", "buschauffør", "tømrer", "murer", "elektriker", "vvs-installatør",
	"rengøringsassistent", "kok", "tjener", "bager", "butiksassistent", "salgsassistent", "kontorassistent",
	"bogholder", "softwareudvikler", "it-supporter", "maskinarbejder", "svejser", "smed", "mekaniker", "landmand",
	"gartner", "produktionsmedarbejder", "lærer", "socialrådgiver", "receptionist", "køkkenmedhjælper", "frisør",
	"malere", "tandlæge", "fysioterapeut", "ergoterapeut", "kundeservicemedarbejder",
}

var (
	firstNames   = []string{"Anna", "Mette", "Jens", "Peter", "Sofie", "Mads", "Emma", "Lars", "Ida", "Henrik", "Fatima", "Ahmad", "Mariam", "Omar", "Hanne", "Søren", "Laura", "Mikkel", "Nadia", "Yusuf", "Karen", "Niels", "Sara", "Ali", "Camilla", "Frederik", "Amira", "Jonas", "Rasmus", "Julie"}
	lastNames    = []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Hassan", "Ali", "Yilmaz", "Ahmadi", "Mohammed"}
	southPostals = []string{"6400", "6430", "6440", "6470", "6310", "6300", "6320", "6200", "6330", "6340", "6270", "6100", "6500", "6230", "6000", "6360", "6392", "6240"}
	languages    = []string{"en", "de", "ar", "uk", "tr", "pl", "fa", "so", "ti"}
	levels       = []string{"A1", "A2", "B1", "B2", "C1", "C2"}
	eduLevels    = []string{"primary", "upper_secondary", "vocational", "short_cycle", "bachelor", "master"}
)

// Generator makes synthetic CVs.
type Generator struct {
	r      *rand.Rand
	tax    *taxonomy.Taxonomy
	jobs   []*taxonomy.Occupation
	postal []string
	n      int
}

// NewGenerator returns a generator with a fixed seed.
func NewGenerator(tax *taxonomy.Taxonomy, seed uint64) *Generator {
	g := &Generator{r: rand.New(rand.NewPCG(seed, 4242)), tax: tax}
	for _, j := range commonJobs {
		if uri, _, ok := tax.NormalizeOccupation(j); ok {
			if o, ok := tax.Occupation(uri); ok {
				g.jobs = append(g.jobs, o)
			}
		}
	}
	// Add a long tail of other occupations with Danish labels.
	for i, o := range tax.Occupations {
		if o.LabelDA != "" && i%7 == 0 {
			g.jobs = append(g.jobs, o)
		}
	}
	for _, c := range tax.Places.Codes() {
		if p, ok := tax.Places.Postal(c); ok && !p.Business {
			g.postal = append(g.postal, c)
		}
	}
	return g
}

// Next returns the next CV.
func (g *Generator) Next() app.CandidateInput {
	r := g.r
	g.n++
	var job *taxonomy.Occupation
	if r.IntN(10) < 7 {
		job = g.jobs[r.IntN(min(len(commonJobs), len(g.jobs)))]
	} else {
		job = g.jobs[r.IntN(len(g.jobs))]
	}
	postal := g.postal[r.IntN(len(g.postal))]
	if r.IntN(10) < 6 {
		postal = southPostals[r.IntN(len(southPostals))]
	}
	in := app.CandidateInput{
		ExternalRef:   fmt.Sprintf("SAG-%07d", g.n),
		Name:          firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))],
		PostalCode:    postal,
		MaxCommuteKm:  []int{10, 15, 20, 30, 40, 50, 75}[r.IntN(7)],
		TargetGroup:   []string{"close_to_job", "close_to_job", "close_to_job", "further_from_job", "young", "refugee_family_reunified"}[r.IntN(6)],
		AvailableFrom: time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
	}
	in.Email = fmt.Sprintf("borger%d@example.dk", g.n)
	label := job.LabelDA
	if label == "" {
		label = job.LabelEN
	}
	in.DesiredOccupations = []string{label}
	if rel := g.tax.RelatedOccupations(job.URI); len(rel) > 0 && r.IntN(3) == 0 {
		if l := rel[r.IntN(len(rel))].LabelDA; l != "" {
			in.DesiredOccupations = append(in.DesiredOccupations, l)
		}
	}
	// Skills: a random share of the occupation's essential skills, a few optional ones.
	for _, i := range pick(r, job.Essential, 3+r.IntN(6)) {
		in.Skills = append(in.Skills, g.tax.SkillAt(i).LabelEN)
	}
	for _, i := range pick(r, job.Optional, r.IntN(3)) {
		in.Skills = append(in.Skills, g.tax.SkillAt(i).LabelEN)
	}
	years := float64(r.IntN(15)) + float64(r.IntN(2))*0.5
	in.Experience = []app.ExperienceInput{{Title: label, Employer: prefixes[r.IntN(len(prefixes))] + " " + []string{"ApS", "A/S", "Kommune", "Region Syddanmark"}[r.IntN(4)], Years: years}}
	in.Education = []app.EducationInput{{Level: eduLevels[r.IntN(len(eduLevels))], Field: label}}
	switch in.TargetGroup {
	case "refugee_family_reunified":
		in.Languages = []jobmatch.Language{{Code: "da", Level: levels[r.IntN(3)]}, {Code: languages[2+r.IntN(len(languages)-2)], Level: "C2"}}
		in.Eligibility = []string{"igu", "virksomhedspraktik", "loentilskud"}
	case "further_from_job":
		in.Languages = []jobmatch.Language{{Code: "da", Level: "C2"}}
		in.Eligibility = []string{"virksomhedspraktik", "loentilskud"}
		if r.IntN(3) == 0 {
			in.Eligibility = append(in.Eligibility, "fleksjob")
		}
	default:
		in.Languages = []jobmatch.Language{{Code: "da", Level: "C2"}}
		if r.IntN(2) == 0 {
			in.Languages = append(in.Languages, jobmatch.Language{Code: languages[r.IntN(2)], Level: levels[2+r.IntN(4)]})
		}
		if in.TargetGroup == "young" || r.IntN(4) == 0 {
			in.Eligibility = []string{"loentilskud"}
		}
		if r.IntN(8) == 0 {
			in.Eligibility = append(in.Eligibility, "voksenlaerling")
		}
	}
	if r.IntN(10) < 7 {
		in.DrivingLicences = []string{"B"}
		if r.IntN(8) == 0 {
			in.DrivingLicences = append(in.DrivingLicences, "C", "CE")
		}
	}
	if r.IntN(10) < 8 {
		in.Consent = &app.ConsentInput{Given: true, Channel: []string{"phone", "meeting", "digital"}[r.IntN(3)]}
	}
	in.Summary = fmt.Sprintf("Erfaren %s med %.0f års erfaring. Søger job som %s i nærheden af %s.", label, years, in.DesiredOccupations[0], g.tax.Places.Name(postal))
	in.BirthYear = 1960 + r.IntN(45)
	in.Gender = []string{"female", "male"}[r.IntN(2)]
	return in
}

func pick(r *rand.Rand, xs []int32, n int) []int32 {
	if n >= len(xs) {
		return xs
	}
	idx := r.Perm(len(xs))[:n]
	out := make([]int32, n)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

// WriteNDJSON writes n CVs as NDJSON, the import format.
func WriteNDJSON(w io.Writer, g *Generator, n int) error {
	enc := json.NewEncoder(w)
	for i := 0; i < n; i++ {
		if err := enc.Encode(g.Next()); err != nil {
			return err
		}
	}
	return nil
}

// LoadCandidates generates n CVs and imports them through the import path.
func LoadCandidates(ctx context.Context, sys *system.System, n int, seed uint64, progress func(app.ImportProgress)) (app.ImportProgress, error) {
	g := NewGenerator(sys.Taxonomy, seed)
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(WriteNDJSON(pw, g, n)) }()
	return sys.Candidates.ImportCandidates(ctx, nil, pr, "ndjson", progress)
}
