package intake

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/i18n"
)

// JobPosting is a vacancy as schema.org JSON-LD, the format job boards and
// search engines read. It names the employer only if the employer agreed
// to show the name (PublishedVacancy), and no contact person.
type JobPosting map[string]any

// AnonymousEmployer names the hiring organisation of a vacancy published
// without the employer's name: Google's JobPosting requires a
// hiringOrganization with a name, so it is a neutral one, with no CVR.
const AnonymousEmployer = "Anonym arbejdsgiver via jobcentret"

var employmentTypes = map[jobmatch.Hours]string{jobmatch.HoursFull: "FULL_TIME", jobmatch.HoursPart: "PART_TIME", jobmatch.HoursFlex: "OTHER"}

// JobPostingOf builds the JSON-LD of a vacancy; url is its public page.
func (s *Service) JobPostingOf(v *jobmatch.Vacancy, city, url string) JobPosting {
	jp := JobPosting{
		"@context":           "https://schema.org/",
		"@type":              "JobPosting",
		"title":              v.Title,
		"description":        v.Description,
		"datePosted":         v.CreatedAt.In(jobmatch.Copenhagen).Format(time.DateOnly),
		"identifier":         map[string]any{"@type": "PropertyValue", "name": "jobmatch", "value": v.Reference},
		"hiringOrganization": map[string]any{"@type": "Organization", "name": v.CompanyName},
		"jobLocation": map[string]any{"@type": "Place", "address": map[string]any{"@type": "PostalAddress",
			"postalCode": v.PostalCode, "addressLocality": city, "addressCountry": "DK"}},
		"employmentType":   employmentTypes[v.Hours],
		"totalJobOpenings": v.Positions,
		"directApply":      false,
	}
	if v.CVR != "" {
		jp["hiringOrganization"].(map[string]any)["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "CVR", "value": v.CVR}
	}
	if jp["employmentType"] == "" {
		jp["employmentType"] = "OTHER"
	}
	if !v.Deadline.IsZero() {
		jp["validThrough"] = time.Date(v.Deadline.Year(), v.Deadline.Month(), v.Deadline.Day(), 23, 59, 59, 0, jobmatch.Copenhagen).Format(time.RFC3339)
	}
	if !v.StartDate.IsZero() {
		jp["jobStartDate"] = v.StartDate.Format(time.DateOnly)
	}
	if skills := append(append([]string{}, v.SkillsRequired...), v.SkillsDesired...); len(skills) > 0 {
		jp["skills"] = skills
	}
	if v.ExperienceYears > 0 {
		// schema.org counts experience in months.
		jp["experienceRequirements"] = map[string]any{"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 12 * v.ExperienceYears}
	}
	if c, ok := credentialCategory[v.EducationLevel]; ok {
		jp["educationRequirements"] = map[string]any{"@type": "EducationalOccupationalCredential", "credentialCategory": c}
	}
	if v.EmploymentType != jobmatch.EmploymentOrdinary && v.EmploymentType != "" {
		jp["employmentUnit"] = string(v.EmploymentType)
	}
	if url != "" {
		jp["url"] = url
	}
	return jp
}

// vacancyOpen reports whether a vacancy still takes candidates.
func vacancyOpen(v *jobmatch.Vacancy) bool {
	return v.Status != jobmatch.VacancyFilled && v.Status != jobmatch.VacancyClosed
}

// PublishedVacancy returns a vacancy the employer agreed to publish and
// that is still open, as the public sees it; anything else is ErrNotFound.
// Published without the employer's name (show_name false), it names the
// employer neutrally, has no CVR or contact person, and its title and
// text are without the company's name: 69 of 200 demo vacancies begin
// "Rødekro IT ApS søger …".
func (s *Service) PublishedVacancy(ctx context.Context, id string) (*jobmatch.Vacancy, error) {
	v, err := s.Vacancy(ctx, id)
	if err != nil {
		return nil, err
	}
	p, err := s.Publication(ctx, id)
	if err != nil {
		return nil, err
	}
	if !p.Publish || !vacancyOpen(v) {
		return nil, jobmatch.ErrNotFound
	}
	if !p.ShowName {
		anon := *v
		redact := func(s string) string {
			return RedactEmployer(s, i18n.T(i18n.DA, "anon.company"), v.CompanyName, v.CompanyNameGiven)
		}
		anon.Title, anon.Description = redact(v.Title), redact(v.Description)
		anon.CompanyName, anon.CompanyNameGiven, anon.CVR, anon.Contact = AnonymousEmployer, "", "", jobmatch.Person{}
		return &anon, nil
	}
	return v, nil
}

// PublishedVacancies are the open vacancies the employers agreed to
// publish, newest first.
func (s *Service) PublishedVacancies(ctx context.Context) ([]*jobmatch.Vacancy, error) {
	ids, err := s.st.PublishedVacancyIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := []*jobmatch.Vacancy{}
	for _, id := range ids {
		v, err := s.PublishedVacancy(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// credentialCategory is schema.org's category (as Google reads job
// postings) of the education a vacancy asks.
var credentialCategory = map[string]string{
	"vocational": "professional certificate", "short_cycle": "associate degree", "bachelor": "bachelor degree",
	"master": "postgraduate degree", "phd": "postgraduate degree",
}

// RedactEmployer replaces each company name of names in text with
// placeholder, for a page or feed where the employer's name must not be
// shown: the name as registered or given, with or without its company
// form ("Rødekro IT ApS", "Rødekro IT", "RØDEKRO IT A/S"), without case,
// with æ, ø and å or their spellings ae, oe and aa, "&" or "og", in its
// genitive ("Rødekro IT's", "Hansens"), and as whole words only: "Hansen"
// stays in "Hansenvej".
func RedactEmployer(text, placeholder string, names ...string) string {
	for _, name := range names {
		re := companyNamePattern(name)
		if re == nil {
			continue
		}
		var b strings.Builder
		last := 0
		for _, m := range re.FindAllStringIndex(text, -1) {
			before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			after, _ := utf8.DecodeRuneInString(text[m[1]:])
			if m[0] > 0 && isWordRune(before) || m[1] < len(text) && isWordRune(after) {
				continue // part of a longer word
			}
			b.WriteString(text[last:m[0]])
			b.WriteString(placeholder)
			last = m[1]
		}
		b.WriteString(text[last:])
		text = b.String()
	}
	return text
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// companyForms are the company forms a name may be written with or
// without, lower case without "/" and ".".
var companyForms = map[string]bool{"as": true, "aps": true, "is": true, "ivs": true, "ks": true, "ps": true, "amba": true, "fmba": true, "smba": true}

// companyFormPattern matches a company form as written after a name. "as"
// and "is" without their slash or dots are words too ("as well"), so they
// count bare only in capitals ("Als Tømrer AS").
const companyFormPattern = `(?:[aikp]\s?/\s?s|[aikp]\.\s?s\.?|(?-i:[AIKP]S)|aps|ivs|[afs]\.?m\.?b\.?a\.?)`

// companyNamePattern matches a company's name as people write it in a
// vacancy's text (RedactEmployer); nil for a name that is only a company
// form, or none.
func companyNamePattern(name string) *regexp.Regexp {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	for len(words) > 0 && companyForms[strings.NewReplacer("/", "", ".", "").Replace(strings.ToLower(words[len(words)-1]))] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return nil
	}
	parts := make([]string, len(words))
	for i, w := range words {
		if w == "&" || strings.EqualFold(w, "og") {
			parts[i] = `(?:&|og|and)`
			continue
		}
		parts[i] = danishSpellings(w)
	}
	return regexp.MustCompile(`(?i)` + strings.Join(parts, `(?:\s*-\s*|\s+)`) + `(?:,?\s+` + companyFormPattern + `)?(?:['’]s?|s)?`)
}

// danishSpellings quotes w for a pattern that also takes æ, ø and å
// spelled ae, oe and aa, and those spellings written with the letters.
func danishSpellings(w string) string {
	var b strings.Builder
	lw := []rune(strings.ToLower(w))
	for i := 0; i < len(lw); i++ {
		r := lw[i]
		if i+1 < len(lw) {
			switch string(lw[i : i+2]) {
			case "ae":
				b.WriteString(`(?:ae|æ)`)
				i++
				continue
			case "oe":
				b.WriteString(`(?:oe|ø)`)
				i++
				continue
			case "aa":
				b.WriteString(`(?:aa|å)`)
				i++
				continue
			}
		}
		switch r {
		case 'æ':
			b.WriteString(`(?:æ|ae)`)
		case 'ø':
			b.WriteString(`(?:ø|oe)`)
		case 'å':
			b.WriteString(`(?:å|aa)`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

func init() {
	i18n.Register(map[string][2]string{
		"anon.company": {"[virksomheden]", "[the company]"},
	})
}
