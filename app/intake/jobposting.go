package intake

import (
	"context"
	"errors"
	"time"

	"jobmatch"
)

// JobPosting is a vacancy as schema.org JSON-LD, the format job boards and
// search engines read. It names the employer (publishing is agreed to
// with the name) but no contact person.
type JobPosting map[string]any

var employmentTypes = map[jobmatch.Hours]string{jobmatch.HoursFull: "FULL_TIME", jobmatch.HoursPart: "PART_TIME", jobmatch.HoursFlex: "OTHER"}

// JobPostingOf builds the JSON-LD of a vacancy; url is its public page.
func (s *Service) JobPostingOf(v *jobmatch.Vacancy, city, url string) JobPosting {
	jp := JobPosting{
		"@context":    "https://schema.org/",
		"@type":       "JobPosting",
		"title":       v.Title,
		"description": v.Description,
		"datePosted":  v.CreatedAt.In(jobmatch.Copenhagen).Format(time.DateOnly),
		"identifier":  map[string]any{"@type": "PropertyValue", "name": "jobmatch", "value": v.Reference},
		"hiringOrganization": map[string]any{"@type": "Organization", "name": v.CompanyName,
			"identifier": map[string]any{"@type": "PropertyValue", "propertyID": "CVR", "value": v.CVR}},
		"jobLocation": map[string]any{"@type": "Place", "address": map[string]any{"@type": "PostalAddress",
			"postalCode": v.PostalCode, "addressLocality": city, "addressCountry": "DK"}},
		"employmentType":   employmentTypes[v.Hours],
		"totalJobOpenings": v.Positions,
		"directApply":      false,
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
// that is still open; anything else is ErrNotFound.
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
